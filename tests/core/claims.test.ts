// Claims through the contract on a real data folder: suggest, make, edit, review, list, match and group across articles.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { invokeMethod } from '../../core/gate.ts';
import { articleFileFor } from '../../core/store/article-files.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

// Our own invented wire story, and two outlets that ran it.
const WIRE =
  'KAROVSK, 12 March (Reuters) - At least 27 civilians were killed in shelling of Karovsk on Tuesday, according to ' +
  'a UN official cited by Reuters. The Northern Vigil Front denied the attack.\n\n' +
  'Anna Kessler, a spokesperson for the Varnian Relief Council, said 400 families had fled. ' +
  'Fighters have reportedly seized the port.';
const LOCAL = 'Local officials said 31 civilians were killed in the shelling of Karovsk on Tuesday.';

async function article(archive: Archive, text: string, source: string, publishedAt = '2026-03-13') {
  return archive.addArticle({ text, title: `${source}: Karovsk`, source, publishedAt });
}

const span = (text: string, words: string) => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

test('suggested claims carry claimant, chain, kind, hedges, figures and the event date', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const a = await article(archive, WIRE, 'Daily Observer');
  const { claims } = await archive.runSuggestions(a.id);
  const killed = claims.find((c) => c.quantities.some((q) => q.value === 27));
  assert.ok(killed, JSON.stringify(claims.map((c) => c.text)));
  assert.equal(killed.claimant?.name, 'a UN official');
  assert.deepEqual(killed.via, ['Reuters', 'Daily Observer'], 'the chain ends with the outlet');
  assert.equal(killed.kind, 'casualties');
  assert.deepEqual(
    killed.quantities.map((q) => [q.value, q.qualifier, q.category, q.outcome]),
    [[27, 'at least', 'civilians', 'killed']],
  );
  assert.equal(killed.eventDate, '2026-03-10', '"on Tuesday" before Friday 13 March');
  assert.equal(killed.review, 'suggested');
  assert.ok(claims.find((c) => c.kind === 'denial' && c.claimant?.name === 'Northern Vigil Front'));
  const hedged = claims.find((c) => c.text.includes('seized the port'));
  assert.equal(hedged?.hedged, true);
  for (const c of claims) assert.equal(WIRE.slice(c.start, c.end), c.quote.exact);
});

test('a claim made from selected words gets its figures; every field can be edited; bad edits are refused', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const local = await article(archive, LOCAL, 'Karovsk Courier');
  const made = await archive.addClaim(local.id, span(LOCAL, '31 civilians were killed in the shelling of Karovsk'));
  const [claim] = made.claims;
  assert.equal(claim!.source, 'user');
  assert.equal(claim!.review, 'confirmed');
  assert.equal(claim!.kind, 'casualties');
  assert.deepEqual(
    claim!.quantities.map((q) => [q.value, q.outcome]),
    [[31, 'killed']],
  );

  const kessler = await archive.createEntity({ name: 'Local officials', type: 'organization' });
  const edited = await archive.updateClaim(local.id, claim!.id, {
    claimant: { text: 'Local officials', start: 0, end: 15, name: 'Local officials', entityId: kessler.id },
    via: ['Karovsk Courier'],
    status: 'disputed',
    reviewNote: 'The UN says 27.',
    eventDate: '2026-03-10',
    hedged: true,
  });
  const after = edited.claims[0]!;
  assert.equal(after.claimant?.entityId, kessler.id);
  assert.equal(after.status, 'disputed');
  assert.equal(after.eventDate, '2026-03-10');
  for (const [args, message] of [
    [[local.id, claim!.id, { eventDate: 'Tuesday' }], /date such as/],
    [[local.id, claim!.id, { kind: 'rumour' }], /kind/],
    [[local.id, claim!.id, { placeIds: ['ent_0000000000000000'] }], /no entity/],
    [[local.id, 'c_0000000000', { status: 'false' }], /no claim/],
    [[local.id, claim!.id, {}], /nothing to change/],
  ] as const)
    await assert.rejects(invokeMethod(archive, 'updateClaim', [...args]), message);
  await assert.rejects(invokeMethod(archive, 'addClaim', [local.id, { start: 5, end: 99999 }]), /not inside/);
  await archive.close();
  const again = await openFor(t, dir);
  assert.deepEqual((await again.getArticle(local.id)).claims, edited.claims, 'kept across a reopen');
});

test('a rejected suggestion is not made again; confirmed ones survive a re-run', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const a = await article(archive, WIRE, 'Daily Observer');
  const { claims } = await archive.runSuggestions(a.id);
  const denial = claims.find((c) => c.kind === 'denial')!;
  const killed = claims.find((c) => c.kind === 'casualties')!;
  await archive.reviewClaims(a.id, { ids: [denial.id], action: 'reject' });
  await archive.reviewClaims(a.id, { ids: [killed.id], action: 'confirm' });
  const rerun = await archive.runSuggestions(a.id);
  assert.equal(rerun.claims.filter((c) => c.quote.exact === denial.quote.exact && c.review !== 'rejected').length, 0);
  assert.equal(rerun.claims.find((c) => c.id === killed.id)?.review, 'confirmed');
  assert.ok(
    !(await archive.listClaims({})).items.some((c) => c.claimId === denial.id),
    'rejected claims are not listed',
  );
});

test('claims across the archive are listed and filtered, and the index follows changes and reopens', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const a = await article(archive, WIRE, 'Daily Observer');
  const b = await article(archive, LOCAL, 'Karovsk Courier', '2026-03-11');
  await archive.runSuggestions(a.id);
  await archive.addClaim(b.id, span(LOCAL, '31 civilians were killed in the shelling of Karovsk'));
  const all = await archive.listClaims({});
  assert.ok(all.total >= 4);
  assert.deepEqual((await archive.listClaims({ kind: 'casualties' })).items.map((c) => c.outlet).sort(), [
    'Daily Observer',
    'Karovsk Courier',
  ]);
  assert.deepEqual(
    (await archive.listClaims({ claimant: 'un official' })).items.map((c) => c.outlet),
    ['Daily Observer'],
  );
  assert.equal(
    (await archive.listClaims({ from: '2026-03-12', kind: 'casualties' })).total,
    0,
    'both happened on the 10th',
  );
  assert.equal((await archive.listClaims({ to: '2026-03', kind: 'casualties' })).total, 2);
  await archive.deleteArticle(b.id);
  assert.deepEqual(
    (await archive.listClaims({ kind: 'casualties' })).items.map((c) => c.outlet),
    ['Daily Observer'],
    'not from the trash',
  );
  await archive.restoreArticle(b.id);

  await archive.close();
  // Edited by hand while closed: the index notices the file changed and reads it again.
  const file = join(dir, articleFileFor(b));
  const doc = JSON.parse(await readFile(file, 'utf8'));
  doc.article.claims[0].status = 'false';
  await writeFile(file, JSON.stringify(doc, null, 2));
  await rm(join(dir, 'index', 'catalog.json'));
  const again = await openFor(t, dir);
  assert.equal((await again.listClaims({ status: 'false' })).total, 1);
  assert.equal((await again.listClaims({})).total, all.total);
});

test('grouping: matches are offered with reasons, syndicated copies and one wire count once, conflicting figures are flagged', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const karovsk = await archive.createEntity({ name: 'Karovsk', type: 'location' });
  // Two outlets running the same Reuters story (one story), and a local paper with its own figure.
  const a = await archive.importFile(Buffer.from(WIRE), 'observer.txt');
  const b = await archive.importFile(Buffer.from(WIRE.replace('Fighters have', 'Gunmen have')), 'herald.txt');
  const c = await article(archive, LOCAL, 'Karovsk Courier', '2026-03-11');
  const ids = [a[0]!.id!, b[0]!.id!, c.id];
  for (const id of ids) await archive.runSuggestions(id);
  for (const id of ids) {
    const art = await archive.getArticle(id);
    // The place confirmed, as a monitor would: claims then know where they happened.
    const mentions = art.mentions.filter((m) => m.quote.exact === 'Karovsk');
    for (const m of mentions) await archive.tagSpan(id, { start: m.start, end: m.end, entityId: karovsk.id });
  }
  // The local paper's figure is a claim (suggested, or made by hand if the rules missed it).
  if (!(await archive.getArticle(c.id)).claims.some((x) => x.quantities.some((q) => q.value === 31)))
    await archive.addClaim(c.id, span(LOCAL, '31 civilians were killed in the shelling of Karovsk'));
  const first = (await archive.getArticle(ids[0]!)).claims.find((x) => x.quantities.some((q) => q.value === 27))!;
  const matches = await archive.findClaimMatches(ids[0]!, first.id);
  assert.ok(matches.length >= 2, JSON.stringify(matches.map((m) => [m.claim.outlet, m.score, m.reasons])));
  const copy = matches.find((m) => m.claim.articleId === ids[1]);
  assert.ok(copy?.reasons.includes('copies of the same story'), JSON.stringify(copy?.reasons));
  assert.ok(
    matches.find((m) => m.claim.articleId === c.id)?.reasons.some((r) => /27 against 31|31 against 27/.test(r)),
  );

  const members = matches.map((m) => ({ articleId: m.claim.articleId, claimId: m.claim.claimId }));
  const group = await archive.groupClaims({ members: [{ articleId: ids[0]!, claimId: first.id }, ...members] });
  assert.equal(group.claims.length, 3);
  assert.equal(group.independentSources, 2, JSON.stringify(group.sources));
  assert.deepEqual(group.conflicts, [{ outcome: 'killed', category: 'civilians', values: [27, 31] }]);
  assert.equal((await archive.listClaimGroups()).length, 1);
  assert.equal((await archive.listClaims({ groupId: group.group.id })).total, 3);

  // Leaving: the last claim out takes the group with it.
  for (const m of group.claims) await archive.ungroupClaim(m.articleId, m.claimId);
  assert.deepEqual(await archive.listClaimGroups(), []);
  await assert.rejects(archive.getClaimGroup(group.group.id), /no claim group/);
});

test("an article that opens with the outlet's own claim saves it (an empty cue at offset 0 once broke the save)", async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const a = await article(
    archive,
    'Artillery struck the port of Karovsk overnight, killing 12 people.',
    'Daily Observer',
  );
  const { claims } = await archive.runSuggestions(a.id);
  const own = claims.find((c) => c.claimant === null);
  assert.ok(own, JSON.stringify(claims));
  assert.equal(own.cue, null);
});
