// Bundles for the bundle tests: a seeded archive and its export, and hostile zips built from a real bundle's entries.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { TestContext } from 'node:test';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Archive } from '../../../core/archive.ts';
import type { Article } from '../../../core/model.ts';
import { openFor, tempDir } from './temp-dir.ts';

const span = (text: string, words: string) => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

export const FIRST =
  'Fighters of the Northern Vigil Front took the bridge at Karovsk on Tuesday, a regional official said.\n\nThe NVF said at least 12 people were killed.';
export const SECOND =
  'Residents of Karovsk said the Northern Vigil Front shelled the market. The regional governor disputed the figures.';
export const THIRD = 'Aid convoys reached Karovsk after a pause in the fighting, the relief agency said.';
export const PAGE = `<!doctype html><html><head><title>Convoys return</title></head><body><article><h1>Convoys return</h1><p>${'The road to Karovsk reopened for aid convoys on Thursday, officials said. '.repeat(4)}</p></article></body></html>`;

/** An archive with entities, mentions, claims in a group, a collection and a captured page (an original). */
export async function seed(t: TestContext) {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const front = await archive.createEntity({ name: 'Northern Vigil Front', type: 'group', aliases: ['NVF'] });
  const town = await archive.createEntity({ name: 'Karovsk', type: 'location', externalIds: { wikidata: 'Q1' } });
  const a = await archive.addArticle({
    title: 'Bridge taken',
    source: 'Wire One',
    publishedAt: '2024-11-26',
    text: FIRST,
  });
  const b = await archive.addArticle({ title: 'Market shelled', source: 'Daily Two', text: SECOND });
  const c = await archive.addArticle({ title: 'Aid arrives', source: 'Relief News', text: THIRD, tags: ['aid'] });
  await archive.tagSpan(a.id, { ...span(FIRST, 'Northern Vigil Front'), entityId: front.id });
  await archive.tagSpan(a.id, { ...span(FIRST, 'Karovsk'), entityId: town.id });
  await archive.tagSpan(b.id, { ...span(SECOND, 'Northern Vigil Front'), entityId: front.id });
  const claimA = (await archive.addClaim(a.id, span(FIRST, 'at least 12 people were killed'))).claims[0]!;
  await archive.updateClaim(a.id, claimA.id, { placeIds: [town.id], status: 'disputed' });
  const claimB = (await archive.addClaim(b.id, span(SECOND, 'shelled the market'))).claims[0]!;
  const group = await archive.groupClaims({
    members: [
      { articleId: a.id, claimId: claimA.id },
      { articleId: b.id, claimId: claimB.id },
    ],
    label: 'Karovsk casualties',
  });
  const [page] = await archive.importDocument({
    name: 'convoys.html',
    data: Buffer.from(PAGE).toString('base64'),
    origin: 'https://example.org/convoys',
  });
  const collection = await archive.createCollection({ name: 'Karovsk week' });
  await archive.addToCollection(collection.id, [a.id, b.id, page!.id!]);
  return { dir, archive, front, town, a, b, c, page: page!, group, collection };
}

export async function exportBundle(t: TestContext, archive: Archive, collectionId: string): Promise<string> {
  const out = await tempDir(t);
  const result = await archive.exportToFile({ scope: { collectionId }, format: 'bundle' }, out);
  assert.equal(result.articles, 3);
  return result.path;
}

/**
 * A zip of these entries. yazl refuses to write names that leave the folder, so such a name is
 * written as a same-length stand-in and patched into the bytes afterwards (the CRCs cover contents only).
 */
export async function zipOf(t: TestContext, entries: [string, string | Buffer][]): Promise<string> {
  const path = join(await tempDir(t), 'hostile.zip');
  const zip = new yazl.ZipFile();
  const patches: [Buffer, Buffer][] = [];
  for (const [name, data] of entries) {
    const safe = name.replace(/^\//, 'X').replaceAll('..', 'XX').replaceAll('\\', 'Y');
    if (safe !== name) patches.push([Buffer.from(safe), Buffer.from(name)]);
    zip.addBuffer(Buffer.from(data), safe);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  if (patches.length) {
    const bytes = await readFile(path);
    for (const [from, to] of patches) {
      let at = 0;
      while ((at = bytes.indexOf(from, at)) >= 0) {
        to.copy(bytes, at);
        at += to.length;
      }
    }
    await writeFile(path, bytes);
  }
  return path;
}

/** Every entry of a real bundle, to tamper with. */
export async function entriesOf(path: string): Promise<[string, Buffer][]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const out: [string, Buffer][] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const parts: Buffer[] = [];
        for await (const part of stream) parts.push(part as Buffer);
        out.push([entry.fileName, Buffer.concat(parts)]);
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.readEntry();
  });
  return out;
}

export async function assertRefused(t: TestContext, path: string, why: RegExp): Promise<void> {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const registryBefore = await readFile(join(dir, 'archive.json'), 'utf8');
  await assert.rejects(archive.importBundleFile(path), (error: Error & { code?: string }) => {
    assert.match(error.message, /refused and nothing was imported/);
    assert.match(error.message, why);
    assert.equal(error.code, 'invalid');
    return true;
  });
  assert.equal((await archive.listArticles()).total, 0);
  assert.equal(await readFile(join(dir, 'archive.json'), 'utf8'), registryBefore, 'archive.json untouched');
  assert.deepEqual(await readdir(join(dir, 'articles')).catch(() => []), []);
}

/** A bundle rebuilt from entries, with the manifest's list and checksums made to fit them again. */
export async function resealed(t: TestContext, entries: [string, Buffer][]): Promise<string> {
  const files = entries
    .filter(([name]) => name !== 'manifest.json')
    .map(([path, data]) => ({ path, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') }));
  const manifest = JSON.parse(entries.find(([name]) => name === 'manifest.json')![1].toString());
  const sealed: [string, Buffer][] = [
    ...entries.filter(([name]) => name !== 'manifest.json'),
    ['manifest.json', Buffer.from(JSON.stringify({ ...manifest, files }))],
  ];
  return zipOf(t, sealed);
}

export const docOf = (data: Buffer) => JSON.parse(data.toString()) as { schemaVersion: number; article: Article };
