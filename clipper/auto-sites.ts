// The sites auto-capture is on for (chrome.storage.local), which pages count as on one, the host permission each needs and the AUTO badge.

/** One site (an origin: scheme, host and port) whose pages are saved as they load. */
export type AutoSite = { origin: string; since: string; saved: number; last?: string };

type Sites = Record<string, AutoSite>;

const KEY = 'autoSites';
const BADGE = { text: 'AUTO', color: '#6a1b9a' } as const;

/** Pages that browsers close to extensions anyway, named so nothing is even tried there. */
const STORES = ['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];
const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export async function readSites(): Promise<Sites> {
  return ((await chrome.storage.local.get(KEY))[KEY] as Sites | undefined) ?? {};
}

/**
 * The site a page belongs to, or undefined where auto-capture never runs: anything but http(s) (chrome://,
 * extension pages), the web stores, and the app's own clipper port (saving the app's answers to itself).
 */
export function siteOf(url: string | undefined, clipperPort: number): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname;
  if (STORES.includes(host) || (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')))
    return undefined;
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  if (LOCAL_HOSTS.includes(host) && port === clipperPort) return undefined;
  return parsed.origin;
}

/** Chrome's match patterns take no port: the permission is for the host, the switch for the one origin. */
export const patternFor = (origin: string): string => {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
};

/** Called once the browser granted the site's permission. */
export async function turnOn(origin: string): Promise<void> {
  const sites = await readSites();
  sites[origin] = { origin, since: new Date().toISOString(), saved: 0 };
  await chrome.storage.local.set({ [KEY]: sites });
  for (const tab of await tabsOn(origin)) await showBadge(tab.id, true);
}

/** The easy off: forgets the sites, clears their badges, and gives back each host permission no other site needs. */
export async function turnOff(origins: string[]): Promise<void> {
  // Badges first: the tabs' URLs are readable only while the permission is still held.
  for (const origin of origins) for (const tab of await tabsOn(origin)) await showBadge(tab.id, false);
  const sites = await readSites();
  for (const origin of origins) delete sites[origin];
  await chrome.storage.local.set({ [KEY]: sites });
  const kept = new Set(Object.keys(sites).map(patternFor));
  for (const pattern of new Set(origins.map(patternFor))) {
    if (kept.has(pattern)) continue;
    // Refused for a required one (http://127.0.0.1/*, the app's own): it stays, as the manifest says.
    await chrome.permissions.remove({ origins: [pattern] }).catch(() => false);
  }
}

/** After an auto-save: counts it, or keeps the reason it failed for the popup's list. */
export async function noteSave(origin: string, saved: boolean, reason?: string): Promise<void> {
  const sites = await readSites();
  const site = sites[origin];
  if (!site) return; // Turned off while the save ran.
  sites[origin] = saved ? { ...site, saved: site.saved + 1, last: undefined } : { ...site, last: reason };
  await chrome.storage.local.set({ [KEY]: sites });
}

export async function showBadge(tabId: number | undefined, on: boolean): Promise<void> {
  if (tabId === undefined) return;
  await chrome.action.setBadgeBackgroundColor({ color: BADGE.color, tabId });
  await chrome.action.setBadgeText({ text: on ? BADGE.text : '', tabId });
  await chrome.action.setTitle({ title: on ? 'Newsdesk: auto-saving this site' : 'Save to Newsdesk', tabId });
}

async function tabsOn(origin: string): Promise<chrome.tabs.Tab[]> {
  const tabs = await chrome.tabs.query({ url: patternFor(origin) }).catch(() => []);
  return tabs.filter((tab) => tab.url !== undefined && URL.canParse(tab.url) && new URL(tab.url).origin === origin);
}
