// What the clipper keeps in chrome.storage.local: the app's port, the token, a pairing in progress and the last clip's outcome.
import type { Connection } from './app-client.ts';
import { DEFAULT_PORT } from './protocol.ts';

/** A pairing request the app has not answered yet; kept so a closed popup or a restarted worker picks it up again. */
export type Pairing = {
  requestId: string;
  code: string;
  port: number;
  startedAt: number;
  /** Set when the app said no or forgot the request: the popup says so and offers to pair again. */
  ended?: 'refused' | 'expired';
};

/** What the popup shows after a save, whether it started there or in a context menu. */
export type Outcome = { ok: boolean; duplicate?: true; message: string; title?: string; openUrl?: string; at: string };

type Stored = { port?: number; token?: string; pairing?: Pairing; outcome?: Outcome };

const KEYS = ['port', 'token', 'pairing', 'outcome'] as const;

export async function readSettings(): Promise<Stored> {
  return (await chrome.storage.local.get([...KEYS])) as Stored;
}

export async function connection(): Promise<Connection> {
  const { port, token } = await readSettings();
  return { port: validPort(port) ?? DEFAULT_PORT, token };
}

export function validPort(value: unknown): number | undefined {
  const port = Number(value);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/** A new port forgets the token: it was given by whatever listened on the old one. */
export async function setPort(port: number): Promise<void> {
  const current = await connection();
  if (current.port === port) return;
  await chrome.storage.local.set({ port });
  await chrome.storage.local.remove(['token', 'pairing']);
}

export const saveToken = async (token: string): Promise<void> => {
  await chrome.storage.local.set({ token });
  await chrome.storage.local.remove('pairing');
};

export const forgetToken = (): Promise<void> => chrome.storage.local.remove(['token', 'pairing']);

export const savePairing = (pairing: Pairing | null): Promise<void> =>
  pairing ? chrome.storage.local.set({ pairing }) : chrome.storage.local.remove('pairing');

export const saveOutcome = (outcome: Outcome): Promise<void> => chrome.storage.local.set({ outcome });
