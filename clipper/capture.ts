// Reads a tab as the user sees it: the rendered DOM and the selection (injected script) and a PNG of the visible part.

export type PageCapture = { url: string; title: string; html: string; selection: string };

/**
 * Runs inside the page, so it must stand alone (Chrome serializes the function's source). outerHTML after the
 * page's scripts ran: what a login or a paywall let this user see, not what a fresh fetch would get.
 */
function readPage(): PageCapture {
  return {
    url: location.href,
    title: document.title,
    html: document.documentElement.outerHTML,
    selection: String(getSelection() ?? ''),
  };
}

/** Needs activeTab (a click on the toolbar button or a menu entry) or host permission for the page. */
export async function readTab(tabId: number): Promise<PageCapture> {
  let results: chrome.scripting.InjectionResult<PageCapture>[];
  try {
    results = await chrome.scripting.executeScript({ target: { tabId }, func: readPage });
  } catch (error) {
    throw new Error(
      `This page cannot be read (${reason(error)}). Browser pages and the web store are closed to extensions.`,
      { cause: error },
    );
  }
  const page = results[0]?.result;
  if (!page) throw new Error('This page cannot be read: the browser returned nothing.');
  return page;
}

/**
 * The visible part of the window's active tab. Chrome grants it through activeTab only (a host permission
 * is not enough), so a save without a click gets no screenshot; the caller says so rather than failing.
 */
export async function screenshotTab(windowId: number): Promise<string> {
  try {
    return await chrome.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (error) {
    // Chrome allows two captures a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND): two quick saves meet it.
    if (!/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(reason(error))) throw error;
    await new Promise((wake) => setTimeout(wake, 1000));
    return chrome.tabs.captureVisibleTab(windowId, { format: 'png' });
  }
}

export const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
