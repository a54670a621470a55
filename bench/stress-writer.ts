// The stress run's writer: every kind of write, at random, forever; each printed before ("begin") and once acknowledged ("ack").
import { join } from 'node:path';
import { openArchive } from '../core/archive.ts';
import { mark } from './power-loss-recorder.ts';
import { BUNDLES, bundledTitle } from './stress-bundles.ts';

const [dataDir, seedText, bundlesDir] = process.argv.slice(2);
const archive = await openArchive(dataDir!);
let seed = Number(seedText ?? 1);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)];

const articles: string[] = [];
for (let offset = 0; ; offset += 5000) {
  const page = await archive.listArticles({ offset, limit: 5000 });
  articles.push(...page.items.map((a) => a.id));
  if (articles.length >= page.total || !page.items.length) break;
}
const entities = (await archive.listEntities({ limit: 5000 })).map((e) => e.id);
const collections = (await archive.listCollections()).map((c) => c.id);

/** One line per event; the parent reads them, and the kill may cut off only what follows. */
const say = (line: object) => {
  mark(line); // the power-loss run's op log: markers in order with the file operations
  process.stdout.write(JSON.stringify(line) + '\n');
};
/** The power-loss run stops the writer itself after this many acknowledgements: closed cleanly, every operation is in the log. */
const stopAfter = Number(process.env.POWER_LOSS_ACKS ?? Infinity);

/** Each write: its kind, the record it touches, the value it leaves there (what the check looks for after a kill). */
type Write = { kind: string; key: string; value: string; run: () => Promise<string | void> };

function nextWrite(n: number): Write {
  const stamp = `s${seed}-${n}`;
  const article = pick(articles);
  const entity = pick(entities);
  const collection = pick(collections);
  const roll = random();
  const bundle = Math.floor(random() * BUNDLES);
  if (roll < 0.2 || !article)
    return {
      kind: 'article',
      key: 'new',
      value: `Added ${stamp}`,
      run: async () =>
        (await archive.addArticle({ title: `Added ${stamp}`, text: `Shelling near Karovsk, ${stamp}. `.repeat(12) }))
          .id,
    };
  if (roll < 0.35)
    return {
      kind: 'article',
      key: article,
      value: `Edited ${stamp}`,
      run: async () => void (await archive.updateArticle(article, { title: `Edited ${stamp}`, tags: [stamp] })),
    };
  if (roll < 0.45)
    return {
      kind: 'import',
      key: 'new',
      value: `Imported ${stamp}`,
      run: async () => {
        const html = `<html><head><title>Imported ${stamp}</title></head><body><article><h1>Imported ${stamp}</h1>${`<p>Convoys crossed the river at dawn, officials said on ${stamp}.</p>`.repeat(8)}</article></body></html>`;
        const [result] = await archive.importDocument({
          name: `${stamp}.html`,
          data: Buffer.from(html).toString('base64'),
          mediaType: 'text/html',
        });
        if (result?.status !== 'saved') throw new Error(`import ${stamp}: ${JSON.stringify(result)}`);
        return result.id!;
      },
    };
  if (roll < 0.5 && bundlesDir)
    return {
      // A bundle already imported (by this writer before a kill) adds nothing: then there is nothing to check.
      kind: 'bundle',
      key: 'new',
      value: bundledTitle(bundle),
      run: async () => {
        const report = await archive.importBundleFile(join(bundlesDir, `${bundle}.zip`));
        return report.articles.added ? report.articles.ids[0] : undefined;
      },
    };
  if (roll < 0.55 || !entity)
    return {
      kind: 'entity',
      key: 'new',
      value: `Group ${stamp}`,
      run: async () => (await archive.createEntity({ name: `Group ${stamp}`, type: 'group' })).id,
    };
  if (roll < 0.65)
    return {
      kind: 'entity',
      key: entity,
      value: `Renamed ${stamp}`,
      run: async () => void (await archive.updateEntity(entity, { name: `Renamed ${stamp}` })),
    };
  if (roll < 0.78)
    return {
      kind: 'claim',
      key: article,
      value: `Claim ${stamp}`,
      run: async () =>
        void (await archive.addClaim(article, { start: 0, end: 8, text: `Claim ${stamp}`, kind: 'statement' })),
    };
  if (roll < 0.86 || !collection)
    return {
      kind: 'collection',
      key: 'new',
      value: `Dossier ${stamp}`,
      run: async () => (await archive.createCollection({ name: `Dossier ${stamp}` })).id,
    };
  return {
    kind: 'member',
    key: collection,
    value: article,
    run: async () => void (await archive.addToCollection(collection, [article])),
  };
}

say({ ready: true });
for (let n = 0; ; n++) {
  const write = nextWrite(n);
  say({ begin: write.kind, key: write.key, value: write.value });
  const created = await write.run();
  const key = created ?? write.key;
  say({ ack: write.kind, key, value: write.value });
  if (write.kind === 'article' || write.kind === 'import' || write.kind === 'bundle')
    if (created) articles.push(created);
  if (write.kind === 'entity' && created) entities.push(created);
  if (write.kind === 'collection' && created) collections.push(created);
  if (n + 1 >= stopAfter) break;
}
await archive.close();
