// A pasted text's title, dateline and credit, and no string in the store cut inside a surrogate pair (property-tested).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { leadOf, titleFromText } from '../../core/capture/text-lead.ts';
import { clipText, shortenText, sliceWhole } from '../../core/common/clip-text.ts';
import { quoteAt } from '../../core/entities/mentions.ts';
import { articleFileFor } from '../../core/store/article-files.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

// Text with every kind of UTF-16 unit: ASCII, accents, Arabic, and emoji (surrogate pairs), well formed.
const text = fc.string({ unit: 'binary', maxLength: 300 });
const emojiHeavy = fc
  .array(fc.constantFrom('😀', '🇺🇦', 'a', ' ', '.', 'K', '\n', 'é', 'ب', '𝔸'), { maxLength: 200 })
  .map((parts) => parts.join(''));

test('clipText, shortenText and sliceWhole never leave half a character, and cut no more than one', () => {
  fc.assert(
    fc.property(fc.oneof(text, emojiHeavy), fc.nat(320), (s, max) => {
      const clipped = clipText(s, max);
      assert.ok(clipped.isWellFormed(), 'clipped text is well formed');
      assert.ok(s.startsWith(clipped));
      assert.ok(clipped.length <= max);
      assert.ok(clipped.length >= Math.min(s.length, max) - 1, 'only the half pair is dropped');
      const short = shortenText(s, Math.max(1, max));
      assert.ok(short.isWellFormed());
      assert.ok(short.length <= Math.max(1, max));
      assert.equal(short === s, s.length <= Math.max(1, max));
    }),
  );
  fc.assert(
    fc.property(fc.oneof(text, emojiHeavy), fc.nat(320), fc.nat(320), (s, a, b) => {
      const piece = sliceWhole(s, Math.min(a, b), Math.max(a, b));
      assert.ok(piece.isWellFormed());
      assert.ok(s.includes(piece));
    }),
  );
});

test('a mention quote and a title made from any text are well formed', () => {
  fc.assert(
    fc.property(fc.oneof(text, emojiHeavy), fc.nat(300), fc.nat(40), (s, at, length) => {
      // A span of whole characters, as assertSpan allows.
      const start = sliceWhole(s, 0, at).length;
      const end = start + sliceWhole(s.slice(start), 0, length).length;
      const quote = quoteAt(s, start, end);
      for (const part of [quote.prefix, quote.exact, quote.suffix]) assert.ok(part.isWellFormed());
      const lead = leadOf(s);
      for (const part of [lead.title, lead.dateline, lead.credit]) assert.ok(part.isWellFormed());
      assert.ok(lead.title.length <= 120 && lead.title.length > 0);
    }),
  );
});

test('the title is the first sentence, without the dateline or the credit it opens with', () => {
  assert.deepEqual(
    leadOf('(MENAFN) Fighting resumed near Karovsk on Tuesday, the U.S. Embassy said. Residents fled.'),
    { title: 'Fighting resumed near Karovsk on Tuesday, the U.S. Embassy said', dateline: '', credit: 'MENAFN' },
  );
  assert.deepEqual(
    leadOf('KYIV (Reuters) - Gen. Petrenko said 12 drones were downed overnight. He gave no details.\n\nMore.'),
    { title: 'Gen. Petrenko said 12 drones were downed overnight', dateline: 'KYIV (Reuters)', credit: 'Reuters' },
  );
  assert.equal(titleFromText('(MENAFN- Jordan Times) Aid reached Karovsk! Then it stopped.'), 'Aid reached Karovsk!');
  assert.equal(leadOf('(MENAFN- Jordan Times) Aid reached Karovsk').credit, 'MENAFN- Jordan Times');
  assert.equal(titleFromText('\n\nNo full stop at all in this line\nsecond line'), 'No full stop at all in this line');
  assert.equal(titleFromText('   '), 'Untitled');
  // A long sentence is shortened at 120 units, and an emoji straddling the cut goes whole.
  const long = `${'a'.repeat(118)}😀 and more words follow here.`;
  assert.equal(titleFromText(long), `${'a'.repeat(118)}…`);
});

/** Every string anywhere in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

test('a pasted article gets its title, source, dateline and credit, and its file holds no broken character', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const wire = await archive.addArticle({
    text: 'KYIV (Reuters) - Ukraine said on Monday that 12 drones were downed. Officials gave no figure for damage.',
  });
  assert.equal(wire.title, 'Ukraine said on Monday that 12 drones were downed');
  assert.equal(wire.source, 'Reuters');
  assert.equal(wire.dateline, 'KYIV (Reuters)');
  assert.deepEqual(wire.wireCredits, ['Reuters']);
  // What the user typed wins over what the text suggests.
  const given = await archive.addArticle({ text: '(MENAFN) Talks resumed. Nothing else.', source: 'Daily Observer' });
  assert.equal(given.source, 'Daily Observer');
  assert.equal(given.title, 'Talks resumed');

  // Emoji placed so that a 120-unit title, and the 32-unit context after a mention, would end mid-pair.
  const emoji = '😀'.repeat(40);
  const text = `(MENAFN) ${'x'.repeat(110)} ${emoji}\n\nAnna Kessler of the Varnian Relief Council said${emoji}. Kessler left.`;
  const added = await archive.addArticle({ text });
  assert.equal(added.source, 'MENAFN');
  const tagged = await archive.runSuggestions(added.id);
  assert.ok(tagged.mentions.length > 0, 'something was suggested');
  const file = JSON.parse(await readFile(join(dir, articleFileFor(tagged)), 'utf8')) as unknown;
  const broken = stringsIn(file).filter((s) => !s.isWellFormed());
  assert.deepEqual(broken, []);
});
