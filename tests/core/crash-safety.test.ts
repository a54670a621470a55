// Kills a writing process at random moments, many times: the archive always reopens with every acknowledged write.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../core/archive.ts';
import { TSX } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

const WRITER = fileURLToPath(new URL('./helpers/crash-writer.ts', import.meta.url));
const ROUNDS = 25;

type Line = { ready?: true; begin?: string; ack?: string; title: string };

/**
 * Runs the writer, and after a random number of acknowledged writes sends SIGKILL a random 0-5 ms
 * later while it keeps writing, so the kill lands anywhere inside a write. Every line printed before
 * the kill is still read, so `inFlight` ends holding exactly the write that was under way.
 */
async function writeThenKill(dataDir: string, seed: number, acked: Map<string, string>, inFlight: Map<string, string>) {
  const child = spawn(process.execPath, ['--import', TSX, WRITER, dataDir, String(seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killAfter = 1 + (seed % 37);
  let acks = 0;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for await (const text of createInterface({ input: child.stdout! })) {
    const line = JSON.parse(text) as Line;
    if (line.begin) {
      inFlight.clear();
      inFlight.set(line.begin, line.title);
    }
    if (line.ack) {
      acked.set(line.ack, line.title);
      inFlight.clear();
      if (++acks === killAfter) setTimeout(() => child.kill('SIGKILL'), seed % 6);
    }
  }
  await exited;
}

test(
  `SIGKILL at random moments (${ROUNDS} rounds) never loses an acknowledged write`,
  { timeout: 240_000 },
  async (t) => {
    const dir = await tempDir(t);
    const acked = new Map<string, string>(); // id -> last acknowledged title
    for (let round = 1; round <= ROUNDS; round++) {
      const inFlight = new Map<string, string>();
      await writeThenKill(dir, round * 7919, acked, inFlight);

      const archive = await openArchive(dir);
      try {
        const listed = new Map((await archive.listArticles({ limit: 5000 })).items.map((a) => [a.id, a.title]));
        for (const [id, title] of acked) {
          // The write in flight at the kill may or may not have landed; everything before it must have.
          const allowed = [title, inFlight.get(id)];
          assert.ok(
            allowed.includes(listed.get(id)),
            `round ${round}: list shows ${listed.get(id)} for ${id}, acked ${title}`,
          );
          const article = await archive.getArticle(id);
          assert.ok(allowed.includes(article.title), `round ${round}: file has ${article.title}, acked ${title}`);
          acked.set(id, article.title);
        }
        for (const id of listed.keys()) if (!acked.has(id)) acked.set(id, listed.get(id)!); // a new article that landed unacked
        assert.deepEqual((await archive.getStatus()).problems, []);
      } finally {
        await archive.close();
      }
    }
    const leftovers = (await readdir(join(dir, 'articles'), { recursive: true })).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'temp files of killed writers are cleaned up');
    assert.ok(acked.size > 5, `${acked.size} articles written`);
  },
);

test('temp files left by a killed writer in the data, index and backups folders go at the next open; other files stay', async (t) => {
  const dir = await tempDir(t);
  await (await openArchive(dir)).close();
  const left = [
    join(dir, '.archive.json.4242.0123456789ab.tmp'),
    join(dir, '.watches.json.4242.0123456789ab.tmp'),
    join(dir, 'index', '.catalog.jsonl.77.abcdefabcdef.tmp'),
    join(dir, 'index', '.bundle.zip.77.abcdefabcdef.tmp'),
    join(dir, 'backups', '.archive-2026.json.9.00000000aaaa.tmp'),
  ];
  const kept = [join(dir, 'notes.tmp'), join(dir, 'index', '.mine.tmp')];
  for (const file of [...left, ...kept]) await writeFile(file, 'half written');
  await (await openArchive(dir)).close();
  const present = async (file: string) => readdir(join(file, '..')).then((names) => names.includes(basename(file)));
  for (const file of left) assert.equal(await present(file), false, `${file} removed`);
  for (const file of kept) assert.equal(await present(file), true, `${file} kept`);
});
