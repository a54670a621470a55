// The page object for claims: the reader's claims panel, making and editing a claim, and the claims view across the archive.
import { expect, type Locator, type Page } from '@playwright/test';

export class Claims {
  readonly panel: Locator;
  readonly tab: Locator;
  readonly editor: Locator;
  readonly view: Locator;
  readonly list: Locator;
  readonly groups: Locator;
  readonly timeline: Locator;
  /** The claim the panel is on (just made, or last clicked). */
  readonly active: Locator;

  constructor(readonly page: Page) {
    const reader = page.getByRole('article', { name: 'Reader' });
    this.tab = reader.getByRole('tab', { name: /^Claims/ });
    this.panel = reader.getByRole('complementary', { name: 'Claims in this article' });
    this.editor = page.getByRole('form', { name: 'Edit claim' });
    this.view = page.getByRole('region', { name: 'Claims across the archive' });
    this.list = this.view.getByRole('list', { name: 'Claims' });
    this.groups = page.getByRole('complementary', { name: 'Claim groups' });
    this.timeline = this.view.getByRole('img', { name: /figures by event date/ });
    this.active = this.panel.locator('li.active');
  }

  /** The panel's claim whose words include these. */
  claim(words: string | RegExp): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: words });
  }

  async openPanel(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
  }

  async openView(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Claims' }).click();
    await expect(this.view).toBeVisible();
  }
}
