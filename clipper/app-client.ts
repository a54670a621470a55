// Talks to the Newsdesk app on 127.0.0.1 over the clipper protocol; every failure becomes a ClipperError with a sentence for the popup.
import type { ClipBody, ClipReply, ErrorReply, PairStarted, PairState, StatusReply } from './protocol.ts';

export class ClipperError extends Error {
  constructor(
    message: string,
    /** The app's error code ("unauthorized", …), "unreachable" when nothing answered. */
    readonly code: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

export type Connection = { port: number; token?: string };

export const baseUrl = (port: number): string => `http://127.0.0.1:${port}/clipper/v1/`;

async function call<T>(
  connection: Connection,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (connection.token) headers.Authorization = `Bearer ${connection.token}`;
  let response: Response;
  try {
    response = await fetch(baseUrl(connection.port) + path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ClipperError(`Newsdesk is not reachable on port ${connection.port}. Is the app open?`, 'unreachable');
  }
  const reply = (await response.json().catch(() => null)) as T | ErrorReply | null;
  if (response.ok && reply) return reply as T;
  const error = reply && typeof reply === 'object' && 'error' in reply ? reply.error : null;
  throw new ClipperError(
    error?.message ?? `Newsdesk answered ${response.status}.`,
    error?.code ?? 'http',
    response.status,
  );
}

export const getStatus = (connection: Connection): Promise<StatusReply> => call(connection, 'status');

export const requestPairing = (connection: Connection, name: string): Promise<PairStarted> =>
  call(connection, 'pair', { method: 'POST', body: { name: name.slice(0, 100) } });

export const pollPairing = (connection: Connection, requestId: string): Promise<PairState> =>
  call(connection, `pair/${encodeURIComponent(requestId)}`);

export const sendClip = (connection: Connection, body: ClipBody): Promise<ClipReply> =>
  call(connection, 'clip', { method: 'POST', body });
