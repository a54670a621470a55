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

  /** Selects the `occurrence`-th (from 0) appearance of `words` in the article text, as a mouse drag would. */
  async select(words: string, occurrence = 0): Promise<void> {
    await this.text.evaluate(
      (root, [wanted, nth]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
            if (seen++ !== nth) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            const selection = window.getSelection()!;
            selection.removeAllRanges();
            selection.addRange(range);
            return;
          }
        }
        throw new Error(`"${wanted}" (#${nth}) is not in one run of the article text`);
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
