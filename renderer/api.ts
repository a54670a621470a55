// The archive as the UI sees it: the preload's window.archive in Electron, or the same contract over HTTP, unwrapped alike.
import { methodNames, type ArchiveApi, type ArchiveBridge, type MethodName, type Reply } from '../core/api.ts';

/** An error from the archive, carrying the stable code it sent (e.g. `invalid`, `not_found`). */
export class ArchiveCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveCallError';
  }
}

async function replyOverHttp(method: MethodName, args: unknown[]): Promise<Reply> {
  let response: Response;
  try {
    // The token cookie was set by the page load, so the same-origin cookie is all we need here.
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(withoutTrailingUndefined(args)),
      credentials: 'same-origin',
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

function failure(code: string, message: string): Reply {
  return { ok: false, error: { code, message } };
}

/** JSON turns a trailing `undefined` into `null`, which an optional argument's schema rejects. */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

function httpBridge(): ArchiveBridge {
  const bridge: Partial<Record<MethodName, AnyMethod>> = {};
  for (const method of methodNames) bridge[method] = (...args) => replyOverHttp(method, args);
  return bridge as ArchiveBridge;
}

/** Turns Replies back into values and ArchiveCallErrors, so both transports fail the same way, code included. */
function unwrap(bridge: ArchiveBridge): ArchiveApi {
  const api: Partial<Record<MethodName, AnyMethod>> = {};
  for (const method of methodNames) {
    const call = bridge[method] as (...args: unknown[]) => Promise<Reply>;
    api[method] = async (...args) => {
      const reply = await call(...args);
      if (!reply.ok) throw new ArchiveCallError(reply.error.code, reply.error.message);
      return reply.value;
    };
  }
  return api as ArchiveApi;
}

export const archive: ArchiveApi = unwrap(window.archive ?? httpBridge());

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
