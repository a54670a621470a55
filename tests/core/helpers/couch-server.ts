// A real CouchDB-protocol peer for the desk tests: PouchDB Server in memory on 127.0.0.1, a database made, optionally users, _security and an admin.
import type { TestContext } from 'node:test';
import type { Archive } from '../../../core/archive.ts';
import { launchCouch, type CouchServer, type ServerOptions } from '../../../bench/couch-server.ts';
import { defer, openFor, tempDir } from './temp-dir.ts';

export { freePort, type CouchServer, type ServerOptions } from '../../../bench/couch-server.ts';

/** The server for one test, stopped when the test ends. */
export async function startCouch(t: TestContext, options: ServerOptions = {}): Promise<CouchServer> {
  const server = await launchCouch(await tempDir(t, 'newsdesk-couch-'), options);
  defer(t, server.stop);
  return server;
}

/** Archives on one fresh desk, each in its own temp folder under its analyst's name. */
export async function archivesOnDesk(
  t: TestContext,
  ...analysts: string[]
): Promise<{ url: string; archives: Archive[] }> {
  const server = await startCouch(t);
  const archives: Archive[] = [];
  for (const analyst of analysts) {
    const archive = await openFor(t, await tempDir(t));
    await archive.joinDesk({ url: server.url, analyst });
    archives.push(archive);
  }
  return { url: server.url, archives };
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
