// The contract: every method the UI may call, declared once in core/contract/ with its argument schema, doc and handler; the types here are derived from those tables.
import type { Reply } from './common/reply.ts';
import { archiveMethods } from './contract/archive.ts';
import { articleMethods } from './contract/articles.ts';
import { claimMethods } from './contract/claims.ts';
import { clipperMethods } from './contract/clipper.ts';
import { collectionMethods } from './contract/collections.ts';
import { deskMethods } from './contract/desk.ts';
import { entityMethods } from './contract/entities.ts';
import { exportMethods } from './contract/exports.ts';
import { inboxMethods } from './contract/inbox.ts';
import { localMethods } from './contract/local.ts';
import type { ApiOf } from './contract/method.ts';
import { searchMethods } from './contract/search.ts';
import { subscriptionMethods } from './contract/subscriptions.ts';
import { watchMethods } from './contract/watch.ts';

export type { Reply } from './common/reply.ts';

/** The contract: what IPC and HTTP expose, by name. */
export const contract = {
  ...articleMethods,
  ...archiveMethods,
  ...entityMethods,
  ...claimMethods,
  ...searchMethods,
  ...collectionMethods,
  ...exportMethods,
  ...subscriptionMethods,
  ...inboxMethods,
  ...watchMethods,
  ...clipperMethods,
  ...deskMethods,
};

/** Every method, the local ones (paths, bytes, streams: the CLI and the server's downloads) included. */
export const allMethods = { ...contract, ...localMethods };

export type ArchiveApi = ApiOf<typeof contract>;
export type LocalApi = ApiOf<typeof localMethods>;
export type MethodName = keyof ArchiveApi;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/**
 * The contract as it crosses Electron's bridge (`window.archive`): one function for every method, by
 * name, answering a Reply instead of throwing, because contextBridge keeps only an Error's message and
 * would drop its code. The preload needs no list of names: the gate in the main process refuses any
 * name outside the contract.
 */
export type ArchiveBridge = {
  call<K extends MethodName>(
    method: K,
    args: Parameters<ArchiveApi[K]>,
  ): Promise<Reply<Awaited<ReturnType<ArchiveApi[K]>>>>;
};

/** How the desktop app keeps a desk password (electron/desk-keychain.ts): `obfuscated` is Linux with no keyring. */
export type DeskPasswordProtection = 'keychain' | 'obfuscated' | 'none';

/** The desktop app's one other bridge: the desk password, from the Desk panel to the OS keychain (not the archive). */
export type DesktopBridge = {
  saveDeskPassword(value: { url: string; user: string; password: string }): Promise<Reply<null>>;
  /** Asked before the password is typed, so the Desk panel can say how it would be kept. */
  deskPasswordProtection(): Promise<DeskPasswordProtection>;
};
