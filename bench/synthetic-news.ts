// A synthetic archive for the search benchmark: news-like text with a Zipf-shaped vocabulary, ~60 sources over two years, entities with aliases, mentions and claims.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Article, type Claim, type Entity, type EntityType, type Mention } from '../core/model.ts';
import { articleFileFor, writeArticleFile } from '../core/store/article-files.ts';

// Common words first (Zipf: the k-th is used about 1/k as often), then a long tail made up from
// syllables, so the vocabulary grows with the archive as a real one does.
const COMMON =
  'the of to and in a said on for that was with at by from is as it has were been be had an have but not are his they their which who after more over its this also he two three people officials government forces killed least attack minister security city region province border army military police president ministry according talks ceasefire aid civilians report statement spokesperson reported sources local residents shelling strike strikes convoy displaced humanitarian agency united nations council rebels fighters troops control town village hospital children women injured wounded dead bodies camp refugees food water electricity negotiations election parliament opposition protest protesters court judge prison detained arrested journalists media press news wire claims denied accused alleged reportedly verified independently could week month year monday tuesday wednesday thursday friday saturday sunday morning night overnight early late north south east west northern southern eastern western capital district area zone front line offensive counteroffensive withdrawal drone missile rocket artillery airstrike bombing explosion blast fire damage buildings homes roads bridge port airport station'.split(
    ' ',
  );
/** How many of COMMON's first words are function words (the, of, said...). */
const FUNCTION_WORDS = 30;
const SYLLABLES = 'ka ro vi na te lo mi sa du ra be ko li an ul ez or ta shi mo ne va ri go'.split(' ');
const FIRST = 'Amina Omar Lena Pavel Sofia Yusuf Maria Ahmed Olga Jonas Leila Tomas Nadia Karim Irina Hassan'.split(
  ' ',
);
const LAST = 'Haddad Novak Petrov Khalil Ivanova Mansour Garcia Rahman Sokolov Weber Nasser Kovac Aziz Moreau'.split(
  ' ',
);
const LANGS = ['en', 'en', 'en', 'en', 'en', 'en', 'fr', 'ar', 'ru', 'es'];

export type SyntheticArchive = { entities: Entity[]; article: (i: number) => Article };

function generator(seed: number) {
  let s = seed >>> 0;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  return { random, int, pick };
}

function madeUpWord(k: number): string {
  let word = '';
  let n = k + 7;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word;
}

/**
 * Writes the first `count` articles and the entities into `dir` with the store's own file writer, as
 * an archive's files are (the catalog and index are built when it is first opened); the text's length.
 */
export async function writeSyntheticArchive(dir: string, synthetic: SyntheticArchive, count: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  const createdAt = new Date().toISOString();
  await writeFile(
    join(dir, 'archive.json'),
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, createdAt, entities: synthetic.entities }),
  );
  let textBytes = 0;
  for (let i = 0; i < count; i += 64)
    await Promise.all(
      Array.from({ length: Math.min(64, count - i) }, (_, j) => {
        const article = synthetic.article(i + j);
        textBytes += article.text.length;
        return writeArticleFile(dir, articleFileFor(article), article);
      }),
    );
  return textBytes;
}

/** A deterministic archive: the same n gives the same entities and articles. */
export function syntheticArchive(options: { entities?: number; tailWords?: number } = {}): SyntheticArchive {
  const entityCount = options.entities ?? 3000;
  const tail = Array.from({ length: options.tailWords ?? 60_000 }, (_, k) => madeUpWord(k));
  const g = generator(7);
  const now = '2026-01-01T00:00:00.000Z';
  const types: EntityType[] = ['person', 'organization', 'group', 'location', 'location', 'person'];
  const entities: Entity[] = Array.from({ length: entityCount }, (_, k) => {
    const type = types[k % types.length]!;
    const base = madeUpWord(k * 13 + 5);
    const name =
      type === 'person'
        ? `${g.pick(FIRST)} ${g.pick(LAST)}${k > 200 ? ` ${cap(base)}` : ''}`
        : type === 'location'
          ? cap(base) + (k % 5 === 0 ? 'sk' : '')
          : `${cap(base)} ${type === 'group' ? 'Liberation Front' : 'Council'}`;
    const aliases =
      type === 'location' ? [] : [initials(name), ...(k % 3 === 0 ? [`${cap(madeUpWord(k * 7))} ${cap(base)}`] : [])];
    return {
      id: `ent_${k.toString(36).padStart(16, '0')}`,
      name,
      type,
      aliases: aliases.filter((a) => a.length > 1),
      description: '',
      externalIds: {},
      notes: '',
      createdAt: now,
      updatedAt: now,
    };
  });
  const sources = Array.from({ length: 60 }, (_, k) =>
    k < 5
      ? ['Example Wire', 'Daily Observer', 'Coastal Herald', 'Le Veilleur', 'Frontier Times'][k]!
      : `${cap(madeUpWord(k * 31))} ${k % 2 ? 'News' : 'Post'}`,
  );

  function article(i: number): Article {
    const r = generator(i * 2654435761 + 1);
    // Function words everywhere; the rest from the article's own topic: a few dozen words drawn
    // Zipf-like from the common topical words and the long tail, so a topical word is in a few
    // percent of articles, as in real news, not in all of them.
    const topic = Array.from({ length: 30 + r.int(30) }, () =>
      r.random() < 0.6
        ? COMMON[FUNCTION_WORDS + Math.floor((COMMON.length - FUNCTION_WORDS) * r.random() ** 1.5)]!
        : tail[Math.floor(tail.length * r.random() ** 2)]!,
    );
    const word = (): string =>
      r.random() < 0.45
        ? COMMON[Math.floor(FUNCTION_WORDS * r.random() ** 1.5)]!
        : topic[Math.floor(topic.length * r.random() ** 1.3)]!;
    const chosen = Array.from({ length: 3 + r.int(6) }, () => entities[Math.floor(entityCount * r.random() ** 2)]!);
    const parts: string[] = [];
    const mentions: Mention[] = [];
    const claims: Claim[] = [];
    let length = 0;
    const append = (piece: string): { start: number; end: number } => {
      const start = length;
      parts.push(piece);
      length += piece.length;
      return { start, end: length };
    };
    const sentences = 25 + r.int(25);
    for (let k = 0; k < sentences; k++) {
      if (k) append(k % 6 === 0 ? '\n\n' : ' ');
      const words = Array.from({ length: 10 + r.int(14) }, word);
      words[0] = cap(words[0]!);
      const entity = k % 3 === 0 ? chosen[r.int(chosen.length)]! : null;
      if (entity) {
        append(words.slice(0, 4).join(' ') + ' ');
        const said = entity.aliases.length && r.random() < 0.3 ? entity.aliases[0]! : entity.name;
        const span = append(said);
        mentions.push({
          id: `m_${(mentions.length + i * 50).toString(36).padStart(10, '0').slice(-10)}`,
          ...span,
          quote: { exact: said, prefix: '', suffix: '' },
          entityId: entity.id,
          name: entity.name,
          type: entity.type,
          status: r.random() < 0.3 ? 'confirmed' : 'suggested',
          source: 'rule',
          confidence: 0.8,
        });
        append(' ' + words.slice(4).join(' ') + '.');
      } else if (k % 7 === 4) {
        const figure = 2 + r.int(60);
        const span = append(`At least ${figure} civilians were killed in ${words[1]}, officials said.`);
        claims.push({
          id: `c_${(claims.length + i * 20).toString(36).padStart(10, '0').slice(-10)}`,
          ...span,
          quote: { exact: parts[parts.length - 1]!.slice(0, 1000), prefix: '', suffix: '' },
          text: `At least ${figure} civilians were killed in ${words[1]}`,
          cue: null,
          claimant: { text: 'officials', start: span.end - 13, end: span.end - 8, name: 'officials', entityId: null },
          via: [],
          target: null,
          kind: 'casualties',
          hedged: r.random() < 0.2,
          hedges: [],
          quantities: [],
          eventDate: null,
          placeIds: [],
          status: (['unverified', 'unverified', 'corroborated', 'disputed'] as const)[r.int(4)]!,
          reviewNote: '',
          review: 'suggested',
          source: 'rule',
          confidence: 0.7,
          groupId: null,
        });
      } else {
        append(words.join(' ') + '.');
      }
    }
    const text = parts.join('');
    const day = Date.UTC(2024, 0, 1) + (Math.floor((i * 730 * 86_400_000) / 100_000) % (730 * 86_400_000));
    const published = new Date(day).toISOString();
    const captured = new Date(day + 3_600_000 * (1 + r.int(48))).toISOString();
    const title = Array.from({ length: 6 + r.int(6) }, word).join(' ');
    return {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      title: cap(title) + ` (${chosen[0]!.name})`,
      source: sources[Math.floor(sources.length * r.random() ** 1.5)]!,
      url: `https://news.example.org/${i}`,
      byline: `${r.pick(FIRST)} ${r.pick(LAST)}`,
      publishedAt: published.slice(0, 10),
      language: r.pick(LANGS),
      notes: i % 20 === 0 ? `Checked against ${r.pick(sources)}.` : '',
      tags: i % 4 === 0 ? [r.pick(['ceasefire', 'casualties', 'aid', 'elections', 'detentions'])] : [],
      text,
      capturedAt: captured,
      updatedAt: captured,
      deletedAt: null,
      provenance: {
        method: 'pasted',
        sha256: '0'.repeat(64),
        bytes: text.length,
        capturedAt: captured,
        origin: '',
        mediaType: 'text/plain',
        encoding: '',
        attachment: null,
        producer: '',
        ocrLanguages: [],
      },
      html: '',
      modifiedAt: null,
      dateline: '',
      wireCredits: [],
      contentHash: '',
      minhash: '',
      storyId: null,
      mentions,
      dates: [],
      taggedAt: captured,
      claims,
      collectionIds: [],
      extraction: 'article',
      ocrConfidence: null,
      pageStarts: [],
      reading: { state: 'read', starred: false },
      feed: null,
      attachments: [],
    };
  }
  return { entities, article };
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function initials(name: string): string {
  return name
    .split(' ')
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}
