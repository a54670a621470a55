// One save, from whichever entry (popup button or context menu): read the tab, send it, word the answer for the popup.
import { ClipperError, sendClip } from './app-client.ts';
import { readTab, reason, screenshotTab } from './capture.ts';
import { LIMITS, type ClipBody, type ClipKind, type ClipReply } from './protocol.ts';
import { connection, forgetToken, saveOutcome, type Outcome } from './settings.ts';

export type ClipRequest = {
  kind: ClipKind;
  tabId: number;
  windowId: number;
  linkUrl?: string;
  selectionText?: string;
  /** False for a tab in the background: the window's visible tab is another page. */
  screenshot?: boolean;
};

/** A save the user asked for: its outcome is kept for the popup. */
export async function clipTab(request: ClipRequest): Promise<Outcome> {
  const outcome = await clipOnce(request);
  await saveOutcome(outcome);
  return outcome;
}

/** A save without keeping its outcome (auto-capture's, which must not hide the user's last one). */
export const clipOnce = (request: ClipRequest): Promise<Outcome> =>
  attempt(request).catch((error: unknown) => failure(error));

async function attempt(request: ClipRequest): Promise<Outcome> {
  const target = await connection();
  if (!target.token) return fail('Not paired with Newsdesk yet: open the clipper and press “Pair with Newsdesk”.');
  const capturedAt = new Date().toISOString();
  const page = await readTab(request.tabId);
  const body: ClipBody = { kind: request.kind, url: page.url, title: page.title, capturedAt };
  let note = '';
  if (request.kind === 'link') {
    if (!request.linkUrl) return fail('No link to save.');
    body.linkUrl = request.linkUrl;
  } else {
    if (request.kind === 'selection') {
      // The page's own selection keeps line breaks; the menu's selectionText is collapsed and shortened.
      const selection = page.selection || request.selectionText || '';
      if (!selection.trim()) return fail('Nothing is selected on this page.');
      if (selection.length > LIMITS.selectionChars) return fail('The selection is over 200,000 characters.');
      body.selection = selection;
    }
    if (page.html.length > LIMITS.htmlChars) return fail('This page is over 20 MB: too large to send.');
    body.html = page.html;
    try {
      if (request.screenshot !== false) body.screenshot = await screenshotTab(request.windowId);
      else note = ' (no screenshot: the tab was not the visible one)';
    } catch (error) {
      note = ` (no screenshot: ${reason(error)})`;
    }
    if (body.screenshot && (body.screenshot.length * 3) / 4 > LIMITS.screenshotBytes) {
      delete body.screenshot;
      note = ' (no screenshot: over 15 MB)';
    }
  }
  return worded(await sendClip(target, body), note);
}

function worded(reply: ClipReply, note: string): Outcome {
  const at = new Date().toISOString();
  if (reply.status === 'duplicate')
    return {
      ok: false,
      duplicate: true,
      message: `Already in the archive as “${reply.title}”.`,
      title: reply.title,
      at,
    };
  return { ok: true, message: `Saved${note}`, title: reply.title, openUrl: reply.openUrl, at };
}

const fail = (message: string): Outcome => ({ ok: false, message, at: new Date().toISOString() });

async function failure(error: unknown): Promise<Outcome> {
  // A revoked token: forget it, so the popup offers to pair again.
  if (error instanceof ClipperError && error.status === 401) {
    await forgetToken();
    return fail('Newsdesk no longer knows this clipper (its pairing was revoked): pair again.');
  }
  return fail(reason(error));
}
