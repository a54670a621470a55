// Pairing, run by the background worker: ask the app, then poll until the user approves or refuses there (the popup may close meanwhile).
import { ClipperError, pollPairing, requestPairing } from './app-client.ts';
import { connection, readSettings, savePairing, saveToken, type Pairing } from './settings.ts';

const POLL_MS = 1000;
/** The app forgets a request after 5 minutes. */
const EXPIRES_MS = 5 * 60 * 1000;

export type PairingResult = 'approved' | 'refused' | 'expired' | 'failed';

let polling: Promise<PairingResult> | null = null;

/** Asks the app for a token; resolves with the 4-digit code to show while the user approves. */
export async function startPairing(name: string): Promise<Pairing> {
  const { port } = await connection();
  const started = await requestPairing({ port }, name);
  const pairing: Pairing = { ...started, port, startedAt: Date.now() };
  await savePairing(pairing);
  polling = null;
  void resumePairing();
  return pairing;
}

/** Polls the stored request, once at a time; a new worker (Chrome stops idle ones) calls this again. */
export function resumePairing(): Promise<PairingResult> {
  polling ??= pollUntilAnswered().finally(() => (polling = null));
  return polling;
}

async function pollUntilAnswered(): Promise<PairingResult> {
  for (;;) {
    const { pairing } = await readSettings();
    if (!pairing || pairing.ended) return 'failed';
    if (Date.now() - pairing.startedAt > EXPIRES_MS) return finish(pairing, 'expired');
    try {
      const answer = await pollPairing({ port: pairing.port }, pairing.requestId);
      if (answer.state === 'approved' && answer.token) {
        await saveToken(answer.token);
        return 'approved';
      }
      // Approved without a token: another poll took it (given once), so this one cannot pair.
      if (answer.state !== 'pending') return finish(pairing, answer.state === 'approved' ? 'expired' : answer.state);
    } catch (error) {
      if (!(error instanceof ClipperError) || error.status === 404) return finish(pairing, 'expired');
      // Unreachable for a moment (the app restarting): keep the request and try again.
    }
    await new Promise((wake) => setTimeout(wake, POLL_MS));
  }
}

async function finish(pairing: Pairing, ended: 'refused' | 'expired'): Promise<PairingResult> {
  await savePairing({ ...pairing, ended });
  return ended;
}
