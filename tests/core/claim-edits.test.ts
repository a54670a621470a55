// Claims made, edited and removed on a real data folder: odd words still make claims, an edit is a review, and a removed claim leaves the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const T1 = 'Officials said 27 civilians were killed in Karovsk on Tuesday.';
const T2 = 'Residents said 27 civilians were killed in Karovsk on Tuesday.';

test('words the model could not keep as they are still make claims, made by hand or suggested', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const check = (claims: { quote: { exact: string }; quantities: { value: number; category: string | null }[] }[]) => {
    for (const c of claims) {
      assert.ok(c.quote.exact.length <= 1000);
      assert.ok(c.quantities.length <= 50);
      for (const q of c.quantities) assert.ok(q.value <= 1e12 && (q.category ?? '').length <= 100);
    }
  };

  // Sixty figures in one selection: the first fifty are kept.
  const many = Array.from({ length: 60 }, (_, i) => `${i + 2} civilians were killed`).join('; ') + '.';
  const a = await archive.addArticle({ text: many, title: 'Many figures' });
  const [sixty] = (await archive.addClaim(a.id, { start: 0, end: many.length })).claims;
  assert.deepEqual(
    sixty!.quantities.map((q) => q.value),
    Array.from({ length: 50 }, (_, i) => i + 2),
  );

  // A figure past 10^12 is no figure; the claim stays, by hand and from the rules.
  const big = 'Officials said 50000000000000 civilians were killed in the shelling.';
  const b = await archive.addArticle({ text: big, title: 'A typo' });
  const [made] = (await archive.addClaim(b.id, { start: 0, end: big.length })).claims;
  assert.deepEqual(made!.quantities, []);
  const suggested = await archive.runSuggestions(b.id);
  assert.ok(suggested.taggedAt, 'the run was saved');
  check(suggested.claims);

  // A counted noun longer than the model keeps is clipped.
  const odd = `Officials said 27 ${'a'.repeat(120)}s were killed.`;
  const c = await archive.addArticle({ text: odd, title: 'Odd words' });
  const [clipped] = (await archive.addClaim(c.id, { start: 0, end: odd.length })).claims;
  check([clipped!]);
  assert.equal(clipped!.quantities[0]?.value, 27);

  // A suggestion over a sentence of more than 1,000 characters is found again by its first 1,000.
  const long = `The minister said that ${Array.from({ length: 120 }, (_, i) => `word${i} and more`).join(' ')}.`;
  const d = await archive.addArticle({ text: long, title: 'A long sentence' });
  const run = await archive.runSuggestions(d.id);
  assert.ok(run.taggedAt);
  const claim = run.claims.find((x) => x.end - x.start > 1000);
  assert.ok(claim, JSON.stringify(run.claims.map((x) => x.end - x.start)));
  assert.equal(claim.quote.exact, long.slice(claim.start, claim.start + 1000));
  check(run.claims);
});

test('editing a suggested claim confirms it, so running the suggesters again keeps the edit', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const text =
    'At least 27 civilians were killed in shelling of Karovsk on Tuesday, according to a UN official cited by Reuters.';
  const a = await archive.addArticle({ text, title: 'A', source: 'Daily Observer' });
  const [suggested] = (await archive.runSuggestions(a.id)).claims;
  assert.equal(suggested!.review, 'suggested');
  const edited = await archive.updateClaim(a.id, suggested!.id, {
    claimant: { text: '', start: null, end: null, name: 'OCHA', entityId: null },
    kind: 'attack',
    via: ['AFP'],
    text: 'My wording',
  });
  assert.equal(edited.claims[0]!.review, 'confirmed', 'an edit is a review');
  const again = (await archive.runSuggestions(a.id)).claims;
  assert.equal(again.length, 1, 'no new suggestion over the edited claim');
  assert.deepEqual(
    [again[0]!.id, again[0]!.review, again[0]!.text, again[0]!.claimant?.name, again[0]!.kind, again[0]!.via],
    [suggested!.id, 'confirmed', 'My wording', 'OCHA', 'attack', ['AFP']],
  );
  // A status alone is an edit too.
  const b = await archive.addArticle({ text, title: 'B', source: 'Daily Observer' });
  const [other] = (await archive.runSuggestions(b.id)).claims;
  await archive.updateClaim(b.id, other!.id, { status: 'disputed' });
  const kept = (await archive.runSuggestions(b.id)).claims[0]!;
  assert.deepEqual([kept.review, kept.status], ['confirmed', 'disputed']);
});

test("an article's last claim removed or rejected leaves the index, its matches and its group", async (t) => {
  const dir = await tempDir(t);
  let archive = await openFor(t, dir);
  const a = await archive.addArticle({ text: T1, title: 'A', source: 'Alpha' });
  const b = await archive.addArticle({ text: T2, title: 'B', source: 'Beta' });
  const ca = (await archive.addClaim(a.id, { start: 0, end: T1.length })).claims[0]!;
  const cb = (await archive.addClaim(b.id, { start: 0, end: T2.length })).claims[0]!;
  await archive.groupClaims({ members: [{ articleId: a.id, claimId: ca.id }], label: 'A alone' });
  // Listed, so the index is loaded and has changed: the state the removal once went unnoticed in.
  assert.equal((await archive.listClaims({})).total, 2);
  assert.equal((await archive.reviewClaims(a.id, { ids: [ca.id], action: 'remove' })).claims.length, 0);
  assert.deepEqual(
    (await archive.listClaims({})).items.map((c) => c.claimId),
    [cb.id],
  );
  assert.deepEqual(await archive.findClaimMatches(b.id, cb.id), []);
  assert.deepEqual(await archive.listClaimGroups(), []);

  // A rejected suggestion likewise, and the saved index agrees after a reopen.
  await archive.reviewClaims(b.id, { ids: [cb.id], action: 'remove' });
  const [suggested] = (await archive.runSuggestions(b.id)).claims;
  assert.equal(suggested?.review, 'suggested');
  assert.equal((await archive.listClaims({})).total, 1);
  await archive.reviewClaims(b.id, { ids: [suggested.id], action: 'reject' });
  assert.equal((await archive.listClaims({})).total, 0);
  await archive.close();
  archive = await openFor(t, dir);
  assert.equal((await archive.listClaims({})).total, 0);
});
