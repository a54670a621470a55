// What importing one item came to (a file, a URL, one entry of a feed): the same shape in core, the CLI and the UI.

/** The outcome of capturing one item: a file, a URL, or one entry of a feed. */
export type ImportResult = {
  status: 'saved' | 'duplicate' | 'failed';
  /** What was imported: a file name, a URL, or "feed.xml › item title". */
  item: string;
  id: string | null;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  source: string | null;
  language: string | null;
  url: string | null;
  storyId: string | null;
  /** The article this one duplicates, when status is "duplicate". */
  duplicateOf: string | null;
  error: string | null;
  /** Saved, with something the user should know (an OCR language asked for whose data is not installed). */
  warning?: string | null;
};

/** An item that could not be imported, and why: the one shape every failure takes. */
export function failedImport(item: string, error: string): ImportResult {
  return {
    status: 'failed',
    item,
    id: null,
    title: null,
    byline: null,
    publishedAt: null,
    source: null,
    language: null,
    url: null,
    storyId: null,
    duplicateOf: null,
    error,
  };
}
