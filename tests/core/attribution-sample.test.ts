// The shared MENAFN sample (../shared/samples, read in place, never copied): the nine claims a careful monitor marks.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../core/model.ts';
import type { ClaimSuggestion } from '../../core/attribution/claim-types.ts';
import { suggestClaims } from '../../core/attribution/suggest-claims.ts';
import { suggestEntities } from '../../core/tagging/suggest-entities.ts';

const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
const TEXT = `${SAMPLES}menafn-syria-offensive.txt`;
const EXPECTED = `${SAMPLES}menafn-syria-offensive.expected.json`;
const missing = existsSync(TEXT) && existsSync(EXPECTED) ? false : `the shared samples are not here (${SAMPLES})`;
const OPTIONS = { outlet: 'MENAFN', publishedAt: '2024-11-29' };

type Expected = {
  entities: { name: string; type: EntityType; aliases?: string[] }[];
  claims: { text: string; claimant: string | null; via?: string[]; kind: string; target?: string }[];
};
const load = () => ({
  text: readFileSync(TEXT, 'utf8'),
  expected: JSON.parse(readFileSync(EXPECTED, 'utf8')) as Expected,
});
const plain = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
/** The suggestion whose content holds the first words of one of the expected text's parts (around "[is]"). */
const find = (claims: ClaimSuggestion[], expected: string) => {
  const leads = expected.split(/\[[^\]]*\]/).map((part) => plain(part).trim().split(' ').slice(0, 6).join(' '));
  return claims.find((c) => leads.some((lead) => lead.length > 8 && plain(c.text).includes(lead)));
};
/** One entity by any of its names: the militants (named "The" by the article's typo), SANA as "Syria's state news agency". */
const sameParty = (name: string | undefined, expected: string | null, entities: Expected['entities']) => {
  if (expected === null) return name === undefined;
  const forms = entities.filter((e) => e.name === expected || e.aliases?.includes(expected));
  return name === expected || forms.some((e) => e.name === name || e.aliases?.includes(name ?? ''));
};

function check(claims: ClaimSuggestion[], expected: Expected, t: { diagnostic: (m: string) => void }) {
  let right = 0;
  for (const e of expected.claims) {
    const claim = find(claims, e.text);
    const ok = claim !== undefined && sameParty(claim.claimant?.name, e.claimant, expected.entities);
    t.diagnostic(
      `${ok ? 'ok  ' : 'MISS'} ${e.claimant ?? '(outlet)'}: ${claim ? `[${claim.cue.text}] ${claim.kind}` : '-'}`,
    );
    if (ok) right++;
  }
  assert.ok(right >= 8, `${right} of 9 with the right claimant`);
  const [first, second] = [find(claims, expected.claims[0]!.text)!, find(claims, expected.claims[1]!.text)!];
  assert.equal(first.claimant?.name, 'a UN official');
  assert.deepEqual(first.via, ['Reuters', 'MENAFN']);
  assert.equal(first.kind, 'casualties');
  assert.ok(
    first.quantities.some(
      (q) => q.value === 27 && q.qualifier === 'at least' && q.category === 'civilians' && q.outcome === 'killed',
    ),
    JSON.stringify(first.quantities),
  );
  // "children as young as eight" is an age, not a count.
  assert.ok(!first.quantities.some((q) => q.value === 8));
  assert.ok(sameParty(second.claimant?.name, "Syria's state news agency", expected.entities), second.claimant?.name);
  assert.equal(second.claimant?.text, "Syria's state news agency");
  assert.ok(second.quantities.some((q) => q.value === 4 && q.category === 'civilians' && q.outcome === 'killed'));
  assert.equal(second.kind, 'casualties');
  const hedged = find(claims, expected.claims[2]!.text)!;
  assert.equal(hedged.hedged, true);
  assert.ok(hedged.hedges.some((h) => h.text === 'reportedly'));
  assert.equal(hedged.kind, 'territorial-control');
  const own = find(claims, expected.claims[3]!.text)!;
  assert.equal(own.claimant, null);
  assert.equal(own.kind, 'military-action');
  const he = find(claims, expected.claims[4]!.text)!;
  assert.deepEqual([he.claimant?.text, he.claimant?.name, he.cue.text], ['He', 'David Carden', 'emphasized']);
  const accused = find(claims, expected.claims[6]!.text)!;
  assert.deepEqual(
    [accused.kind, accused.target?.name, accused.claimant?.name],
    ['accusation', 'Western countries', 'Syria'],
  );
}

test(
  'alone (the tagger run inside): at least 8 of the 9 claims, with their claimants, chain, figures and hedges',
  { skip: missing },
  (t) => {
    const { text, expected } = load();
    check(suggestClaims(text, OPTIONS), expected, t);
  },
);

test(
  'with the registry-linked mentions the worker passes: the same, and claimants carry entity ids',
  { skip: missing },
  (t) => {
    const { text, expected } = load();
    const registry = expected.entities.map((e, i) => ({
      id: `ent_sample${String(i).padStart(8, '0')}`,
      name: e.name,
      type: e.type,
      aliases: e.aliases ?? [],
    }));
    const { entities } = suggestEntities(text, { registry, publishedAt: OPTIONS.publishedAt });
    const claims = suggestClaims(text, { ...OPTIONS, entities });
    check(claims, expected, t);
    const peskov = find(claims, expected.claims[5]!.text)!;
    assert.equal(peskov.claimant?.name, 'Dmitry Peskov');
    assert.equal(peskov.claimant?.entityId, registry.find((r) => r.name === 'Dmitry Peskov')!.id);
    const alleged = find(claims, expected.claims[8]!.text)!;
    assert.deepEqual(
      [alleged.claimant?.name, alleged.target?.name, alleged.kind],
      ['Bashar al-Assad', 'United States', 'accusation'],
    );
  },
);
