// The desk's client against real HTTP servers behaving badly: answers too large are cut off, redirects refused, plain HTTP to another machine never sent, CouchDB 3's 403 said plainly, one desk whatever its URL's spelling.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { openArchive, type Archive } from '../../core/archive.ts';
import { CouchClient, normalizeDeskUrl } from '../../core/sync/couch-client.ts';
import { archivesOnDesk, startCouch } from './helpers/couch-server.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A node:http server for one test; what it was asked, and whether a response was cut off by the client. */
async function httpServer(t: TestContext, handler: Handler, host = '127.0.0.1') {
  const seen: string[] = [];
  let closedEarly = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.on('close', () => {
      if (res.writableFinished) return;
      closedEarly++;
      for (const wait of waiting) if (closedEarly >= wait.count) wait.resolve();
    });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  defer(t, () => new Promise((resolve) => server.close(resolve)));
  defer(t, async () => server.closeAllConnections());
  const { port } = server.address() as { port: number };
  return {
    port,
    seen,
    /** Resolves once `count` answers were closed by the client before their end. */
    closedEarly(count: number): Promise<void> {
      return closedEarly >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }));
    },
  };
}

/** Writes 64 KB chunks for as long as the client reads them: a body with no end. */
function endless(res: ServerResponse, contentType: string): void {
  res.writeHead(200, { 'Content-Type': contentType });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const more = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', more);
  };
  more();
}

test('an answer larger than the limit is cut off as it comes and refused, naming what was asked', async (t) => {
  const server = await httpServer(t, (req, res) => {
    if (req.url?.startsWith('/desk/_changes')) return endless(res, 'application/json');
    if (req.url?.startsWith('/desk/article%3Aa1/original.pdf')) return endless(res, 'application/pdf');
    // Declared too large up front: refused before a byte of the body is read.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(10_000_000) });
    res.write('{"db_name":"');
  });
  const url = `http://127.0.0.1:${server.port}/desk`;
  const client = new CouchClient(url, null, 10_000, { maxJsonBytes: 1_000_000, maxAttachmentBytes: 500_000 });
  await assert.rejects(client.json('GET', '/_changes?since=0'), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'too_large');
    assert.match(
      error.message,
      /^The desk at http:\/\/127\.0\.0\.1:\d+\/desk answered _changes with more than 1\.0 MB/,
    );
    return true;
  });
  await assert.rejects(client.bytes('/article%3Aa1/original.pdf?rev=1-x'), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'too_large');
    assert.match(
      error.message,
      /^The desk sent the file original\.pdf of article:a1 larger than this archive's import limit \(0\.5 MB, settings\.maxImportBytes\)/,
    );
    return true;
  });
  await assert.rejects(client.json('GET', '/article%3Aa2?rev=1-y'), /answered the document article:a2 with more than/);
  // Every oversized answer was left unread and its connection closed (an endless body never ends otherwise).
  await server.closedEarly(3);
});

test('a file from the desk over the archive’s import limit: the article comes without it, named in incomplete, and the sync goes on both ways', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana');
  const a = archives[0] as Archive;
  const page = `<html><head><title>Convoys</title></head><body><article><p>${'Aid convoys reached Karovsk. '.repeat(20)}</p></article></body></html>`;
  const [article] = await a.importDocument({ name: 'convoys.html', data: Buffer.from(page).toString('base64') });
  await a.syncDesk();
  // Bo's archive takes files of at most 100 bytes (archive.json's settings, edited by hand).
  const bDir = await tempDir(t);
  const b0 = await openArchive(bDir);
  await b0.joinDesk({ url: (await a.getDesk()).url!, analyst: 'Bo' });
  await b0.close();
  const registry = JSON.parse(await readFile(join(bDir, 'archive.json'), 'utf8')) as { settings: object };
  registry.settings = { ...registry.settings, maxImportBytes: 100 };
  await writeFile(join(bDir, 'archive.json'), JSON.stringify(registry));
  const b = await openFor(t, bDir);
  const own = await b.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk on Tuesday.' });
  // Before, the download's error stopped every sync of this laptop, both ways, for good.
  const result = await b.syncDesk();
  assert.equal(result.pushed, 1, 'Bo’s own article still goes up');
  assert.match(
    result.incomplete?.find((item) => item.id === `article:${article!.id}`)?.reason ?? '',
    new RegExp(`the file \\S+ of article:${article!.id} larger than this archive's import limit.*saved without it`),
  );
  assert.equal((await b.getArticle(article!.id!)).title, 'Convoys');
  assert.equal((await b.getDesk()).pendingUp, 0);
  await a.syncDesk();
  assert.equal((await a.getArticle(own.id)).title, 'Bridge taken');
});

test('a redirect is refused, never followed: the credentials and documents stay with the desk given', async (t) => {
  const elsewhere = await httpServer(t, (_req, res) => res.end('{"db_name":"desk"}'));
  const target = `http://127.0.0.1:${elsewhere.port}/desk`;
  const desk = await httpServer(t, (req, res) => {
    res.writeHead(req.method === 'POST' ? 308 : 302, { Location: `${target}${req.url?.slice('/desk'.length)}` });
    res.end();
  });
  const url = `http://127.0.0.1:${desk.port}/desk`;
  const client = new CouchClient(url, { user: 'ana', password: 'secret' });
  await assert.rejects(
    client.json('POST', '/_bulk_docs', { new_edits: false, docs: [] }),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'unreachable');
      assert.equal(
        error.message,
        `The desk at ${url} answered POST /_bulk_docs with a redirect to ${target}/_bulk_docs; give the final URL (the database's own address): leave the desk and join it there.`,
      );
      return true;
    },
  );
  const archive = await openArchive(await tempDir(t), { deskCredentials: () => ({ user: 'ana', password: 'secret' }) });
  defer(t, () => archive.close());
  await assert.rejects(
    archive.joinDesk({ url, analyst: 'Ana' }),
    /with a redirect to http:\/\/127\.0\.0\.1:\d+\/desk; give the final URL/,
  );
  assert.equal((await archive.getDesk()).joined, false);
  assert.deepEqual(elsewhere.seen, [], 'nothing reached the redirect’s target');
});

/** An address of this machine that is not loopback, if it has one (plain HTTP to it must be refused). */
function otherAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const net of list ?? []) if (net.family === 'IPv4' && !net.internal) return net.address;
  return null;
}

test('desk.json edited to plain HTTP on another machine: no request is sent, the sync says why', async (t) => {
  const address = otherAddress();
  const listener = await httpServer(t, (_req, res) => res.end('{}'), '0.0.0.0');
  const couch = await startCouch(t);
  const dir = await tempDir(t);
  const provider = () => ({ user: 'ana', password: 'secret' });
  const first = await openArchive(dir);
  await first.joinDesk({ url: couch.url, analyst: 'Ana' });
  await first.close();
  const config = JSON.parse(await readFile(join(dir, 'desk.json'), 'utf8')) as { url: string };
  config.url = address ? `http://${address}:${listener.port}/desk` : 'http://desk.example.org/desk';
  await writeFile(join(dir, 'desk.json'), JSON.stringify(config));
  const archive = await openArchive(dir, { deskCredentials: provider });
  defer(t, () => archive.close());
  await archive.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk, officials said.' });
  await assert.rejects(archive.syncDesk(), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'invalid');
    assert.match(error.message, /must be reached over HTTPS \(plain HTTP only to this machine\)/);
    return true;
  });
  const status = await archive.getDesk();
  assert.equal(status.pendingDown, null);
  assert.match(status.offline ?? '', /must be reached over HTTPS/);
  assert.deepEqual(listener.seen, [], 'not one request (nor its Authorization) left in clear');
});

test('CouchDB 3’s 403 for a user who is not a member is the same clear "unauthorized"', async (t) => {
  const desk = await httpServer(t, (_req, res) => {
    res.writeHead(403, { 'Content-Type': 'application/json' });
    res.end('{"error":"forbidden","reason":"You are not allowed to access this db."}');
  });
  const archive = await openArchive(await tempDir(t), { deskCredentials: () => ({ user: 'ana', password: 'pw' }) });
  defer(t, () => archive.close());
  const url = `http://127.0.0.1:${desk.port}/desk`;
  await assert.rejects(archive.joinDesk({ url, analyst: 'Ana' }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'unauthorized');
    assert.equal(
      error.message,
      `The desk at ${url} refused user "ana" (403 forbidden: You are not allowed to access this db.): the user is not a member of the desk; ask its administrator to add them (the database's _security), or check the user name., nothing changed.`,
    );
    return true;
  });
  assert.equal((await archive.getDesk()).joined, false);
});

test('one desk whatever the spelling of its URL: one desk.json URL, one folder of sync records', async (t) => {
  assert.equal(normalizeDeskUrl('HTTPS://Couch.Example.ORG:443/desk/?x=1#y'), 'https://couch.example.org/desk');
  assert.equal(normalizeDeskUrl('http://127.0.0.1:5984/desk//'), 'http://127.0.0.1:5984/desk');
  const couch = await startCouch(t);
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  await archive.joinDesk({ url: `${couch.url}/`, analyst: 'Ana' });
  assert.equal((await archive.getDesk()).url, couch.url);
  await archive.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk, officials said.' });
  await archive.syncDesk();
  // Joined again as typed another way: the same desk, not "leave it first".
  await archive.joinDesk({ url: couch.url, analyst: 'Ana' });
  await archive.leaveDesk();
  await archive.joinDesk({ url: `${couch.url}/`, analyst: 'Ana' });
  assert.equal((await archive.syncDesk()).pushed, 0, 'the records were found: nothing sent again');
  assert.equal((await readdir(join(dir, 'desk'))).length, 1);
});
