// A real CouchDB-protocol peer on 127.0.0.1: PouchDB Server in memory, a database made, optionally users, _security and an admin (the desk tests and bench:sync).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../node_modules/pouchdb-server/bin/pouchdb-server', import.meta.url));

export type CouchServer = { url: string; db: string; port: number; child: ChildProcess; stop(): Promise<void> };

export type ServerOptions = {
  /** Members (name → password) given the role `desk`; the database's _security then admits that role only, and an admin ends the admin party. */
  users?: Record<string, string>;
  /** Listen on this port (a restart on the same one). */
  port?: number;
  db?: string;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the server with its working files in `dir` (the caller removes it) and waits until it answers. */
export async function launchCouch(dir: string, options: ServerOptions = {}): Promise<CouchServer> {
  await writeFile(join(dir, 'config.json'), '{}');
  const port = options.port ?? (await freePort());
  // stdio ignored: the server dies of EPIPE on its next log line if its pipes are not read.
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--in-memory',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--config',
      join(dir, 'config.json'),
      '--no-stdout-logs',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  try {
    for (let tries = 0; ; tries++) {
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
      const ok = await fetch(`${base}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (tries > 400) throw new Error('pouchdb-server did not answer within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const db = options.db ?? 'desk';
    await put(`${base}/${db}`);
    if (options.users) {
      for (const [name, password] of Object.entries(options.users))
        await put(`${base}/_users/org.couchdb.user:${name}`, { name, password, roles: ['desk'], type: 'user' });
      await put(`${base}/${db}/_security`, {
        admins: { names: [], roles: [] },
        members: { names: [], roles: ['desk'] },
      });
      // Last: the admin ends the admin party, after which only members get in.
      await put(`${base}/_config/admins/admin`, 'admin-pw');
    }
    return { url: `${base}/${db}`, db, port, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function put(url: string, body?: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${url}: ${response.status} ${await response.text()}`);
}
