// Cue rules and document-level propagation, on invented sentences: acronyms, "formerly known as", surnames, titles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestEntities, type GazetteerEntry } from '../../core/tagging/suggest-entities.ts';

const tagged = (text: string, registry?: GazetteerEntry[]) =>
  suggestEntities(text, { registry }).entities.map((s) => [s.text, s.type, s.name]);

test('an acronym after its expansion is the same entity, everywhere in the document, and an alias', () => {
  const text = 'The Northern Valley Authority (NVA) closed the dam. Later the NVA reopened it.';
  const result = suggestEntities(text);
  assert.deepEqual(
    result.entities.map((s) => [s.text, s.type, s.name]),
    [
      ['Northern Valley Authority', 'organization', 'Northern Valley Authority'],
      ['NVA', 'organization', 'Northern Valley Authority'],
      ['NVA', 'organization', 'Northern Valley Authority'],
    ],
  );
  assert.deepEqual(result.aliases, [{ name: 'Northern Valley Authority', alias: 'NVA', reason: 'acronym' }]);
});

test('an acronym of a registry entity carries its id; an alias the registry knows is not suggested again', () => {
  const text = 'The Northern Valley Authority (NVA) closed the dam. The NVA said so.';
  const entry = { id: 'ent_00000000000000na', name: 'Northern Valley Authority', type: 'organization' as const };
  const fresh = suggestEntities(text, { registry: [{ ...entry, aliases: [] }] });
  assert.deepEqual(
    fresh.entities.map((s) => [s.text, s.entityId]),
    [
      ['Northern Valley Authority', entry.id],
      ['NVA', entry.id],
      ['NVA', entry.id],
    ],
  );
  assert.equal(fresh.aliases.length, 1);
  const known = suggestEntities(text, { registry: [{ ...entry, aliases: ['NVA'] }] });
  assert.deepEqual(known.aliases, []);
});

test('"formerly known as", "also known as" and "a.k.a." give the entity its other names', () => {
  const result = suggestEntities(
    'The Tahrir Brigades, formerly known as Liwa Fajr, shelled the town. ' +
      'Their ally the Eastern Front, also known as Jabhat Sharqiya, did not. Its chief Omar Zeid, a.k.a. Abu Zeid, fled.',
  );
  assert.deepEqual(
    result.aliases.map((a) => [a.name, a.alias, a.reason]),
    [
      ['Tahrir Brigades', 'Liwa Fajr', 'formerly known as'],
      ['Eastern Front', 'Jabhat Sharqiya', 'also known as'],
      ['Omar Zeid', 'Abu Zeid', 'also known as'],
    ],
  );
  const names = new Map(result.entities.map((s) => [s.text, [s.type, s.name]]));
  assert.deepEqual(names.get('Liwa Fajr'), ['group', 'Tahrir Brigades']);
  assert.deepEqual(names.get('Jabhat Sharqiya'), ['group', 'Eastern Front']);
  assert.deepEqual(names.get('Abu Zeid'), ['person', 'Omar Zeid']);
});

test('a surname after a full name is that person, named in full', () => {
  assert.deepEqual(tagged('Defence Minister Ilan Marcovici visited the border. Marcovici said the army was ready.'), [
    ['Ilan Marcovici', 'person', 'Ilan Marcovici'],
    ['Marcovici', 'person', 'Ilan Marcovici'],
  ]);
  // A country that is also someone's first name stays a country.
  assert.deepEqual(tagged('Minister Israel Katz said Israel would respond. Katz left.'), [
    ['Israel Katz', 'person', 'Israel Katz'],
    ['Israel', 'location', 'Israel'],
    ['Katz', 'person', 'Israel Katz'],
  ]);
  // Two people share the surname: the bare surname is left as it is.
  const two = tagged('Anna Petrova met Irina Petrova. Petrova left.');
  assert.deepEqual(two[2], ['Petrova', 'person', 'Petrova']);
});

test('a title marks the next name as a person and stays out of the span', () => {
  assert.deepEqual(tagged('President Zoltan Brakk met spokesperson Mira Olsen and Mr. Kell.'), [
    ['Zoltan Brakk', 'person', 'Zoltan Brakk'],
    ['Mira Olsen', 'person', 'Mira Olsen'],
    ['Kell', 'person', 'Kell'],
  ]);
});

test('demonyms, beliefs and job titles are not entities', () => {
  const text =
    'Syrian, Russian and German officials met Ukrainian agents and Kurdish fighters. ' +
    'Syrians, South Korean diplomats and Islamist groups were there; the Deputy Regional Coordinator spoke.';
  assert.deepEqual(tagged(text), []);
});

test('head words mark organizations, groups and places; cues support places', () => {
  assert.deepEqual(
    tagged(
      'The Karovsk Water Ministry blamed the Red Hand Brigade for the blast near Qasr Tilal. ' +
        'Harbin Cement Corp and the Bank of Ostrava lost money in northwest Velloria.',
    ),
    [
      ['Karovsk Water Ministry', 'organization', 'Karovsk Water Ministry'],
      ['Red Hand Brigade', 'group', 'Red Hand Brigade'],
      ['Qasr Tilal', 'location', 'Qasr Tilal'],
      ['Harbin Cement Corp', 'organization', 'Harbin Cement Corp'],
      ['Bank of Ostrava', 'organization', 'Bank of Ostrava'],
      ['Velloria', 'location', 'Velloria'],
    ],
  );
});

test('a type decided once in a document holds for the same name elsewhere in it', () => {
  const result = tagged('Shelling continued in Velloria overnight. Velloria has no power.');
  assert.deepEqual(result, [
    ['Velloria', 'location', 'Velloria'],
    ['Velloria', 'location', 'Velloria'],
  ]);
});

test('in a results line cities are teams, countries stay places', () => {
  assert.deepEqual(tagged('SOCCER - ENGLISH LEAGUE RESULTS\nLeeds 2 Chelsea 1\nJapan 2 Syria 1'), [
    ['Leeds', 'organization', 'Leeds'],
    ['Chelsea', 'organization', 'Chelsea'],
    ['Japan', 'location', 'Japan'],
    ['Syria', 'location', 'Syria'],
  ]);
});
