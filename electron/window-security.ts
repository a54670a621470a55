// Locks every web page in the app to its own files: no navigation away, no new windows, no webviews, no permissions, no network.
import { app, BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron';
import { isAllowedRequest, isAppUrl } from './app-url.ts';
import { externalLinkPrompt, OPEN_BUTTON } from './external-link.ts';

/** Applies to the session our window uses (the default one). Call once the app is ready. */
export function lockDownSession(session: Session): void {
  // The UI is offline by design: anything it asks for beyond our own files is a bug or an injection.
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequest(details.url);
    if (cancel) console.warn(`Newsdesk: blocked a request to ${details.url}`);
    callback({ cancel });
  });
  // The archive needs no camera, location, notifications... One exception: writing plain text to the
  // clipboard (a "copy citation" button), which Chromium also gates as a permission, and only for our pages.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin),
  );
}

/**
 * Registers, before any window exists, the guard every webContents gets (ours, the devtools, anything
 * a bug might create): pages stay on app://, links to the web open in the user's browser.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openInBrowser(contents, url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (isAllowedNavigation(url)) return;
      event.preventDefault();
      // An article's source link clicked without target=_blank: the user still wants to read it.
      openInBrowser(contents, url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
  });
}

function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url) || url.startsWith('devtools:');
}

/**
 * Only http(s) (an archived page may carry file:, javascript: or custom-handler links), and only once
 * the user has seen the full address and agreed: links come from pages we archived, not from us.
 */
function openInBrowser(contents: WebContents, url: string): void {
  const prompt = externalLinkPrompt(url);
  if (!prompt) {
    console.warn(`Newsdesk: refused to open ${url}`);
    return;
  }
  const window = BrowserWindow.fromWebContents(contents);
  const asked = window ? dialog.showMessageBox(window, prompt) : dialog.showMessageBox(prompt);
  asked
    .then(({ response }) => (response === OPEN_BUTTON ? shell.openExternal(prompt.url) : undefined))
    .catch((error: unknown) => console.warn(`Newsdesk: could not open ${url}:`, error));
}
