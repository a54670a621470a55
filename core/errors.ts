// Errors every transport understands: a stable code plus a sentence a user can act on.
import { z } from 'zod';

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

export class ArchiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/** The JSON shape of an error once it leaves the process. */
export type ErrorBody = { code: ErrorCode; message: string };

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ArchiveError) return { code: error.code, message: error.message };
  if (error instanceof z.ZodError) return { code: 'invalid', message: describeIssues(error) };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return { code: 'disk_full', message: 'The disk is full: nothing was changed. Free some space and try again.' };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  not_found: 404,
  locked: 409,
  too_large: 413,
  exists: 409,
  unavailable: 503,
  unreachable: 502,
  corrupt: 500,
  disk_full: 507,
  internal: 500,
};

/** One line: "argument 1 › title: the title cannot be empty; ..." */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const [first, ...rest] = issue.path;
      const where = [typeof first === 'number' ? `argument ${first + 1}` : first, ...rest].filter(
        (part) => part !== undefined,
      );
      return where.length ? `${where.join(' › ')}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
