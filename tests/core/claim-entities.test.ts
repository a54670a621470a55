// Claims follow the registry on a real data folder: merging entities re-points claimants, targets and places, undoing points them back, deleting unlinks them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFor, tempDir } from './helpers/temp-dir.ts';

// Our own invented reports: one whose claimant and place are tagged in its text, one whose place and target were chosen by hand.
const TAGGED = 'Ministry officials said 27 civilians were killed in Karovsk City on Tuesday.';
const BY_HAND = 'Residents said 31 civilians were killed on Tuesday.';

const span = (text: string, words: string) => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

test("merging entities re-points claims' claimants, targets and places, undo points back what the mentions say, delete unlinks", async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const karovsk = await archive.createEntity({ name: 'Karovsk', type: 'location' });
  const city = await archive.createEntity({ name: 'Karovsk City', type: 'location' });
  const ministry = await archive.createEntity({ name: 'Ministry of Defence', type: 'organization' });
  const officials = await archive.createEntity({ name: 'Ministry officials', type: 'organization' });

  const a = await archive.addArticle({ text: TAGGED, title: 'Tagged', source: 'Alpha' });
  await archive.tagSpan(a.id, { ...span(TAGGED, 'Karovsk City'), entityId: city.id });
  await archive.tagSpan(a.id, { ...span(TAGGED, 'Ministry officials'), entityId: officials.id });
  const claimant = { text: 'Ministry officials', ...span(TAGGED, 'Ministry officials'), name: 'Ministry officials' };
  const [tagged] = (
    await archive.addClaim(a.id, { start: 0, end: TAGGED.length, claimant: { ...claimant, entityId: officials.id } })
  ).claims;
  assert.deepEqual(tagged!.placeIds, [city.id], 'the place from its mention');

  // No mention of either in this one: the archive must still find it.
  const b = await archive.addArticle({ text: BY_HAND, title: 'By hand', source: 'Beta' });
  const target = { text: '', start: null, end: null, name: 'the ministry', entityId: ministry.id };
  await archive.addClaim(b.id, { start: 0, end: BY_HAND.length, placeIds: [city.id], target, kind: 'accusation' });
  const claimOf = async (id: string) => (await archive.getArticle(id)).claims[0]!;

  const placeMerge = await archive.mergeEntities(karovsk.id, city.id);
  const partyMerge = await archive.mergeEntities(ministry.id, officials.id);
  let [x, y] = [await claimOf(a.id), await claimOf(b.id)];
  assert.deepEqual([x.placeIds, y.placeIds], [[karovsk.id], [karovsk.id]]);
  assert.deepEqual(x.claimant, { ...claimant, entityId: ministry.id }, 'the words and the name stay');
  assert.equal((await archive.listClaims({ placeId: karovsk.id })).total, 2);
  // Every link is to an entity that exists, so the claims save as they are.
  await archive.updateClaim(a.id, x.id, { placeIds: x.placeIds, claimant: x.claimant, status: 'corroborated' });
  await archive.updateClaim(b.id, y.id, { placeIds: y.placeIds, target: y.target, status: 'corroborated' });

  await archive.undoMerge(placeMerge.id);
  await archive.undoMerge(partyMerge.id);
  [x, y] = [await claimOf(a.id), await claimOf(b.id)];
  assert.deepEqual(x.placeIds, [city.id], 'its mention points back, so the place does');
  assert.equal(x.claimant?.entityId, officials.id);
  assert.deepEqual(y.placeIds, [karovsk.id], 'chosen by hand: nothing says it was the merged one');

  await archive.deleteEntity(karovsk.id);
  await archive.deleteEntity(ministry.id);
  await archive.deleteEntity(officials.id);
  [x, y] = [await claimOf(a.id), await claimOf(b.id)];
  assert.deepEqual(y.placeIds, []);
  assert.deepEqual(y.target, { ...target, entityId: null }, 'unlinked, its name kept');
  assert.deepEqual(x.claimant, { ...claimant, entityId: null });
  assert.deepEqual(x.placeIds, [city.id], 'untouched by another entity going');
  await archive.updateClaim(b.id, y.id, { target: y.target, reviewNote: 'Saved as it is.' });
});
