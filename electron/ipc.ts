// The main-process end of the contract: one ipcMain handler per archive method. The only file that uses ipcMain.
import { ipcMain, type WebFrameMain } from 'electron';
import { methodNames, type ArchiveApi, type Reply } from '../core/api.ts';
import { invokeForReply } from '../core/dispatch.ts';
import { channelFor } from './ipc-channel.ts';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/**
 * Answers `archive:<method>` with a plain-JSON Reply. Arguments are validated by the same zod gate as
 * the HTTP transport (invokeForReply); failures come back as replies, never as thrown IPC errors, so
 * the code and message reach the preload intact. Returns a function that removes the handlers.
 */
export function registerArchiveIpc(archive: ArchiveApi, isTrustedSender: SenderCheck): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), (event, args: unknown): Promise<Reply> => {
      // senderFrame is null once the frame has navigated away or been destroyed: nobody to trust.
      if (!isTrustedSender(event.senderFrame)) {
        console.warn(`Newsdesk: refused ${method} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return Promise.resolve({
          ok: false,
          error: { code: 'unauthorized', message: 'Only the Newsdesk window may use the archive.' },
        });
      }
      return invokeForReply(archive, method, args);
    });
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(channelFor(method));
  };
}
