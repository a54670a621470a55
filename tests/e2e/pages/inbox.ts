// The inbox as a test sees it: its filters with their counts, its rows, and a direct line to the archive API for seeding.
import { expect, type Locator, type Page } from '@playwright/test';
import { apiHeaders } from './server-token.ts';

export class InboxPage {
  readonly list: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('grid', { name: 'Inbox articles' });
    this.rows = this.list.getByRole('row');
  }

  /** Calls a contract method: through the preload's bridge in Electron, the HTTP API in the browser. */
  async call<T>(method: string, args: unknown[]): Promise<T> {
    const hasBridge = await this.page.evaluate(() => 'archive' in window);
    if (hasBridge)
      return this.page.evaluate(
        async ([name, values]) => {
          const bridge = (
            window as unknown as { archive: { call(m: string, a: unknown[]): Promise<{ value: unknown }> } }
          ).archive;
          return (await bridge.call(name as string, values as unknown[])).value;
        },
        [method, args] as const,
      ) as Promise<T>;
    const response = await this.page.request.post(new URL(`api/${method}`, this.page.url()).href, {
      data: args,
      headers: apiHeaders(this.page),
    });
    expect(response.ok(), await response.text()).toBe(true);
    return ((await response.json()) as { value: T }).value;
  }

  /** The count beside a filter (Unread, Starred …): '' when it shows none. */
  filterCount(label: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Inbox filters' })
      .getByRole('button', { name: new RegExp(`^${label}`) })
      .locator('.badge');
  }

  async show(): Promise<void> {
    await this.page.locator('.top-bar').getByRole('button', { name: 'Inbox', exact: true }).click();
    await expect(this.list).toBeVisible();
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  cursorRow(): Locator {
    return this.list.locator('.inbox-row.cursor');
  }
}
