// Issue 17 B, C, E, F: bombs of small entries and overlapping ones, a zip that claims a million records, forged integrity fields, local paths in exports.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { test, type TestContext } from 'node:test';
import yazl from 'yazl';
import { assertRefused, docOf, entriesOf, exportBundle, PAGE, resealed, seed } from './helpers/bundle-zips.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The seeded bundle with the page's original replaced by `bytes`, and its article made to agree (or not). */
async function withOriginal(t: TestContext, bytes: Buffer, agree: boolean): Promise<string> {
  const from = await seed(t);
  const entries = await entriesOf(await exportBundle(t, from.archive, from.collection.id));
  const page = await from.archive.getArticle(from.page.id!);
  const forged = entries.map(([name, data]): [string, Buffer] => {
    if (name === `originals/${page.provenance.attachment}`) return [name, bytes];
    if (name !== `articles/${page.id}.json` || !agree) return [name, data];
    const doc = docOf(data);
    doc.article.provenance = { ...doc.article.provenance, sha256: sha(bytes), bytes: bytes.length };
    return [name, Buffer.from(JSON.stringify(doc))];
  });
  return resealed(t, forged);
}

test('B: an entry under 1 MiB that unpacks 1000:1 is a zip bomb too', async (t) => {
  // 1 MiB of one byte deflates to ~1 KB: the old check let every entry up to 1 MiB through, whatever its ratio.
  await assertRefused(t, await withOriginal(t, Buffer.alloc(1 << 20, 0x20), true), /zip bomb/);
});

/**
 * One entry whose central-directory record is repeated under `copies` names, all pointing at the
 * same data: each entry's ratio is fine, the sum of them is not (Fifield's overlapping zip bomb).
 */
async function overlapping(t: TestContext, copies: number): Promise<string> {
  const zip = new yazl.ZipFile();
  // ~100:1: half a KiB of noise in 256 KiB of spaces, under the per-entry ratio.
  const data = Buffer.alloc(256 * 1024, 0x20);
  for (let i = 0; i < 2000; i++) data[(i * 7919) % data.length] = (i * 31) & 0xff;
  const name = (i: number) => `originals/00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}.capture.html`;
  zip.addBuffer(data, name(0));
  zip.end();
  const path = join(await tempDir(t), 'overlap.zip');
  await pipeline(zip.outputStream, createWriteStream(path));
  const bytes = await readFile(path);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const directoryAt = bytes.readUInt32LE(end + 16);
  const record = bytes.subarray(directoryAt, end);
  const records = Array.from({ length: copies }, (_, i) => {
    const copy = Buffer.from(record);
    copy.write(name(i), 46, 'latin1');
    return copy;
  });
  const tail = Buffer.from(bytes.subarray(end, end + 22));
  tail.writeUInt16LE(copies, 8);
  tail.writeUInt16LE(copies, 10);
  tail.writeUInt32LE(record.length * copies, 12);
  await writeFile(path, Buffer.concat([bytes.subarray(0, directoryAt), ...records, tail]));
  return path;
}

test('B: entries that each pass the ratio but together unpack to far more than the file are refused', async (t) => {
  const path = await overlapping(t, 400);
  assert.ok((await readFile(path)).length < 100_000, 'a small file');
  await assertRefused(t, path, /unpacks to \d+ bytes from a \d+-byte file \(a zip bomb\)/);
});

/** Only an end record (zip64 when `entries` needs it): what a listing of `entries` records would start from. */
function endRecordOnly(entries: number, directoryBytes: number, before = Buffer.alloc(0)): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries, 0xffff), 10);
  end.writeUInt32LE(Math.min(directoryBytes, 0xffffffff), 12);
  end.writeUInt32LE(0, 16);
  if (entries < 0xffff) return Buffer.concat([before, end]);
  end.writeUInt32LE(0xffffffff, 16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(directoryBytes), 40);
  record.writeBigUInt64LE(0n, 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(before.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([before, record, locator, end]);
}

test('C: a zip claiming 1,000,001 records is refused from its end record, before any is listed', async (t) => {
  const path = join(await tempDir(t), 'million.zip');
  await writeFile(path, endRecordOnly(1_000_001, 46 * 1_000_001));
  const started = performance.now();
  await assertRefused(t, path, /it holds 1000001 files, more than 1000000/);
  assert.ok(performance.now() - started < 2000, 'refused at once');
});

test('C: a central directory far larger than its records could be is refused before it is listed', async (t) => {
  const path = join(await tempDir(t), 'big-directory.zip');
  await writeFile(path, endRecordOnly(2, 1 << 20, Buffer.alloc(1 << 20)));
  await assertRefused(t, path, /central directory takes 1048576 bytes for 2 files/);
});

test('E: an original whose bytes are not the ones its article records is refused', async (t) => {
  const other = Buffer.from(PAGE.replace('reopened', 'was closed'));
  await assertRefused(t, await withOriginal(t, other, false), /is not the original .* records/);
});

test('E: a different text carrying a copied content hash is refused, not dropped as already here', async (t) => {
  const from = await seed(t);
  const entries = await entriesOf(await exportBundle(t, from.archive, from.collection.id));
  const [, first] = entries.find(([name]) => name === `articles/${from.a.id}.json`)!;
  const forged = docOf(first);
  forged.article = {
    ...forged.article,
    id: '33333333-3333-4333-8333-333333333333',
    text: 'A report nobody here has: the Karovsk bridge was never taken, the ministry said.',
    mentions: [],
    claims: [],
  };
  const path = await resealed(t, [
    ...entries,
    [`articles/${forged.article.id}.json`, Buffer.from(JSON.stringify(forged))],
  ]);
  await assertRefused(t, path, /records a content hash its text does not have/);
});

test('F: a bundle records the file name an article was imported from, not the exporter’s path to it', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const folder = join(await tempDir(t), 'home-of-a-reporter', 'Downloads');
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'convoys.html');
  await writeFile(file, PAGE.replace('<p>', '<p><a href="notes.html">notes</a> <img src="map.png"> '));
  const [saved] = await archive.importFile(await readFile(file), 'convoys.html', file);
  assert.equal((await archive.getArticle(saved!.id!)).provenance.origin, file, 'this archive keeps the path');
  const collection = await archive.createCollection({ name: 'Convoys' });
  await archive.addToCollection(collection.id, [saved!.id!]);
  const out = await tempDir(t);
  const { path } = await archive.exportToFile({ scope: { collectionId: collection.id }, format: 'bundle' }, out);

  for (const [name, data] of await entriesOf(path)) {
    assert.ok(!data.includes(folder), `${name} holds no local path`);
    assert.ok(!data.includes('home-of-a-reporter'), `${name} holds no local folder name`);
  }
  const [, doc] = (await entriesOf(path)).find(([name]) => name.startsWith('articles/'))!;
  assert.equal(docOf(doc).article.provenance.origin, 'convoys.html');

  // A bundle from before the fix still carries a path: the importing archive keeps only the name.
  const old = await resealed(
    t,
    (await entriesOf(path)).map(([name, data]): [string, Buffer] => {
      if (!name.startsWith('articles/')) return [name, data];
      const forged = docOf(data);
      forged.article.provenance.origin = 'C:\\Users\\reporter\\Downloads\\convoys.html';
      return [name, Buffer.from(JSON.stringify(forged))];
    }),
  );
  const to = await openFor(t, await tempDir(t));
  await to.importBundleFile(old);
  assert.equal((await to.getArticle(saved!.id!)).provenance.origin, 'convoys.html');
});
