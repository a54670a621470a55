// Claim groups on a real data folder: independent sources, conflicting figures, and groups that last as long as their claims.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import type { Claim } from '../../core/model.ts';
import { articleFileFor } from '../../core/store/article-files.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

// Our own invented reports of one event: the agency's own, outlets that ran it, and a local paper.
const REUTERS =
  'KAROVSK, 12 March (Reuters) - At least 27 civilians were killed in shelling of Karovsk on Tuesday, a UN official said.';
const MENAFN =
  'At least 27 civilians were killed in shelling of Karovsk on Tuesday, according to a UN official cited by Reuters. ' +
  'Aid convoys were waiting at the border, officials in the region said on Wednesday.';
const COPY =
  'KAROVSK, 12 March (Reuters) - At least 27 civilians were killed in shelling of Karovsk on Tuesday, according to ' +
  'a UN official cited by Reuters. The Northern Vigil Front denied the attack.\n\n' +
  'Anna Kessler, a spokesperson for the Varnian Relief Council, said 400 families had fled. ' +
  'Fighters have reportedly seized the port, and the council called for a ceasefire.';
// The same story with the credit cut, as a syndicating site might run it.
const UNCREDITED = COPY.replace('KAROVSK, 12 March (Reuters) - ', '').replace(' cited by Reuters', '');
const LOCAL = 'Local officials said 31 civilians were killed in the shelling of Karovsk on Tuesday.';

const span = (text: string, words: string) => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

/** The claim of the figure, as the rules suggest it (so it has its chain). */
async function figureClaim(archive: Archive, id: string, value: number) {
  const { claims } = await archive.runSuggestions(id);
  const claim = claims.find((c) => c.quantities.some((q) => q.value === value));
  assert.ok(claim, JSON.stringify(claims.map((c) => c.text)));
  return { articleId: id, claimId: claim.id };
}

async function imported(archive: Archive, text: string, name: string, source: string) {
  const [result] = await archive.importFile(Buffer.from(text), name);
  await archive.updateArticle(result!.id!, { source });
  return archive.getArticle(result!.id!);
}

test("an agency's own report, outlets that ran it and copies that dropped the credit are one source; a local paper is another", async (t) => {
  const archive = await openFor(t, await tempDir(t));
  // Pasted: its dateline credits the agency, which is also its outlet.
  const reuters = await archive.addArticle({ text: REUTERS, title: 'Reuters', source: 'Reuters' });
  assert.deepEqual(reuters.wireCredits, ['Reuters']);
  const menafn = await imported(archive, MENAFN, 'menafn.txt', 'MENAFN');
  const uncredited = await imported(archive, UNCREDITED, 'herald.txt', 'Evening Herald');
  // Imported second, so the story is found (and given to both) now.
  const copy = await imported(archive, COPY, 'observer.txt', 'Daily Observer');
  assert.ok(copy.storyId && copy.storyId === (await archive.getArticle(uncredited.id)).storyId, 'one story');
  assert.deepEqual(uncredited.wireCredits, [], 'and one of them no longer credits the agency');
  const local = await archive.addArticle({ text: LOCAL, title: 'Courier', source: 'Karovsk Courier' });

  const members = [];
  for (const a of [reuters, menafn, copy, uncredited]) members.push(await figureClaim(archive, a.id, 27));
  members.push(await figureClaim(archive, local.id, 31));
  const group = await archive.groupClaims({ members, label: 'Karovsk shelling' });
  assert.equal(group.claims.length, 5);
  assert.equal(group.independentSources, 2, JSON.stringify(group.sources));
  assert.deepEqual(
    group.sources.map((s) => [s.label, s.claims]),
    [
      ['Reuters', 4],
      ['Karovsk Courier', 1],
    ],
  );
});

test('a figure with no category conflicts with a counted one for the same outcome', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const uncounted = 'Officials said 27 were killed in Karovsk on Tuesday.';
  const a = await archive.addArticle({ text: uncounted, title: 'A', source: 'Alpha' });
  const b = await archive.addArticle({ text: LOCAL, title: 'B', source: 'Karovsk Courier' });
  const c = await archive.addArticle({
    text: 'Officials said 27 were killed in Karovsk.',
    title: 'C',
    source: 'Gamma',
  });
  const ca = (await archive.addClaim(a.id, { start: 0, end: uncounted.length })).claims[0]!;
  const cb = (await archive.addClaim(b.id, span(LOCAL, '31 civilians were killed'))).claims[0]!;
  const cc = (await archive.addClaim(c.id, { start: 0, end: 41 })).claims[0]!;
  assert.equal(ca.quantities[0]!.category, null);
  const group = await archive.groupClaims({
    members: [
      { articleId: a.id, claimId: ca.id },
      { articleId: c.id, claimId: cc.id },
    ],
  });
  assert.deepEqual(group.conflicts, [], 'the same figure, both uncounted');
  const both = await archive.groupClaims({ groupId: group.group.id, members: [{ articleId: b.id, claimId: cb.id }] });
  assert.deepEqual(both.conflicts, [{ outcome: 'killed', category: 'civilians', values: [27, 31] }]);
});

test('a group with a wrong member is not made, and no claim moves', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const a = await archive.addArticle({ text: LOCAL, title: 'A', source: 'Alpha' });
  const b = await archive.addArticle({ text: REUTERS, title: 'B', source: 'Reuters' });
  const ca = (await archive.addClaim(a.id, { start: 0, end: LOCAL.length })).claims[0]!;
  const cb = (await archive.addClaim(b.id, { start: 0, end: REUTERS.length })).claims[0]!;
  const wrong = [
    { articleId: a.id, claimId: ca.id },
    { articleId: b.id, claimId: 'c_zzzzzzzzzz' },
  ];
  await assert.rejects(archive.groupClaims({ members: wrong, label: 'Never made' }), /has no claim c_zzzzzzzzzz/);
  assert.deepEqual(await archive.listClaimGroups(), []);
  assert.equal((await archive.getArticle(a.id)).claims[0]!.groupId, null);

  // Into an existing group, likewise.
  const group = await archive.groupClaims({ members: [{ articleId: b.id, claimId: cb.id }], label: 'B' });
  await assert.rejects(archive.groupClaims({ groupId: group.group.id, members: wrong }), /has no claim/);
  assert.equal((await archive.getArticle(a.id)).claims[0]!.groupId, null);
  assert.equal((await archive.getClaimGroup(group.group.id)).claims.length, 1);
});

test('claims in the trash keep their group, so a restore finds it with its note', async (t) => {
  const dir = await tempDir(t);
  let archive = await openFor(t, dir);
  const a = await archive.addArticle({ text: LOCAL, title: 'A', source: 'Alpha' });
  const b = await archive.addArticle({ text: REUTERS, title: 'B', source: 'Reuters' });
  const ca = (await archive.addClaim(a.id, { start: 0, end: LOCAL.length })).claims[0]!;
  const cb = (await archive.addClaim(b.id, { start: 0, end: REUTERS.length })).claims[0]!;
  const only = await archive.groupClaims({ members: [{ articleId: b.id, claimId: cb.id }], label: 'Only B' });
  await archive.updateClaimGroup(only.group.id, { note: 'Checked with the UN.' });
  await archive.deleteArticle(b.id);
  // Any change that looks for empty groups: here, another group made and left.
  const other = await archive.groupClaims({ members: [{ articleId: a.id, claimId: ca.id }] });
  await archive.ungroupClaim(a.id, ca.id);
  assert.deepEqual(
    (await archive.listClaimGroups()).map((g) => [g.group.label, g.claims.length]),
    [['Only B', 0]],
    'the other group went with its last claim; the trashed one stays',
  );
  await assert.rejects(archive.getClaimGroup(other.group.id), /no claim group/);
  // Across a reopen too: the saved index counts the trash.
  await archive.close();
  archive = await openFor(t, dir);
  await archive.groupClaims({ members: [{ articleId: a.id, claimId: ca.id }] });
  await archive.ungroupClaim(a.id, ca.id);
  await archive.restoreArticle(b.id);
  const back = await archive.getClaimGroup(only.group.id);
  assert.equal(back.group.note, 'Checked with the UN.');
  assert.deepEqual(
    back.claims.map((c) => c.claimId),
    [cb.id],
  );
});

test('a group goes when its last claim leaves, by any route, and not before', async (t) => {
  const dir = await tempDir(t);
  let archive = await openFor(t, dir);
  // A claim of the user's own in each article, and a suggested one beside the last.
  const words = [
    [LOCAL, LOCAL],
    [REUTERS, REUTERS],
    [MENAFN, 'Aid convoys were waiting at the border'],
  ];
  const claims: { articleId: string; claimId: string }[] = [];
  for (const [text, claimed] of words) {
    const a = await archive.addArticle({ text: text!, title: claimed!, source: 'Outlet' });
    const made = await archive.addClaim(a.id, span(text!, claimed!));
    claims.push({ articleId: a.id, claimId: made.claims[0]!.id });
  }
  const suggested = await figureClaim(archive, claims[2]!.articleId, 27);
  const labels = async () => (await archive.listClaimGroups()).map((g) => [g.group.label, g.claims.length]);

  const first = await archive.groupClaims({ members: [claims[0]!, claims[1]!, suggested], label: 'First' });
  const second = await archive.groupClaims({ members: [claims[2]!], label: 'Second' });
  // Moved to another group.
  await archive.groupClaims({ groupId: second.group.id, members: [claims[0]!] });
  assert.deepEqual(await labels(), [
    ['First', 2],
    ['Second', 2],
  ]);
  // Removed.
  await archive.reviewClaims(claims[1]!.articleId, { ids: [claims[1]!.claimId], action: 'remove' });
  assert.deepEqual(await labels(), [
    ['First', 1],
    ['Second', 2],
  ]);
  // The index's counts are saved with it and read back.
  await archive.close();
  archive = await openFor(t, dir);
  // Rejected (a suggestion stays in the file, out of its group).
  await archive.reviewClaims(suggested.articleId, { ids: [suggested.claimId], action: 'reject' });
  assert.deepEqual(await labels(), [['Second', 2]]);
  await assert.rejects(archive.getClaimGroup(first.group.id), /no claim group/);
  // Left.
  await archive.ungroupClaim(claims[0]!.articleId, claims[0]!.claimId);
  assert.deepEqual(await labels(), [['Second', 1]]);
  await archive.ungroupClaim(claims[2]!.articleId, claims[2]!.claimId);
  assert.deepEqual(await labels(), []);
});

test('a group of 20,000 claims lists in well under a second', async (t) => {
  const dir = await tempDir(t);
  let archive = await openFor(t, dir);
  const sentence = 'Officials said 27 civilians were killed. ';
  const text = sentence.repeat(5000);
  const articles = [];
  for (let i = 0; i < 4; i++)
    articles.push(await archive.addArticle({ text, title: `Bulletin ${i}`, source: `Outlet ${i}` }));
  const first = articles[0]!;
  const made = (await archive.addClaim(first.id, { start: 0, end: sentence.length - 1 })).claims[0]!;
  const group = await archive.groupClaims({ members: [{ articleId: first.id, claimId: made.id }], label: 'Bulletins' });
  await archive.close();

  // Written by hand while closed, 5,000 claims an article (the most it keeps): through the API it would take minutes.
  for (const [n, article] of articles.entries()) {
    const file = join(dir, articleFileFor(article));
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.article.claims = Array.from({ length: 5000 }, (_, i): Claim => {
      const start = i * sentence.length;
      return {
        ...made,
        id: `c_${(n * 5000 + i).toString(36).padStart(10, '0')}`,
        start,
        end: start + sentence.length - 1,
        quote: { exact: sentence.trim(), prefix: '', suffix: '' },
        groupId: group.group.id,
      };
    });
    await writeFile(file, JSON.stringify(doc));
  }
  await rm(join(dir, 'index', 'catalog.json'));
  archive = await openFor(t, dir);
  assert.equal((await archive.listClaims({ limit: 1 })).total, 20_000, 'the index has them all');

  const started = performance.now();
  const [listed] = await archive.listClaimGroups();
  const took = performance.now() - started;
  t.diagnostic(`listClaimGroups with one group of 20,000 claims: ${took.toFixed(0)} ms`);
  assert.equal(listed!.claims.length, 20_000);
  assert.equal(listed!.independentSources, 4);
  assert.ok(took < 1000, `${took.toFixed(0)} ms`);
});
