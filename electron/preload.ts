// window.archive: the contract's one bridge function, each call an IPC round trip answering a Reply. The only file that uses ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { ArchiveBridge } from '../core/api.ts';
import { ARCHIVE_CHANNEL } from './ipc-channel.ts';

// Replies, not thrown errors: contextBridge would keep only an Error's message and drop its code.
// renderer/api.ts unwraps them, the same way for IPC and HTTP. No list of method names here (and so
// no contract table, no zod): a method added to the contract is reachable without touching this file.
const bridge: ArchiveBridge = {
  call: (method, args) => ipcRenderer.invoke(ARCHIVE_CHANNEL, method, args),
};

contextBridge.exposeInMainWorld('archive', bridge);
