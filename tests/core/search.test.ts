// Search through the contract on a real data folder: the query language, languages, facets and snippets, the index kept current, rebuilt and caught up, saved searches, the CLI.
import assert from 'node:assert/strict';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import type { SearchQuery } from '../../core/model.ts';
import { INDEX_DIR } from '../../core/store/catalog.ts';
import { INDEX_FILE } from '../../core/search/search-service.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';
import { runCli } from './helpers/run-cli.ts';

// Our own invented stories.
const STORIES = [
  {
    title: 'Shelling kills 27 in Karovsk',
    text: 'At least 27 civilians were killed in the shelling of Karovsk, according to a UN official. The Northern Vigil Front denied it. HTS fighters were seen near the port.',
    source: 'Daily Observer',
    byline: 'Lena Moreau',
    publishedAt: '2024-11-27',
    language: 'en',
    tags: ['casualties'],
  },
  {
    title: 'Ceasefire talks resume in Veldt',
    text: 'Negotiators met in Veldt on Friday. The ceasefire talks were described as constructive by a mediator.',
    source: 'Coastal Herald',
    byline: 'Omar Haddad',
    publishedAt: '2024-12-02',
    language: 'en',
    tags: ['ceasefire'],
  },
  {
    title: 'Réfugiés à la frontière',
    text: 'Des milliers de réfugiés attendent à la frontière. Le Café du Port a fermé.',
    source: 'Le Veilleur',
    publishedAt: '2024-11-29',
    language: 'fr',
  },
  {
    title: 'أخبار المدينة',
    // Hamza on alef, ta marbuta, tatweel and diacritics: searched for without them below.
    text: 'قالت وزارة الصحة إنَّ الأطفالَ في المدينـــة بحاجة إلى مساعدة عاجلة.',
    source: 'Sample Arabic Wire',
    publishedAt: '2024-11-28',
    language: 'ar',
  },
  {
    title: 'Взрывы в Москве',
    text: 'Жители Москвы сообщили о взрывах ночью.',
    source: 'Sample Russian Wire',
    publishedAt: '2024-11-30',
    language: 'ru',
  },
];

async function seeded(t: Parameters<typeof tempDir>[0]) {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const added = [];
  for (const story of STORIES) added.push(await archive.addArticle(story));
  return { dir, archive, ids: added.map((a) => a.id), added };
}

const titles = async (archive: Archive, query: string, extra: Partial<SearchQuery> = {}) =>
  (await archive.search({ query, ...extra })).hits.map((h) => h.title).sort();

test('the query language: words, phrases, OR, exclusion, prefix, fuzzy, fields and dates', async (t) => {
  const { archive } = await seeded(t);
  const cases: [string, string[]][] = [
    ['civilians killed', ['Shelling kills 27 in Karovsk']],
    ['civilians ceasefire', []],
    ['"ceasefire talks"', ['Ceasefire talks resume in Veldt']],
    ['"talks ceasefire"', []],
    ['karovsk OR veldt', ['Ceasefire talks resume in Veldt', 'Shelling kills 27 in Karovsk']],
    ['port -karovsk', ['Réfugiés à la frontière']],
    ['negot*', ['Ceasefire talks resume in Veldt']],
    ['civilans~', ['Shelling kills 27 in Karovsk']],
    ['negotaitors~', ['Ceasefire talks resume in Veldt']],
    ['source:"coastal herald"', ['Ceasefire talks resume in Veldt']],
    ['byline:moreau', ['Shelling kills 27 in Karovsk']],
    ['tag:ceasefire', ['Ceasefire talks resume in Veldt']],
    ['title:ceasefire', ['Ceasefire talks resume in Veldt']],
    ['lang:fr', ['Réfugiés à la frontière']],
    ['-lang:en -lang:fr -lang:ar', ['Взрывы в Москве']],
    ['published:2024-11-27..2024-11-28', ['Shelling kills 27 in Karovsk', 'أخبار المدينة']],
    ['published:>2024-11', ['Ceasefire talks resume in Veldt']],
    ['published:<=2024-11-27 killed', ['Shelling kills 27 in Karovsk']],
  ];
  for (const [query, expected] of cases) assert.deepEqual(await titles(archive, query), expected, query);
  // Captured today, so a range of past months finds nothing and this month finds all.
  const month = new Date().toISOString().slice(0, 7);
  assert.equal((await archive.search({ query: `captured:${month}` })).total, STORIES.length);
  assert.equal((await archive.search({ query: 'captured:2001..2002' })).total, 0);
  // No words at all: everything, newest first.
  const all = await archive.search({ query: '', sort: 'newest' });
  assert.equal(all.total, STORIES.length);
  assert.equal(all.hits[0]!.title, 'Ceasefire talks resume in Veldt');
});

test('case, accents and Arabic spelling variants fold; Cyrillic and Arabic are searchable', async (t) => {
  const { archive } = await seeded(t);
  assert.deepEqual(await titles(archive, 'REFUGIES frontiere'), ['Réfugiés à la frontière']);
  assert.deepEqual(await titles(archive, 'café'), ['Réfugiés à la frontière']);
  // Without the hamza, with ha for ta marbuta, without tatweel and diacritics.
  assert.deepEqual(await titles(archive, 'الاطفال المدينه'), ['أخبار المدينة']);
  assert.deepEqual(await titles(archive, 'ان'), ['أخبار المدينة']);
  assert.deepEqual(await titles(archive, 'москвы'), ['Взрывы в Москве']);
  assert.deepEqual(await titles(archive, 'моск*'), ['Взрывы в Москве']);
});

test('hits carry snippets with the matched words highlighted, and facets count what matched', async (t) => {
  const { archive } = await seeded(t);
  const result = await archive.search({ query: 'karovsk civilians', facets: true });
  assert.equal(result.total, 1);
  const hit = result.hits[0]!;
  const marked = hit.highlights.map(([s, e]) => hit.snippet.slice(s, e).toLowerCase()).sort();
  assert.deepEqual(marked, ['civilians', 'karovsk']);
  assert.deepEqual(
    hit.titleHighlights.map(([s, e]) => hit.title.slice(s, e)),
    ['Karovsk'],
  );
  assert.ok(hit.score > 0);

  const wide = await archive.search({ query: 'published:2024', facets: true });
  assert.deepEqual(
    wide.facets!.language.map((f) => [f.value, f.count]),
    [
      ['en', 2],
      ['ar', 1],
      ['fr', 1],
      ['ru', 1],
    ],
  );
  assert.deepEqual(
    wide.facets!.month.map((f) => [f.value, f.count]),
    [
      ['2024-12', 1],
      ['2024-11', 4],
    ],
  );
  assert.equal(wide.facets!.source.length, 5);
  // Paging: the second page goes on from the first.
  const first = await archive.search({ query: '', sort: 'oldest', limit: 2 });
  const second = await archive.search({ query: '', sort: 'oldest', limit: 2, offset: 2 });
  assert.equal(first.total, 5);
  assert.deepEqual(
    [...first.hits, ...second.hits].map((h) => h.publishedAt),
    ['2024-11-27', '2024-11-28', '2024-11-29', '2024-11-30'],
  );
});

test('entity:, type: and claim: go through the registry and the claims, aliases included', async (t) => {
  const { archive, ids } = await seeded(t);
  const karovsk = STORIES[0]!.text;
  const front = await archive.tagSpan(ids[0]!, {
    start: karovsk.indexOf('Northern Vigil Front'),
    end: karovsk.indexOf('Northern Vigil Front') + 'Northern Vigil Front'.length,
    name: 'Northern Vigil Front',
    type: 'group',
  });
  const frontId = front.mentions.find((m) => m.name === 'Northern Vigil Front')!.entityId!;
  // An article that only says the alias, not tagged at all.
  await archive.addArticle({ text: 'The NVF said it had withdrawn.', title: 'Withdrawal', source: 'Daily Observer' });
  assert.deepEqual(await titles(archive, 'entity:"Northern Vigil Front"'), ['Shelling kills 27 in Karovsk']);
  await archive.updateEntity(frontId, { aliases: ['NVF'] });
  // The alias reaches the untagged article, and the tagged one by its id.
  assert.deepEqual(await titles(archive, 'entity:"northern vigil front"'), [
    'Shelling kills 27 in Karovsk',
    'Withdrawal',
  ]);
  assert.deepEqual(await titles(archive, 'entity:NVF'), ['Shelling kills 27 in Karovsk', 'Withdrawal']);
  assert.deepEqual(await titles(archive, 'type:group'), ['Shelling kills 27 in Karovsk']);
  assert.deepEqual(await titles(archive, 'type:"armed group"'), ['Shelling kills 27 in Karovsk']);
  // Renaming the entity reindexes the articles that mention it: its new name finds the tagged one.
  await archive.updateEntity(frontId, { name: 'Northern Vigil Movement' });
  await archive.searchService.settled();
  assert.deepEqual(await titles(archive, 'movement'), ['Shelling kills 27 in Karovsk']);
  const notices = (await archive.search({ query: 'entity:Nobody' })).notices;
  assert.match(notices[0]!, /No entity in the registry is called "Nobody"/);

  const { claims } = await archive.runSuggestions(ids[0]!);
  const killed = claims.find((c) => c.quantities.some((q) => q.value === 27))!;
  assert.deepEqual(await titles(archive, 'claim:casualties'), ['Shelling kills 27 in Karovsk']);
  assert.deepEqual(await titles(archive, 'claim:disputed'), []);
  await archive.updateClaim(ids[0]!, killed.id, { status: 'disputed' });
  assert.deepEqual(await titles(archive, 'claim:disputed'), ['Shelling kills 27 in Karovsk']);
  assert.deepEqual(await titles(archive, 'claim:"27 civilians"'), ['Shelling kills 27 in Karovsk']);
});

test('every change is searchable when it returns; trashed articles are not found until restored', async (t) => {
  const { archive, ids } = await seeded(t);
  await archive.updateArticle(ids[1]!, { notes: 'Mediator named Quillfeather', tags: ['mediation'] });
  assert.deepEqual(await titles(archive, 'quillfeather'), ['Ceasefire talks resume in Veldt']);
  assert.deepEqual(await titles(archive, 'notes:quillfeather'), ['Ceasefire talks resume in Veldt']);
  assert.deepEqual(await titles(archive, 'tag:mediation'), ['Ceasefire talks resume in Veldt']);
  assert.deepEqual(await titles(archive, 'tag:ceasefire'), []);
  await archive.deleteArticle(ids[1]!);
  assert.deepEqual(await titles(archive, 'quillfeather'), []);
  assert.equal((await archive.search({ query: '' })).total, STORIES.length - 1);
  await archive.restoreArticle(ids[1]!);
  assert.deepEqual(await titles(archive, 'quillfeather'), ['Ceasefire talks resume in Veldt']);
});

test('malformed queries get a message that says what to fix, and wrong arguments are refused', async (t) => {
  const { archive } = await seeded(t);
  const bad: [string, RegExp][] = [
    ['"unclosed phrase', /quoted phrase is not closed/],
    ['colour:red', /no field "colour:"/],
    ['source:', /Give a value after "source:"/],
    ['published:2024-13', /no month 13/],
    ['published:2024-12..2024-11', /ends before it starts/],
    ['OR karovsk', /OR needs something before it/],
    ['karovsk OR', /OR needs a word on each side/],
    ['k*', /too short/],
    ['type:vehicle', /not an entity type/],
    ['collection:"Weekly report"', /no collection called/],
    ['lang:english!', /not a language code/],
    ['word~5', /at most 2 typos/],
    ['lang:ar OR karovsk', /not the two kinds together/],
  ];
  for (const [query, message] of bad) {
    await assert.rejects(archive.search({ query }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'invalid', query);
      assert.match(error.message, message, query);
      return true;
    });
  }
  await assert.rejects(archive.search({ query: 'x', limit: 0 }), /limit/);
  await assert.rejects(archive.search({ query: 'x', sort: 'random' } as never), /sort/);
  await assert.rejects(archive.search({ query: 'x'.repeat(2001) }), /2000|2,000/);
});

test('saved searches are kept in archive.json, replaced by name, and refused when they do not parse', async (t) => {
  const dir = await tempDir(t);
  let archive = await openFor(t, dir);
  const saved = await archive.saveSearch({ name: 'Karovsk casualties', query: 'karovsk claim:casualties' });
  await archive.saveSearch({ name: 'Talks', query: 'ceasefire', sort: 'newest' });
  const replaced = await archive.saveSearch({ name: 'karovsk casualties', query: 'karovsk killed' });
  assert.equal(replaced.id, saved.id);
  await assert.rejects(archive.saveSearch({ name: 'Broken', query: '"open' }), /not closed/);
  await archive.close();
  archive = await openFor(t, dir);
  assert.deepEqual(
    (await archive.listSavedSearches()).map((s) => [s.name, s.query, s.sort]),
    [
      ['karovsk casualties', 'karovsk killed', 'relevance'],
      ['Talks', 'ceasefire', 'newest'],
    ],
  );
  assert.deepEqual(
    (await archive.deleteSavedSearch(saved.id)).map((s) => s.name),
    ['Talks'],
  );
  await assert.rejects(archive.deleteSavedSearch(saved.id), /no saved search/);
});

test('a missing or damaged index is rebuilt in the background, with progress; changes behind its back are caught up', async (t) => {
  const { dir, archive, added } = await seeded(t);
  await archive.close();
  const indexFile = join(dir, INDEX_DIR, INDEX_FILE);

  // Missing: rebuilt from the article files.
  await rm(indexFile);
  let reopened = await openFor(t, dir);
  assert.equal((await reopened.getStatus()).search.state, 'building');
  await reopened.searchService.settled();
  assert.equal((await reopened.getStatus()).search.state, 'ready');
  assert.deepEqual(await titles(reopened, 'karovsk'), ['Shelling kills 27 in Karovsk']);
  await reopened.close();

  // Damaged: the same, with a message saying so.
  await writeFile(indexFile, 'this is not a database');
  reopened = await openFor(t, dir);
  await reopened.searchService.settled();
  assert.match((await reopened.getStatus()).search.message ?? '', /rebuilt/);
  assert.deepEqual(await titles(reopened, 'москвы'), ['Взрывы в Москве']);
  await reopened.close();

  // An index that lost its last changes (a power cut before SQLite's log reached the disk): an
  // older copy of it, put back under an archive that has moved on, is caught up after start-up.
  await copyFile(indexFile, `${indexFile}.old`);
  const editing = await openFor(t, dir);
  await editing.updateArticle(added[2]!.id, { notes: 'Zanzibarian observers arrived.' });
  await editing.deleteArticle(added[4]!.id);
  await editing.close();
  await copyFile(`${indexFile}.old`, indexFile);
  const caughtUp = await openFor(t, dir);
  assert.deepEqual(await titles(caughtUp, 'zanzibarian'), [], 'the old copy does not know it yet');
  await caughtUp.searchService.ready();
  assert.deepEqual(await titles(caughtUp, 'zanzibarian'), ['Réfugiés à la frontière']);
  assert.deepEqual(await titles(caughtUp, 'москвы'), []);
});

test('newsdesk search prints {total, hits, facets} as JSON, and a bad query is one clear line', async (t) => {
  const { dir, archive } = await seeded(t);
  await archive.close();
  const found = await runCli(['search', 'karovsk OR veldt', '--limit', '1', '--data-dir', dir, '--json']);
  assert.equal(found.code, 0, found.stderr);
  const result = JSON.parse(found.stdout) as {
    total: number;
    hits: Record<string, unknown>[];
    facets: { source: { value: string; count: number }[] };
  };
  assert.equal(result.total, 2);
  assert.equal(result.hits.length, 1);
  assert.deepEqual(Object.keys(result.hits[0]!).sort(), ['id', 'publishedAt', 'score', 'snippet', 'source', 'title']);
  assert.equal(
    result.facets.source.reduce((n, f) => n + f.count, 0),
    2,
  );
  const human = await runCli(['search', 'москвы', '--data-dir', dir]);
  assert.match(human.stdout, /Взрывы в Москве/);
  assert.match(human.stdout, /1 article \(/);
  const bad = await runCli(['search', '"open', '--data-dir', dir]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^newsdesk: A quoted phrase is not closed/);
  assert.equal(bad.stdout, '');
  const none = await runCli(['search', '--data-dir', dir]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /search needs a query/);
  const sort = await runCli(['search', 'x', '--sort', 'random', '--data-dir', dir]);
  assert.equal(sort.code, 2);
});

test('closing while the index is being rebuilt stops the worker; the next start builds it again', async (t) => {
  const { dir, archive } = await seeded(t);
  await archive.close();
  await rm(join(dir, INDEX_DIR, INDEX_FILE));
  const closing = await openFor(t, dir);
  assert.equal((await closing.getStatus()).search.state, 'building');
  await closing.close();
  const next = await openFor(t, dir);
  await next.searchService.settled();
  assert.deepEqual(await titles(next, 'veldt'), ['Ceasefire talks resume in Veldt']);
});

test('an index damaged inside (not just its header) never fails a write: it is rebuilt, and the writes are found', async (t) => {
  const { dir, archive, ids } = await seeded(t);
  for (let i = 0; i < 40; i++)
    await archive.addArticle({
      text: `Filler report ${i} about grain exports and harbour fees.`,
      title: `Filler ${i}`,
    });
  await archive.close();
  const indexFile = join(dir, INDEX_DIR, INDEX_FILE);
  const bytes = await readFile(indexFile);
  // Overwrite pages in the middle: SQLite still opens it, the full-text table does not.
  bytes.fill(0x5a, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 16_384);
  await writeFile(indexFile, bytes);
  const reopened = await openFor(t, dir);
  const edited = await reopened.updateArticle(ids[1]!, { notes: 'Quillfeather mediated.' });
  assert.equal(edited.notes, 'Quillfeather mediated.');
  const added = await reopened.addArticle({ text: 'A brand new report from Tarvel.', title: 'Tarvel report' });
  assert.equal((await reopened.getArticle(added.id)).title, 'Tarvel report');
  await reopened.search({ query: 'karovsk' }).catch(() => undefined);
  await reopened.searchService.settled();
  assert.deepEqual(await titles(reopened, 'quillfeather'), ['Ceasefire talks resume in Veldt']);
  assert.deepEqual(await titles(reopened, 'tarvel'), ['Tarvel report']);
  assert.equal((await reopened.search({ query: 'grain exports' })).total, 40);
});

test('an entity renamed while the index is being rebuilt is searchable by its new name afterwards', async (t) => {
  const { dir, archive, ids } = await seeded(t);
  const text = STORIES[0]!.text;
  const tagged = await archive.tagSpan(ids[0]!, {
    start: text.indexOf('Northern Vigil Front'),
    end: text.indexOf('Northern Vigil Front') + 'Northern Vigil Front'.length,
    name: 'Northern Vigil Front',
    type: 'group',
  });
  const entityId = tagged.mentions.find((m) => m.name === 'Northern Vigil Front')!.entityId!;
  await archive.close();
  await rm(join(dir, INDEX_DIR, INDEX_FILE));
  const building = await openFor(t, dir);
  assert.equal((await building.getStatus()).search.state, 'building');
  await building.updateEntity(entityId, { aliases: ['Zorblax Brigade'] });
  await building.searchService.settled();
  assert.deepEqual(await titles(building, 'zorblax'), ['Shelling kills 27 in Karovsk']);
});

test('catching up never puts an older read back over a newer write (a trashed article stays unfound)', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const first = await archive.addArticle({
    text: 'The Quillon Guard moved north. Quillon Guard said so.',
    title: 'Quillon 0',
  });
  const span = { start: 4, end: 4 + 'Quillon Guard'.length };
  const tagged = await archive.tagSpan(first.id, { ...span, name: 'Quillon Guard', type: 'group' });
  const entityId = tagged.mentions[0]!.entityId!;
  const ids = [first.id];
  for (let i = 1; i < 150; i++) {
    const a = await archive.addArticle({
      text: 'The Quillon Guard moved north. Quillon Guard said so.',
      title: `Quillon ${i}`,
    });
    await archive.tagSpan(a.id, { ...span, entityId });
    ids.push(a.id);
  }
  // The rename queues all 150 for indexing again; the trash of every fifth races with that.
  await archive.updateEntity(entityId, { name: 'Quillon Legion' });
  await Promise.all(ids.filter((_, i) => i % 5 === 0).map((id) => archive.deleteArticle(id)));
  await archive.searchService.settled();
  assert.equal((await archive.search({ query: 'legion' })).total, 120);
  assert.equal(
    (await archive.search({ query: 'quillon', limit: 500 })).hits.filter(
      (h) => /^Quillon (\d+)$/.test(h.title) && Number(h.title.split(' ')[1]) % 5 === 0,
    ).length,
    0,
  );
});

test('apostrophes separate words, hyphenated claim kinds are fields, and snippets never split a surrogate pair', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  await archive.addArticle({
    text: "L'armée a bombardé la région d'Alep. Assad's forces advanced.",
    title: 'Alep',
    language: 'fr',
  });
  for (const query of ['armée', 'alep', 'assad', "l'armée", "assad's"])
    assert.deepEqual(await titles(archive, query), ['Alep'], query);
  const held = await archive.addArticle({
    text: 'Fighters have seized the port of Karovsk, the army said.',
    title: 'Port seized',
  });
  const { claims } = await archive.runSuggestions(held.id);
  const seized = claims.find((c) => c.text.includes('seized'))!;
  await archive.updateClaim(held.id, seized.id, { kind: 'territorial-control' });
  assert.deepEqual(await titles(archive, 'claim:territorial-control'), ['Port seized']);
  const emoji = '🙂'.repeat(200);
  await archive.addArticle({ text: `${emoji} ceasefire ${emoji}`, title: 'Emoji' });
  const { hits } = await archive.search({ query: 'ceasefire' });
  const snippet = hits[0]!.snippet;
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(snippet), snippet);
});
