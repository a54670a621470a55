// Errors every transport understands: a stable code plus a sentence a user can act on, and the arguments at fault.
import { z } from 'zod';
import type { ErrorBody, ErrorCode, Issue } from './common/reply.ts';
import { isSentence, issueSentence } from './issue-sentences.ts';

// Every schema without words of its own speaks through issue-sentences.ts, wherever it is parsed
// (the gate, a service's check of what it is about to write, a file read back).
z.config({ customError: issueSentence });

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

/**
 * Arguments that failed their schema, with the issues. Sentences a person reads stand alone ("This text is
 * 5.2 million characters; the limit is 2 million."); a schema's own phrase is placed: "what: argument 1 ›
 * title: the title cannot be empty". `argument` is the position of the argument the schema checked, when
 * it was not the whole list.
 */
export function invalidArguments(what: string, error: z.ZodError, argument?: number): ArchiveError {
  const at = (path: PropertyKey[]) => (argument === undefined ? path : [argument, ...path]);
  const issues = error.issues.map((issue) => ({ ...issue, path: at(issue.path) }));
  // The sentence names fields as the schema saw them; the issues place them among the call's arguments.
  const sentences = error.issues.every((issue) => isSentence(issue.message));
  const message = describeIssues(error);
  return new ArchiveError('invalid', sentences ? message : `${what}: ${message}`, issuesOf({ issues }));
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ArchiveError)
    return { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  // A schema failing inside a service checked data, not the arguments: its paths would mislead a form.
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

function issuesOf(error: Pick<z.ZodError, 'issues'>): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

/** One line: "This text is 5.2 million characters; the limit is 2 million. argument 2 › title: the title cannot be empty" */
export function describeIssues(error: Pick<z.ZodError, 'issues'>, { inFile = false } = {}): string {
  return error.issues
    .map((issue) => {
      // In a file, where the bad value sits is what a person needs to find it: "article › capturedAt".
      if (inFile && issue.path.length) return `${issue.path.join(' › ')}: ${issue.message}`;
      if (isSentence(issue.message)) return issue.message;
      const [first, ...rest] = issue.path;
      const where = [typeof first === 'number' ? `argument ${first + 1}` : first, ...rest].filter(
        (part) => part !== undefined,
      );
      return where.length ? `${where.join(' › ')}: ${issue.message}` : issue.message;
    })
    .reduce((line, part) => (!line ? part : `${line}${isSentence(line) ? ' ' : '; '}${part}`), '');
}
