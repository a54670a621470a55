// window.archive: the contract's one bridge function, each call an IPC round trip answering a Reply; window.newsdeskDesktop: the desk password to the keychain. The only file that uses ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { ArchiveBridge, DesktopBridge } from '../core/api.ts';
import { ARCHIVE_CHANNEL, DESK_PASSWORD_CHANNEL, DESK_PASSWORD_PROTECTION_CHANNEL } from './ipc-channel.ts';

// Replies, not thrown errors: contextBridge would keep only an Error's message and drop its code.
// renderer/api.ts unwraps them, the same way for IPC and HTTP. No list of method names here (and so
// no contract table, no zod): a method added to the contract is reachable without touching this file.
const bridge: ArchiveBridge = {
  call: (method, args) => ipcRenderer.invoke(ARCHIVE_CHANNEL, method, args),
};

contextBridge.exposeInMainWorld('archive', bridge);

// Desktop only: the Desk panel hands the password to the main process, which keeps it with safeStorage.
const desktop: DesktopBridge = {
  saveDeskPassword: (value) => ipcRenderer.invoke(DESK_PASSWORD_CHANNEL, value),
  deskPasswordProtection: () => ipcRenderer.invoke(DESK_PASSWORD_PROTECTION_CHANNEL),
};

contextBridge.exposeInMainWorld('newsdeskDesktop', desktop);
