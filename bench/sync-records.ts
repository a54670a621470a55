// The desk's sync records at archive scale: N records like those of an N-article archive on a desk, then how long loading them takes and the heap they hold.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DESK_DIR, SyncRecords } from '../core/sync/desk-files.ts';
import { newRev } from '../core/sync/revs.ts';
import { syntheticArchive } from './synthetic-news.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '20000' } } });
const count = Number(values.records);
const url = 'http://127.0.0.1:5984/desk';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const dir = await mkdtemp(join(tmpdir(), 'newsdesk-records-'));
try {
  const folder = join(dir, DESK_DIR, createHash('sha256').update(url).digest('hex').slice(0, 16));
  await mkdir(folder, { recursive: true });
  // 500 distinct articles (5–20 KB of text, mentions, claims) under N ids: every record parsed on its own.
  const archive = syntheticArchive({ entities: 500, tailWords: 5000 });
  const bodies = Array.from({ length: 500 }, (_, i) => {
    const { reading, updatedAt, ...content } = archive.article(i);
    void reading;
    void updatedAt;
    return content;
  });
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < count; i += 200)
    await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, async (_, k) => {
        const n = i + k;
        const id = `article:${crypto.randomUUID()}`;
        const body = {
          ...bodies[n % bodies.length]!,
          id: id.slice(8),
          deskBy: 'Ana',
          deskAt: '2026-01-01T00:00:00.000Z',
        };
        const parent = newRev(null, { n });
        const rev = newRev(parent, { n });
        const record = {
          id,
          rev,
          revs: [rev, parent],
          onServer: true,
          hash: createHash('sha256').update(id).digest('hex'),
          stamp: '2026-01-01T00:00:00.000Z',
          base: body,
          deleted: false,
          parent: { rev: parent, body: { ...body, title: `${String(body.title)} (before)` } },
          atts: {},
          conflicts: [],
          merged: [],
          closing: [],
        };
        const text = SyncRecords.encode(record);
        bytes += text.length;
        await writeFile(join(folder, `${encodeURIComponent(id)}.json`), text);
      }),
    );
  const wrote = performance.now() - started;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  const records = new SyncRecords(dir, url);
  await records.load(async () => null);
  const loaded = performance.now() - loadStarted;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `${count} records (${(bytes / 1e6).toFixed(0)} MB on disk, written in ${(wrote / 1000).toFixed(1)} s): ` +
      `loaded in ${(loaded / 1000).toFixed(1)} s, heap held ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB ` +
      `(${[...records.all()].length} in memory)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
