// Calls one contract method by name with untrusted arguments: the one gate all three transports share.
import { isMethodName, type ArchiveApi, type Reply } from './api.ts';
import { ArchiveError, describeIssues, toErrorBody } from './errors.ts';
import { methodArgs } from './method-args.ts';

export async function invokeMethod(api: ArchiveApi, method: string, args: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new ArchiveError('not_found', `Unknown method "${method}".`);
  if (!Array.isArray(args)) throw new ArchiveError('invalid', `${method}: the arguments must be a JSON array.`);
  const parsed = methodArgs[method].safeParse(args);
  if (!parsed.success) throw new ArchiveError('invalid', `${method}: ${describeIssues(parsed.error)}`);
  const call = api[method] as (...a: unknown[]) => Promise<unknown>;
  return call.apply(api, parsed.data as unknown[]);
}

/** The same call, with any failure turned into a JSON-safe reply. */
export async function invokeForReply(api: ArchiveApi, method: string, args: unknown): Promise<Reply> {
  try {
    return { ok: true, value: await invokeMethod(api, method, args) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}
