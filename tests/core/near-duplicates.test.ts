// The near-duplicate threshold, measured on our fixtures: syndicated copies above it, different stories below.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentHash, minhash, SAME_STORY_THRESHOLD, similarity } from '../../core/capture/near-duplicates.ts';
import { capture, expectations } from './helpers/capture-fixtures.ts';

const expected = await expectations();

async function textOf(name: string): Promise<string> {
  const [item] = await capture(name);
  assert.ok(item?.ok, name);
  return item.article.text;
}

for (const [kind, pairs] of [
  ['same story', expected.nearDuplicatePairs as [string, string][]],
  ['different stories', expected.notNearDuplicatePairs as [string, string][]],
] as const) {
  for (const [a, b] of pairs) {
    test(`${kind}: ${a} ~ ${b}`, async (t) => {
      const score = similarity(minhash(await textOf(a)), minhash(await textOf(b)));
      t.diagnostic(`estimated Jaccard ${score.toFixed(2)} (threshold ${SAME_STORY_THRESHOLD})`);
      if (kind === 'same story') assert.ok(score >= SAME_STORY_THRESHOLD, `${score}`);
      else assert.ok(score < SAME_STORY_THRESHOLD, `${score}`);
    });
  }
}

test('a copy cut to half its length (the shipped sample pair) is still the same story', async (t) => {
  const { readFile } = await import('node:fs/promises');
  const sample = async (name: string) =>
    JSON.parse(await readFile(new URL(`../../assets/samples/${name}`, import.meta.url), 'utf8')).text as string;
  const score = similarity(
    minhash(await sample('01-river-port-shelling.json')),
    minhash(await sample('02-river-port-shelling-syndicated.json')),
  );
  t.diagnostic(`estimated Jaccard ${score.toFixed(2)}`);
  assert.ok(score >= SAME_STORY_THRESHOLD, `${score}`);
});

test('the content hash ignores case, punctuation and spacing, not words', () => {
  assert.equal(contentHash('Hello, World!\n\nSecond  line.'), contentHash('hello world second line'));
  assert.notEqual(contentHash('hello world'), contentHash('hello there world'));
});

test('signatures are stable across runs (fixed seeds)', () => {
  const text = 'Artillery fire struck the river port overnight, killing at least six people.';
  assert.deepEqual(minhash(text), minhash(text));
  assert.equal(similarity(minhash(text), minhash(text)), 1);
});
