// The page object for the main window, shared by the browser and Electron runs: specs speak in user actions.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ArticleInput } from '../../../core/model.ts';
import { ImportDialog } from './import-dialog.ts';
import { Claims } from './claims.ts';
import { Search } from './search.ts';
import { apiHeaders } from './server-token.ts';
import { Tagging } from './tagging.ts';

export type ArticleFields = {
  text?: string;
  title?: string;
  source?: string;
  url?: string;
  publishedAt?: string;
  byline?: string;
  tags?: string;
  notes?: string;
};

const LABELS: Record<keyof ArticleFields, string> = {
  text: 'Text',
  title: 'Title',
  source: 'Source',
  url: 'URL',
  publishedAt: 'Published',
  byline: 'Byline',
  tags: 'Tags',
  notes: 'Notes',
};

export class LibraryPage {
  readonly topBar: Locator;
  readonly list: Locator;
  /** The article rows (the header row has no grid cells). */
  readonly rows: Locator;
  readonly selectedRow: Locator;
  readonly reader: Locator;
  /** The reader's message when it has no article to show. */
  readonly readerPlaceholder: Locator;
  readonly readerTitle: Locator;
  readonly provenance: Locator;
  readonly articleDialog: Locator;
  readonly helpDialog: Locator;
  readonly emptyState: Locator;
  readonly statusBar: Locator;
  readonly notice: Locator;
  readonly articleCount: Locator;
  /** The reader's paragraphs (the article's text). */
  readonly readerText: Locator;
  /** The reader's "Also published by …" box: the story's other copies. */
  readonly story: Locator;
  readonly importDialog: ImportDialog;
  readonly tagging: Tagging;
  readonly claims: Claims;
  readonly search: Search;

  constructor(readonly page: Page) {
    this.topBar = page.getByRole('banner');
    this.list = page.getByRole('grid');
    this.rows = this.list.getByRole('row').filter({ has: page.getByRole('gridcell') });
    this.selectedRow = this.list.locator('[role="row"][aria-selected="true"]');
    this.reader = page.getByRole('article', { name: 'Reader' });
    this.readerPlaceholder = page.getByRole('region', { name: 'Reader' });
    this.readerTitle = this.reader.getByRole('heading', { level: 1 });
    this.provenance = this.reader.getByRole('region', { name: 'Provenance' });
    this.articleDialog = page.getByRole('dialog', { name: /New article|Edit article/ });
    this.helpDialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.emptyState = page.getByRole('region', { name: 'Your archive is empty' });
    this.statusBar = page.getByRole('contentinfo');
    this.notice = page.getByRole('status');
    this.articleCount = page.getByTestId('article-count');
    this.readerText = this.reader.getByTestId('article-text');
    this.story = this.reader.getByRole('region', { name: 'Also published by' });
    this.importDialog = new ImportDialog(page);
    this.tagging = new Tagging(page);
    this.claims = new Claims(page);
    this.search = new Search(page);
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.list.or(this.emptyState)).toBeVisible();
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  /** The text field of the open add/edit dialog with this label. */
  field(name: keyof ArticleFields): Locator {
    return this.articleDialog.getByLabel(LABELS[name], { exact: true });
  }

  async openNewArticleDialog(): Promise<void> {
    await this.topBar.getByRole('button', { name: 'New article' }).click();
    await expect(this.articleDialog).toBeVisible();
  }

  async fillArticle(fields: ArticleFields): Promise<void> {
    for (const [name, value] of Object.entries(fields) as [keyof ArticleFields, string][])
      await this.field(name).fill(value);
  }

  async addArticle(fields: ArticleFields): Promise<void> {
    await this.openNewArticleDialog();
    await this.fillArticle(fields);
    await this.articleDialog.getByRole('button', { name: 'Add article' }).click();
    await expect(this.articleDialog).toBeHidden();
  }

  async open(title: string): Promise<void> {
    await this.row(title).click();
    await expect(this.readerTitle).toHaveText(title);
  }

  async editOpenArticle(fields: Omit<ArticleFields, 'text'>): Promise<void> {
    await this.reader.getByRole('button', { name: 'Edit' }).click();
    await expect(this.articleDialog).toBeVisible();
    await this.fillArticle(fields);
    await this.articleDialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(this.articleDialog).toBeHidden();
  }

  async deleteOpenArticle(): Promise<void> {
    await this.reader.getByRole('button', { name: 'Delete' }).click();
  }

  async restoreOpenArticle(): Promise<void> {
    await this.reader.getByRole('button', { name: 'Restore' }).click();
  }

  async showTrash(): Promise<void> {
    await this.topBar.getByRole('button', { name: /^Trash/ }).click();
    await expect(this.page.getByRole('grid', { name: 'Trash' })).toBeVisible();
  }

  async showLibrary(): Promise<void> {
    await this.topBar.getByRole('button', { name: 'Library' }).click();
    await expect(this.page.getByRole('grid', { name: 'Library' }).or(this.emptyState)).toBeVisible();
  }

  async loadSamples(): Promise<void> {
    await this.emptyState.getByRole('button', { name: 'Load sample articles' }).click();
    await expect(this.emptyState).toBeHidden();
  }

  /**
   * Adds articles straight through the archive API, for tests that need a long list: the preload's
   * window.archive in Electron, the HTTP API (with the printed token in its header) in the browser.
   */
  async seed(articles: ArticleInput[]): Promise<void> {
    const hasBridge = await this.page.evaluate(() => 'archive' in window);
    if (hasBridge) {
      await this.page.evaluate(async (inputs) => {
        const bridge = (window as unknown as { archive: { call(method: string, args: unknown[]): Promise<unknown> } })
          .archive;
        for (const input of inputs) await bridge.call('addArticle', [input]);
      }, articles);
    } else {
      for (const input of articles) {
        const response = await this.page.request.post(new URL('api/addArticle', this.page.url()).href, {
          data: [input],
          headers: apiHeaders(this.page),
        });
        expect(response.ok(), await response.text()).toBe(true);
      }
    }
    await this.page.reload();
    await this.waitUntilReady();
  }
}
