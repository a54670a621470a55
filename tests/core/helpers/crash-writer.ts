// A child process that writes to an archive forever, printing each write before ("begin") and after it is acknowledged ("ack").
import { openArchive } from '../../../core/archive.ts';

const [dataDir, seedText] = process.argv.slice(2);
const archive = await openArchive(dataDir!);
const ids = (await archive.listArticles({ limit: 5000 })).items.map((a) => a.id);
let seed = Number(seedText ?? 1);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const say = (line: object) => process.stdout.write(JSON.stringify(line) + '\n');
say({ ready: true });
for (let n = 0; ; n++) {
  const title = `t-${seed}-${n}`;
  const id = ids.length && random() < 0.6 ? ids[Math.floor(random() * ids.length)]! : null;
  say({ begin: id ?? 'new', title });
  if (id) {
    await archive.updateArticle(id, { title });
    say({ ack: id, title });
  } else {
    const article = await archive.addArticle({ text: `Body of ${title}. `.repeat(20), title });
    ids.push(article.id);
    say({ ack: article.id, title });
  }
}
