// The archive as the UI sees it: the preload's window.archive in Electron, or the same contract over HTTP, unwrapped alike.
import type { ArchiveApi, ArchiveBridge, MethodName, Reply } from '../core/api.ts';
import type { Issue } from '../core/common/reply.ts';
import { tokenHeaders } from './server-token.ts';

/** An error from the archive, carrying the stable code it sent (e.g. `invalid`, `not_found`) and the arguments at fault. */
export class ArchiveCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ArchiveCallError';
  }
}

type Call = (method: MethodName, args: unknown[]) => Promise<Reply>;

async function callOverHttp(method: MethodName, args: unknown[]): Promise<Reply> {
  let response: Response;
  try {
    // The token goes in a header, never a cookie: a cookie would reach every server on 127.0.0.1.
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...tokenHeaders() },
      body: JSON.stringify(withoutTrailingUndefined(args)),
      credentials: 'omit',
    });
  } catch {
    return failure('unreachable', 'Cannot reach the Newsdesk server: is `newsdesk serve` still running?');
  }
  try {
    return (await response.json()) as Reply;
  } catch {
    return failure('internal', `The server answered ${method} with ${response.status} and no readable reply.`);
  }
}

function failure(code: Extract<Reply, { ok: false }>['error']['code'], message: string): Reply {
  return { ok: false, error: { code, message } };
}

/** JSON turns a trailing `undefined` into `null`, which an optional argument's schema rejects. */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

/**
 * One function per contract method, made on first use from its name: no list of names to keep here.
 * Replies become values or ArchiveCallErrors, so both transports fail the same way, code included.
 */
function archiveOver(call: Call): ArchiveApi {
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const method =
    (name: MethodName) =>
    async (...args: unknown[]) => {
      const reply = await call(name, args);
      if (!reply.ok) throw new ArchiveCallError(reply.error.code, reply.error.message, reply.error.issues);
      return reply.value;
    };
  return new Proxy({} as ArchiveApi, {
    get: (_target, name) => {
      // Not a method: `then` (so the object is not taken for a promise), symbols, inspection.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let found = methods.get(name);
      if (!found) methods.set(name, (found = method(name as MethodName)));
      return found;
    },
  });
}

const bridge: ArchiveBridge | undefined = window.archive;
export const archive: ArchiveApi = archiveOver(
  bridge ? (method, args) => bridge.call(method, args as never) : callOverHttp,
);

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
