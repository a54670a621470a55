// The near-duplicate lookup over a real index folder: similar texts found, others not, ids sharing a band key all kept, and the file reloads the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeSignature, minhash, SAME_STORY_THRESHOLD } from '../../core/capture/near-duplicates.ts';
import { SignatureIndex } from '../../core/store/signature-index.ts';
import { tempDir } from './helpers/temp-dir.ts';

const story = (place: string, extra = '') =>
  `Officials in ${place} said on Saturday that shelling had continued through the night, with residents reporting heavy damage to homes and roads. A spokesman told reporters that emergency crews were working to reach villages cut off since Thursday. Aid groups warned that supplies of water and fuel were running low. ${extra}`;
const market =
  'Farmers brought their harvest to the weekly market despite the rain, and traders said prices for wheat and olives had fallen for the third week in a row as new supplies arrived from the coast.';
const other =
  'The central bank raised its main interest rate by half a point on Wednesday, citing inflation that has stayed above target for eighteen months, and said further increases were possible.';

test('similar texts are candidates, an unrelated one is not; ids sharing every band key are all found; a reload answers the same', async (t) => {
  const dir = await tempDir(t);
  const index = await SignatureIndex.load(dir, [], async () => '');
  const base = minhash(story('Idlib'));
  await index.add('original', encodeSignature(base));
  await index.add('copy', encodeSignature(minhash(story('Idlib', 'The report could not be independently verified.'))));
  // Three articles with the very same text share every key: each must stay findable.
  await index.add('same-1', encodeSignature(minhash(market)));
  await index.add('same-2', encodeSignature(minhash(market)));
  await index.add('same-3', encodeSignature(minhash(market)));
  await index.add('unrelated', encodeSignature(minhash(other)));
  await index.add('unreadable', 'not a signature');

  const ids = (found: { id: string }[]) => found.map((m) => m.id).sort();
  const check = (i: SignatureIndex) => {
    assert.deepEqual(ids(i.similarTo(base, SAME_STORY_THRESHOLD)), ['copy', 'original']);
    assert.deepEqual(ids(i.similarTo(minhash(market), 0.99)), ['same-1', 'same-2', 'same-3']);
    assert.deepEqual(ids(i.similarTo(minhash(other), SAME_STORY_THRESHOLD)), ['unrelated']);
    assert.equal(i.similarTo(base, SAME_STORY_THRESHOLD)[0]!.id, 'original', 'most similar first');
  };
  check(index);
  check(await SignatureIndex.load(dir, [], async () => assert.fail('the file is there: nothing to rebuild')));
});
