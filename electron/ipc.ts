// The main-process end of the contract: one ipcMain handler that hands each call to the archive's gate. The only file that uses ipcMain.
import { ipcMain, type WebFrameMain } from 'electron';
import type { ArchiveApi, Reply } from '../core/api.ts';
import { invokeForReply } from '../core/gate.ts';
import { ARCHIVE_CHANNEL } from './ipc-channel.ts';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/**
 * Answers `archive:call` with a plain-JSON Reply. The method name and arguments are checked by the same
 * gate as the HTTP transport's (invokeForReply); failures come back as replies, never as thrown IPC
 * errors, so the code, message and issues reach the preload intact. Returns a function that removes the handler.
 */
export function registerArchiveIpc(archive: ArchiveApi, isTrustedSender: SenderCheck): () => void {
  ipcMain.handle(ARCHIVE_CHANNEL, (event, method: unknown, args: unknown): Promise<Reply> => {
    // senderFrame is null once the frame has navigated away or been destroyed: nobody to trust.
    if (!isTrustedSender(event.senderFrame)) {
      console.warn(`Newsdesk: refused ${String(method)} from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return Promise.resolve({
        ok: false,
        error: { code: 'unauthorized', message: 'Only the Newsdesk window may use the archive.' },
      });
    }
    return invokeForReply(archive, typeof method === 'string' ? method : String(method), args);
  });
  return () => ipcMain.removeHandler(ARCHIVE_CHANNEL);
}
