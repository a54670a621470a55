// The page object for search: the box in the top bar, the hits, the facets and saved searches.
import { expect, type Locator, type Page } from '@playwright/test';

export class Search {
  readonly box: Locator;
  readonly results: Locator;
  readonly hits: Locator;
  /** The hit the keyboard is on, which is the one in the reader. */
  readonly highlighted: Locator;
  readonly count: Locator;
  readonly error: Locator;
  readonly side: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByRole('searchbox', { name: 'Search the archive' });
    this.results = page.getByRole('region', { name: 'Search results' });
    this.hits = this.results.getByRole('listbox', { name: 'Hits' }).getByRole('option');
    this.highlighted = this.hits.and(page.locator('[aria-selected="true"]'));
    this.count = page.getByTestId('result-count');
    this.error = this.results.getByRole('alert');
    this.side = page.getByRole('complementary', { name: 'Refine the search' });
    this.saved = this.side.getByRole('region', { name: 'Saved searches' });
  }

  /** Types the query as a user would, a key at a time (search runs as they type). */
  async type(query: string): Promise<void> {
    await this.box.fill('');
    await this.box.pressSequentially(query, { delay: 15 });
  }

  hit(title: string | RegExp): Locator {
    return this.hits.filter({ has: this.page.locator('.hit-title', { hasText: title }) });
  }

  facet(group: string, value: string | RegExp): Locator {
    return this.side.getByRole('region', { name: group }).getByRole('button').filter({ hasText: value });
  }

  async expectCount(text: string): Promise<void> {
    await expect(this.count).toHaveText(text);
  }
}
