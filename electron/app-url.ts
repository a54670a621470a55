// What counts as our own origin, which links may leave the app, and which file an app:// URL names: pure, so Node can test it.
import { resolveUiFile } from '../core/ui-files.ts';

export { contentTypeFor } from '../core/ui-files.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'newsdesk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://newsdesk/… only. Compared by parts: Node gives a non-special scheme the origin "null". */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Links the user may follow into their own browser: a web page, never file:, javascript: or a custom handler. */
export function isExternalLink(url: string): boolean {
  const parsed = parse(url);
  return (parsed?.protocol === 'https:' || parsed?.protocol === 'http:') && parsed.host !== '';
}

/**
 * What the window may load at all: our own files, the devtools, and inline data that never touches
 * the network. Everything else (http, ws, file, other schemes) is cancelled before it leaves.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = parse(url)?.protocol;
  return scheme === 'devtools:' || scheme === 'data:' || scheme === 'blob:';
}

/** The file under `root` that an app:// URL names, or null when it names another host or escapes `root`. */
export function resolveAppFile(root: string, url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveUiFile(root, parsed.pathname);
}
