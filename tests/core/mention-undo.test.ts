// Undoing a rejection through the contract on a real data folder: the mentions come back exactly as they were, on disk too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { invokeMethod } from '../../core/gate.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

const TEXT =
  'Anna Kessler of the Varnian Relief Council said on Tuesday that the convoy reached Karovsk. ' +
  'Kessler added that the Varnian Relief Council would return to Karovsk within a week.';

const span = (words: string, from = 0) => {
  const start = TEXT.indexOf(words, from);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

test('a rejected suggestion, a rejected entity and a removed tag come back exactly as they were', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const article = await archive.addArticle({ text: TEXT, title: 'Convoy reaches Karovsk', source: 'Example Wire' });
  const suggested = await archive.runSuggestions(article.id);
  const council = suggested.mentions.filter((m) => m.quote.exact === 'Varnian Relief Council');
  assert.equal(council.length, 2, 'both mentions of the council are suggested');
  // One confirmed first, so undo must bring back a confirmed mention with its new entity, not a suggestion.
  const confirmed = await archive.reviewMentions(article.id, { ids: [council[0]!.id], action: 'confirm' });
  const before = confirmed.mentions;

  // "Reject all of this entity": both council mentions at once.
  const both = before.filter((m) => m.quote.exact === 'Varnian Relief Council');
  const rejected = await archive.reviewMentions(article.id, { ids: both.map((m) => m.id), action: 'reject' });
  assert.ok(rejected.mentions.filter((m) => both.some((b) => b.id === m.id)).every((m) => m.status === 'rejected'));
  const undone = await archive.restoreMentions(article.id, both);
  assert.deepEqual(undone.mentions, before, 'every field of every mention is back, in order');

  // A tag of the user's own is deleted on reject; undo puts the same mention (same id) back.
  const tagged = await archive.tagSpan(article.id, { ...span('Karovsk'), name: 'Karovsk', type: 'location' });
  const tag = tagged.mentions.find((m) => m.source === 'user' && m.quote.exact === 'Karovsk')!;
  const removed = await archive.reviewMentions(article.id, { ids: [tag.id], action: 'reject' });
  assert.ok(!removed.mentions.some((m) => m.id === tag.id), 'a user tag goes on reject');
  await archive.restoreMentions(article.id, [tag]);

  // Durable: a fresh process reads the restored mentions from the file.
  await archive.close();
  const reopened = await openArchive(dir);
  defer(t, () => reopened.close());
  const read = await reopened.getArticle(article.id);
  assert.deepEqual(read.mentions, tagged.mentions);
});

test('undo never overwrites a decision made since, nor points at a deleted entity', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const article = await archive.addArticle({ text: TEXT, title: 'Convoy reaches Karovsk', source: 'Example Wire' });
  const tagged = await archive.tagSpan(article.id, { ...span('Anna Kessler'), name: 'Anna Kessler', type: 'person' });
  const anna = tagged.mentions.find((m) => m.quote.exact === 'Anna Kessler')!;
  await archive.reviewMentions(article.id, { ids: [anna.id], action: 'remove' });
  // Tagged again over the same words, as someone else: undo of the removal must not replace that.
  await archive.tagSpan(article.id, { ...span('Anna Kessler'), name: 'A. Kessler', type: 'person' });
  await assert.rejects(archive.restoreMentions(article.id, [anna]), /tagged again since/);

  const [person] = await archive.listEntities({ text: 'Anna Kessler' });
  await archive.deleteEntity(person!.id);
  const later = await archive.getArticle(article.id);
  await assert.rejects(archive.restoreMentions(article.id, [anna]), /has been deleted since/);
  assert.deepEqual((await archive.getArticle(article.id)).mentions, later.mentions, 'a refused undo changes nothing');

  // Over the wire the mentions are checked against the model like any argument.
  await assert.rejects(invokeMethod(archive, 'restoreMentions', [article.id, [{ id: 'm_x' }]]), {
    code: 'invalid',
  });
});
