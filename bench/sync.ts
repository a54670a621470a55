// `npm run bench:sync -- --articles N`: archive A (N synthetic articles, 1 in 10 with a ~50 KB original) and an empty B join a PouchDB Server desk; the first full sync, then 100 edits in A reaching B.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../core/archive.ts';
import { SCHEMA_VERSION, type Article } from '../core/model.ts';
import { articleFileFor, writeArticleFile } from '../core/store/article-files.ts';
import { writeFileDurably } from '../core/store/durable-write.ts';
import { launchCouch } from './couch-server.ts';
import { syntheticArchive } from './synthetic-news.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const count = Number(values.articles);
const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-sync-'));
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const server = await launchCouch(await mkdtemp(join(tmpdir(), 'newsdesk-bench-couch-')));
try {
  console.log(
    `Newsdesk desk sync benchmark: ${count.toLocaleString('en')} articles, in-memory PouchDB Server on 127.0.0.1 (node ${process.version})`,
  );
  const synthetic = syntheticArchive();
  const dirA = join(dir, 'a');
  let t0 = performance.now();
  const written = await writeArchive(dirA, synthetic, count);
  console.log(
    `setup: ${synthetic.entities.length} entities, ${count} articles (${mb(written.text)} of text, ${written.originals} originals, ${mb(written.originalBytes)})  ${ms(performance.now() - t0)}`,
  );

  const a = await openArchive(dirA);
  const b = await openArchive(join(dir, 'b'));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await b.joinDesk({ url: server.url, analyst: 'Bo' });

  // Bytes on the wire: what the server process read from and wrote to its sockets (it is in memory: no disk).
  let wire = await serverIo();
  const wireSince = async () => {
    const now = await serverIo();
    const delta = now && wire ? `${mb(now.read - wire.read)} up, ${mb(now.written - wire.written)} down` : 'n/a';
    wire = now;
    return delta;
  };
  t0 = performance.now();
  const pushed = await a.syncDesk();
  const pushMs = performance.now() - t0;
  console.log(`first sync of A (push)        ${ms(pushMs)}  ${pushed.pushed} documents, ${await wireSince()}`);
  t0 = performance.now();
  const pulled = await b.syncDesk();
  const pullMs = performance.now() - t0;
  console.log(`first sync of B (pull)        ${ms(pullMs)}  ${pulled.pulled} documents, ${await wireSince()}`);
  console.log(`first full sync               ${ms(pushMs + pullMs)}  (target: 10,000 articles under 2 min)`);
  const total = (await b.listArticles({ limit: 1 })).total;
  if (total !== count) throw new Error(`B holds ${total} articles, not ${count}`);

  t0 = performance.now();
  await a.syncDesk();
  await b.syncDesk();
  console.log(`A and B with nothing to do    ${ms(performance.now() - t0)}`);

  const edited = Array.from({ length: 100 }, (_, k) => synthetic.article(Math.floor((k * count) / 100)).id);
  for (const [k, id] of edited.entries()) await a.updateArticle(id, { notes: `Checked by Ana (${k}).` });
  t0 = performance.now();
  const up = await a.syncDesk();
  const upMs = performance.now() - t0;
  const down = await b.syncDesk();
  const changesMs = performance.now() - t0;
  const last = await b.getArticle(edited[99]!);
  if (up.pushed !== 100 || down.pulled !== 100 || last.notes !== 'Checked by Ana (99).')
    throw new Error(`100 edits: pushed ${up.pushed}, pulled ${down.pulled}, B has "${last.notes}"`);
  console.log(
    `100 changes from A to B       ${ms(changesMs)}  (A ${ms(upMs)}, B ${ms(changesMs - upMs)}; target under 5 s), ${await wireSince()}`,
  );
  await a.close();
  await b.close();
  clearInterval(sampler);
  console.log(`peak RSS: this process (A and B) ${mb(peakRss)}, the server ${await serverPeak()}`);
} finally {
  clearInterval(sampler);
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The registry's entities in archive.json; the articles written by the store's own writer, their originals beside them. */
async function writeArchive(dirA: string, synthetic: ReturnType<typeof syntheticArchive>, n: number) {
  await mkdir(dirA, { recursive: true });
  await writeFile(
    join(dirA, 'archive.json'),
    JSON.stringify({
      schemaVersion: SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      entities: synthetic.entities,
    }),
  );
  const totals = { text: 0, originals: 0, originalBytes: 0 };
  for (let i = 0; i < n; i += 64)
    await Promise.all(
      Array.from({ length: Math.min(64, n - i) }, async (_, j) => {
        const { article, original } = realistic(synthetic, i + j, n);
        totals.text += article.text.length;
        const file = articleFileFor(article);
        if (original) {
          totals.originals++;
          totals.originalBytes += original.length;
          await mkdir(join(dirA, file, '..'), { recursive: true });
          await writeFileDurably(join(dirA, file, '..', article.provenance.attachment!), original);
        }
        await writeArticleFile(dirA, file, article);
      }),
    );
  return totals;
}

/** The issue's mix: 5–20 KB of text (the article's own, then other articles' paragraphs), 1 in 10 with a ~50 KB captured page. */
function realistic(synthetic: ReturnType<typeof syntheticArchive>, i: number, n: number) {
  const article = synthetic.article(i);
  const target = 5000 + ((i * 7919) % 15_000);
  let text = article.text;
  for (let k = 1; text.length < target; k++) text += '\n\n' + synthetic.article(n + ((i * 31 + k) % 5000)).text;
  text = text.slice(0, target);
  const result: Article = { ...article, text, provenance: { ...article.provenance, bytes: text.length } };
  if (i % 10 !== 3) return { article: result, original: null };
  const paragraphs = text.split('\n\n').map((p) => `<p>${p}</p>`);
  let html = `<html><head><title>${article.title}</title></head><body><article>${paragraphs.join('\n')}</article>`;
  while (html.length < 50_000)
    html += `<aside class="related">${paragraphs[html.length % paragraphs.length]}</aside>\n`;
  const original = Buffer.from(html.slice(0, 50_000) + '</body></html>');
  result.provenance = {
    ...result.provenance,
    method: 'url',
    origin: article.url,
    mediaType: 'text/html',
    attachment: `${article.id}.capture.html`,
    sha256: createHash('sha256').update(original).digest('hex'),
    bytes: original.length,
  };
  return { article: result, original };
}

async function serverIo(): Promise<{ read: number; written: number } | null> {
  const text = await readFile(`/proc/${server.child.pid}/io`, 'utf8').catch(() => null);
  if (!text) return null;
  const field = (name: string) =>
    Number(/^(\w+): (\d+)$/m.exec(text.split('\n').find((l) => l.startsWith(name)) ?? '')?.[2] ?? 0);
  return { read: field('rchar'), written: field('wchar') };
}

async function serverPeak(): Promise<string> {
  const text = await readFile(`/proc/${server.child.pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(text)?.[1];
  return kb ? mb(Number(kb) * 1000) : 'n/a';
}
