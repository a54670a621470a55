// The invented fixture article (tests/fixtures/attribution): one claim per rule, found with its parties, kind and figures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { EntityType } from '../../core/model.ts';
import type { ClaimSuggestion, EntityHint } from '../../core/attribution/claim-types.ts';
import { suggestClaims } from '../../core/attribution/suggest-claims.ts';
import { suggestEntities } from '../../core/tagging/suggest-entities.ts';

type ExpectedClaim = {
  rule: string;
  content: string;
  cue?: string;
  claimant: string | null;
  claimantText?: string;
  via?: string[];
  target?: string;
  kind: string;
  hedged?: boolean;
  hedges?: string[];
  quantity?: { value: number; qualifier: string; category: string; outcome: string };
};
type Fixture = {
  outlet: string;
  publishedAt: string;
  entities: { name: string; type: EntityType }[];
  claims: ExpectedClaim[];
  notClaims: string[];
};

const FIXTURES = new URL('../fixtures/attribution/', import.meta.url);
const text = readFileSync(new URL('border-clashes.txt', FIXTURES), 'utf8');
const fixture = JSON.parse(readFileSync(new URL('border-clashes.expected.json', FIXTURES), 'utf8')) as Fixture;

/** The article's mentions as the worker passes them: the tagger run with the fixture's names in the registry. */
function mentions(): EntityHint[] {
  const registry = fixture.entities.map((e, i) => ({
    id: `ent_fixture${String(i).padStart(7, '0')}`,
    name: e.name,
    type: e.type,
    aliases: [],
  }));
  return suggestEntities(text, { registry, publishedAt: fixture.publishedAt }).entities;
}

const claimFor = (claims: ClaimSuggestion[], content: string) => {
  const at = text.indexOf(content);
  assert.ok(at >= 0, `fixture content not in the text: ${content}`);
  return claims.find((c) => c.start <= at && at + content.length <= c.end);
};

const claims = suggestClaims(text, { entities: mentions(), outlet: fixture.outlet, publishedAt: fixture.publishedAt });

for (const expected of fixture.claims) {
  test(`fixture: ${expected.rule}`, () => {
    const claim = claimFor(claims, expected.content);
    assert.ok(claim, `no claim holds "${expected.content}"`);
    assert.equal(claim.claimant?.name ?? null, expected.claimant);
    if (expected.claimantText) assert.equal(claim.claimant?.text, expected.claimantText);
    if (expected.cue) assert.equal(claim.cue.text, expected.cue);
    if (expected.via) assert.deepEqual(claim.via, expected.via);
    if (expected.target) assert.equal(claim.target?.name, expected.target);
    assert.equal(claim.kind, expected.kind);
    if (expected.hedged !== undefined) assert.equal(claim.hedged, expected.hedged);
    for (const hedge of expected.hedges ?? [])
      assert.ok(
        claim.hedges.some((h) => h.text === hedge),
        `hedge "${hedge}" missing: ${claim.hedges.map((h) => h.text).join(', ')}`,
      );
    if (expected.quantity) {
      const q = claim.quantities.find((x) => x.value === expected.quantity!.value);
      assert.ok(q, `no quantity ${expected.quantity.value} in ${JSON.stringify(claim.quantities)}`);
      assert.deepEqual(
        { value: q.value, qualifier: q.qualifier, category: q.category, outcome: q.outcome },
        expected.quantity,
      );
    }
  });
}

test('fixture: a sentence without a cue or a newsworthy fact is no claim', () => {
  for (const sentence of fixture.notClaims) assert.equal(claimFor(claims, sentence), undefined, sentence);
});

test('fixture: entity ids reach the parties that are registry entries', () => {
  const voss = claims.filter((c) => c.claimant?.name === 'Mara Voss');
  assert.equal(voss.length, 2);
  assert.ok(voss.every((c) => c.claimant!.entityId === 'ent_fixture0000002'));
  const target = claims.find((c) => c.target?.name === 'Eastern Front');
  assert.equal(target?.target?.entityId, 'ent_fixture0000004');
});

test('fixture: without mentions given, the tagger runs first and the same claims are found', () => {
  const alone = suggestClaims(text, { outlet: fixture.outlet, publishedAt: fixture.publishedAt });
  for (const expected of fixture.claims) {
    const claim = claimFor(alone, expected.content);
    assert.ok(claim, `no claim holds "${expected.content}"`);
    assert.equal(claim.claimant === null, expected.claimant === null, expected.rule);
  }
});
