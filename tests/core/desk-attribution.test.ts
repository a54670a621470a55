// Who did what, per item: every review of a mention or claim and every claim status set names the desk's analyst and the time, and the names travel to the other archives (real PouchDB Server).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test, type TestContext } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { remapArticle } from '../../core/exporters/bundle-import.ts';
import type { Article, Claim, Mention } from '../../core/model.ts';
import { archivesOnDesk, startCouch } from './helpers/couch-server.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const WIRE = [
  'KAROVSK, 12 March (Test Wire) - At least 27 civilians were killed in shelling of Karovsk on Tuesday, according to a UN official cited by Test Wire.',
  'The Northern Vigil Front denied the attack. Aid convoys reached Dalmor and Veshny on Wednesday, the Red Crescent said.',
].join('\n\n');

const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const mention = (article: Article, id: string): Mention => article.mentions.find((m) => m.id === id)!;
const claim = (article: Article, id: string): Claim => article.claims.find((c) => c.id === id)!;
const isRecent = (iso: string | undefined, since: number) =>
  !!iso && Date.parse(iso) >= since && Date.parse(iso) <= Date.now();

async function suggested(archive: Archive): Promise<Article> {
  const saved = await archive.addArticle({ title: 'Shelling in Karovsk', source: 'Test Wire', text: WIRE });
  return archive.runSuggestions(saved.id);
}

test('on a desk, each review and claim status names the analyst; the names reach the other archive; merges keep them', async (t) => {
  const { archives } = await archivesOnDesk(t, 'alice', 'bob');
  const [alice, bob] = archives as [Archive, Archive];
  const start = Date.now();
  let article = await suggested(alice);
  const open = article.mentions.filter((m) => m.status === 'suggested');
  assert.ok(open.length >= 3, `the rules suggest mentions to review (${open.length})`);
  const [first, second, third] = open as [Mention, Mention, Mention];
  for (const m of [...article.mentions, ...article.claims])
    assert.ok(!('statusBy' in m) && !('reviewBy' in m), 'what the rules suggest names no one');

  // A bulk confirm stamps every mention it changes; one confirmed again keeps its first reviewer.
  article = await alice.reviewMentions(article.id, { ids: [first.id, second.id], action: 'confirm' });
  for (const id of [first.id, second.id]) {
    assert.equal(mention(article, id).statusBy, 'alice');
    assert.ok(isRecent(mention(article, id).statusAt, start));
  }
  const confirmedAt = mention(article, first.id).statusAt;
  article = await alice.reviewMentions(article.id, { ids: [first.id], action: 'confirm' });
  assert.equal(mention(article, first.id).statusAt, confirmedAt, 'confirming again changes nothing');
  article = await alice.reviewMentions(article.id, { ids: [third.id], action: 'reject' });
  assert.deepEqual([mention(article, third.id).status, mention(article, third.id).statusBy], ['rejected', 'alice']);
  article = await alice.tagSpan(article.id, {
    ...span(WIRE, 'Red Crescent'),
    name: 'Red Crescent',
    type: 'organization',
  });
  const tagged = article.mentions.find((m) => m.quote.exact === 'Red Crescent')!;
  assert.deepEqual([tagged.source, tagged.statusBy], ['user', 'alice']);

  // Claims: a suggestion confirmed, a status set, a suggestion edited (which confirms it), a claim of her own.
  const casualties = article.claims.find((c) => c.kind === 'casualties')!;
  const denial = article.claims.find((c) => c.kind === 'denial')!;
  article = await alice.reviewClaims(article.id, { ids: [casualties.id], action: 'confirm' });
  assert.equal(claim(article, casualties.id).reviewBy, 'alice');
  assert.equal(claim(article, casualties.id).statusBy, undefined, 'confirming sets no status');
  article = await alice.updateClaim(article.id, casualties.id, { status: 'corroborated' });
  const corroborated = claim(article, casualties.id);
  assert.equal(corroborated.statusBy, 'alice');
  assert.ok(isRecent(corroborated.statusAt, start));
  // The claim editor sends every field: a save that leaves the status as it was does not re-attribute it.
  article = await alice.updateClaim(article.id, casualties.id, { status: 'corroborated', reviewNote: 'UN and ICRC.' });
  assert.equal(claim(article, casualties.id).statusAt, corroborated.statusAt);
  article = await alice.updateClaim(article.id, denial.id, { reviewNote: 'Their statement on Telegram.' });
  assert.deepEqual(
    [claim(article, denial.id).review, claim(article, denial.id).reviewBy, claim(article, denial.id).statusBy],
    ['confirmed', 'alice', undefined],
  );
  article = await alice.addClaim(article.id, { ...span(WIRE, 'Aid convoys reached Dalmor'), status: 'disputed' });
  const own = article.claims.find((c) => c.source === 'user')!;
  assert.deepEqual([own.reviewBy, own.statusBy, own.status], ['alice', 'alice', 'disputed']);

  // Bob receives the same names and times.
  await alice.syncDesk();
  await bob.syncDesk();
  const received = await bob.getArticle(article.id);
  assert.deepEqual(received.mentions, article.mentions);
  assert.deepEqual(received.claims, article.claims);

  // Bob disputes the claim: his name, and Alice gets it back; the review stays hers.
  await bob.updateClaim(article.id, casualties.id, { status: 'disputed' });
  await bob.syncDesk();
  await alice.syncDesk();
  const back = claim(await alice.getArticle(article.id), casualties.id);
  assert.deepEqual([back.status, back.statusBy, back.reviewBy], ['disputed', 'bob', 'alice']);

  // Bob merges the tagged entity into another: the mention moves, who tagged it and when do not.
  const kept = await bob.createEntity({ name: 'Red Crescent Society', type: 'organization' });
  await bob.mergeEntities(kept.id, tagged.entityId!);
  const moved = (await bob.getArticle(article.id)).mentions.find((m) => m.id === tagged.id)!;
  assert.deepEqual(
    [moved.entityId, moved.statusBy, moved.statusAt],
    [kept.id, 'alice', tagged.statusAt],
    'a merge is not a review',
  );
});

test('off a desk the stamps name no one; joining and leaving change the name at once, and a reopened archive reads it', async (t) => {
  const server = await startCouch(t);
  const dir = await tempDir(t);
  let archive = await openFor(t, dir);
  const saved = await archive.addArticle({ title: 'Convoys', source: 'Test Wire', text: WIRE });
  const tag = async (words: string) => {
    const article = await archive.tagSpan(saved.id, { ...span(WIRE, words), name: words, type: 'location' });
    return article.mentions.find((m) => m.quote.exact === words)!;
  };
  const offDesk = await tag('Dalmor');
  assert.equal(offDesk.statusBy, null);
  assert.ok(offDesk.statusAt, 'the time is kept off a desk too');

  await archive.joinDesk({ url: server.url, analyst: 'carol' });
  assert.equal((await tag('Veshny')).statusBy, 'carol', 'joined: no restart needed');
  await archive.close();
  archive = await openFor(t, dir);
  assert.equal((await tag('Karovsk')).statusBy, 'carol', 'read from desk.json at open');
  await archive.leaveDesk();
  const added = await archive.addClaim(saved.id, span(WIRE, 'The Northern Vigil Front denied the attack'));
  const own = added.claims.find((c) => c.source === 'user')!;
  assert.deepEqual([own.reviewBy, own.statusBy], [null, undefined], 'left: no name; no status given, none stamped');
});

test('exports carry who set a claim’s status: the CSV column, the ClaimReview author, the bundle', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Alice Analyst');
  const [alice] = archives as [Archive];
  let article = await suggested(alice);
  const casualties = article.claims.find((c) => c.kind === 'casualties')!;
  article = await alice.updateClaim(article.id, casualties.id, { status: 'corroborated' });
  const { statusAt } = claim(article, casualties.id);

  const csv = await exported(t, alice, 'csv');
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = header!.split(',');
  const row = rows.find((r) => r.includes(casualties.id))!.split(',');
  assert.equal(row[columns.indexOf('status_by')], 'Alice Analyst');
  assert.equal(row[columns.indexOf('status_at')], statusAt);

  const reviews = (JSON.parse(await exported(t, alice, 'claimreview')) as { '@graph': Record<string, unknown>[] })[
    '@graph'
  ];
  assert.equal(reviews.length, 1);
  assert.deepEqual(reviews[0]!.author, { '@type': 'Person', name: 'Alice Analyst' });
  assert.equal(reviews[0]!.dateCreated, statusAt);

  // A bundle carries the names as they are, to an archive on no desk too.
  const out = await tempDir(t, 'newsdesk-export-');
  const bundle = await alice.exportToFile({ scope: { library: true }, format: 'bundle' }, out);
  const elsewhere = await openFor(t, await tempDir(t));
  await elsewhere.importBundleFile(bundle.path);
  assert.deepEqual((await elsewhere.getArticle(article.id)).claims, article.claims);

  // A confirmed mention whose entity a bundle lacks comes in as a suggestion: no one confirmed it there.
  const confirm = article.mentions.find((m) => m.status === 'suggested' && m.entityId === null)!;
  article = await alice.reviewMentions(article.id, { ids: [confirm.id], action: 'confirm' });
  assert.equal(mention(article, confirm.id).statusBy, 'Alice Analyst');
  const noEntities = { entityIds: new Map(), knownGroups: new Set(), collectionIds: new Map() };
  const remapped = remapArticle(article, noEntities as unknown as Parameters<typeof remapArticle>[1], () => false);
  const fallen = mention(remapped, confirm.id);
  assert.deepEqual([fallen.status, fallen.statusBy, fallen.statusAt], ['suggested', undefined, undefined]);
});

async function exported(t: TestContext, archive: Archive, format: 'csv' | 'claimreview'): Promise<string> {
  const out = await tempDir(t, 'newsdesk-export-');
  const result = await archive.exportToFile(
    { scope: { library: true }, format, ...(format === 'csv' && { table: 'claims' as const }) },
    out,
  );
  return readFile(result.path, 'utf8');
}
