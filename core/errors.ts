// Errors every transport understands: a stable code plus a sentence a user can act on, and the arguments at fault.
import { z } from 'zod';
import type { ErrorBody, ErrorCode, Issue } from './common/reply.ts';

export type { ErrorBody, ErrorCode, Issue } from './common/reply.ts';

export class ArchiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What exactly is wrong with the arguments, for a form to mark its fields (code `invalid`). */
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/** Arguments that failed their schema: "what: argument 1 › title: the title cannot be empty; …", with the issues. */
export function invalidArguments(what: string, error: z.ZodError): ArchiveError {
  return new ArchiveError('invalid', `${what}: ${describeIssues(error)}`, issuesOf(error));
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ArchiveError)
    return { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  if (error instanceof z.ZodError) return { code: 'invalid', message: describeIssues(error), issues: issuesOf(error) };
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

function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

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
