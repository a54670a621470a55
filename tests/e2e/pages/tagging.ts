// The page object for tagging in the reader and the entity registry: select words, tag, review, merge.
import { expect, type Locator, type Page } from '@playwright/test';

export class Tagging {
  readonly text: Locator;
  readonly panel: Locator;
  readonly picker: Locator;
  readonly card: Locator;
  readonly registry: Locator;
  /** The registry's rows, one per entity. */
  readonly entityRows: Locator;
  readonly entityPage: Locator;

  constructor(readonly page: Page) {
    const reader = page.getByRole('article', { name: 'Reader' });
    this.text = reader.getByTestId('article-text');
    this.panel = reader.getByRole('complementary', { name: 'Entities in this article' });
    this.picker = page.getByRole('dialog', { name: 'Tag as an entity' });
    this.card = page.getByRole('dialog', { name: 'Mention' });
    this.registry = page.getByRole('region', { name: 'Entity registry' });
    this.entityRows = this.registry.getByRole('listbox', { name: 'Entities' }).getByRole('option');
    this.entityPage = page.locator('.entity-page');
  }

  /** The highlighted mentions of these words in the text (suggested or confirmed). */
  mention(words: string): Locator {
    return this.text.locator('mark.mention').filter({ hasText: new RegExp(`^${escape(words)}$`) });
  }

  /** A row of the side panel: one entity of the article. */
  group(name: string): Locator {
    return this.panel.getByRole('listitem').filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /**
   * Selects the `occurrence`-th (from 0) appearance of `words` in the article text, as a mouse drag
   * would, across the runs (mentions, dates) it may be cut into.
   */
  async select(words: string, occurrence = 0): Promise<void> {
    await this.text.evaluate(
      (root, [wanted, nth]) => {
        const nodes: { node: Text; from: number }[] = [];
        let all = '';
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node: node as Text, from: all.length });
          all += node.textContent ?? '';
        }
        let at = -1;
        for (let seen = 0, from = 0; seen <= nth; seen++, from = at + 1) {
          at = all.indexOf(wanted, from);
          if (at < 0) throw new Error(`"${wanted}" (#${nth}) is not in the article text`);
        }
        const place = (offset: number) => {
          const hit = nodes.findLast((n) => n.from <= offset)!;
          return [hit.node, offset - hit.from] as const;
        };
        const range = document.createRange();
        range.setStart(...place(at));
        range.setEnd(...place(at + wanted.length));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      [words, occurrence] as const,
    );
  }

  /** Selects the words, presses m, and tags them as a new entity of this type (or an existing one by name). */
  async tag(words: string, as: { name?: string; type?: string; existing?: string }, occurrence = 0): Promise<void> {
    await this.select(words, occurrence);
    await this.page.keyboard.press('m');
    await expect(this.picker).toBeVisible();
    const input = this.picker.getByLabel('Entity name');
    if (as.existing) {
      await input.fill(as.existing);
      await this.picker.getByRole('option').filter({ hasText: as.existing }).first().click();
    } else {
      await input.fill(as.name ?? words);
      await this.picker.getByLabel('Type of the new entity').selectOption(as.type ?? 'person');
      await this.picker.getByRole('option', { name: /^New entity/ }).click();
    }
    await expect(this.picker).toBeHidden();
  }

  async openRegistry(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Entities' }).click();
    await expect(this.registry).toBeVisible();
  }

  async openEntity(name: string): Promise<void> {
    await this.entityRows.filter({ hasText: name }).first().click();
    await expect(this.entityPage.getByRole('heading', { level: 1 })).toHaveText(name);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
