// The registry as a gazetteer: longest, case-sensitive matches on word boundaries, fast at 10,000 entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestEntities, type GazetteerEntry } from '../../core/tagging/suggest-entities.ts';

const registry: GazetteerEntry[] = [
  { id: 'ent_0000000000000hts', name: 'Hayat Tahrir al-Sham', type: 'group', aliases: ['HTS', 'Tahrir al-Sham'] },
  { id: 'ent_00000000000000us', name: 'United States', type: 'location', aliases: ['US', 'U.S.'] },
  { id: 'ent_00000000000syria', name: 'Syria', type: 'location', aliases: [] },
  { id: 'ent_0000000000000nyc', name: 'New York', type: 'location', aliases: [] },
  { id: 'ent_0000000000000nyt', name: 'New York Times', type: 'organization', aliases: [] },
  { id: 'ent_000000000000wagn', name: 'Wagner', type: 'person', aliases: [] },
];
const tag = (text: string) => suggestEntities(text, { registry }).entities;
const spans = (text: string) => tag(text).flatMap((s) => (s.source === 'registry' ? [[s.text, s.entityId]] : []));

test('the longest name or alias wins, and carries the entry id and canonical name', () => {
  const [hts] = tag('Fighters of Hayat Tahrir al-Sham advanced.');
  assert.deepEqual(
    { text: hts?.text, name: hts?.name, source: hts?.source, entityId: hts?.entityId, type: hts?.type },
    {
      text: 'Hayat Tahrir al-Sham',
      name: 'Hayat Tahrir al-Sham',
      source: 'registry',
      entityId: 'ent_0000000000000hts',
      type: 'group',
    },
  );
  assert.deepEqual(spans('The New York Times reported from New York.'), [
    ['New York Times', 'ent_0000000000000nyt'],
    ['New York', 'ent_0000000000000nyc'],
  ]);
  const [alias] = tag('Tahrir al-Sham denied it.');
  assert.equal(alias?.name, 'Hayat Tahrir al-Sham');
});

test('matches stop at word boundaries: "US" is not in "USB", "BUS" or "USA", but is in "US-led"', () => {
  assert.deepEqual(spans('A USB stick, a BUS and USAID staff.'), []);
  assert.deepEqual(
    spans('US-led forces and (US) officials.').map(([text]) => text),
    ['US', 'US'],
  );
  assert.deepEqual(spans('Bombers from the U.S. hit targets.'), [['U.S.', 'ent_00000000000000us']]);
});

test('matching is case-sensitive, except that a headline in capitals matches its capitals', () => {
  assert.deepEqual(spans('Let us go; the syria file.'), []);
  assert.deepEqual(spans('US TROOPS LEAVE SYRIA'), [
    ['US', 'ent_00000000000000us'],
    ['SYRIA', 'ent_00000000000syria'],
  ]);
});

test("possessives: Syria's and Syria’s are Syria", () => {
  const found = tag("Syria's army and Syria’s sovereignty.");
  assert.deepEqual(
    found.map((s) => [s.text, s.start]),
    [
      ['Syria', 0],
      ['Syria', 17],
    ],
  );
});

test("the registry's type wins over the starter list and the rules", () => {
  const [wagner] = tag('Wagner was performed in Bayreuth.');
  assert.deepEqual([wagner?.type, wagner?.source], ['person', 'registry']);
  const [syria] = suggestEntities('Syria', {
    registry: [{ id: 'x', name: 'Syria', type: 'other', aliases: [] }],
  }).entities;
  assert.equal(syria?.type, 'other');
});

test('names split by runs of spaces or tabs still match; a line break does not', () => {
  assert.deepEqual(spans('Hayat  Tahrir\tal-Sham'), [['Hayat  Tahrir\tal-Sham', 'ent_0000000000000hts']]);
  assert.ok(!spans('New\nYork Times').some(([text]) => text === 'New\nYork Times'));
});

test('a 10,000-entry registry is indexed once and matched fast', (t) => {
  const big: GazetteerEntry[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `ent_${String(i).padStart(16, '0')}`,
    name: `${syllables(i)} ${syllables(i * 7 + 3)}`,
    type: 'person',
    aliases: [syllables(i * 13 + 5)],
  }));
  const article = Array.from({ length: 50 }, (_, i) => `${big[i * 97]!.name} met officials in Syria on Monday.`).join(
    ' ',
  );
  let started = performance.now();
  const first = suggestEntities(article, { registry: big });
  const cold = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < 10; i++) suggestEntities(article, { registry: big });
  const warm = (performance.now() - started) / 10;
  t.diagnostic(
    `index + first call ${cold.toFixed(0)} ms; then ${warm.toFixed(1)} ms per ${article.split(' ').length}-word text`,
  );
  assert.equal(first.entities.filter((s) => s.source === 'registry').length, 50);
  assert.ok(warm < 100, `${warm} ms`);
});

function syllables(n: number): string {
  const parts = ['ka', 'lo', 'mir', 'ta', 'sen', 'vo', 'ru', 'dan', 'el', 'ix'];
  let word = '';
  for (let x = n + 11; x > 0; x = Math.floor(x / 10)) word += parts[x % 10];
  return word[0]!.toUpperCase() + word.slice(1);
}
