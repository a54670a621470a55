// Claims in French, Spanish and Arabic: cue, claimant, chain, content, hedges and figures, chosen by the article's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimSuggestion } from '../../core/attribution/claim-types.ts';
import { parseForeignQuantities } from '../../core/attribution/foreign-quantities.ts';
import { suggestClaims } from '../../core/attribution/suggest-claims.ts';

const figures = (claim: ClaimSuggestion | undefined) =>
  claim?.quantities.map((q) => [q.text, q.value, q.qualifier, q.category, q.outcome]);
const byCue = (claims: ClaimSuggestion[], cue: string) => claims.find((c) => c.cue.text === cue);

const FRENCH = `LYON (Agence) - Au moins 27 civils ont été tués lundi par des tirs d'artillerie sur le marché de Kéran, selon un responsable des Nations unies cité par Reuters.
La porte-parole de la préfecture, Claire Martin, a déclaré à la radio locale que les secours avaient évacué des centaines de familles.
« Aucune zone habitée n'a été visée », a-t-elle affirmé.
Les assaillants auraient pris le contrôle de deux collines au nord de la ville.
Le ministère a démenti que des écoles aient été touchées.`;

test('French: "selon X cité par Y", "a déclaré que", "a-t-elle affirmé", the conditional as a hedge, a denial', () => {
  const claims = suggestClaims(FRENCH, { language: 'fr', outlet: 'Le Courrier' });
  const selon = byCue(claims, 'selon');
  assert.ok(selon, 'the "selon" claim');
  assert.equal(selon.claimant?.text, 'un responsable des Nations unies');
  assert.deepEqual(selon.via, ['Reuters', 'Le Courrier']);
  assert.equal(selon.text, "Au moins 27 civils ont été tués lundi par des tirs d'artillerie sur le marché de Kéran");
  assert.equal(selon.kind, 'casualties');
  assert.deepEqual(figures(selon), [['Au moins 27 civils', 27, 'at least', 'civilians', 'killed']]);

  const declared = byCue(claims, 'a déclaré');
  assert.equal(declared?.claimant?.text, 'La porte-parole de la préfecture, Claire Martin');
  assert.equal(declared?.text, 'les secours avaient évacué des centaines de familles');
  assert.deepEqual(figures(declared), [['centaines de familles', 200, 'hundreds', 'families', 'evacuated']]);

  const inverted = byCue(claims, 'a-t-elle affirmé');
  assert.equal(inverted?.text, "« Aucune zone habitée n'a été visée »");
  assert.equal(inverted?.claimant?.text, 'elle');

  const hedged = claims.find((c) => c.text.startsWith('Les assaillants'));
  assert.ok(hedged?.hedged, 'the conditional "auraient" hedges');
  assert.deepEqual(
    hedged?.hedges.map((h) => h.text),
    ['auraient'],
  );
  assert.equal(hedged?.claimant, null);
  assert.equal(hedged?.kind, 'territorial-control');

  const denied = byCue(claims, 'a démenti');
  assert.equal(denied?.kind, 'denial');
  assert.equal(denied?.claimant?.text, 'Le ministère');
  assert.equal(denied?.text, 'des écoles aient été touchées');
});

const SPANISH = `Al menos 27 civiles murieron el martes en un bombardeo sobre el mercado de Tolima, según la Defensoría del Pueblo.
El gobernador de la provincia, Andrés Ruiz, afirmó que las tropas presuntamente abandonaron sus posiciones.
"No habrá más evacuaciones", dijo el alcalde.`;

test('Spanish: "según", "afirmó que" with "presuntamente", ", dijo X" after a quote', () => {
  const claims = suggestClaims(SPANISH, { language: 'es' });
  const segun = byCue(claims, 'según');
  assert.equal(segun?.claimant?.text, 'la Defensoría del Pueblo');
  assert.equal(segun?.text, 'Al menos 27 civiles murieron el martes en un bombardeo sobre el mercado de Tolima');
  assert.deepEqual(figures(segun), [['Al menos 27 civiles', 27, 'at least', 'civilians', 'killed']]);
  assert.equal(segun?.kind, 'casualties');

  const afirmo = byCue(claims, 'afirmó');
  assert.equal(afirmo?.text, 'las tropas presuntamente abandonaron sus posiciones');
  assert.deepEqual(
    afirmo?.hedges.map((h) => h.text),
    ['presuntamente'],
  );

  const dijo = byCue(claims, 'dijo');
  assert.equal(dijo?.claimant?.text, 'el alcalde');
  assert.equal(dijo?.text, '"No habrá más evacuaciones"');
});

const ARABIC = `قال مسؤول في الأمم المتحدة لوكالة رويترز إن 27 مدنيا على الأقل قتلوا في قصف مدفعي على سوق المدينة.
وأفادت وكالة الأنباء الرسمية بأن ٤ مدنيين قتلوا في غارة على القرية.
وأضاف أن القوات سيطرت على تلتين شمال المدينة.
وأصيب ١٥ شخصا على الأقل في انفجار قرب المستشفى، وفقا للدفاع المدني.`;

test('Arabic: verb first ("قال X لـ Y إن"), "أفادت ... بأن", a subject in the verb, "وفقا لـ", Arabic-Indic digits', () => {
  const claims = suggestClaims(ARABIC, { language: 'ar' });
  const said = byCue(claims, 'قال');
  assert.equal(said?.claimant?.text, 'مسؤول في الأمم المتحدة');
  assert.deepEqual(said?.via, ['وكالة رويترز']);
  assert.equal(said?.text, '27 مدنيا على الأقل قتلوا في قصف مدفعي على سوق المدينة');
  assert.deepEqual(figures(said), [['27 مدنيا على الأقل', 27, 'at least', 'civilians', 'killed']]);
  assert.equal(said?.kind, 'casualties');

  const reported = byCue(claims, 'وأفادت');
  assert.equal(reported?.claimant?.text, 'وكالة الأنباء الرسمية');
  assert.deepEqual(figures(reported), [['٤ مدنيين', 4, 'exactly', 'civilians', 'killed']]);

  // "وأضاف" carries its subject: the last speaker.
  const added = byCue(claims, 'وأضاف');
  assert.equal(added?.claimant?.name, 'وكالة الأنباء الرسمية');
  assert.equal(added?.kind, 'territorial-control');

  const according = byCue(claims, 'وفقا');
  assert.equal(according?.claimant?.name, 'الدفاع المدني');
  assert.deepEqual(figures(according), [['١٥ شخصا على الأقل', 15, 'at least', 'people', 'injured']]);
});

test('the language comes from the article, else from the text; a language without rules gets no claims', () => {
  const french = 'Selon la police, au moins 12 manifestants ont été arrêtés devant la mairie de la ville mardi soir.';
  assert.equal(suggestClaims(french)[0]?.cue.text, 'Selon');
  assert.deepEqual(suggestClaims(french, { language: 'de' }), []);
  // English rules on English text are untouched by a declared "en-GB".
  const english = 'The ministry said that at least 27 civilians were killed in the strikes on Tuesday.';
  assert.equal(suggestClaims(english, { language: 'en-GB' })[0]?.cue.text, 'said');
});

test('figures: qualifiers before and after, vague counts, Arabic-Indic digits, and what is no count', () => {
  const read = (text: string, language: 'fr' | 'es' | 'ar') =>
    parseForeignQuantities(text, language).map((q) => [q.value, q.qualifier, q.category, q.outcome]);
  assert.deepEqual(read('plus de 1 200 personnes ont été déplacées', 'fr'), [
    [1200, 'more than', 'people', 'displaced'],
  ]);
  assert.deepEqual(read('vingt-sept soldats ont été blessés', 'fr'), [[27, 'exactly', 'soldiers', 'injured']]);
  assert.deepEqual(read('un enfant de 8 ans, le 3 mars 2024, 40 % des voix', 'fr'), []);
  assert.deepEqual(read('decenas de miles de personas huyeron', 'es'), [[20_000, 'thousands', 'people', null]]);
  assert.deepEqual(read('treinta y siete detenidos en 2023', 'es'), [[37, 'exactly', null, 'detained']]);
  assert.deepEqual(read('أسفر القصف عن مقتل ٢٧ مدنياً على الأقل', 'ar'), [[27, 'at least', 'civilians', 'killed']]);
  assert.deepEqual(read('ما لا يقل عن 15 شخصا لقوا حتفهم', 'ar'), [[15, 'at least', 'people', 'killed']]);
  assert.deepEqual(read('طفل عمره 8 سنوات في عام 2023', 'ar'), []);
});

test('a relative names no claimant: the phrase before it does ("le maire, qui a affirmé que")', () => {
  const text =
    'Les habitants ont rencontré le maire de la commune, qui a affirmé que les routes seraient rouvertes jeudi.';
  const claim = suggestClaims(text, { language: 'fr' }).find((c) => c.cue.text === 'a affirmé');
  // The words back to the sentence's start: no parser says where the noun phrase begins.
  assert.ok(claim?.claimant?.text.endsWith('le maire de la commune'), claim?.claimant?.text);
});

test('French: a role too long to be a claimant leaves the name after it, never the previous speaker', () => {
  const text =
    "Au moins 12 civils ont été tués, selon l'Observatoire des droits. " +
    "Le porte-parole du Haut-Commissariat des Nations unies aux droits de l'homme auprès des agences, Paul Durand, " +
    'a déclaré que les frappes pourraient constituer des crimes de guerre.';
  const declared = byCue(suggestClaims(text, { language: 'fr' }), 'a déclaré');
  assert.equal(declared?.claimant?.text, 'Paul Durand');
  assert.equal(declared?.text, 'les frappes pourraient constituer des crimes de guerre');
});

test('Arabic: an organization whose name holds "ل" is one claimant, and "Y نقلا عن X" makes X the claimant through Y', () => {
  const text =
    'قال المرصد الوطني لحقوق الإنسان إن 15 مدنيا على الأقل قتلوا في القصف. ' +
    'وأفادت وكالة الأنباء نقلا عن مسؤول محلي بأن الطرق أغلقت.';
  const observatory = {
    ...({ start: 4, end: 31, type: 'organization', name: 'National Human Rights Observatory' } as const),
    entityId: null,
  };
  assert.equal(text.slice(observatory.start, observatory.end), 'المرصد الوطني لحقوق الإنسان');
  const claims = suggestClaims(text, { language: 'ar', entities: [observatory] });
  const said = byCue(claims, 'قال');
  assert.equal(said?.claimant?.name, 'National Human Rights Observatory');
  assert.deepEqual(said?.via, []);
  assert.deepEqual(figures(said), [['15 مدنيا على الأقل', 15, 'at least', 'civilians', 'killed']]);
  const reported = byCue(claims, 'وأفادت');
  assert.equal(reported?.claimant?.text, 'مسؤول محلي');
  assert.deepEqual(reported?.via, ['وكالة الأنباء']);
});
