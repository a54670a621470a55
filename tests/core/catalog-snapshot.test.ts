// The catalog's snapshot, written a few thousand rows per loop turn, reads back whole and in order.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Catalog, INDEX_DIR } from '../../core/store/catalog.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('a snapshot of several chunks loads back every entry, newest capture first', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const { id } = await archive.addArticle({ title: 'Template', text: 'An article the catalog entries are made from.' });
  await archive.close();
  const template = (await Catalog.load(dir))!.get(id)!;
  const count = 4_500; // more than two chunks
  const entries = Array.from({ length: count }, (_, n) => ({
    ...template,
    id: crypto.randomUUID(),
    title: `Entry ${n} “quoted”, with \\ and \n`,
    capturedAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
  }));
  const catalog = Catalog.empty(dir);
  await catalog.replaceAll(entries);

  const text = await readFile(join(dir, INDEX_DIR, 'catalog.json'), 'utf8');
  const snapshot = JSON.parse(text) as { format: number; rows: unknown[][] };
  assert.equal(snapshot.format, 2);
  assert.equal(snapshot.rows.length, count);
  const loaded = (await Catalog.load(dir))!;
  assert.equal(loaded.size, count);
  for (const entry of entries) assert.deepEqual(loaded.get(entry.id), entry);
  const newest = [...entries].sort((a, b) => b.capturedAt.localeCompare(a.capturedAt)).map((e) => e.id);
  assert.deepEqual(
    [...loaded.values()].map((e) => e.id),
    newest,
  );
});
