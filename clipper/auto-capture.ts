// Auto-capture in the background worker: each page that finishes loading on a site switched on is saved, quietly.
import { noteSave, patternFor, readSites, showBadge, siteOf, turnOff } from './auto-sites.ts';
import { clipOnce } from './clip.ts';
import { connection } from './settings.ts';

/** The same URL loaded again within a minute (a reload, a redirect back) is not sent again. */
const REPEAT_MS = 60_000;
const RECENT = 'autoRecent';

/** Storage writes one after another: two tabs finishing together would otherwise each count from the same total. */
let writes: Promise<unknown> = Promise.resolve();
const inTurn = <T>(write: () => Promise<T>): Promise<T> => {
  const next = writes.then(write);
  writes = next.catch(() => undefined);
  return next;
};

/**
 * For tabs.onUpdated. Without the `tabs` permission the tab's URL is there only for sites the extension holds a
 * host permission for, which is exactly the sites switched on (and the app's 127.0.0.1): others are never seen.
 */
export async function captureLoadedTab(tabId: number, change: chrome.tabs.ChangeInfo, tab: chrome.tabs.Tab) {
  const url = tab.url;
  if (change.status !== 'complete' || !url) return;
  const { port } = await connection();
  const site = siteOf(url, port);
  if (!site || !(site in (await readSites()))) return;
  // The browser clears a tab's badge when it navigates: set it again on every page of the site.
  await showBadge(tabId, true);
  if (await inTurn(() => seenRecently(url))) return;
  // Only the window's visible tab can be photographed; a page loading behind another gets none.
  const outcome = await clipOnce({ kind: 'page', tabId, windowId: tab.windowId, screenshot: tab.active });
  // A duplicate is the archive already having it: nothing to report.
  if (outcome.ok || !outcome.duplicate) await inTurn(() => noteSave(site, outcome.ok, outcome.message));
}

/** Permission taken back in the browser's settings: that site is off too, or the popup would say it is on. */
export async function forgetRevokedSites(removed: chrome.permissions.Permissions): Promise<void> {
  const patterns = new Set(removed.origins ?? []);
  const sites = Object.keys(await readSites()).filter((origin) => patterns.has(patternFor(origin)));
  if (sites.length) await turnOff(sites);
}

/** Kept in storage.session, not in memory: Chrome stops an idle worker within 30 seconds. */
async function seenRecently(url: string): Promise<boolean> {
  const now = Date.now();
  const stored = ((await chrome.storage.session.get(RECENT))[RECENT] ?? {}) as Record<string, number>;
  const recent = Object.fromEntries(Object.entries(stored).filter(([, at]) => now - at < REPEAT_MS));
  const seen = url in recent;
  recent[url] = now;
  await chrome.storage.session.set({ [RECENT]: recent });
  return seen;
}
