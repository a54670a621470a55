// The main-process end of the contract: one ipcMain handler that hands each call to the archive's gate. The only file that uses ipcMain.
import { ipcMain, type WebFrameMain } from 'electron';
import type { ArchiveApi } from '../core/api.ts';
import { answerArchiveCall } from './archive-call.ts';
import { ARCHIVE_CHANNEL } from './ipc-channel.ts';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/**
 * Answers `archive:call` with a plain-JSON Reply (electron/archive-call.ts): failures come back as
 * replies, never as thrown IPC errors, so the code, message and issues reach the preload intact.
 * Returns a function that removes the handler.
 */
export function registerArchiveIpc(archive: ArchiveApi, isTrustedSender: SenderCheck): () => void {
  ipcMain.handle(ARCHIVE_CHANNEL, (event, method: unknown, args: unknown) => {
    // senderFrame is null once the frame has navigated away or been destroyed: nobody to trust.
    const trusted = isTrustedSender(event.senderFrame);
    if (!trusted) console.warn(`Newsdesk: refused a call from ${event.senderFrame?.url ?? 'a closed frame'}`);
    return answerArchiveCall(archive, trusted, method, args);
  });
  return () => ipcMain.removeHandler(ARCHIVE_CHANNEL);
}
