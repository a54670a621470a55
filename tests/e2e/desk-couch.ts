// A real CouchDB-protocol desk for the browser tests: bench/couch-server.ts's PouchDB Server with a member user per analyst, its working folder removed at stop.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchCouch } from '../../bench/couch-server.ts';

export type Desk = { url: string; stop: () => Promise<void> };

/** Starts the desk with `users` (name → password) as its members; an admin ends the admin party, so only they get in. */
export async function startDesk(users: Record<string, string>): Promise<Desk> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-couch-'));
  try {
    const server = await launchCouch(dir, { users });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
