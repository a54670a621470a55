// The one IPC channel the contract travels on, shared by ipc.ts and preload.ts so the two sides cannot disagree.

/** Carries `(method, args)`; the main process's gate refuses any method outside the contract. */
export const ARCHIVE_CHANNEL = 'archive:call';
