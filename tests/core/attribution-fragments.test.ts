// No claim from a fragment: text whose lines were broken inside sentences, relatives as claimants, cut contents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenLineBreaks } from '../../core/attribution/fragment-guard.ts';
import { suggestClaims } from '../../core/attribution/suggest-claims.ts';

// Written as a wrapping source prints it: lines end wherever the width ran out.
const WRAPPED = `The foreign ministers met in Vienna on Tuesday. Diplomats said the talks could
collapse if either side moved troops, a move that officials warned was likely
to upset the fragile truce that has held since March.
Officials said that 14 soldiers were wounded in a clash near the border on Monday.`;

const WRAPPED_SPANISH = `El gobierno presentó el martes un plan de seguridad. Según fuentes
oficiales, al menos 12 personas murieron en los enfrentamientos que comenzaron
el lunes en la frontera norte.
El ministro dijo que la situación está bajo control desde el miércoles.`;

test('a broken-line article yields no claim from a broken sentence, and its whole sentences still do', () => {
  const claims = suggestClaims(WRAPPED, { language: 'en' });
  assert.deepEqual(
    claims.map((c) => c.text),
    ['14 soldiers were wounded in a clash near the border on Monday'],
  );
  for (const claim of claims) assert.notEqual(claim.claimant?.text, 'that');
  // The same words joined into whole sentences: the claims the breaks cost come back, so the guard took only them.
  const joined = suggestClaims(WRAPPED.replace(/\n(?=[a-z])/g, ' '), { language: 'en' });
  assert.ok(joined.length > claims.length, JSON.stringify(joined.map((c) => c.text)));
  assert.ok(joined.some((c) => c.text.includes('the talks could collapse')));
});

test('the same in Spanish: "según" across a broken line is no claim', () => {
  const claims = suggestClaims(WRAPPED_SPANISH, { language: 'es' });
  assert.deepEqual(
    claims.map((c) => [c.cue.text, c.text]),
    [['dijo', 'la situación está bajo control desde el miércoles']],
  );
  const joined = suggestClaims(WRAPPED_SPANISH.replace(/\n(?=[a-z])/g, ' '), { language: 'es' });
  assert.ok(joined.some((c) => c.cue.text === 'Según' && c.quantities[0]?.qualifier === 'at least'));
});

test('breaks inside sentences: a lower-case next line, a trailing comma or article; not headings or paragraphs', () => {
  const text = 'Talks resumed\non Monday.\nHEADLINE\nThe next one, and\nthe one after the\nNext.\n\nA paragraph.';
  assert.deepEqual(
    brokenLineBreaks(text).map((at) => text.slice(0, at).split('\n').pop()),
    ['Talks resumed', 'The next one, and', 'the one after the'],
  );
  // Arabic has no capitals: a long line without a full stop runs on.
  const arabic = `${'قال مسؤول في الأمم المتحدة إن القصف على المدينة استمر طوال الليل'}\nوأسفر عن مقتل مدنيين.`;
  assert.equal(brokenLineBreaks(arabic).length, 1);
  assert.equal(brokenLineBreaks('عنوان قصير\nقال مسؤول إن القصف استمر.').length, 0);
});

test('a bare relative is never a claimant: it becomes the name before it, or the claim goes', () => {
  const text = 'The delegation met Maria Lopez, who said that the convoy had reached the town safely.';
  const claims = suggestClaims(text, {
    language: 'en',
    entities: [{ start: 20, end: 31, name: 'Maria Lopez', type: 'person', entityId: null }],
  });
  for (const claim of claims) assert.ok(!/^(who|that|which)$/i.test(claim.claimant?.name ?? ''));
  const said = claims.find((c) => c.cue.text === 'said');
  assert.equal(said?.claimant?.name, 'Maria Lopez');
});
