// What the main process answers one `archive:call` with, apart from Electron itself so Node can test it: always a Reply, never a throw.
import type { ArchiveApi, Reply } from '../core/api.ts';
import { invokeForReply } from '../core/gate.ts';

/**
 * An untrusted sender gets `unauthorized`; anything else goes to the archive's gate, which refuses
 * names outside the contract. Only a string can name a method: whatever else the structured clone
 * kept (an array, an object with a hostile toString) names none and is never converted.
 */
export function answerArchiveCall(
  archive: ArchiveApi,
  trustedSender: boolean,
  method: unknown,
  args: unknown,
): Promise<Reply> {
  if (!trustedSender)
    return Promise.resolve({
      ok: false,
      error: { code: 'unauthorized', message: 'Only the Newsdesk window may use the archive.' },
    });
  return invokeForReply(archive, typeof method === 'string' ? method : '', args);
}
