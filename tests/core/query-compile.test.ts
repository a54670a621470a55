// Compiling parsed queries: the FTS5 expression, exclusions, SQL filters and their parameters, highlights and notices, checked as text and run on a real in-memory index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ClaimKind, ClaimStatus } from '../../core/model.ts';
import { indexText, queryTerms } from '../../core/search/fold.ts';
import {
  HEDGED_TOKEN,
  claimKindToken,
  claimStatusToken,
  collectionToken,
  entityToken,
  typeToken,
  type IndexRow,
} from '../../core/search/index-rows.ts';
import { compileQuery, defaultDistance, type CompileContext } from '../../core/search/query-compile.ts';
import { parseQuery, QueryError } from '../../core/search/query-parser.ts';
import { SearchIndex } from '../../core/search/search-index.ts';
import { Vocabulary } from '../../core/search/vocabulary.ts';

const HTS = { id: 'ent_0000000000000hts', names: ['Hayat Tahrir al-Sham', 'HTS', 'Jabhat al-Nusra'] };
const NVF = { id: 'ent_0000000000000nvf', names: ['Northern Vigil Front', 'NVF'] };
const NAVY = { id: 'ent_000000000000navy', names: ['Northern Navy', 'NVF'] };
const WATCH = { id: 'col_aaaaaaaaaaaa', name: 'Watch list', query: null };
const SMART = { id: 'col_bbbbbbbbbbbb', name: 'Shelling', query: 'shelling lang:en' };

const vocabulary = new Vocabulary();
vocabulary.addAll(
  Object.entries({ negotiators: 9, negotiator: 4, negotiate: 2, navigators: 1, tall: 5, talks: 3, wars: 2 }).map(
    ([term, docs]) => ({ term, docs }),
  ),
);

/** As the search service resolves them: entities by their folded names, collections by folded name. */
const context: CompileContext = {
  entities: (text) => {
    const key = queryTerms(text).join(' ');
    return [HTS, NVF, NAVY].filter((e) => e.names.some((n) => queryTerms(n).join(' ') === key));
  },
  collection: (name) => [WATCH, SMART].find((c) => queryTerms(c.name).join(' ') === queryTerms(name).join(' ')) ?? null,
  similar: (term, distance) => vocabulary.similar(term, distance),
  claimStatuses: ClaimStatus.options,
  claimKinds: ClaimKind.options,
};

const compile = (query: string) => compileQuery(parseQuery(query), context);
const match = (query: string) => compile(query).match;

function errorOf(query: string): QueryError {
  try {
    compile(query);
  } catch (error) {
    assert.ok(error instanceof QueryError, `${query}: ${String(error)}`);
    return error;
  }
  assert.fail(`"${query}" compiled`);
}

test('words and phrases are folded FTS5 phrases joined by AND; fields become column filters', () => {
  assert.deepEqual(compile('shelling "at least 27" title:Karovsk source:"Le Veilleur" tag:ceasefire'), {
    match: '"shelling" AND "at least 27" AND title : ("karovsk") AND source : "le veilleur" AND tags : ("ceasefire")',
    exclude: null,
    where: [],
    params: [],
    highlight: { terms: ['shelling', 'at', 'least', '27', 'karovsk', 'le', 'veilleur', 'ceasefire'], prefixes: [] },
    notices: [],
  });
  // Folded as the index folds: case, accents, an apostrophe between words, Arabic letter forms.
  assert.equal(
    match('RÉFUGIÉS l’armée byline:"Lena MOREAU" notes:إنَّ'),
    '"refugies" AND "l armee" AND byline : "lena moreau" AND notes : ("ان")',
  );
  assert.equal(match('text:al-Sham'), 'text : ("al sham")');
});

test('OR groups in parentheses; exclusions become NOT, or the exclude expression when nothing is required', () => {
  assert.equal(match('karovsk shelling OR attack'), '"karovsk" AND ("shelling" OR "attack")');
  const mixed = compile('karovsk -ceasefire -source:"Le Veilleur"');
  assert.deepEqual([mixed.match, mixed.exclude], ['("karovsk") NOT ("ceasefire" OR source : "le veilleur")', null]);
  assert.deepEqual(mixed.highlight, { terms: ['karovsk'], prefixes: [] }, 'excluded words are not highlighted');
  const none = compile('-ceasefire -talks');
  assert.deepEqual([none.match, none.exclude, none.highlight.terms], [null, '"ceasefire" OR "talks"', []]);
  assert.deepEqual(
    [match('-ceasefire OR -talks'), compile('-ceasefire OR -talks').exclude],
    [null, '("ceasefire" OR "talks")'],
  );
  assert.deepEqual(compile(''), {
    match: null,
    exclude: null,
    where: [],
    params: [],
    highlight: { terms: [], prefixes: [] },
    notices: [],
  });
});

test('a prefix is a phrase whose last word is a prefix, highlighted as one', () => {
  assert.deepEqual([match('negot*'), compile('negot*').highlight], ['"negot" *', { terms: [], prefixes: ['negot'] }]);
  assert.deepEqual(
    [match('al-sha*'), compile('al-sha*').highlight],
    ['"al sha" *', { terms: ['al'], prefixes: ['sha'] }],
  );
  assert.equal(match('title:Négo*'), 'title : ("nego" *)');
  // Two letters before the * as folded, not as typed: punctuation or a combining accent does not make one letter two.
  const short: [string, string, number][] = [
    ['a.*', '"a.*"', 0],
    ["x 's*", `"'s*"`, 2],
    ['x -e\u0301*', '"e\u0301*"', 2],
    ['title:a-*', '"a-*"', 0],
  ];
  for (const [query, quoted, at] of short) {
    const error = errorOf(query);
    assert.deepEqual(
      [error.message, error.at],
      [`${quoted} is too short: give at least two letters before the *.`, at],
    );
  }
  // Several words are a phrase: its last word may be short.
  assert.equal(match('al-s*'), '"al s" *');
});

test('a fuzzy word is itself OR the indexed words within its typos, closest then most common first', () => {
  assert.deepEqual(
    [match('negotaitors~'), compile('negotaitors~').highlight.terms],
    ['("negotaitors" OR "negotiators" OR "negotiator")', ['negotaitors', 'negotiators', 'negotiator']],
  );
  assert.equal(match('negotaitors~1'), '("negotaitors" OR "negotiators")');
  assert.equal(match('title:negotaitors~1'), 'title : ("negotaitors" OR "negotiators")');
  // Four letters allow one typo: the more common of two one-typo words first.
  assert.equal(match('talk~'), '("talk" OR "tall" OR "talks")');
  // Three letters allow none unless asked; a word nothing is near stays itself.
  assert.equal(match('war~'), '"war"');
  assert.equal(match('war~1'), '("war" OR "wars")');
  assert.equal(match('zzzzzz~2'), '"zzzzzz"');
  // Several words (al-Sham) are a phrase: typos are for single words.
  assert.equal(match('al-sham~'), '"al sham"');
  assert.deepEqual(['war', 'talk', 'karovk', 'negotia', 'réfugiés', '北京市'].map(defaultDistance), [0, 1, 1, 2, 2, 0]);
});

test('claim: a status, kind or hedge is its marker; other words are searched in the claims', () => {
  const cases: [string, string][] = [
    ['claim:disputed', `claims : "${claimStatusToken('disputed')}"`],
    ['claim:Casualties', `claims : "${claimKindToken('casualties')}"`],
    ['claim:territorial-control', 'claims : "qqkterritorialcontrol"'],
    ['claim:hedged', `claims : "${HEDGED_TOKEN}"`],
    ['claim:"27 civilians"', 'claims : "27 civilians"'],
    ['claim:shelling', 'claims : ("shelling")'],
    ['claim:disput*', 'claims : ("disput" *)'],
    ['claim:disputed~', 'claims : ("disputed")'],
  ];
  for (const [query, expected] of cases) assert.equal(match(query), expected, query);
  assert.deepEqual(compile('claim:disputed').highlight, { terms: [], prefixes: [] }, 'markers are never highlighted');
  assert.deepEqual([compile('x -claim:false').match], [`("x") NOT (claims : "${claimStatusToken('false')}")`]);
});

test('entity: its ids OR any of its names in the title and text; unknown names are searched as words, with a notice', () => {
  const hts = compile('entity:hts');
  assert.equal(
    hts.match,
    `(entities : ("${entityToken(HTS.id)}") OR {title text} : ("hayat tahrir al sham" OR "hts" OR "jabhat al nusra"))`,
  );
  assert.deepEqual(hts.highlight.terms, ['hayat', 'tahrir', 'al', 'sham', 'hts', 'jabhat', 'al', 'nusra']);
  // Two entities go by NVF: either one, their names once each.
  assert.equal(
    match('entity:NVF'),
    `(entities : ("${entityToken(NVF.id)}" OR "${entityToken(NAVY.id)}") OR {title text} : ("northern vigil front" OR "nvf" OR "northern navy"))`,
  );
  const unknown = compile('entity:"Karovsk Brigades"');
  assert.deepEqual(
    [unknown.match, unknown.notices],
    ['"karovsk brigades"', ['No entity in the registry is called "Karovsk Brigades": looked for the words instead.']],
  );
  assert.deepEqual(compile('x -entity:HTS').highlight.terms, ['x']);
});

test('type: names and plurals of entity types are its marker', () => {
  const cases: [string, string][] = [
    ['type:person', 'person'],
    ['type:People', 'person'],
    ['type:organisation', 'organization'],
    ['type:org', 'organization'],
    ['type:"armed group"', 'group'],
    ['type:group', 'group'],
    ['type:place', 'location'],
    ['type:event', 'event'],
    ['type:other', 'other'],
  ];
  for (const [query, type] of cases) assert.equal(match(query), `entities : "${typeToken(type)}"`, query);
});

test('collection: a hand-made one is its marker in the tags (a smart one, or none, is an error below)', () => {
  assert.equal(match('collection:"watch LIST"'), `tags : "${collectionToken(WATCH.id)}"`);
});

test('lang: and dates are SQL conditions on the docs table, their values as parameters in order', () => {
  assert.deepEqual(compile('karovsk lang:AR published:2024-11'), {
    match: '"karovsk"',
    exclude: null,
    where: ['((d.lang = ? OR d.lang LIKE ?))', '((d.published IS NOT NULL AND d.published >= ? AND d.published <= ?))'],
    params: ['ar', 'ar-%', '2024-11-01', '2024-11-30'],
    highlight: { terms: ['karovsk'], prefixes: [] },
    notices: [],
  });
  const filters = compile('-lang:pt-BR captured:>2024-11 published:<=2024 lang:ar OR lang:fr');
  assert.deepEqual(
    [filters.match, filters.where, filters.params],
    [
      null,
      [
        'NOT ((d.lang = ? OR d.lang LIKE ?))',
        '((d.captured >= ?))',
        '((d.published IS NOT NULL AND d.published <= ?))',
        '((d.lang = ? OR d.lang LIKE ?) OR (d.lang = ? OR d.lang LIKE ?))',
      ],
      ['pt-br', 'pt-br-%', '2024-12-01', '2024-12-31', 'ar', 'ar-%', 'fr', 'fr-%'],
    ],
  );
});

test('what cannot be compiled is a QueryError at the term to fix', () => {
  const cases: [string, string, number][] = [
    ['*', '"*" has no letters or digits to look for.', 0],
    ['x "--"', '"--" has no letters or digits to look for.', 2],
    ['x -title:¿', '"¿" has no letters or digits to look for.', 2],
    ['entity:"--"', 'entity:"--" has no letters or digits.', 0],
    [
      'x type:vehicle',
      '"vehicle" is not an entity type: use person, organization, group, location, event or other.',
      2,
    ],
    ['collection:nothing', 'There is no collection called "nothing".', 0],
    ['a collection:shelling', '"shelling" is a smart collection: search its query instead (shelling lang:en).', 2],
    ['lang:english', '"english" is not a language code: write lang:ar, lang:en or lang:pt-br.', 0],
    ['lang:a', '"a" is not a language code: write lang:ar, lang:en or lang:pt-br.', 0],
    [
      'x karovsk OR published:2024',
      'OR can join words, phrases and fields like entity:, or lang: and dates, but not the two kinds together.',
      2,
    ],
    [
      'lang:ar OR entity:HTS',
      'OR can join words, phrases and fields like entity:, or lang: and dates, but not the two kinds together.',
      0,
    ],
  ];
  for (const [query, message, at] of cases) {
    const error = errorOf(query);
    assert.deepEqual([error.message, error.at], [message, at], query);
  }
});

// A small real index: what each compiled query finds.
const row = (fields: Partial<IndexRow> & Pick<IndexRow, 'id' | 'lang' | 'captured'>): IndexRow => ({
  stamp: '1:1',
  trashed: 0,
  source: '',
  published: null,
  title: '',
  text: '',
  sourceWords: '',
  byline: '',
  notes: '',
  tags: '',
  entities: '',
  claims: '',
  entityRefs: [],
  ...fields,
});
const ROWS = [
  row({
    id: 'karovsk',
    lang: 'en',
    published: '2024-11-27',
    captured: '2024-11-28',
    source: 'Daily Observer',
    sourceWords: indexText('Daily Observer'),
    title: indexText('Shelling kills 27 in Karovsk'),
    text: indexText('At least 27 civilians were killed, a UN official said. Hayat Tahrir al-Sham fighters were seen.'),
    tags: [indexText('casualties'), collectionToken(WATCH.id)].join(' '),
    entities: [entityToken(HTS.id), typeToken('group'), indexText(HTS.names.join(' '))].join(' '),
    claims: [claimStatusToken('disputed'), claimKindToken('casualties'), indexText('27 civilians were killed')].join(
      ' ',
    ),
    entityRefs: [{ id: HTS.id, type: 'group' }],
  }),
  row({
    id: 'veldt',
    lang: 'pt-br',
    captured: '2024-12-02',
    title: indexText('Ceasefire talks resume in Veldt'),
    text: indexText('Negotiators met in Veldt. The ceasefire talks were constructive.'),
    claims: [
      claimStatusToken('unverified'),
      claimKindToken('statement'),
      HEDGED_TOKEN,
      indexText('talks were constructive'),
    ].join(' '),
  }),
  row({
    id: 'refugies',
    lang: 'fr',
    published: '2024-11-29',
    captured: '2024-11-29',
    title: indexText('Réfugiés à la frontière'),
    text: indexText('Des milliers de réfugiés, selon HTS.'),
  }),
  row({ id: 'trashed', lang: 'en', captured: '2024-11-28', trashed: 1, title: indexText('Karovsk shelling') }),
];

function withIndex(t: { after: (fn: () => void) => void }): (query: string) => string[] {
  const index = SearchIndex.open(':memory:');
  t.after(() => index.close());
  index.put(ROWS);
  const ids = new Map(index.idsAfter(0, 100).map((r) => [r.rowid, r.id]));
  return (query) =>
    index
      .matchingRows(compile(query))
      .map((rowid) => ids.get(rowid)!)
      .sort();
}

test('compiled queries find on FTS5 what the query language says they find', (t) => {
  const find = withIndex(t);
  const cases: [string, string[]][] = [
    ['karovsk', ['karovsk']],
    ['KAROVSK "27 civilians"', ['karovsk']],
    ['"civilians 27"', []],
    ['shelling OR ceasefire', ['karovsk', 'veldt']],
    ['talks shelling OR ceasefire', ['veldt']],
    ['-karovsk', ['refugies', 'veldt']],
    ['-karovsk -talks', ['refugies']],
    ['-karovsk OR -talks', ['refugies']],
    ['in -ceasefire', ['karovsk']],
    ['negot*', ['veldt']],
    ['negotaitors~', ['veldt']],
    ['title:refugies', ['refugies']],
    ['text:shelling', []],
    ['source:"daily observer"', ['karovsk']],
    ['entity:HTS', ['karovsk', 'refugies']],
    ['entity:HTS -title:refugies', ['karovsk']],
    ['type:"armed group"', ['karovsk']],
    ['claim:disputed', ['karovsk']],
    ['claim:hedged', ['veldt']],
    ['claim:territorial-control', []],
    ['claim:constructive', ['veldt']],
    ['collection:"Watch list"', ['karovsk']],
    ['lang:pt', ['veldt']],
    ['lang:pt-br', ['veldt']],
    ['-lang:en', ['refugies', 'veldt']],
    ['lang:fr OR lang:en', ['karovsk', 'refugies']],
    // Veldt has no publication date: it is in no published: range (its capture day does not stand in), and outside every one.
    ['published:2024-12', []],
    ['captured:2024-12', ['veldt']],
    ['published:<2024-11-28', ['karovsk']],
    ['captured:2024-11-28', ['karovsk']],
    ['published:2024-11-28..2024-11-30', ['refugies']],
    ['-published:2024-11 in', ['veldt']],
  ];
  for (const [query, ids] of cases) assert.deepEqual(find(query), ids, query);
});

// Typed text, as for the parser, with the fields and markers compiling does something special for.
const typed = fc.string({
  unit: fc.constantFrom(
    ...Array.from('aé中 "-*~:.0129\''),
    'OR',
    'title:',
    'claim:',
    'entity:',
    'type:',
    'lang:',
    'published:',
    'collection:',
    'hts',
    'disputed',
    'hedged',
    'group',
    'ar',
    'talk',
    'negotaitors',
    '2024-11',
    '..',
    '>',
  ),
  maxLength: 40,
});

test('property: any query either compiles to an expression FTS5 accepts, or is a QueryError; never an SQL error', (t) => {
  const index = SearchIndex.open(':memory:');
  t.after(() => index.close());
  index.put(ROWS);
  fc.assert(
    fc.property(typed, (query) => {
      let compiled;
      try {
        compiled = compileQuery(parseQuery(query), context);
      } catch (error) {
        assert.ok(error instanceof QueryError, String(error));
        return;
      }
      assert.equal(compiled.params.length, compiled.where.join(' ').split('?').length - 1);
      index.matchingRows(compiled);
      index.search(compiled, 'relevance', 5, 0);
    }),
    { numRuns: 3000 },
  );
});
