// Extraction of the capture fixtures against what a careful monitor would record (tests/fixtures/capture/expected.json).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capture, expectations, type Expected } from './helpers/capture-fixtures.ts';

const all = await expectations();
const entries = Object.entries(all).filter(([name]) => /\.(html?|txt|md)$/.test(name)) as [
  string,
  Expected & { error?: string },
][];
const pages = entries.filter(([, expected]) => !expected.error);

for (const [name, expected] of entries.filter(([, e]) => e.error)) {
  test(`${name}: refused with a clear reason`, async () => {
    const [item] = await capture(name);
    assert.equal(item?.ok, false);
    assert.match(item!.ok ? '' : item!.error, new RegExp(expected.error!, 'i'));
  });
}

for (const [name, expected] of pages) {
  test(`${name}: the metadata and main text a monitor expects`, async () => {
    const [item, ...rest] = await capture(name);
    assert.equal(rest.length, 0);
    assert.ok(item?.ok, item && !item.ok ? item.error : 'no item');
    const { article } = item;
    for (const field of [
      'title',
      'source',
      'byline',
      'publishedAt',
      'modifiedAt',
      'url',
      'language',
      'dateline',
    ] as const)
      // expected.json says null for "the page does not say"; the article says ''.
      if (expected[field] !== undefined)
        assert.equal(article[field] || null, expected[field] || null, `${name}: ${field}`);
    assert.equal(article.extraction ?? 'article', expected.extraction ?? 'article', `${name}: extraction`);
    if (expected.wireCredits)
      assert.deepEqual([...article.wireCredits].sort(), [...expected.wireCredits].sort(), `${name}: wireCredits`);
    for (const phrase of expected.textIncludes ?? [])
      assert.ok(article.text.includes(phrase), `${name}: text lacks "${phrase}"`);
    for (const phrase of expected.textExcludes ?? [])
      assert.ok(!article.text.includes(phrase), `${name}: text has "${phrase}"`);
    for (const bad of expected.mustNotContain ?? [])
      assert.ok(!article.html.toLowerCase().includes(bad.toLowerCase()), `${name}: sanitized HTML still has "${bad}"`);
  });
}
