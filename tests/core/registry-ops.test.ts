// The registry's pure rules: names and their lookup keys, the EntityIndex, create and edit with their refusals, merge and its undo.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ArchiveError } from '../../core/errors.ts';
import { Entity, MergeRecord, type EntityType } from '../../core/model.ts';
import {
  EntityIndex,
  cleanName,
  compatibleTypes,
  buildEntity,
  mergeInto,
  nameKey,
  unmerge,
  patchEntity,
} from '../../core/entities/registry-ops.ts';

const T0 = '2024-11-27T08:00:00.000Z';
const T1 = '2024-11-28T09:30:00.000Z';

const make = (
  name: string,
  type: EntityType,
  more: Partial<Pick<Entity, 'aliases' | 'description' | 'externalIds' | 'notes'>> = {},
  entities: Entity[] = [],
) => buildEntity(entities, { name, type, ...more }, T0);

/** The ArchiveError `fn` throws: its code and message. */
function refusal(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ArchiveError, String(error));
    return [error.code, error.message];
  }
  assert.fail('not refused');
}

test('cleanName makes one line of single spaces; nameKey ignores case, accents, spacing and the kind of apostrophe or dash', () => {
  assert.equal(cleanName('  Anna\n\t Kessler  '), 'Anna Kessler');
  const same = [
    ['Hayat Tahrir al-Sham', 'HAYAT  TAHRIR AL‐SHAM', ' hayat tahrir al—sham\n'],
    ["Ta'if", 'Ta’if', 'TAʼIF', 'ta`if', 'Ta´if'],
    ['Réfugiés', 'REFUGIES', 're\u0301fugie\u0301s'],
    ['İstanbul', 'istanbul'],
  ];
  for (const names of same) assert.deepEqual(new Set(names.map(nameKey)).size, 1, names.join(' | '));
  assert.equal(nameKey('  Ta’if  AL‒Sham '), "ta'if al-sham");
  assert.notEqual(nameKey('al-Sham'), nameKey('al Sham'), 'a dash is not a space');
  assert.notEqual(nameKey('Front'), nameKey('Fronts'));
});

test('organizations and groups may be each other; other types only themselves', () => {
  assert.ok(compatibleTypes('group', 'organization') && compatibleTypes('organization', 'group'));
  assert.ok(compatibleTypes('person', 'person') && compatibleTypes('group', 'group'));
  assert.ok(!compatibleTypes('person', 'organization') && !compatibleTypes('location', 'event'));
  assert.ok(!compatibleTypes('group', 'person') && !compatibleTypes('other', 'organization'));
});

test('EntityIndex finds entities by id and by any name or alias; a type narrows to the compatible ones', () => {
  const hts = make('Hayat Tahrir al-Sham', 'group', { aliases: ['HTS', 'Jabhat al-Nusra'] });
  const council = make('Varnian Relief Council', 'organization', { aliases: ['VRC'] });
  const person = make('Anna Kessler', 'person', { aliases: ['VRC'] });
  const index = new EntityIndex([hts, council, person]);
  assert.equal(index.get(hts.id), hts);
  assert.equal(index.get('ent_0000000000000000'), undefined);
  assert.deepEqual(index.named('jabhat AL–nusra'), [hts]);
  assert.deepEqual(index.named('hayat tahrir al-sham'), [hts]);
  assert.deepEqual(index.named('vrc'), [council, person]);
  assert.deepEqual(index.named('VRC', 'group'), [council], 'a group may be an organization');
  assert.deepEqual(index.named('VRC', 'person'), [person]);
  assert.deepEqual(index.named('VRC', 'location'), []);
  assert.deepEqual(index.named('Karovsk'), []);
  // An alias that is its own name again (as a file edited by hand may have) lists it once.
  const twice = { id: 'ent_000000000000twic', name: 'Front', type: 'group' as const, aliases: ['FRONT', 'front '] };
  assert.deepEqual(new EntityIndex([twice]).named('front'), [twice]);
});

test('EntityIndex follows merges to where an entity went, but not undone merges, and not round in circles', () => {
  const kept = make('Northern Vigil Front', 'group');
  const record = (from: string, to: string, undoneAt: string | null = null): MergeRecord => ({
    id: 'mrg_000000000000',
    at: T0,
    keptId: to,
    merged: { ...kept, id: from },
    aliasesAdded: [],
    undoneAt,
  });
  const [a, b, c] = ['ent_aaaaaaaaaaaaaaaa', 'ent_bbbbbbbbbbbbbbbb', 'ent_cccccccccccccccc'];
  const index = new EntityIndex([kept], [record(a, b), record(b, kept.id), record(c, kept.id, T1)]);
  assert.equal(index.get(a), kept, 'a was merged into b, and b into the kept one');
  assert.equal(index.get(b), kept);
  assert.equal(index.get(c), undefined, 'that merge was undone');
  const loop = new EntityIndex([kept], [record(a, b), record(b, a)]);
  assert.equal(loop.get(a), undefined);
});

test('buildEntity cleans the aliases, fills the defaults, and refuses a second entity of one name and type', () => {
  const entity = make('Hayat Tahrir al-Sham', 'group', {
    aliases: ['HTS', ' hts ', 'Jabhat\nal-Nusra', '', '  ', 'hayat tahrir AL-SHAM', 'Jabhat al-Nusra'],
  });
  assert.match(entity.id, /^ent_[0-9a-z]{16}$/);
  assert.deepEqual(
    { ...entity, id: null },
    {
      id: null,
      name: 'Hayat Tahrir al-Sham',
      type: 'group',
      aliases: ['HTS', 'Jabhat al-Nusra'],
      description: '',
      externalIds: {},
      notes: '',
      createdAt: T0,
      updatedAt: T0,
    },
  );
  assert.ok(Entity.safeParse(entity).success);
  const full = make('Anna Kessler', 'person', {
    description: 'spokesperson',
    externalIds: { wikidata: 'Q1' },
    notes: 'n',
  });
  assert.deepEqual([full.description, full.externalIds, full.notes], ['spokesperson', { wikidata: 'Q1' }, 'n']);
  assert.notEqual(make('Anna Kessler', 'person').id, full.id);

  assert.deepEqual(
    refusal(() => make('ANNA  KESSLER', 'person', {}, [full])),
    [
      'invalid',
      'There is already a person named "Anna Kessler". Merge them, or tell them apart by name (for example "ANNA  KESSLER (journalist)").',
    ],
  );
  // Another type, or another entity's alias, is a different name.
  assert.equal(make('Anna Kessler', 'organization', {}, [full]).name, 'Anna Kessler');
  assert.equal(make('HTS', 'group', {}, [entity]).name, 'HTS');
});

test('patchEntity: a rename keeps the old name as an alias, clashes are refused, and aliases stay clean and few', () => {
  const hts = make('Hayat Tahrir al-Sham', 'group', { aliases: ['HTS', 'Jabhat al-Nusra'] });
  const other = make('Northern Vigil Front', 'group');
  const all = [hts, other];
  const renamed = patchEntity(all, hts, { name: 'HTS' }, T1);
  assert.deepEqual(
    [renamed.name, renamed.aliases, renamed.updatedAt],
    ['HTS', ['Jabhat al-Nusra', 'Hayat Tahrir al-Sham'], T1],
  );
  assert.deepEqual([renamed.id, renamed.createdAt], [hts.id, T0]);
  // A new case of the same name is no new name; an edit that is not a rename adds nothing.
  assert.deepEqual(patchEntity(all, hts, { name: 'hayat tahrir AL-SHAM' }, T1).aliases, ['HTS', 'Jabhat al-Nusra']);
  assert.deepEqual(patchEntity(all, hts, { notes: 'seen' }, T1).aliases, ['HTS', 'Jabhat al-Nusra']);
  assert.deepEqual(
    patchEntity(all, hts, { aliases: ['HTS', 'hts', ' Tahrir\nal-Sham ', 'HAYAT TAHRIR AL-SHAM'] }, T1).aliases,
    ['HTS', 'Tahrir al-Sham'],
  );
  // Renamed onto another entity of the type, or re-typed into one: refused.
  assert.match(
    refusal(() => patchEntity(all, hts, { name: 'northern vigil front' }, T1))[1],
    /already a group named "Northern Vigil Front"/,
  );
  const person = make('Northern Vigil Front', 'person');
  assert.match(refusal(() => patchEntity([...all, person], person, { type: 'group' }, T1))[1], /already a group named/);
  // Renaming to its own name in another case is not a clash with itself.
  assert.equal(patchEntity(all, other, { name: 'NORTHERN Vigil Front' }, T1).name, 'NORTHERN Vigil Front');

  const many = Array.from({ length: 500 }, (_, i) => `alias ${i}`);
  assert.equal(patchEntity(all, hts, { aliases: many }, T1).aliases.length, 500);
  assert.deepEqual(
    refusal(() => patchEntity(all, { ...hts, aliases: many }, { name: 'HTS 2' }, T1)),
    ['invalid', '"HTS 2" would have 501 aliases; at most 500 fit.'],
  );
});

test('mergeInto: the merged names become aliases, the kept entity keeps its own ids, description and notes first', () => {
  const kept = make('Northern Vigil Front', 'group', {
    aliases: ['NVF'],
    externalIds: { wikidata: 'Q1' },
    notes: 'kept notes',
  });
  const merged = make('Karovsk Brigades', 'group', {
    aliases: ['KB', 'nvf', 'Northern Vigil Front'],
    description: 'an armed group',
    externalIds: { wikidata: 'Q2', acled: 'A9' },
    notes: 'merged notes',
  });
  const { entity, record } = mergeInto(kept, merged, T1);
  assert.deepEqual(entity, {
    ...kept,
    aliases: ['NVF', 'Karovsk Brigades', 'KB'],
    description: 'an armed group',
    externalIds: { wikidata: 'Q1', acled: 'A9' },
    notes: 'kept notes\n\nmerged notes',
    updatedAt: T1,
  });
  assert.match(record.id, /^mrg_[0-9a-z]{12}$/);
  assert.deepEqual(
    { ...record, id: null },
    {
      id: null,
      at: T1,
      keptId: kept.id,
      merged,
      aliasesAdded: ['Karovsk Brigades', 'KB'],
      undoneAt: null,
    },
  );
  assert.ok(MergeRecord.safeParse(record).success);
  assert.equal(mergeInto({ ...kept, description: 'front' }, merged, T1).entity.description, 'front');
  assert.equal(mergeInto({ ...kept, notes: '' }, merged, T1).entity.notes, 'merged notes');
  assert.equal(mergeInto(kept, { ...merged, notes: '' }, T1).entity.notes, 'kept notes');
});

test('mergeInto refuses a merge into itself, and one that would overfill the aliases or the notes', () => {
  const kept = make('Northern Vigil Front', 'group');
  assert.deepEqual(
    refusal(() => mergeInto(kept, kept, T1)),
    ['invalid', 'An entity cannot be merged into itself.'],
  );
  const aliases = (prefix: string) => Array.from({ length: 250 }, (_, i) => `${prefix} ${i}`);
  const full = { ...kept, aliases: aliases('a') };
  assert.equal(mergeInto(full, make('b', 'group', { aliases: aliases('b').slice(1) }), T1).entity.aliases.length, 500);
  assert.deepEqual(
    refusal(() => mergeInto(full, make('b', 'group', { aliases: aliases('b') }), T1)),
    ['invalid', 'Merged, "Northern Vigil Front" would have 501 aliases; at most 500 fit. Remove some first.'],
  );
  const noted = (n: number) => ({ ...kept, notes: 'n'.repeat(n) });
  assert.equal(
    mergeInto(noted(50_000), { ...noted(49_998), id: 'ent_0000000000000002' }, T1).entity.notes.length,
    100_000,
  );
  assert.deepEqual(
    refusal(() => mergeInto(noted(50_000), { ...noted(49_999), id: 'ent_0000000000000002' }, T1)),
    [
      'invalid',
      'Merged, the notes of "Northern Vigil Front" would be longer than 100000 characters. Shorten them first.',
    ],
  );
});

test('unmerge takes back the aliases and notes the merge gave, and leaves what was added since', () => {
  const kept = make('Northern Vigil Front', 'group', { aliases: ['NVF'], notes: 'kept notes' });
  const merged = make('Karovsk Brigades', 'group', { aliases: ['KB'], notes: 'merged notes' });
  const { entity, record } = mergeInto(kept, merged, T1);
  const since = { ...entity, aliases: [...entity.aliases, 'Vigil'], notes: `${entity.notes}\n\nlater` };
  const back = unmerge(since, record, '2024-11-29T00:00:00.000Z');
  assert.deepEqual(
    [back.aliases, back.notes, back.updatedAt],
    [['NVF', 'Vigil'], 'kept notes\n\nmerged notes\n\nlater', '2024-11-29T00:00:00.000Z'],
  );
  assert.deepEqual(unmerge(entity, record, T1), { ...kept, updatedAt: T1 });
});

test('unmerge of a merge into an entity that had no notes leaves it with none', () => {
  const kept = make('Northern Vigil Front', 'group');
  const merged = make('Karovsk Brigades', 'group', { notes: 'seen near the port' });
  const { entity, record } = mergeInto(kept, merged, T1);
  assert.equal(entity.notes, 'seen near the port');
  assert.equal(unmerge(entity, record, T1).notes, '');
});

// Names as registries hold them: a few letters, accents, case and spacing that nameKey sees through.
const name = fc
  .array(
    fc.constantFrom('Front', 'front', 'Frónt', 'Vigil', 'HTS', 'al-Sham', 'al‐Sham', 'Karovsk', "Ta'if", 'Ta’if'),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((words) => words.join(' '));
const fields = fc.record({
  name,
  aliases: fc.array(fc.oneof(name, fc.constantFrom('', ' ', '  HTS\n')), { maxLength: 6 }),
  description: fc.constantFrom('', 'an armed group'),
  externalIds: fc.constantFrom<Record<string, string>>({}, { wikidata: 'Q1' }, { wikidata: 'Q2', acled: 'A1' }),
  notes: fc.constantFrom('', 'seen', 'seen\n\nagain', 'kept notes'),
});

test('property: merging then undoing gives the kept entity back its aliases and notes, and records the merged one whole', () => {
  fc.assert(
    fc.property(fields, fields, (k, m) => {
      const kept = buildEntity([], { ...k, type: 'group' }, T0);
      const merged = buildEntity([], { ...m, type: 'organization' }, T0);
      const { entity, record } = mergeInto(kept, merged, T1);
      assert.deepEqual(record.merged, merged);
      // Every name of either is a name of the merged entity (as lookups compare them).
      const keys = (e: Entity) => new Set([e.name, ...e.aliases].map(nameKey));
      assert.deepEqual(keys(entity), new Set([...keys(kept), ...keys(merged)]));
      assert.equal(new Set(entity.aliases.map(nameKey)).size, entity.aliases.length, 'no alias twice');
      const back = unmerge(entity, record, T1);
      assert.deepEqual([back.aliases, back.notes], [kept.aliases, kept.notes]);
    }),
    { numRuns: 2000 },
  );
});
