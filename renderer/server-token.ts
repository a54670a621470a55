// Browser mode's per-run token: taken once from the printed URL, kept in this tab (memory and sessionStorage), sent as a header.
/** Where the tab keeps it: sessionStorage is per origin (port included) and per tab, unlike a cookie. */
const KEY = 'newsdesk.token';

let token: string | null = null;

/**
 * Moves `?token=` from the address bar into this tab, before anything calls the server. The server opens the
 * printed URL once, so a reload (the token gone from the URL) finds it in sessionStorage instead.
 */
export function takeTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    token = fromUrl;
    remember(fromUrl);
    // Out of the address bar: not in screenshots, not in history.
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  } else token = recall();
}

/** The header every API call and download sends; none in a tab that was never given a token (the server says 401). */
export function tokenHeaders(): Record<string, string> {
  token ??= recall();
  return token ? { 'X-Newsdesk-Token': token } : {};
}

// Storage can be switched off by the browser's settings: then the token lives in memory, until a reload.
function remember(value: string): void {
  try {
    window.sessionStorage.setItem(KEY, value);
  } catch {
    /* memory only */
  }
}

function recall(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
