// A real CouchDB-protocol desk for the browser tests: PouchDB Server in memory on 127.0.0.1, one database, a member user per analyst.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/pouchdb-server/bin/pouchdb-server');
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;

export type Desk = { url: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function put(url: string, body?: unknown, auth?: string): Promise<void> {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${url}: ${response.status} ${await response.text()}`);
}

/** Starts the desk with `users` (name → password) as its members; an admin ends the admin party, so only they get in. */
export async function startDesk(users: Record<string, string>): Promise<Desk> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-couch-'));
  await writeFile(join(dir, 'config.json'), '{}');
  const port = await freePort();
  const args = ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json')];
  // Its pipes are not read: ignored, or it dies of EPIPE on its next log line.
  const child = spawn(NODE, [BIN, ...args, '--no-stdout-logs'], { cwd: dir, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let tries = 0; ; tries++) {
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
      if (
        await fetch(`${base}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (tries > 400) throw new Error('pouchdb-server did not answer within 20 s');
      await new Promise((done) => setTimeout(done, 50));
    }
    await put(`${base}/desk`);
    for (const [name, password] of Object.entries(users))
      await put(`${base}/_users/org.couchdb.user:${name}`, { name, password, roles: ['desk'], type: 'user' });
    await put(`${base}/desk/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: ['desk'] } });
    await put(`${base}/_config/admins/admin`, 'admin-pw');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `${base}/desk`, stop };
}
