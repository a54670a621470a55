// The one gate every call passes, whatever the transport: names outside the contract refused, arguments validated once, calls kept out of a closed archive.
import { allMethods, isMethodName, type ArchiveApi, type LocalApi, type Reply } from './api.ts';
import type { Method } from './contract/method.ts';
import { ArchiveError, invalidArguments, toErrorBody } from './errors.ts';
import type { Services } from './services.ts';

type Api = ArchiveApi & LocalApi;

/**
 * The API object of one archive: a function per method (the local ones included) that validates its
 * arguments against the method's schema and runs its handler. Every caller gets here: IPC, HTTP and
 * the CLI through `invokeMethod`, tests and scripts by calling the methods directly.
 */
export class Gate {
  private closed = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  readonly api: Api;

  constructor(private readonly services: Services) {
    const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const [name, entry] of Object.entries(allMethods))
      api[name] = (...args: unknown[]) => this.call(name, entry as Method, args);
    this.api = api as Api;
  }

  /** Stops taking calls and resolves when those under way have settled. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.inFlight);
  }

  private call(name: string, entry: Method, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new ArchiveError('internal', 'The archive is closed.'));
    const parsed = entry.args.safeParse(args);
    if (!parsed.success) return Promise.reject(invalidArguments(name, parsed.error));
    const run = entry.run(this.services, ...(parsed.data as unknown[]));
    // Tracked, so close() waits for it: a write acknowledged to nobody must still finish.
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run)).catch(() => undefined);
    return run;
  }
}

/** A call by name with untrusted arguments (IPC, HTTP, the CLI's): only the contract's methods are reachable this way. */
export async function invokeMethod(api: ArchiveApi, method: string, args: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new ArchiveError('not_found', `Unknown method "${method}".`);
  if (!Array.isArray(args)) throw new ArchiveError('invalid', `${method}: the arguments must be a JSON array.`);
  const call = api[method] as (...a: unknown[]) => Promise<unknown>;
  return call.apply(api, args);
}

/** The same call, with any failure turned into a JSON-safe reply. */
export async function invokeForReply(api: ArchiveApi, method: string, args: unknown): Promise<Reply> {
  try {
    return { ok: true, value: await invokeMethod(api, method, args) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}
