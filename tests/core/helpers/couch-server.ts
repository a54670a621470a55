// A real CouchDB-protocol peer for the desk tests: PouchDB Server in memory on 127.0.0.1, a database made, optionally users, _security and an admin.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defer, tempDir } from './temp-dir.ts';

const BIN = fileURLToPath(new URL('../../../node_modules/pouchdb-server/bin/pouchdb-server', import.meta.url));

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

export async function startCouch(t: TestContext, options: ServerOptions = {}): Promise<CouchServer> {
  const dir = await tempDir(t, 'newsdesk-couch-');
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
  defer(t, stop);
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
    await put(`${base}/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: ['desk'] } });
    // Last: the admin ends the admin party, after which only members get in.
    await put(`${base}/_config/admins/admin`, 'admin-pw');
  }
  return { url: `${base}/${db}`, db, port, child, stop };
}

async function put(url: string, body?: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${url}: ${response.status} ${await response.text()}`);
}

type Doc = Record<string, unknown> & { _rev: string; _revisions: { start: number; ids: string[] } };

/** A document as the desk holds it now, with its history (to fork a concurrent leaf from). */
export async function getDoc(dbUrl: string, id: string): Promise<Doc> {
  return (await (await fetch(`${dbUrl}/${encodeURIComponent(id)}?revs=true`)).json()) as Doc;
}

/**
 * Pushes a child of `parent` as another laptop would (new_edits: false): after another child was
 * pushed, the desk holds two leaves of the document, as when two laptops push from the same parent.
 */
export async function pushLeaf(dbUrl: string, parent: Doc, change: Record<string, unknown>): Promise<string> {
  const { _rev, _revisions, ...body } = parent;
  const hash = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const rev = `${_revisions.start + 1}-${hash}`;
  const doc = {
    ...body,
    ...change,
    _rev: rev,
    _revisions: { start: _revisions.start + 1, ids: [hash, ..._revisions.ids] },
  };
  void _rev;
  const response = await fetch(`${dbUrl}/_bulk_docs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ new_edits: false, docs: [doc] }),
  });
  if (!response.ok) throw new Error(`_bulk_docs: ${response.status} ${await response.text()}`);
  return rev;
}
