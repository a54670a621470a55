// The clipper protocol v1 (/tmp/clipper-protocol.md, docs/clipper.md on the app's side) as types: what goes over the wire.

export const DEFAULT_PORT = 47118;

export type ClipKind = 'page' | 'selection' | 'link';

export type StatusReply = { app: string; version: string; paired: boolean };

export type PairStarted = { requestId: string; code: string };

export type PairState = { state: 'pending' | 'approved' | 'refused' | 'expired'; token?: string };

export type ClipBody = {
  kind: ClipKind;
  url: string;
  title: string;
  /** document.documentElement.outerHTML after the page's scripts ran. */
  html?: string;
  selection?: string;
  /** The link to fetch (kind "link"): the app fetches it like a typed URL. */
  linkUrl?: string;
  /** The visible tab, "data:image/png;base64,…". */
  screenshot?: string;
  capturedAt: string;
};

export type ClipReply =
  { status: 'saved'; id: string; title: string; openUrl?: string } | { status: 'duplicate'; id: string; title: string };

export type ErrorReply = { error: { code: string; message: string } };

/** The protocol's limits, checked before sending so the user hears the reason, not a 413. */
export const LIMITS = { htmlChars: 20 * 1024 * 1024, selectionChars: 200_000, screenshotBytes: 15 * 1024 * 1024 };
