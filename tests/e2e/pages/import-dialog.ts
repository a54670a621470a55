// The page object for the Import dialog: files, web address and paste in; progress, counts and per-item results out.
import { expect, type Locator, type Page } from '@playwright/test';

export type ResultStatus = 'saved' | 'duplicate' | 'failed';

export class ImportDialog {
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly dropZone: Locator;
  readonly progress: Locator;
  readonly progressBar: Locator;
  readonly results: Locator;
  readonly resultRows: Locator;
  readonly cancelButton: Locator;
  readonly doneButton: Locator;
  readonly importMoreButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import' });
    this.fileInput = this.dialog.getByLabel('Choose files…');
    this.dropZone = this.dialog.getByTestId('drop-zone');
    this.progress = this.dialog.getByRole('region', { name: 'Import progress' });
    this.progressBar = this.progress.getByRole('progressbar');
    this.results = this.dialog.getByRole('table', { name: 'Import results' });
    this.resultRows = this.results.locator('tbody tr');
    this.cancelButton = this.dialog.getByRole('button', { name: /^Cancel/ });
    this.doneButton = this.dialog.getByRole('button', { name: 'Done' });
    this.importMoreButton = this.dialog.getByRole('button', { name: 'Import more' });
  }

  /** Opens the dialog from the top bar's button (the label reads "Importing …" while a batch runs). */
  async open(): Promise<void> {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: /^Import/ })
      .click();
    await expect(this.dialog).toBeVisible();
  }

  async showTab(name: 'Files' | 'Web address' | 'Paste'): Promise<void> {
    await this.dialog.getByRole('tab', { name }).click();
  }

  /** The result rows whose item (file name or URL) contains this text. */
  row(item: string): Locator {
    return this.resultRows.filter({ has: this.page.locator('td.col-item', { hasText: item }) });
  }

  async expectStatus(item: string, status: ResultStatus): Promise<void> {
    await expect(this.row(item).first()).toHaveAttribute('data-status', status);
  }

  /** Resolves when the batch has ended: the progress says it is done and the Done button is offered. */
  async waitUntilFinished(): Promise<void> {
    await expect(this.progress).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
    await expect(this.doneButton).toBeVisible();
  }

  /** Picks files through the dialog's file input, as a user choosing them would. */
  async importFiles(paths: string[]): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.open();
    if (await this.importMoreButton.isVisible()) await this.importMoreButton.click();
    await this.fileInput.setInputFiles(paths);
    await this.waitUntilFinished();
  }

  async importUrl(url: string): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.open();
    if (await this.importMoreButton.isVisible()) await this.importMoreButton.click();
    await this.showTab('Web address');
    await this.dialog.getByLabel('Address of a page or a feed').fill(url);
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await this.waitUntilFinished();
  }

  async importPasted(text: string): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.open();
    if (await this.importMoreButton.isVisible()) await this.importMoreButton.click();
    await this.showTab('Paste');
    await this.dialog.getByLabel('A page’s HTML or an article’s text').fill(text);
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await this.waitUntilFinished();
  }

  async counts(): Promise<{ saved: number; duplicate: number; failed: number }> {
    const text = await this.progress.getByRole('list', { name: 'Counts' }).innerText();
    const count = (word: string): number => Number(new RegExp(`(\\d+) ${word}`).exec(text)?.[1] ?? NaN);
    return { saved: count('saved'), duplicate: count('duplicate'), failed: count('failed') };
  }

  async finish(): Promise<void> {
    await this.doneButton.click();
    await expect(this.dialog).toBeHidden();
  }
}
