// The entity registry and mentions through the contract on a real data folder: tag, review, merge, undo, delete, reopen.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { invokeMethod } from '../../core/gate.ts';
import { articleFileFor } from '../../core/store/article-files.ts';
import type { Archive } from '../../core/archive.ts';
import { setTimeout as delay } from 'node:timers/promises';
import { openArchive } from '../../core/archive.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

const TEXT =
  'Fighters of the Northern Vigil Front (NVF) entered Karovsk on Tuesday, said Anna Kessler, a spokesperson ' +
  'for the Varnian Relief Council. The NVF, formerly known as the Karovsk Brigades, denied shelling the port.';

async function articleWith(archive: Archive, text = TEXT) {
  return archive.addArticle({ text, title: 'Front enters Karovsk', source: 'Example Wire', publishedAt: '2026-03-13' });
}

const span = (text: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

test('entities are created, listed, found by alias, renamed (keeping the old name) and refused twice', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const front = await archive.createEntity({ name: 'Northern Vigil Front', type: 'group', aliases: ['NVF', 'NVF'] });
  assert.match(front.id, /^ent_[0-9a-z]{16}$/);
  assert.deepEqual(front.aliases, ['NVF']);
  await archive.createEntity({ name: 'Anna Kessler', type: 'person' });

  assert.deepEqual(
    (await archive.listEntities({ text: 'nvf' })).map((e) => e.name),
    ['Northern Vigil Front'],
    'an alias finds its entity, whatever the case',
  );
  assert.deepEqual(
    (await archive.listEntities({ type: 'person' })).map((e) => e.name),
    ['Anna Kessler'],
  );

  const renamed = await archive.updateEntity(front.id, {
    name: 'Northern Vigil Front (NVF)',
    description: 'armed group',
  });
  assert.deepEqual(renamed.aliases, ['NVF', 'Northern Vigil Front']);
  await assert.rejects(
    archive.createEntity({ name: 'anna  kessler', type: 'person' }),
    /already a person named "Anna Kessler"/,
  );
  // A person and a place may share a name.
  await archive.createEntity({ name: 'Anna Kessler', type: 'location' });
});

test('bad entity arguments get a clear error at the gate and change nothing', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const article = await articleWith(archive);
  const cases: [string, unknown[], RegExp][] = [
    ['createEntity', [{ name: '', type: 'person' }], /name cannot be empty/],
    ['createEntity', [{ name: 'X', type: 'alien' }], /type/],
    ['createEntity', [{ name: 'X', type: 'person', extra: 1 }], /extra/],
    ['getEntity', ['ent_nope'], /entity id/],
    ['tagSpan', [article.id, { start: 5, end: 2, entityId: 'ent_0000000000000000' }], /./],
    ['tagSpan', [article.id, { start: 0, end: 99999, name: 'X', type: 'person' }], /not inside the article/],
    ['reviewMentions', [article.id, { ids: [], action: 'confirm' }], /no mentions given/],
    ['reviewMentions', [article.id, { ids: ['m_0000000000'], action: 'smile' }], /action/],
    ['mergeEntities', ['ent_0000000000000000'], /./],
  ];
  for (const [method, args, message] of cases)
    await assert.rejects(invokeMethod(archive, method, args), message, `${method} ${JSON.stringify(args)}`);
  assert.deepEqual(await archive.listEntities(), []);
  assert.deepEqual((await archive.getArticle(article.id)).mentions, []);
});

test('tagging a span as a new entity creates it once; a name-like span becomes an alias, a description does not', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await articleWith(archive);
  await archive.tagSpan(article.id, {
    ...span(TEXT, 'Northern Vigil Front'),
    name: 'Northern Vigil Front',
    type: 'group',
  });
  const [entity] = await archive.listEntities();
  assert.equal(entity!.name, 'Northern Vigil Front');
  await archive.tagSpan(article.id, { ...span(TEXT, 'NVF'), name: 'Northern Vigil Front', type: 'group' });
  const tagged = await archive.tagSpan(article.id, { ...span(TEXT, 'the Karovsk Brigades'), entityId: entity!.id });
  assert.equal((await archive.listEntities()).length, 1, 'found by name, not created again');
  assert.deepEqual(
    (await archive.listEntities())[0]!.aliases,
    ['NVF'],
    '"the Karovsk Brigades" is a description, not learned',
  );

  assert.equal(tagged.mentions.length, 3);
  for (const m of tagged.mentions) {
    assert.equal(m.status, 'confirmed');
    assert.equal(m.source, 'user');
    assert.equal(m.entityId, entity!.id);
    assert.equal(tagged.text.slice(m.start, m.end), m.quote.exact);
    assert.equal(m.quote.prefix, tagged.text.slice(Math.max(0, m.start - 32), m.start));
  }
  // A new tag over an old one replaces it.
  const retagged = await archive.tagSpan(article.id, {
    ...span(TEXT, 'Northern Vigil'),
    name: 'Northern Vigil',
    type: 'event',
  });
  assert.equal(retagged.mentions.length, 3);
  assert.equal(retagged.mentions[0]!.type, 'event');

  await archive.close();
  const again = await openFor(t, dir);
  assert.deepEqual((await again.getArticle(article.id)).mentions, retagged.mentions, 'kept across a reopen');
  const detail = await again.getEntity(entity!.id);
  assert.deepEqual(
    detail.articles.map((a) => a.id),
    [article.id],
  );
  assert.deepEqual(detail.timeline, [{ month: '2026-03', articles: 1 }]);
});

test('merging re-points every mention, records the merge, and undo brings the entity and its mentions back', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const a = await articleWith(archive);
  const b = await articleWith(archive, 'The Karovsk Brigades shelled the port again, Anna Kessler said.');
  const front = await archive.createEntity({ name: 'Northern Vigil Front', type: 'group', aliases: ['NVF'] });
  const brigades = await archive.createEntity({
    name: 'Karovsk Brigades',
    type: 'group',
    externalIds: { wikidata: 'Q1' },
  });
  const kessler = await archive.createEntity({ name: 'Anna Kessler', type: 'person' });
  await archive.tagSpan(a.id, { ...span(TEXT, 'NVF'), entityId: front.id });
  await archive.tagSpan(a.id, { ...span(TEXT, 'Karovsk Brigades'), entityId: brigades.id });
  await archive.tagSpan(b.id, { ...span(b.text, 'Karovsk Brigades'), entityId: brigades.id });
  await archive.tagSpan(b.id, { ...span(b.text, 'Anna Kessler'), entityId: kessler.id });
  assert.deepEqual(
    (await archive.getEntity(kessler.id)).cooccurring.map((c) => [c.name, c.articles]),
    [['Karovsk Brigades', 1]],
  );

  const record = await archive.mergeEntities(front.id, brigades.id);
  assert.deepEqual(record.aliasesAdded, ['Karovsk Brigades']);
  assert.deepEqual(
    (await archive.getArticle(b.id)).mentions.find((m) => m.quote.exact === 'Karovsk Brigades')!.mergedFrom,
    [brigades.id],
    'a re-pointed mention remembers where it came from',
  );
  const merged = await archive.getEntity(front.id);
  assert.deepEqual(merged.entity.aliases, ['NVF', 'Karovsk Brigades']);
  assert.deepEqual(merged.entity.externalIds, { wikidata: 'Q1' });
  assert.equal(merged.articles.length, 2);
  assert.equal((await archive.listEntities()).length, 2);
  for (const id of [a.id, b.id])
    assert.ok((await archive.getArticle(id)).mentions.every((m) => m.entityId !== brigades.id));
  // The merged id still resolves (a link kept elsewhere, an article not yet re-pointed after a crash).
  assert.equal((await archive.getEntity(brigades.id)).entity.id, front.id);

  await archive.close();
  const again = await openFor(t, dir);
  const restored = await again.undoMerge(record.id);
  assert.equal(restored.id, brigades.id);
  assert.deepEqual((await again.getEntity(front.id)).entity.aliases, ['NVF']);
  assert.deepEqual((await again.getEntity(brigades.id)).articles.map((x) => x.id).sort(), [a.id, b.id].sort());
  const bMentions = (await again.getArticle(b.id)).mentions;
  assert.equal(bMentions.find((m) => m.quote.exact === 'Karovsk Brigades')!.entityId, brigades.id);
  await assert.rejects(again.undoMerge(record.id), /already been undone/);
  await assert.rejects(again.mergeEntities(front.id, front.id), /into itself/);
});

test('a mention left pointing at a merged entity (a crash mid-merge) counts for the kept one', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await articleWith(archive);
  const front = await archive.createEntity({ name: 'Northern Vigil Front', type: 'group' });
  const nvf = await archive.createEntity({ name: 'NVF', type: 'group' });
  const tagged = await archive.tagSpan(article.id, { ...span(TEXT, 'NVF'), entityId: nvf.id });
  const file = join(dir, articleFileFor(tagged));
  const beforeMerge = await readFile(file, 'utf8');
  await archive.mergeEntities(front.id, nvf.id);
  await archive.close();
  // As if the process died after archive.json was written but before this article was re-pointed.
  await writeFile(file, beforeMerge);
  await rm(join(dir, 'index'), { recursive: true, force: true });
  const again = await openFor(t, dir);
  assert.deepEqual(
    (await again.getEntity(front.id)).articles.map((a) => a.id),
    [article.id],
  );
  assert.deepEqual(
    (await again.listEntities()).map((e) => [e.name, e.articles]),
    [['Northern Vigil Front', 1]],
  );
});

test('deleting an entity removes its mentions from every article', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const article = await articleWith(archive);
  const kessler = await archive.createEntity({ name: 'Anna Kessler', type: 'person' });
  const council = await archive.createEntity({ name: 'Varnian Relief Council', type: 'organization' });
  await archive.tagSpan(article.id, { ...span(TEXT, 'Anna Kessler'), entityId: kessler.id });
  await archive.tagSpan(article.id, { ...span(TEXT, 'Varnian Relief Council'), entityId: council.id });
  assert.deepEqual(await archive.deleteEntity(kessler.id), { removedMentions: 1 });
  const after = await archive.getArticle(article.id);
  assert.deepEqual(
    after.mentions.map((m) => m.name),
    ['Varnian Relief Council'],
  );
  await assert.rejects(archive.getEntity(kessler.id), /no entity/);
});

test('mentions whose offsets no longer fit a hand-edited text are found again by their quotes', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await articleWith(archive);
  const kessler = await archive.createEntity({ name: 'Anna Kessler', type: 'person' });
  const tagged = await archive.tagSpan(article.id, { ...span(TEXT, 'Anna Kessler'), entityId: kessler.id });
  await archive.close();
  const file = join(dir, articleFileFor(tagged));
  const doc = JSON.parse(await readFile(file, 'utf8'));
  doc.article.text = `UPDATE: ${doc.article.text}`;
  await writeFile(file, JSON.stringify(doc));
  const again = await openFor(t, dir);
  const [m] = (await again.getArticle(article.id)).mentions;
  assert.equal(m!.start, tagged.mentions[0]!.start + 'UPDATE: '.length);
  assert.equal(doc.article.text.slice(m!.start, m!.end), 'Anna Kessler');
});

test('suggestions: confirming creates the entity once, rejecting is remembered, reviewed mentions survive a re-run', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const text =
    'Anna Kessler spoke in Geneva for the United Nations. Later, Kessler and the United Nations left Geneva.';
  const article = await archive.addArticle({ text, title: 'Kessler in Geneva', publishedAt: '2026-03-13' });
  const suggested = await archive.runSuggestions(article.id);
  assert.ok(suggested.taggedAt);
  const un = suggested.mentions.filter((m) => m.quote.exact === 'United Nations');
  assert.equal(un.length, 2, 'both mentions of the UN are suggested');
  assert.ok(un.every((m) => m.status === 'suggested' && m.entityId === null && m.type === 'organization'));

  // Run again, the same suggestions keep their ids (a reader still showing the first run can confirm them).
  const again = await archive.runSuggestions(article.id);
  assert.deepEqual(
    again.mentions.map((m) => m.id),
    suggested.mentions.map((m) => m.id),
  );

  // Confirming one creates the entity, with the starter list's aliases; the other now points at it too.
  const confirmed = await archive.reviewMentions(article.id, { ids: [un[0]!.id], action: 'confirm' });
  const [entity] = await archive.listEntities({ text: 'United Nations' });
  assert.ok(entity, 'created');
  assert.ok(entity.aliases.includes('UN'), `starter aliases kept: ${entity.aliases.join(', ')}`);
  const after = confirmed.mentions.filter((m) => m.quote.exact === 'United Nations');
  assert.deepEqual(
    after.map((m) => [m.status, m.entityId]),
    [
      ['confirmed', entity.id],
      ['suggested', entity.id],
    ],
  );

  // Rejecting a place is remembered: a re-run does not offer "Geneva" again, and keeps the confirmed UN.
  const geneva = confirmed.mentions.filter((m) => m.quote.exact === 'Geneva');
  assert.ok(geneva.length > 0, 'Geneva was suggested');
  await archive.reviewMentions(article.id, { ids: geneva.map((m) => m.id), action: 'reject' });
  const rerun = await archive.runSuggestions(article.id);
  assert.ok(rerun.mentions.filter((m) => m.quote.exact === 'Geneva').every((m) => m.status === 'rejected'));
  assert.equal(rerun.mentions.find((m) => m.id === un[0]!.id)?.status, 'confirmed');
  // The registry now knows the UN: the second mention is suggested as that entity by the registry layer.
  const second = rerun.mentions.find((m) => m.quote.exact === 'United Nations' && m.status === 'suggested');
  assert.equal(second?.entityId, entity.id);

  // "Kessler" after "Anna Kessler" is the same person; confirming both names one entity with an alias.
  const kessler = rerun.mentions.filter((m) => /Kessler/.test(m.quote.exact));
  assert.deepEqual(
    kessler.map((m) => m.name),
    ['Anna Kessler', 'Anna Kessler'],
  );
  await archive.reviewMentions(article.id, { ids: kessler.map((m) => m.id), action: 'confirm' });
  const people = await archive.listEntities({ type: 'person' });
  assert.deepEqual(
    people.map((p) => [p.name, p.aliases]),
    [['Anna Kessler', ['Kessler']]],
  );
});

test('what would make archive.json unreadable is refused with a reason, and nothing is lost at the next start', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await articleWith(archive, 'Bashar\nAssad met Anna Kessler.');
  await assert.rejects(
    archive.tagSpan(article.id, { start: 0, end: 12, name: 'Bashar Assad', type: 'person' }),
    /cannot cross a line break/,
  );
  const many = Array.from({ length: 500 }, (_, i) => `Alias ${i}`);
  const full = await archive.createEntity({ name: 'Full', type: 'person', aliases: many });
  await assert.rejects(archive.updateEntity(full.id, { name: 'Fuller' }), /501 aliases; at most 500/);
  const other = await archive.createEntity({ name: 'Other', type: 'person', aliases: ['Another alias'] });
  await assert.rejects(archive.mergeEntities(full.id, other.id), /at most 500 fit/);
  const noted = await archive.createEntity({ name: 'Noted', type: 'person', notes: 'n'.repeat(60_000) });
  const noted2 = await archive.createEntity({ name: 'Noted 2', type: 'person', notes: 'm'.repeat(60_000) });
  await assert.rejects(archive.mergeEntities(noted.id, noted2.id), /notes .* longer than/);
  await archive.close();
  const again = await openFor(t, dir);
  assert.deepEqual((await again.getStatus()).problems, [], 'archive.json was never written unreadable');
  assert.equal((await again.listEntities()).length, 4);
});

test('ids of merged entities: readable, but never acted on by mistake', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const a = await archive.createEntity({ name: 'Alpha', type: 'group' });
  const b = await archive.createEntity({ name: 'Bravo', type: 'group' });
  const c = await archive.createEntity({ name: 'Charlie', type: 'group' });
  const ab = await archive.mergeEntities(b.id, a.id);
  await archive.mergeEntities(c.id, b.id);
  assert.equal((await archive.getEntity(a.id)).entity.id, c.id, 'a link to a merged entity opens where it went');
  await assert.rejects(archive.deleteEntity(a.id), /merged into "Charlie"/);
  await assert.rejects(archive.updateEntity(a.id, { notes: 'x' }), /merged into "Charlie"/);
  await assert.rejects(archive.mergeEntities(a.id, c.id), /merged into "Charlie"/);
  assert.ok(
    (await archive.listEntities()).some((e) => e.id === c.id),
    'Charlie is still there',
  );
  await assert.rejects(
    archive.undoMerge(ab.id),
    /"Bravo" has since been merged into another entity: undo that merge first/,
  );
});

test('undoing a merge whose name has been taken since is refused', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const kept = await archive.createEntity({ name: 'Kept', type: 'person' });
  const echo = await archive.createEntity({ name: 'Echo', type: 'person' });
  const merge = await archive.mergeEntities(kept.id, echo.id);
  await archive.createEntity({ name: 'Echo', type: 'person' });
  await assert.rejects(archive.undoMerge(merge.id), /There is a person named "Echo" now/);
});

test('deleting an entity also removes rejected suggestions of it and mentions of entities merged into it', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await articleWith(archive);
  const kessler = await archive.createEntity({ name: 'Anna Kessler', type: 'person' });
  const council = await archive.createEntity({ name: 'Varnian Relief Council', type: 'organization' });
  const vrc = await archive.createEntity({ name: 'VRC', type: 'organization' });
  await archive.tagSpan(article.id, { ...span(TEXT, 'Anna Kessler'), entityId: kessler.id });
  const tagged = await archive.tagSpan(article.id, { ...span(TEXT, 'Varnian Relief Council'), entityId: vrc.id });
  await archive.mergeEntities(council.id, vrc.id);
  // Rejected: a confirmed tag cannot be, so make it a suggestion by hand, as a re-run would leave one.
  const file = join(dir, articleFileFor(tagged));
  const doc = JSON.parse(await readFile(file, 'utf8'));
  doc.article.mentions[0].status = 'rejected';
  doc.article.mentions[0].source = 'model';
  await archive.close();
  await writeFile(file, JSON.stringify(doc));
  await rm(join(dir, 'index'), { recursive: true, force: true });
  const again = await openFor(t, dir);
  assert.deepEqual(await again.deleteEntity(kessler.id), { removedMentions: 1 });
  assert.deepEqual(await again.deleteEntity(council.id), { removedMentions: 1 });
  assert.deepEqual((await again.getArticle(article.id)).mentions, []);
});

test('entity changes that race each other leave nothing dangling and create no name twice', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const one = await articleWith(archive);
  const two = await articleWith(archive, 'Zorvan Melikyan arrived in Karovsk.');
  for (let round = 0; round < 5; round++) {
    const kessler = await archive.createEntity({ name: `Anna Kessler ${round}`, type: 'person' });
    const [tagged] = await Promise.allSettled([
      archive.tagSpan(one.id, { ...span(TEXT, 'Anna Kessler'), entityId: kessler.id }),
      archive.deleteEntity(kessler.id),
    ]);
    const mentions = (await archive.getArticle(one.id)).mentions;
    assert.ok(!mentions.some((m) => m.entityId === kessler.id), `round ${round}: nothing points at the deleted entity`);
    assert.ok(tagged.status === 'fulfilled' || /no entity/.test(String(tagged.reason)));
  }
  const results = await Promise.all([
    archive.tagSpan(one.id, { ...span(TEXT, 'Karovsk'), name: 'Karovsk', type: 'location' }),
    archive.tagSpan(two.id, { ...span(two.text, 'Karovsk'), name: 'Karovsk', type: 'location' }),
  ]);
  assert.equal((await archive.listEntities({ text: 'Karovsk' })).length, 1);
  assert.equal(
    results[0].mentions.at(-1)?.entityId ?? results[0].mentions.find((m) => m.name === 'Karovsk')?.entityId,
    results[1].mentions.find((m) => m.name === 'Karovsk')?.entityId,
  );
});

test('a merge that meets a missing article goes on, and its undo brings every mention back', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const kept = await archive.createEntity({ name: 'Northern Vigil Front', type: 'group' });
  const nvf = await archive.createEntity({ name: 'NVF', type: 'group' });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const article = await articleWith(archive, `Statement ${i}: the NVF denied it.`);
    const tagged = await archive.tagSpan(article.id, { ...span(article.text, 'NVF'), entityId: nvf.id });
    ids.push(tagged.id);
    if (i === 1) await rm(join(dir, articleFileFor(tagged)));
  }
  const merge = await archive.mergeEntities(kept.id, nvf.id);
  for (const id of [ids[0]!, ids[2]!]) assert.equal((await archive.getArticle(id)).mentions[0]!.entityId, kept.id);
  await archive.undoMerge(merge.id);
  for (const id of [ids[0]!, ids[2]!]) {
    const [m] = (await archive.getArticle(id)).mentions;
    assert.equal(m!.entityId, nvf.id);
    assert.equal(m!.mergedFrom, undefined);
  }
});

test('many mentions shifted by a hand edit are all found again', { timeout: 60_000 }, async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const text = Array.from({ length: 4000 }, (_, i) => `Anna Kessler met the NVF in Karovsk (${i}).`).join(' ');
  const article = await archive.addArticle({ text, title: 'Many' });
  const kessler = await archive.createEntity({ name: 'Anna Kessler', type: 'person' });
  await archive.close();
  const file = join(dir, articleFileFor(article));
  const doc = JSON.parse(await readFile(file, 'utf8'));
  const mentions = [];
  for (let at = text.indexOf('Anna Kessler'), n = 0; at >= 0; at = text.indexOf('Anna Kessler', at + 1), n++)
    mentions.push({
      id: `m_${String(n).padStart(10, '0')}`,
      start: at,
      end: at + 12,
      quote: {
        exact: 'Anna Kessler',
        prefix: text.slice(Math.max(0, at - 32), at),
        suffix: text.slice(at + 12, at + 44),
      },
      entityId: kessler.id,
      name: 'Anna Kessler',
      type: 'person',
      status: 'confirmed',
      source: 'user',
      confidence: 1,
    });
  doc.article.mentions = mentions;
  doc.article.text = `CORRECTION: an earlier version misspelled a name. ${text}`;
  await writeFile(file, JSON.stringify(doc));
  const again = await openFor(t, dir);
  const read = await again.getArticle(article.id);
  assert.equal(read.mentions.length, 4000);
  assert.ok(read.mentions.every((m) => read.text.slice(m.start, m.end) === 'Anna Kessler'));
  assert.equal(
    read.mentions[17]!.start,
    mentions[17]!.start + 'CORRECTION: an earlier version misspelled a name. '.length,
  );
});

test('articles of an archive from before tagging existed are tagged in the background', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await articleWith(archive);
  await archive.close();
  // As an older Newsdesk wrote the catalog: format 1 (an object per entry), no taggedAt, no entityIds.
  const snapshot = join(dir, 'index', 'catalog.json');
  const { columns, rows } = JSON.parse(await readFile(snapshot, 'utf8')) as { columns: string[]; rows: unknown[][] };
  const entries = rows.map((row) => {
    const entry: Record<string, unknown> = Object.fromEntries(columns.map((c, i) => [c, row[i]]));
    entry.file = articleFileFor(entry as { id: string; capturedAt: string });
    for (const key of ['taggedAt', 'entityIds', 'rejectedEntityIds', 'claimEntityIds']) delete entry[key];
    return entry;
  });
  await writeFile(snapshot, JSON.stringify({ format: 1, entries }));
  const tagging = await openArchive(dir, { tagInBackground: true });
  await tagging.close({ finishTagging: false });
  const again = await openArchive(dir, { tagInBackground: true });
  defer(t, () => again.close());
  for (let i = 0; i < 100 && !(await again.getArticle(article.id)).taggedAt; i++) await delay(100);
  assert.ok((await again.getArticle(article.id)).taggedAt, 'tagged by the background queue');
});

test(
  'suggestions that could not be saved as they are (tabs in a name, thousands of mentions) are cleaned or capped',
  { timeout: 120_000 },
  async (t) => {
    const archive = await openFor(t, await tempDir(t));
    const tabs = await archive.addArticle({ text: 'Shares of Procter\t&\tGamble rose in Geneva.', title: 'Tabs' });
    const tagged = await archive.runSuggestions(tabs.id);
    assert.ok(
      tagged.mentions.every((m) => !/\s{2}|\t/.test(m.name)),
      JSON.stringify(tagged.mentions.map((m) => m.name)),
    );
    const crowded = await archive.addArticle({ text: 'Paris and London. '.repeat(11_000), title: 'Crowded' });
    const many = await archive.runSuggestions(crowded.id);
    assert.ok(many.taggedAt);
    assert.ok(many.mentions.length <= 20_000 && many.mentions.length > 10_000, String(many.mentions.length));
  },
);
