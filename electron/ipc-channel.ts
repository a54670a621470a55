// The IPC channel of each contract method, shared by ipc.ts and preload.ts so the two sides cannot disagree.
import type { MethodName } from '../core/api.ts';

export function channelFor(method: MethodName): `archive:${MethodName}` {
  return `archive:${method}`;
}
