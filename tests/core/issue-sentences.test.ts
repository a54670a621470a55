// Validation errors as sentences a person reads, from the schema to the caller, in one wording for every path.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import '../../core/errors.ts';
import { spokenCount } from '../../core/issue-sentences.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('counts are said as people say them, exactly when rounding would hide the difference', () => {
  assert.equal(spokenCount(5_200_000), '5.2 million');
  assert.equal(spokenCount(2_000_000), '2 million');
  assert.equal(spokenCount(48_000), '48,000');
  assert.equal(spokenCount(2_000_001, 2_000_000), '2,000,001');
  assert.equal(spokenCount(2_000_000, 2_000_001), '2,000,000');
});

test("zod's own words become sentences; a schema's own words are kept", () => {
  const schema = z
    .object({
      text: z.string().max(2_000_000),
      title: z.string().min(1),
      tags: z.array(z.string()).max(2),
      url: z.url().optional(),
      kind: z.enum(['statement', 'attack']),
      note: z.string().max(5, 'a note is five letters at most'),
    })
    .strict();
  const parsed = schema.safeParse({
    text: 'x'.repeat(5_200_000),
    title: '',
    tags: ['a', 'b', 'c'],
    url: 'not a url',
    kind: 'rumour',
    note: 'too long',
    colour: 'red',
  });
  assert.ok(!parsed.success);
  assert.deepEqual(
    parsed.error.issues.map((issue) => issue.message),
    [
      'This text is 5.2 million characters; the limit is 2 million.',
      'The title cannot be empty.',
      'The tags has 3 items; the limit is 2.',
      '“not a url” is not a web address.',
      'The kind must be one of: statement, attack.',
      'a note is five letters at most',
      '“colour” is not a field this accepts.',
    ],
  );
});

test('the contract refuses an over-long article in that sentence, directly and through an import', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const sentence = 'This text is 5.2 million characters; the limit is 2 million.';
  await assert.rejects(archive.addArticle({ text: 'x'.repeat(5_200_000) }), (error: Error & { issues?: unknown }) => {
    assert.equal(error.message, sentence);
    assert.deepEqual(error.issues, [{ path: [0, 'text'], message: sentence }]);
    return true;
  });
  // A dropped or imported file that large gets the same sentence, not zod's "Too big: expected string …".
  const bytes = new Uint8Array(Buffer.from('word '.repeat(1_040_000)));
  const imported = await archive.importFile(bytes, join(dir, 'huge.txt'));
  assert.deepEqual(
    imported.map((r) => [r.status, r.error]),
    [['failed', sentence]],
  );
});

// Found by tests/core/fuzz-gate.test.ts: the sentence looked the field up among Object's own properties and threw a TypeError.
test('a field called "constructor" or "__proto__" is named in the sentence, not a TypeError', async (t) => {
  const archive = await openFor(t, join(await tempDir(t), 'data'));
  const externalIds = JSON.parse('{"constructor": {"prototype": {"polluted": 1}}, "__proto__": {"polluted": 1}}');
  await assert.rejects(archive.createEntity({ name: 'Karovsk', type: 'location', externalIds }), {
    name: 'ArchiveError',
    code: 'invalid',
    message: /“constructor” must be text/,
  });
  assert.equal(({} as { polluted?: unknown }).polluted, undefined);
});
