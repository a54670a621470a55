// The IPC channels, shared by ipc.ts and preload.ts so the two sides cannot disagree: the contract, and the desk password for the keychain.

/** Carries `(method, args)`; the main process's gate refuses any method outside the contract. */
export const ARCHIVE_CHANNEL = 'archive:call';

/** Carries the desk's password from the Desk panel to the OS keychain (electron/desk-keychain.ts); never to the archive. */
export const DESK_PASSWORD_CHANNEL = 'desk:password';

/** Asks how a saved password would be kept (the OS keychain, or only obfuscated on Linux without a keyring). */
export const DESK_PASSWORD_PROTECTION_CHANNEL = 'desk:password-protection';
