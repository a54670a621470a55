// The token `newsdesk serve` printed, kept per tab, so tests call its HTTP API the way the UI does: in a header (there is no cookie).
import type { Page } from '@playwright/test';

const tokens = new WeakMap<Page, string>();

/** Called by whoever opened the printed URL in `page`. */
export function rememberToken(page: Page, printedUrl: string): void {
  const token = new URL(printedUrl).searchParams.get('token');
  if (!token) throw new Error(`no token in ${printedUrl}`);
  tokens.set(page, token);
}

/** Headers for a direct call to the app's /api from a test. */
export function apiHeaders(page: Page): Record<string, string> {
  const token = tokens.get(page);
  if (!token) throw new Error('this page was not opened on a URL printed by `newsdesk serve`');
  return { 'Content-Type': 'application/json', 'X-Newsdesk-Token': token };
}
