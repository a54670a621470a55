// How a call ends once it leaves the process: a value, or an error with a stable code, a sentence and the arguments at fault.

export type ErrorCode =
  | 'invalid' // the arguments are wrong
  | 'not_found'
  | 'locked' // the data folder is open elsewhere
  | 'corrupt' // a file failed to parse or validate; it was moved aside
  | 'disk_full'
  | 'unauthorized'
  | 'too_large'
  | 'unavailable' // not now: the search index is being built
  | 'exists' // a file would be overwritten: we never do that silently
  | 'unreachable' // a URL or feed could not be fetched (offline, refused, timed out)
  | 'internal';

/**
 * One thing wrong with the arguments: where (the argument's position from 0, then the fields inside
 * it: `[0, 'url']`) and what. A form marks its fields from these, never by reading the message.
 */
export type Issue = { path: (string | number)[]; message: string };

export type ErrorBody = { code: ErrorCode; message: string; issues?: Issue[] };

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorBody };
