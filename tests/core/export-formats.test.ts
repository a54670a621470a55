// CSL-JSON, Web Annotations, FollowTheMoney and ClaimReview exports, each checked against its own spec's tools or rules.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test, type TestContext } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import type { ExportSource } from '../../core/exporters/export-source.ts';
import { bylineNames } from '../../core/exporters/csl-json.ts';
import { formatWriter } from '../../core/exporters/formats.ts';
import type { Article, ClaimParty, Entity, ExportFormat } from '../../core/model.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const require = createRequire(import.meta.url);

// Our own invented stories. The flood one has astral characters (emoji) before its first mention.
const FLOOD =
  '🌊 Flood warning 🌧️: Mira Halvorsen of the Tessaly Water Board said twelve homes in Port Averin were damaged ' +
  'overnight. Crews from the Tessaly Water Board are pumping out the lower streets.';
const FERRY =
  'The Coastal Defence Militia denied shelling the ferry MV Grey Heron before the Averin Harbour Talks. ' +
  'Officials said the ferry was hit twice. The harbour reopened on Monday.';

const span = (text: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

async function fixture(t: TestContext) {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const halvorsen = await archive.createEntity({
    name: 'Mira Halvorsen',
    type: 'person',
    aliases: ['M. Halvorsen'],
    description: 'Spokesperson of the Tessaly Water Board',
    // As a user may paste it: the page's URL, not the bare Q-number.
    externalIds: { wikidata: 'https://www.wikidata.org/wiki/Q987654321' },
  });
  const board = await archive.createEntity({ name: 'Tessaly Water Board', type: 'organization' });
  const militia = await archive.createEntity({ name: 'Coastal Defence Militia', type: 'group' });
  const averin = await archive.createEntity({
    name: 'Port Averin',
    type: 'location',
    externalIds: { geonames: '7654321' },
  });
  const talks = await archive.createEntity({ name: 'Averin Harbour Talks', type: 'event' });
  const heron = await archive.createEntity({ name: 'MV Grey Heron', type: 'other' });

  const flood = await archive.addArticle({
    title: 'Flood warning for Port Averin',
    source: 'Averin Gazette',
    byline: 'By Jonas Verhoeven and Lena de Vries',
    // Half past midnight local time: still 2 February in UTC, 3 February where it was written.
    publishedAt: '2026-02-03T00:30:00+02:00',
    url: 'https://gazette.example/news/flood-warning',
    language: 'en',
    text: FLOOD,
  });
  await archive.tagSpan(flood.id, { ...span(FLOOD, 'Mira Halvorsen'), entityId: halvorsen.id });
  await archive.tagSpan(flood.id, { ...span(FLOOD, 'Tessaly Water Board'), entityId: board.id });
  await archive.tagSpan(flood.id, { ...span(FLOOD, 'Port Averin'), entityId: averin.id });
  await archive.tagSpan(flood.id, { ...span(FLOOD, 'Tessaly Water Board', 90), entityId: board.id });
  const homes = span(FLOOD, 'twelve homes in Port Averin were damaged');
  const mira: ClaimParty = {
    text: 'Mira Halvorsen',
    ...span(FLOOD, 'Mira Halvorsen'),
    name: 'Mira Halvorsen',
    entityId: halvorsen.id,
  };
  await archive.addClaim(flood.id, { ...homes, claimant: mira, placeIds: [averin.id] });
  await updateClaimAt(archive, flood.id, homes.start, {
    status: 'corroborated',
    reviewNote: 'Photos from the harbour office match.',
  });

  const ferry = await archive.addArticle({
    title: 'Militia denies ferry shelling',
    source: 'Northshore Wire',
    byline: 'Reuters staff',
    publishedAt: '2026-02-04',
    language: 'en',
    text: FERRY,
  });
  await archive.tagSpan(ferry.id, { ...span(FERRY, 'Coastal Defence Militia'), entityId: militia.id });
  await archive.tagSpan(ferry.id, { ...span(FERRY, 'MV Grey Heron'), entityId: heron.id });
  await archive.tagSpan(ferry.id, { ...span(FERRY, 'Averin Harbour Talks'), entityId: talks.id });
  const denied = span(FERRY, 'denied shelling the ferry MV Grey Heron');
  const front: ClaimParty = {
    text: 'The Coastal Defence Militia',
    ...span(FERRY, 'The Coastal Defence Militia'),
    name: 'Coastal Defence Militia',
    entityId: militia.id,
  };
  await archive.addClaim(ferry.id, { ...denied, claimant: front, kind: 'denial' });
  await updateClaimAt(archive, ferry.id, denied.start, {
    status: 'disputed',
    reviewNote: 'Two crew members describe the shelling.',
  });
  const hit = span(FERRY, 'the ferry was hit twice');
  const officials: ClaimParty = { text: 'Officials', ...span(FERRY, 'Officials'), name: 'Officials', entityId: null };
  await archive.addClaim(ferry.id, { ...hit, claimant: officials });
  const reopened = span(FERRY, 'The harbour reopened on Monday');
  await archive.addClaim(ferry.id, { ...reopened, claimant: null, via: [] });
  await updateClaimAt(archive, ferry.id, reopened.start, { status: 'false' });

  return {
    archive,
    dir,
    entities: { halvorsen, board, militia, averin, talks, heron },
    flood: await archive.getArticle(flood.id),
    ferry: await archive.getArticle(ferry.id),
  };
}

async function updateClaimAt(
  archive: Archive,
  articleId: string,
  start: number,
  patch: Parameters<Archive['updateClaim']>[2],
) {
  const claim = (await archive.getArticle(articleId)).claims.find((c) => c.start === start);
  assert.ok(claim, `a claim at ${start}`);
  await archive.updateClaim(articleId, claim.id, patch);
}

async function exported(t: TestContext, archive: Archive, format: ExportFormat): Promise<string> {
  const out = await tempDir(t, 'newsdesk-export-');
  const result = await archive.exportToFile({ scope: { library: true }, format }, out);
  return readFile(result.path, 'utf8');
}

/** No empty strings anywhere: CSL processors read "" differently from an absent field. */
function assertNoEmptyStrings(value: unknown, path = '$'): void {
  if (value === '') assert.fail(`${path} is an empty string`);
  if (Array.isArray(value)) value.forEach((v, i) => assertNoEmptyStrings(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertNoEmptyStrings(v, `${path}.${k}`);
}

type CslItem = Record<string, unknown> & { id: string; type: string };
type CiteJs = {
  Cite: new (data: unknown) => { format(kind: 'bibliography', options: Record<string, string>): string };
  plugins: { input: { util: { clean(data: unknown[], bestGuessConversions: boolean): unknown[] } } };
};

/** citation-js (citeproc-js inside) ships no types: the little we use is typed here. */
function citationJs(): CiteJs {
  const core = require('@citation-js/core') as CiteJs;
  require('@citation-js/plugin-csl');
  return core;
}

const apa = (items: unknown[]) =>
  new (citationJs().Cite)(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();

test('CSL-JSON: newspaper articles that citeproc renders with author, date, title and outlet in place', async (t) => {
  const { archive, flood, ferry } = await fixture(t);
  const items = JSON.parse(await exported(t, archive, 'csl')) as CslItem[];
  assert.equal(items.length, 2);
  assertNoEmptyStrings(items);
  const byId = new Map(items.map((item) => [item.id, item]));
  const floodItem = byId.get(flood.id)!;
  assert.deepEqual(floodItem, {
    id: flood.id,
    type: 'article-newspaper',
    title: 'Flood warning for Port Averin',
    'container-title': 'Averin Gazette',
    author: [
      { family: 'Verhoeven', given: 'Jonas' },
      { family: 'de Vries', given: 'Lena' },
    ],
    issued: { 'date-parts': [[2026, 2, 3]] },
    accessed: { 'date-parts': [flood.capturedAt.slice(0, 10).split('-').map(Number)] },
    URL: 'https://gazette.example/news/flood-warning',
    language: 'en',
  });
  const ferryItem = byId.get(ferry.id)!;
  assert.deepEqual(ferryItem.author, [{ literal: 'Reuters staff' }], 'a desk byline is not split into a person');
  assert.equal('URL' in ferryItem, false, 'no URL rather than an empty one');

  // citation-js's strict clean keeps only known CSL types and fields of the right shape: nothing may be dropped.
  const { plugins } = citationJs();
  assert.deepEqual(plugins.input.util.clean(structuredClone(items), false), items);

  // APA through citeproc-js: a newspaper article gets the full date and an italic outlet; a journal article would not.
  assert.equal(
    apa([floodItem]),
    'Verhoeven, J., & de Vries, L. (2026, February 3). Flood warning for Port Averin. Averin Gazette. ' +
      'https://gazette.example/news/flood-warning',
  );
  assert.equal(apa([ferryItem]), 'Reuters staff. (2026, February 4). Militia denies ferry shelling. Northshore Wire.');
  assert.match(apa([{ ...floodItem, type: 'article-journal' }]), /\(2026\)\./, 'the date depends on the type read');
});

test('CSL names: only clear "Given Family" bylines are split; desks, inverted and uncased names stay literal', () => {
  const cases: [string, ReturnType<typeof bylineNames>][] = [
    [
      'By Anna Kessler, Tomas Varga & Jean-Luc Moreau',
      [
        { family: 'Kessler', given: 'Anna' },
        { family: 'Varga', given: 'Tomas' },
        { family: 'Moreau', given: 'Jean-Luc' },
      ],
    ],
    ['by J.R. Okafor in Lagos', [{ family: 'Okafor', given: 'J.R.' }]],
    ['Anna Kessler and Reuters staff', [{ family: 'Kessler', given: 'Anna' }, { literal: 'Reuters staff' }]],
    ['Guardian staff and agencies', [{ literal: 'Guardian staff and agencies' }]],
    ['Kessler, Anna', [{ literal: 'Kessler, Anna' }]],
    ['AFP', [{ literal: 'AFP' }]],
    ['Ria Kessler', [{ family: 'Kessler', given: 'Ria' }]],
    ['Ludwig van Beethoven', [{ family: 'van Beethoven', given: 'Ludwig' }]],
    ['李明', [{ literal: '李明' }]],
    ['  ', []],
  ];
  for (const [byline, expected] of cases) assert.deepEqual(bylineNames(byline), expected, byline);
});

type Selector = { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number };
type Annotation = {
  id: string;
  type: string | string[];
  motivation: string;
  body: Record<string, string>[];
  target: { source: string; selector: Selector[] };
};

const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;

test('Web Annotations: the data model MUSTs hold, and selectors count code points, past emoji', async (t) => {
  const { archive, flood, ferry, entities } = await fixture(t);
  const doc = JSON.parse(await exported(t, archive, 'annotations')) as {
    '@context': string | string[];
    id: string;
    type: string;
    total: number;
    first: { type: string; items: Annotation[]; startIndex: number; partOf: string };
    last: string;
  };
  assert.ok([doc['@context']].flat().includes('http://www.w3.org/ns/anno.jsonld'));
  assert.equal(doc.type, 'AnnotationCollection');
  assert.match(doc.id, IRI);
  assert.equal(doc.first.type, 'AnnotationPage');
  assert.equal(doc.first.partOf, doc.id);
  assert.equal(doc.first.startIndex, 0);
  const items = doc.first.items;
  const kept = (a: Article) => a.mentions.filter((m) => m.status !== 'rejected').length + a.claims.length;
  assert.equal(items.length, kept(flood) + kept(ferry));
  assert.equal(doc.total, items.length);
  assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'ids are unique');

  const texts = new Map([
    [flood.url, flood.text],
    [`urn:newsdesk:article:${ferry.id}`, ferry.text],
  ]);
  for (const a of items) {
    assert.match(a.id, IRI);
    assert.ok([a.type].flat().includes('Annotation'));
    assert.ok(a.target, `${a.id} has a target`);
    const text = texts.get(a.target.source);
    assert.ok(text !== undefined, `${a.target.source} names an exported article`);
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    assert.ok(quote.exact, 'a TextQuoteSelector has exact');
    assert.ok(Number.isInteger(position.start) && position.start! >= 0);
    assert.ok(Number.isInteger(position.end) && position.start! <= position.end!);
    const codePoints = [...text];
    assert.equal(codePoints.slice(position.start, position.end).join(''), quote.exact, a.id);
    if (quote.prefix) assert.ok(codePoints.slice(0, position.start).join('').endsWith(quote.prefix));
    if (quote.suffix) assert.ok(codePoints.slice(position.end).join('').startsWith(quote.suffix));
    for (const body of a.body) if (body.id) assert.match(body.id, IRI);
  }

  const mira = flood.mentions.find((m) => m.entityId === entities.halvorsen.id)!;
  const miraAnnotation = items.find((a) => a.id === `urn:newsdesk:article:${flood.id}:mention:${mira.id}`)!;
  const position = miraAnnotation.target.selector.find((s) => s.type === 'TextPositionSelector')!;
  assert.equal(position.start, mira.start - 2, 'two astral characters before the mention: two code points fewer');
  assert.equal(miraAnnotation.motivation, 'identifying');
  assert.deepEqual(
    miraAnnotation.body.filter((b) => b.purpose === 'identifying').map((b) => b.id ?? b.value),
    [`urn:newsdesk:entity:${entities.halvorsen.id}`, 'http://www.wikidata.org/entity/Q987654321'],
  );
  const denial = items.find((a) => a.body.some((b) => b.value?.startsWith('Claim: ') && b.value.includes('denied')))!;
  assert.equal(denial.motivation, 'describing');
  assert.ok(denial.body.some((b) => b.value === 'Status: disputed' && b.purpose === 'assessing'));
  assert.ok(
    denial.body.some(
      (b) => b.value === `Claimant: Coastal Defence Militia (urn:newsdesk:entity:${entities.militia.id})`,
    ),
  );
});

type FtmEntity = { id: string; schema: string; properties: Record<string, unknown> };
type FtmSchema = {
  abstract?: boolean;
  extends?: string[];
  required?: string[];
  properties: Record<string, { type: string; range?: string }>;
};
type FtmModel = { schemata: Record<string, FtmSchema>; types: { language: { values: Record<string, string> } } };

test('FollowTheMoney: every line fits the model of @alephdata/followthemoney, and every link resolves', async (t) => {
  const { archive, flood, entities } = await fixture(t);
  const text = await exported(t, archive, 'ftm');
  assert.ok(text.endsWith('\n'));
  const lines = text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as FtmEntity);
  const model = require('@alephdata/followthemoney/dist/defaultModel.json') as FtmModel;
  const ancestors = (name: string): string[] => [
    name,
    ...(model.schemata[name]!.extends ?? []).flatMap((parent) => ancestors(parent)),
  ];
  const propertyOf = (schema: string, prop: string) =>
    ancestors(schema)
      .map((s) => model.schemata[s]!.properties[prop])
      .find(Boolean);
  const byId = new Map(lines.map((e) => [e.id, e]));
  assert.equal(byId.size, lines.length, 'ids are unique');
  const FTM_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

  for (const entity of lines) {
    assert.deepEqual(Object.keys(entity).sort(), ['id', 'properties', 'schema']);
    const schema = model.schemata[entity.schema];
    assert.ok(schema, `${entity.schema} is a schema`);
    assert.ok(!schema.abstract, `${entity.schema} is not abstract`);
    for (const required of schema.required ?? [])
      assert.ok(entity.properties[required], `${entity.id} has ${required}`);
    for (const [prop, values] of Object.entries(entity.properties)) {
      const property = propertyOf(entity.schema, prop);
      assert.ok(property, `${entity.schema} has a property ${prop}`);
      assert.ok(Array.isArray(values) && values.length > 0, `${entity.id}.${prop} is a non-empty array`);
      for (const value of values) {
        assert.equal(typeof value, 'string', `${entity.id}.${prop} holds strings`);
        if (property.type === 'date') assert.match(value as string, FTM_DATE, `${entity.id}.${prop}`);
        if (property.type === 'language') assert.ok((value as string) in model.types.language.values);
        if (property.type === 'entity') {
          const linked = byId.get(value as string);
          assert.ok(linked, `${entity.id}.${prop} → ${String(value)} is in the file`);
          assert.ok(ancestors(linked.schema).includes(property.range!), `${linked.schema} is a ${property.range}`);
        }
      }
    }
  }

  const schemaOf = (id: string) => byId.get(`newsdesk-${id}`)?.schema;
  assert.deepEqual(
    Object.values(entities).map((e) => schemaOf(e.id)),
    ['Person', 'Organization', 'Organization', 'Address', 'Event', 'LegalEntity'],
  );
  assert.deepEqual(byId.get(`newsdesk-${entities.halvorsen.id}`)!.properties, {
    name: ['Mira Halvorsen'],
    alias: ['M. Halvorsen'],
    description: ['Spokesperson of the Tessaly Water Board'],
    wikidataId: ['Q987654321'],
  });
  const article = byId.get(`newsdesk-article-${flood.id}`)!;
  assert.equal(article.schema, 'Article');
  assert.deepEqual(article.properties.publishedAt, ['2026-02-02T22:30:00'], 'UTC, as FtM dates are');
  assert.deepEqual(article.properties.author, ['Jonas Verhoeven', 'Lena de Vries']);
  assert.deepEqual(article.properties.language, ['eng']);
  assert.deepEqual(article.properties.publisher, ['Averin Gazette']);
  assert.deepEqual(article.properties.sourceUrl, ['https://gazette.example/news/flood-warning']);
  const link = byId.get(`newsdesk-doc-${flood.id}-${entities.halvorsen.id}`)!;
  assert.equal(link.schema, 'Documentation');
  assert.deepEqual(link.properties.role, ['mentioned', 'claimant']);
  assert.deepEqual(byId.get(`newsdesk-doc-${flood.id}-${entities.averin.id}`)!.properties.role, [
    'mentioned',
    'place of a claim',
  ]);
  assert.equal(lines.filter((e) => e.schema === 'Documentation').length, 6);
});

type ClaimReviewNode = {
  '@type': string;
  url: string;
  claimReviewed: string;
  datePublished: string;
  reviewBody?: string;
  author: { '@type': string; name: string };
  reviewRating: { '@type': string; alternateName?: string; ratingValue?: number };
  itemReviewed: {
    '@type': string;
    author?: { '@type': string; name: string };
    datePublished?: string;
    appearance: { '@type': string; url?: string; '@id'?: string; headline: string; publisher?: { name: string } };
  };
};

test('ClaimReview: the fields schema.org and Google require, for reviewed claims only', async (t) => {
  const { archive, flood } = await fixture(t);
  const doc = JSON.parse(await exported(t, archive, 'claimreview')) as {
    '@context': string;
    '@graph': ClaimReviewNode[];
  };
  assert.equal(doc['@context'], 'https://schema.org');
  const reviews = doc['@graph'];
  assert.deepEqual(reviews.map((r) => r.reviewRating.alternateName).sort(), ['Corroborated', 'Disputed', 'False']);
  assert.ok(!reviews.some((r) => r.claimReviewed.includes('hit twice')), 'the unverified claim is left out');
  for (const r of reviews) {
    assert.equal(r['@type'], 'ClaimReview');
    assert.ok(r.claimReviewed);
    assert.equal(r.reviewRating['@type'], 'Rating');
    assert.ok(r.reviewRating.alternateName || r.reviewRating.ratingValue !== undefined);
    assert.match(r.url, IRI);
    assert.ok(!Number.isNaN(Date.parse(r.datePublished)));
    assert.ok(['Organization', 'Person'].includes(r.author['@type']) && r.author.name);
    assert.equal(r.itemReviewed['@type'], 'Claim');
    assert.ok(['Organization', 'Person'].includes(r.itemReviewed.author!['@type']) && r.itemReviewed.author!.name);
    const appearance = r.itemReviewed.appearance;
    assert.ok(appearance['@type'] && (appearance.url || appearance['@id']) && appearance.headline);
  }
  const find = (words: string) => reviews.find((r) => r.claimReviewed.includes(words))!;
  const homes = find('twelve homes');
  assert.deepEqual(homes.itemReviewed.author, { '@type': 'Person', name: 'Mira Halvorsen' });
  assert.equal(homes.itemReviewed.datePublished, flood.publishedAt);
  assert.equal(homes.itemReviewed.appearance.url, flood.url);
  assert.equal(homes.itemReviewed.appearance.publisher?.name, 'Averin Gazette');
  assert.equal(homes.reviewBody, 'Photos from the harbour office match.');
  assert.deepEqual(find('denied').itemReviewed.author, { '@type': 'Organization', name: 'Coastal Defence Militia' });
  const reopened = find('reopened');
  assert.deepEqual(reopened.itemReviewed.author, { '@type': 'Organization', name: 'Northshore Wire' }, 'the outlet');
  assert.equal('reviewBody' in reopened, false);
});

const FORMATS = ['csl', 'annotations', 'ftm', 'claimreview'] as const;
const parse = (format: (typeof FORMATS)[number], text: string): unknown =>
  format === 'ftm'
    ? text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown)
    : JSON.parse(text);

async function written(format: (typeof FORMATS)[number], source: ExportSource): Promise<string> {
  let text = '';
  for await (const chunk of formatWriter(format).write(source)) text += chunk as string;
  return text;
}

/** An in-memory source of `count` copies of one article, counting how many have been read. */
function memorySource(article: Article, count: number, entities: ReadonlyMap<string, Entity> = new Map()) {
  const read = { articles: 0 };
  const ids = Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const source: ExportSource = {
    scope: 'test',
    ids,
    entities,
    articlesMentioning: new Map(),
    claimGroups: new Map(),
    collections: new Map(),
    review: { reviewedOnly: false, leftOut: null },
    exportedAt: '2026-02-05T10:00:00.000Z',
    app: { name: 'Newsdesk', version: '0.0.0' },
    entity: (id) => entities.get(id),
    async *articles() {
      for (const id of ids) {
        read.articles++;
        yield { ...article, id };
      }
    },
    original: async () => null,
  };
  return { source, read };
}

test('every format is valid as a whole, streams article by article, and copes with 300 articles or none', async (t) => {
  const { archive, ferry } = await fixture(t);
  for (let i = 0; i < 300; i++)
    await archive.addArticle({
      title: `Harbour bulletin ${i}`,
      source: 'Averin Gazette',
      text: `Bulletin ${i}: tides 🌊 normal.`,
    });
  for (const format of FORMATS) {
    const text = await exported(t, archive, format);
    const value = parse(format, text) as unknown[] | { total?: number; '@graph'?: unknown[] };
    if (format === 'csl') assert.equal((value as unknown[]).length, 302);
    if (format === 'ftm') assert.equal((value as FtmEntity[]).filter((e) => e.schema === 'Article').length, 302);
  }

  for (const format of FORMATS) {
    const { source, read } = memorySource(ferry, 50);
    let chunks = 0;
    let readAtFirstItem = -1;
    let text = '';
    for await (const chunk of formatWriter(format).write(source)) {
      chunks++;
      text += chunk as string;
      if (readAtFirstItem < 0 && read.articles > 0) readAtFirstItem = read.articles;
    }
    assert.ok(chunks >= 50, `${format}: one chunk per article or more, not one document`);
    assert.equal(readAtFirstItem, 1, `${format}: written while reading, not after`);
    parse(format, text);

    const empty = memorySource(ferry, 0).source;
    let none = '';
    for await (const chunk of formatWriter(format).write(empty)) none += chunk as string;
    const parsed = parse(format, none);
    if (format === 'csl' || format === 'ftm') assert.deepEqual(parsed, []);
    if (format === 'annotations') assert.equal((parsed as { total: number }).total, 0);
    if (format === 'claimreview') assert.deepEqual((parsed as { '@graph': unknown[] })['@graph'], []);
  }
});

test('rejected mentions and claims are left out of every format that carries them', async (t) => {
  const { flood, entities } = await fixture(t);
  const mira = flood.mentions.find((m) => m.entityId === entities.halvorsen.id)!;
  const article: Article = {
    ...flood,
    mentions: flood.mentions.map((m) => (m === mira ? { ...m, status: 'rejected' } : m)),
    claims: flood.claims.map((c) => ({ ...c, review: 'rejected' })),
  };
  const registry = new Map(Object.values(entities).map((e) => [e.id, e]));
  const { source } = memorySource(article, 1, registry);
  const annotations = await written('annotations', source);
  assert.ok(!annotations.includes(`:mention:${mira.id}`));
  assert.ok(!annotations.includes(':claim:'));
  assert.match(annotations, /:mention:/, 'the other mentions are there');
  assert.deepEqual((JSON.parse(await written('claimreview', source)) as { '@graph': unknown[] })['@graph'], []);
  const links = (parse('ftm', await written('ftm', source)) as FtmEntity[]).filter((e) => e.schema === 'Documentation');
  assert.deepEqual(
    links.map((l) => (l.properties.entity as string[])[0]).sort(),
    [`newsdesk-${entities.board.id}`, `newsdesk-${entities.averin.id}`].sort(),
  );
});
