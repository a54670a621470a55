// Suggestions in French, German, Spanish, Russian and Arabic articles written for this test: the names a monitor tags, none of the common words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { suggestEntities, type GazetteerEntry } from '../../core/tagging/suggest-entities.ts';
import { taggerCoverage, taggerLanguage } from '../../core/common/tagger-languages.ts';

const tagged = (text: string, language: string, registry?: GazetteerEntry[]) =>
  suggestEntities(text, { language, registry }).entities.map((e) => `${e.type}:${e.text}`);

function assertTags(found: string[], expected: string[], never: string[]): void {
  for (const item of expected) assert.ok(found.includes(item), `missing ${item} in ${JSON.stringify(found)}`);
  for (const word of never)
    assert.ok(!found.some((f) => f.split(':')[1] === word), `common word ${word} tagged: ${JSON.stringify(found)}`);
}

test('French: places, bodies and people; "Selon", "Exemple" and sentence starts are not names', () => {
  const text = [
    "Selon l'Organisation mondiale de la santé, au moins 27 civils ont été tués mardi à Alep.",
    'Exemple de la crise, le porte-parole Jean-Marc Delorme a déclaré à Genève que les Nations unies',
    "enverraient une mission. Ensuite, le ministre Delorme s'est rendu à Damas avec des représentants du HCR.",
  ].join('\n');
  assertTags(
    tagged(text, 'fr'),
    [
      'organization:Organisation mondiale de la santé',
      'location:Alep',
      'location:Genève',
      'organization:Nations unies',
      'location:Damas',
      'person:Jean-Marc Delorme',
      'organization:HCR',
    ],
    ['Selon', 'Exemple', 'Ensuite', 'Exemple de la crise'],
  );
});

test('German: capitalized nouns are not names; places, bodies and people are', () => {
  const text = [
    'Zudem erklärte Bundeskanzler Friedrich Albrecht in Berlin, die Funktion des Passworts sei zu schwach.',
    'Die Europäische Union und die Vereinten Nationen kritisierten die Regierung in Moskau.',
    'Zeit und Geld fehlen, sagte Frau Albrecht am Montag in Wien.',
  ].join('\n');
  assertTags(
    tagged(text, 'de'),
    [
      'location:Berlin',
      'organization:Europäische Union',
      'organization:Vereinten Nationen',
      'location:Moskau',
      'location:Wien',
      'person:Friedrich Albrecht',
    ],
    ['Zudem', 'Funktion', 'Passworts', 'Zeit', 'Geld', 'Regierung', 'Montag', 'Die'],
  );
});

test('German: demonyms are no places; genitives, regions of a place, adjective-and-head names and "St." are names', () => {
  const text = [
    'Viele Österreicher und Pekinger Händler zahlen in GBP, sagte ein Sprecher der Republikanischen Partei.',
    'Die Wirtschaft Albaniens wächst, und Reisen nach Süditalien und in Lodwar werden teurer.',
    'Das Schiff fuhr über den Indischen Ozean nach St. Helena.',
  ].join('\n');
  const found = tagged(text, 'de');
  assertTags(
    found,
    [
      'organization:Republikanischen Partei',
      'location:Albaniens',
      'location:Süditalien',
      'location:Lodwar',
      'location:Indischen Ozean',
      'location:St. Helena',
    ],
    ['Österreicher', 'Pekinger', 'GBP', 'Wirtschaft', 'Reisen'],
  );
  assert.ok(!found.some((f) => f.startsWith('location:St:') || f === 'location:St'), JSON.stringify(found));
});

test('Portuguese and Spanish: two capitalized words ending in an adjective are no person; a town after "em" is a place', () => {
  const pt = tagged('A Guarda Nacional chegou ontem em Quixeramobim, disse o ministro Artur Lemos Bastos.', 'pt');
  assertTags(pt, ['location:Quixeramobim', 'person:Artur Lemos Bastos'], []);
  assert.ok(!pt.includes('person:Guarda Nacional'), JSON.stringify(pt));
  const es = tagged('El equipo ganó la Copa Regional y después el Torneo Internacional en Cuenca.', 'es');
  assert.ok(!es.some((f) => f.startsWith('person:')), JSON.stringify(es));
});

test('Spanish: "Los", "Pero", "Desde" are not names; a person after a title, a place after "en"', () => {
  const text = [
    'Los combates continuaron en Idlib, según el Observatorio Sirio de Derechos Humanos.',
    'Pero el presidente Andrés Valcárcel afirmó desde Madrid que la OTAN no intervendrá.',
    'Desde Naciones Unidas, la portavoz Lucía Ferrán pidió una tregua.',
  ].join('\n');
  assertTags(
    tagged(text, 'es'),
    [
      'location:Idlib',
      'organization:Observatorio Sirio de Derechos Humanos',
      'person:Andrés Valcárcel',
      'location:Madrid',
      'organization:OTAN',
      'organization:Naciones Unidas',
      'person:Lucía Ferrán',
    ],
    ['Los', 'Pero', 'Desde', 'Eso'],
  );
});

test('Russian: inflected places and bodies, a person named with a patronymic; sentence starts are not names', () => {
  const text = [
    'По данным ООН, в Украине погибли по меньшей мере 12 мирных жителей.',
    'Министр Игорь Петрович Соколов заявил в Москве, что НАТО усиливает присутствие у границ России.',
    'Кроме того, Соколов посетил Киев.',
  ].join('\n');
  const found = tagged(text, 'ru');
  assertTags(
    found,
    [
      'organization:ООН',
      'location:Украине',
      'location:Москве',
      'organization:НАТО',
      'location:России',
      'location:Киев',
      'person:Игорь Петрович Соколов',
      'person:Соколов',
    ],
    ['По', 'Министр', 'Кроме'],
  );
});

test('Arabic: known names with their prefixes, a person after a title, a town after "مدينة"', () => {
  const text = [
    'قال المتحدث باسم الأمم المتحدة إن 27 مدنيا على الأقل قتلوا في مدينة سراقب بريف إدلب.',
    'وأكد الرئيس التركي رجب طيب أردوغان أن أنقرة تتابع الوضع في سوريا، بحسب وكالة الأناضول.',
    'وأعلنت هيئة تحرير الشام سيطرتها على مواقع جديدة، فيما دعا الاتحاد الأوروبي والأمم المتحدة إلى التهدئة.',
  ].join('\n');
  const found = tagged(text, 'ar');
  assertTags(
    found,
    [
      'organization:الأمم المتحدة',
      'location:سراقب',
      'location:إدلب',
      'person:رجب طيب أردوغان',
      'location:أنقرة',
      'location:سوريا',
      'organization:وكالة الأناضول',
      'group:هيئة تحرير الشام',
      'organization:الاتحاد الأوروبي',
      'organization:والأمم المتحدة',
    ],
    ['قال', 'الرئيس', 'مدنيا'],
  );
});

test('a language without rules gets registry matches only, and says so', () => {
  const registry: GazetteerEntry[] = [{ id: 'ent_1', name: 'Ankara', type: 'location', aliases: ['Ankara’da'] }];
  const result = suggestEntities('Cumhurbaşkanı Ahmet Demir Ankara’da konuştu. Bugün İstanbul sakin.', {
    language: 'tr',
    registry,
  });
  assert.equal(result.coverage, 'registry');
  assert.deepEqual(
    result.entities.map((e) => [e.text, e.entityId]),
    [['Ankara’da', 'ent_1']],
  );
  assert.equal(suggestEntities('Le maire de Lyon.', { language: 'fr' }).coverage, 'full');
  assert.equal(taggerLanguage('pt-BR'), 'pt');
  assert.equal(taggerLanguage(''), 'en');
  // What the reader's side panel reads to say so.
  assert.deepEqual(['tr', 'TR-tr', 'pt-BR', 'de', 'ar', '', 'en-GB'].map(taggerCoverage), [
    'registry',
    'registry',
    'full',
    'full',
    'full',
    'full',
    'full',
  ]);
});

test('the registry matches in every script, Arabic folded and with its prefixes', () => {
  const registry: GazetteerEntry[] = [
    { id: 'ent_a', name: 'هيئة الإغاثة', type: 'organization', aliases: [] },
    { id: 'ent_b', name: 'Ткаченко', type: 'person', aliases: [] },
  ];
  const ar = suggestEntities('وقالت لهيئة الاغاثة مصادر محلية.', { language: 'ar', registry }).entities;
  assert.deepEqual(
    ar.map((e) => [e.text, e.entityId]),
    [['لهيئة الاغاثة', 'ent_a']],
  );
  const ru = suggestEntities('Об этом сообщил Ткаченко.', { language: 'ru', registry }).entities;
  assert.deepEqual(
    ru.map((e) => [e.text, e.entityId]),
    [['Ткаченко', 'ent_b']],
  );
});

test('any text in any language: sorted, disjoint suggestions whose text is their span', () => {
  const languages = ['fr', 'de', 'es', 'pt', 'ru', 'ar', 'it', 'tr'];
  fc.assert(
    fc.property(fc.constantFrom(...languages), fc.string({ maxLength: 300 }), (language, text) => {
      const { entities } = suggestEntities(text, { language });
      let end = 0;
      for (const entity of entities) {
        assert.ok(entity.start >= end && entity.end > entity.start);
        assert.equal(text.slice(entity.start, entity.end), entity.text);
        end = entity.end;
      }
    }),
    { numRuns: 300 },
  );
});
