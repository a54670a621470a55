// window.archive: one function per contract method, each an IPC round trip answering a Reply. The only file that uses ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames, type ArchiveBridge, type MethodName } from '../core/api.ts';
import { channelFor } from './ipc-channel.ts';

// Replies, not thrown errors: contextBridge would keep only an Error's message and drop its code.
// renderer/api.ts unwraps them, the same way for IPC and HTTP.
const call =
  (method: MethodName) =>
  (...args: unknown[]) =>
    ipcRenderer.invoke(channelFor(method), args);

// Built from the method list, so a method added to the contract is exposed without touching this file.
const bridge = Object.fromEntries(methodNames.map((method) => [method, call(method)])) as ArchiveBridge;

contextBridge.exposeInMainWorld('archive', bridge satisfies ArchiveBridge);
