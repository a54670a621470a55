// The main-process ends of the IPC channels: the contract's calls to the archive's gate, and the desk password to the keychain. The only file that uses ipcMain.
import { ipcMain, type WebFrameMain } from 'electron';
import type { ArchiveApi, Reply } from '../core/api.ts';
import { answerArchiveCall } from './archive-call.ts';
import type { DeskKeychain } from './desk-keychain.ts';
import { ARCHIVE_CHANNEL, DESK_PASSWORD_CHANNEL, DESK_PASSWORD_PROTECTION_CHANNEL } from './ipc-channel.ts';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/**
 * Answers `archive:call` with a plain-JSON Reply (electron/archive-call.ts): failures come back as
 * replies, never as thrown IPC errors, so the code, message and issues reach the preload intact.
 * `afterCall` sees each call and its reply before the window does (the keychain forgets the password
 * when the desk is left). Returns a function that removes the handler.
 */
export function registerArchiveIpc(
  archive: ArchiveApi,
  isTrustedSender: SenderCheck,
  afterCall: (method: unknown, reply: Reply) => Promise<void> = async () => undefined,
): () => void {
  ipcMain.handle(ARCHIVE_CHANNEL, async (event, method: unknown, args: unknown) => {
    // senderFrame is null once the frame has navigated away or been destroyed: nobody to trust.
    const trusted = isTrustedSender(event.senderFrame);
    if (!trusted) console.warn(`Newsdesk: refused a call from ${event.senderFrame?.url ?? 'a closed frame'}`);
    const reply = await answerArchiveCall(archive, trusted, method, args);
    if (trusted) await afterCall(method, reply).catch((error: unknown) => console.error('Newsdesk:', error));
    return reply;
  });
  return () => ipcMain.removeHandler(ARCHIVE_CHANNEL);
}

/**
 * Answers `desk:password` from the same trusted frame only: the password goes to the OS keychain and
 * never into the archive, its files or the contract. Replies like the contract's, never a throw.
 */
export function registerDeskPasswordIpc(keychain: DeskKeychain, isTrustedSender: SenderCheck): () => void {
  ipcMain.handle(DESK_PASSWORD_CHANNEL, async (event, value: unknown) => {
    if (!isTrustedSender(event.senderFrame))
      return { ok: false, error: { code: 'unauthorized', message: 'Only the Newsdesk window may set the password.' } };
    try {
      await keychain.save(value);
      return { ok: true, value: null };
    } catch (error) {
      return { ok: false, error: { code: 'invalid', message: error instanceof Error ? error.message : String(error) } };
    }
  });
  // What it says is no secret: whether the OS keychain is there, and on Linux whether a keyring answered.
  ipcMain.handle(DESK_PASSWORD_PROTECTION_CHANNEL, () => keychain.protection());
  return () => {
    ipcMain.removeHandler(DESK_PASSWORD_CHANNEL);
    ipcMain.removeHandler(DESK_PASSWORD_PROTECTION_CHANNEL);
  };
}
