// An invented wire story (tests/fixtures/tagging) tagged end to end, against what a monitor would tag in it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { suggestEntities } from '../../core/tagging/suggest-entities.ts';

const FIXTURES = new URL('../fixtures/tagging/', import.meta.url);
const text = await readFile(new URL('river-front-shelling.txt', FIXTURES), 'utf8');
const expected = JSON.parse(await readFile(new URL('river-front-shelling.expected.json', FIXTURES), 'utf8')) as {
  publishedAt: string;
  entities: { text: string; type: string; name: string }[];
  notEntities: string[];
  aliases: { name: string; alias: string; reason: string }[];
  dates: { text: string; date: string }[];
};
const result = suggestEntities(text, { publishedAt: expected.publishedAt });

test('every mention, in order, with its type and the name it goes by', () => {
  assert.deepEqual(
    result.entities.map(({ text, type, name }) => ({ text, type, name })),
    expected.entities,
  );
});

test('titles, demonyms, weekdays and months are not tagged', () => {
  for (const word of expected.notEntities)
    assert.ok(!result.entities.some((s) => s.text.split(/\s+/).includes(word)), word);
});

test('the acronym and the former name become alias suggestions', () => {
  assert.deepEqual(result.aliases, expected.aliases);
});

test('dates resolve against the publication day', () => {
  assert.deepEqual(
    result.dates.map(({ text, date }) => ({ text, date })),
    expected.dates,
  );
});
