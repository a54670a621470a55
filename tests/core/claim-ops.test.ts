// An article's claims as pure functions: made from suggestions and selections, figures cleaned, re-runs folded in, links moved by merges and deletes and back by undo, and the claims view's rows.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ClaimSuggestion } from '../../core/attribution/claim-types.ts';
import { suggestClaims } from '../../core/attribution/suggest-claims.ts';
import {
  claimFromInput,
  claimFromSuggestion,
  cleanQuantities,
  foldClaims,
  indexClaim,
  joinArticle,
  relinkClaim,
  unmergeClaim,
} from '../../core/claims/claim-ops.ts';
import { makeMention } from '../../core/entities/mentions.ts';
import { ArchiveError } from '../../core/errors.ts';
import { Article, Claim, type EntityType, type Mention, type Quantity } from '../../core/model.ts';

const ent = (name: string) => `ent_${name.padEnd(16, '0')}`;
const [KAROVSK, KESSLER, COUNCIL, FRONT] = ['karovsk', 'kessler', 'council', 'front'].map(ent) as [
  string,
  string,
  string,
  string,
];
const TEXT = 'At least 27 civilians were killed in Karovsk on Tuesday, Anna Kessler said.';
const T = '2024-11-27T08:00:00.000Z';

const span = (text: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
};
const mention = (
  text: string,
  words: string,
  entityId: string | null,
  type: EntityType,
  status: Mention['status'] = 'confirmed',
) => makeMention(text, { ...span(text, words), entityId, name: words, type, status, source: 'user', confidence: 1 });

function articleOf(text: string, mentions: Mention[] = [], dates: Article['dates'] = []): Article {
  return Article.parse({
    id: randomUUID(),
    title: 'Shelling',
    source: 'Daily Observer',
    url: '',
    byline: '',
    publishedAt: '2024-11-27',
    language: 'en',
    notes: '',
    tags: [],
    text,
    capturedAt: T,
    updatedAt: T,
    deletedAt: null,
    provenance: { method: 'pasted', sha256: '0'.repeat(64), bytes: text.length, capturedAt: T },
    mentions,
    dates,
  });
}
const ARTICLE = articleOf(
  TEXT,
  [mention(TEXT, 'Karovsk', KAROVSK, 'location'), mention(TEXT, 'Anna Kessler', KESSLER, 'person')],
  [{ ...span(TEXT, 'on Tuesday'), text: 'on Tuesday', date: '2024-11-26' }],
);

/** A suggestion as the rules give one, with only what a test sets differing. */
const suggestion = (fields: Partial<ClaimSuggestion> = {}): ClaimSuggestion => ({
  ...span(TEXT, 'At least 27 civilians were killed in Karovsk on Tuesday'),
  text: 'At least 27 civilians were killed in Karovsk on Tuesday',
  cue: { ...span(TEXT, 'said'), text: 'said' },
  claimant: { ...span(TEXT, 'Anna Kessler'), text: 'Anna Kessler', name: 'Anna Kessler', entityId: null },
  via: [],
  target: null,
  kind: 'casualties',
  hedged: false,
  hedges: [],
  quantities: [],
  confidence: 0.85,
  ...fields,
});
const quantity = (value: number, more: Partial<Quantity> = {}): Quantity => ({
  start: 0,
  end: 21,
  text: 'At least 27 civilians',
  value,
  qualifier: 'at least',
  category: 'civilians',
  outcome: 'killed',
  ...more,
});

test("a rule's suggestion becomes a claim to review, linked to the entities the article's mentions name", () => {
  const [s] = suggestClaims(TEXT, {
    entities: ARTICLE.mentions.map((m) => ({ start: m.start, end: m.end, name: m.name, type: m.type, entityId: null })),
    publishedAt: ARTICLE.publishedAt,
  });
  const claim = claimFromSuggestion(ARTICLE, s!);
  assert.ok(claim && Claim.safeParse(claim).success);
  assert.match(claim.id, /^c_[0-9a-z]{10}$/);
  assert.deepEqual(
    { ...claim, id: null },
    {
      id: null,
      ...span(TEXT, 'At least 27 civilians were killed in Karovsk on Tuesday'),
      quote: {
        exact: 'At least 27 civilians were killed in Karovsk on Tuesday',
        prefix: '',
        suffix: ', Anna Kessler said.',
      },
      text: 'At least 27 civilians were killed in Karovsk on Tuesday',
      cue: { ...span(TEXT, 'said'), text: 'said' },
      claimant: { ...span(TEXT, 'Anna Kessler'), text: 'Anna Kessler', name: 'Anna Kessler', entityId: KESSLER },
      via: [],
      target: null,
      kind: 'casualties',
      hedged: false,
      hedges: [],
      quantities: [quantity(27)],
      eventDate: '2024-11-26',
      placeIds: [KAROVSK],
      status: 'unverified',
      reviewNote: '',
      review: 'suggested',
      source: 'rule',
      confidence: 0.85,
      groupId: null,
    },
  );
});

test('a suggestion is cleaned to what the model keeps, and one that could never be saved is dropped', () => {
  const long = 'x'.repeat(1200);
  const claim = claimFromSuggestion(
    ARTICLE,
    suggestion({
      text: '  At least 27\n civilians   killed ',
      cue: { start: 0, end: 0, text: '' },
      via: [' Reuters ', '', '  ', 'r'.repeat(400), ...Array.from({ length: 30 }, (_, i) => `outlet ${i}`)],
      hedges: Array.from({ length: 60 }, () => ({ start: 0, end: 2, text: long })),
      quantities: [quantity(27), quantity(-1), quantity(2e12), quantity(Number.NaN)],
      target: { start: 0, end: 2, text: '  ', name: '  ', entityId: null },
    }),
  )!;
  assert.equal(claim.text, 'At least 27 civilians killed');
  assert.equal(claim.cue, null, "the outlet's own statement has no cue");
  assert.deepEqual(claim.via.slice(0, 3), ['Reuters', 'r'.repeat(300), 'outlet 0']);
  assert.equal(claim.via.length, 20);
  assert.deepEqual([claim.hedges.length, claim.hedges[0]!.text.length], [50, 1000]);
  assert.deepEqual(claim.quantities, [quantity(27)]);
  assert.equal(claim.target!.name, 'unnamed');
  // No words of its own: the article's words at the span.
  assert.equal(
    claimFromSuggestion(ARTICLE, suggestion({ text: ' \n ' }))!.text,
    'At least 27 civilians were killed in Karovsk on Tuesday',
  );
  // A rejected mention links nothing.
  const rejected = articleOf(TEXT, [mention(TEXT, 'Anna Kessler', KESSLER, 'person', 'rejected')]);
  assert.equal(claimFromSuggestion(rejected, suggestion())!.claimant!.entityId, null);
  // An empty span, or words that are only spaces, cannot be a claim.
  assert.equal(claimFromSuggestion(ARTICLE, suggestion({ start: 5, end: 5 })), null);
  const spaced = articleOf('Said:      .');
  assert.equal(claimFromSuggestion(spaced, suggestion({ start: 5, end: 10, text: '', claimant: null })), null);
  // A long claim is found again by its first 1,000 characters.
  const longArticle = articleOf(`${long}.`);
  const first = claimFromSuggestion(longArticle, suggestion({ start: 0, end: 1200, text: long, claimant: null }))!;
  assert.deepEqual([first.quote.exact.length, first.text.length], [1000, 1200]);
});

test('figures are kept as the model keeps them: none negative or beyond 10^12, at most 50, their words clipped', () => {
  const many = Array.from({ length: 60 }, (_, i) => quantity(i));
  assert.deepEqual(cleanQuantities(many), many.slice(0, 50));
  assert.deepEqual(
    cleanQuantities([quantity(-1), quantity(1e12), quantity(1e12 + 1), quantity(Number.NaN), quantity(0)]),
    [quantity(1e12), quantity(0)],
  );
  const [clipped] = cleanQuantities([
    quantity(3, { text: 't'.repeat(1500), category: 'c'.repeat(150), outcome: 'o'.repeat(150) }),
  ]);
  assert.deepEqual(
    [clipped!.text.length, clipped!.category, clipped!.outcome],
    [1000, 'c'.repeat(100), 'o'.repeat(100)],
  );
  assert.equal(cleanQuantities([quantity(3, { category: null, outcome: null })])[0]!.category, null);
});

test("the user's own claim: their span and fields, the rules' for the rest, always confirmed", () => {
  const words = span(TEXT, 'At least 27 civilians were killed in Karovsk');
  const claim = claimFromInput(
    ARTICLE,
    { ...words, status: 'disputed', text: undefined, kind: undefined },
    { kind: 'casualties', quantities: [quantity(27)], review: 'suggested', source: 'rule', confidence: 0.1 },
  );
  assert.ok(Claim.safeParse(claim).success);
  assert.deepEqual(
    [claim.start, claim.end, claim.text, claim.kind, claim.status, claim.quantities, claim.placeIds, claim.eventDate],
    [
      words.start,
      words.end,
      'At least 27 civilians were killed in Karovsk',
      'casualties',
      'disputed',
      [quantity(27)],
      [KAROVSK],
      null,
    ],
  );
  assert.deepEqual([claim.review, claim.source, claim.confidence, claim.groupId], ['confirmed', 'user', 1, null]);
  const typed = claimFromInput(
    ARTICLE,
    { start: 0, end: TEXT.length, text: 'Kessler: 27 killed', kind: 'statement' },
    {},
  );
  assert.deepEqual(
    [typed.text, typed.kind, typed.eventDate, typed.placeIds],
    ['Kessler: 27 killed', 'statement', '2024-11-26', [KAROVSK]],
  );

  const refused = (start: number, end: number, article = ARTICLE) => {
    try {
      claimFromInput(article, { start, end }, {});
    } catch (error) {
      assert.ok(error instanceof ArchiveError && error.code === 'invalid');
      return error.message;
    }
    assert.fail(`${start}-${end} accepted`);
  };
  const n = TEXT.length;
  assert.equal(refused(-1, 3), `The span -1-3 is not inside the article's text (0-${n}).`);
  assert.equal(refused(3, 3), `The span 3-3 is not inside the article's text (0-${n}).`);
  assert.equal(refused(3, n + 1), `The span 3-${n + 1} is not inside the article's text (0-${n}).`);
  assert.equal(refused(0, 5001, articleOf('x'.repeat(6000))), 'A claim is at most 5,000 characters of the text.');
  assert.equal(claimFromInput(articleOf('x'.repeat(6000)), { start: 0, end: 5000 }, {}).text.length, 5000);
  assert.equal(refused(5, 10, articleOf('Said:     \n.')), 'A claim cannot be only spaces.');
});

/** A claim at a span of TEXT, as stored, with what a test sets. */
const at = (words: string, fields: Partial<Claim> = {}): Claim => ({
  ...claimFromSuggestion(ARTICLE, suggestion({ ...span(TEXT, words), text: words, claimant: null }))!,
  ...fields,
});

test('folding a re-run: decisions and own claims stay, the same suggestion keeps its id and group, decided words are not suggested again', () => {
  const confirmed = at('Anna Kessler said', { review: 'confirmed', source: 'user' });
  const rejected = at('in Karovsk', { review: 'rejected' });
  const earlier = at('At least 27 civilians were killed', {
    groupId: 'cg_000000000001',
    status: 'disputed',
    reviewNote: 'two sources',
  });
  const stale = at('on Tuesday');
  const again = at('At least 27 civilians were killed');
  const overConfirmed = at('Kessler said.');
  const overRejected = at('Karovsk on Tuesday');
  const fresh = at('Tuesday');
  const folded = foldClaims([stale, confirmed, earlier, rejected], [fresh, overConfirmed, again, overRejected]);
  assert.deepEqual(
    folded.map((c) => c.quote.exact),
    ['At least 27 civilians were killed', 'in Karovsk', 'Tuesday', 'Anna Kessler said'],
  );
  assert.deepEqual(folded[0], {
    ...again,
    id: earlier.id,
    groupId: earlier.groupId,
    status: 'disputed',
    reviewNote: 'two sources',
  });
  assert.deepEqual([folded[1], folded[2], folded[3]], [rejected, fresh, confirmed]);
  // Rejected words are not suggested again anywhere in the article.
  const elsewhere = at('on Tuesday');
  assert.deepEqual(foldClaims([rejected], [elsewhere]), [rejected, elsewhere]);
  assert.deepEqual(foldClaims([rejected], [{ ...elsewhere, quote: rejected.quote }]), [rejected]);
});

// Claims at spans of a text of 40 characters, suggested or decided.
const BASE = at('At least');
const claimAt = fc
  .record({
    id: fc.integer({ min: 0, max: 1e9 }),
    start: fc.integer({ min: 0, max: 38 }),
    length: fc.integer({ min: 1, max: 12 }),
    review: fc.constantFrom<Claim['review']>('suggested', 'suggested', 'confirmed', 'rejected'),
    group: fc.boolean(),
  })
  .map(({ id, start, length, review, group }): Claim => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD';
    const end = Math.min(start + length, text.length);
    return {
      ...BASE,
      id: `c_${String(id).padStart(10, '0')}`,
      start,
      end,
      quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
      review,
      groupId: group ? 'cg_000000000001' : null,
    };
  });

test('property: folding the same suggestions again changes nothing, keeps every decision, and suggests nothing over one', () => {
  fc.assert(
    fc.property(fc.array(claimAt, { maxLength: 8 }), fc.array(claimAt, { maxLength: 8 }), (claims, raw) => {
      // The rules never suggest two claims at one span, nor suggest a decision.
      const spans = new Set<string>();
      const suggestions = raw
        .map((s) => ({ ...s, review: 'suggested' as const, groupId: null }))
        .filter((s) => !spans.has(`${s.start} ${s.end}`) && spans.add(`${s.start} ${s.end}`));
      const once = foldClaims(claims, suggestions);
      assert.deepEqual(foldClaims(once, suggestions), once);
      const decided = claims.filter((c) => c.review !== 'suggested');
      assert.deepEqual(
        once.filter((c) => c.review !== 'suggested'),
        [...decided].sort((a, b) => a.start - b.start || a.end - b.end),
      );
      for (const c of once.filter((c) => c.review === 'suggested'))
        assert.ok(!decided.some((d) => d.start < c.end && c.start < d.end));
      assert.deepEqual(
        once,
        [...once].sort((a, b) => a.start - b.start || a.end - b.end),
      );
    }),
    { numRuns: 2000 },
  );
});

test("relinkClaim moves a merged entity's links to the kept one, cuts a deleted one's, and leaves other claims alone", () => {
  const claim = at('At least 27 civilians were killed in Karovsk', {
    claimant: { text: 'Anna Kessler', start: 57, end: 69, name: 'Anna Kessler', entityId: KESSLER },
    target: { text: 'the Front', start: null, end: null, name: 'Northern Vigil Front', entityId: FRONT },
    placeIds: [KAROVSK, COUNCIL],
  });
  const merged = relinkClaim(claim, new Set([KESSLER, KAROVSK]), COUNCIL);
  assert.deepEqual(
    [merged.claimant, merged.target, merged.placeIds],
    [{ ...claim.claimant!, entityId: COUNCIL }, claim.target, [COUNCIL]],
  );
  assert.equal(merged.claimant!.name, 'Anna Kessler', 'the names are what the monitor wrote');
  const deleted = relinkClaim(claim, new Set([FRONT, KAROVSK]), null);
  assert.deepEqual(
    [deleted.claimant, deleted.target, deleted.placeIds],
    [claim.claimant, { ...claim.target!, entityId: null }, [COUNCIL]],
  );
  assert.equal(relinkClaim(claim, new Set([ent('other')]), COUNCIL), claim);
});

test('unmergeClaim points links back where the restored mentions alone name the restored entity', () => {
  // After the undo: Karovsk and Kessler's mentions are theirs again; COUNCIL was the kept entity.
  const mentions = [mention(TEXT, 'Karovsk', KAROVSK, 'location'), mention(TEXT, 'Anna Kessler', KESSLER, 'person')];
  const party = { ...span(TEXT, 'Anna Kessler'), text: 'Anna Kessler', name: 'Anna Kessler', entityId: COUNCIL };
  const claim = at('At least 27 civilians were killed in Karovsk', { claimant: party, placeIds: [COUNCIL, FRONT] });
  const back = unmergeClaim(claim, mentions, COUNCIL, KESSLER);
  assert.deepEqual([back.claimant!.entityId, back.placeIds], [KESSLER, [COUNCIL, FRONT]]);
  const places = unmergeClaim(claim, mentions, COUNCIL, KAROVSK);
  assert.deepEqual([places.claimant!.entityId, places.placeIds], [COUNCIL, [KAROVSK, FRONT]]);
  // The kept entity named inside too: both places.
  const both = [...mentions, mention(TEXT, 'civilians', COUNCIL, 'location')];
  assert.deepEqual(unmergeClaim(claim, both, COUNCIL, KAROVSK).placeIds, [COUNCIL, KAROVSK, FRONT]);
  // Words that name both, a link chosen by hand, a rejected mention: the link stays.
  const shared = [...mentions, mention(TEXT, 'Kessler', COUNCIL, 'person')];
  assert.equal(unmergeClaim(claim, shared, COUNCIL, KESSLER).claimant!.entityId, COUNCIL);
  const byHand = at('At least 27', { claimant: { ...party, start: null, end: null } });
  assert.equal(unmergeClaim(byHand, mentions, COUNCIL, KESSLER), byHand);
  const rejected = [mention(TEXT, 'Anna Kessler', KESSLER, 'person', 'rejected')];
  assert.equal(unmergeClaim(claim, rejected, COUNCIL, KESSLER), claim);
});

// Texts of name slots, some mentioned as A (merged later), K (kept) or another entity.
const A = ent('aaaa');
const K = ent('kkkk');
const X = ent('xxxx');
const SLOTS = 8;
const slotText = Array.from({ length: SLOTS }, (_, i) => `Name${i}`).join(' ') + '.';
const world = fc.record({
  tags: fc.array(
    fc.record({
      entity: fc.constantFrom(A, K, X, null),
      type: fc.constantFrom<EntityType>('location', 'person'),
      status: fc.constantFrom<Mention['status']>('confirmed', 'suggested', 'rejected'),
    }),
    { minLength: SLOTS, maxLength: SLOTS },
  ),
  from: fc.integer({ min: 0, max: SLOTS - 1 }),
  to: fc.integer({ min: 0, max: SLOTS - 1 }),
  claimant: fc.option(fc.integer({ min: 0, max: SLOTS - 1 })),
  target: fc.option(fc.integer({ min: 0, max: SLOTS - 1 })),
});

test('property: merging A into K then undoing it gives every claim made from the mentions its links back', () => {
  fc.assert(
    fc.property(world, ({ tags, from, to, claimant, target }) => {
      const slot = (i: number) => span(slotText, `Name${i}`);
      const mentions = tags.flatMap((t, i) =>
        t.entity
          ? [
              makeMention(slotText, {
                ...slot(i),
                entityId: t.entity,
                name: `Name${i}`,
                type: t.type,
                status: t.status,
                source: 'user',
                confidence: 1,
              }),
            ]
          : [],
      );
      const article = articleOf(slotText, mentions);
      const party = (i: number | null) =>
        i === null ? null : { ...slot(i), text: `Name${i}`, name: `Name${i}`, entityId: null };
      const [a, b] = [Math.min(from, to), Math.max(from, to)];
      const claim = claimFromSuggestion(
        article,
        suggestion({
          start: slot(a).start,
          end: slot(b).end,
          text: 'x',
          claimant: party(claimant),
          target: party(target),
        }),
      )!;
      // The merge, as the registry does it: mentions of A re-pointed to K, the claim's links moved.
      const merged = relinkClaim(claim, new Set([A]), K);
      const undone = unmergeClaim(merged, mentions, K, A);
      assert.deepEqual(
        { ...undone, placeIds: [...undone.placeIds].sort() },
        { ...claim, placeIds: [...claim.placeIds].sort() },
      );
    }),
    { numRuns: 2000 },
  );
});

test("indexClaim keeps the claims view's part of a claim; joinArticle adds its article's", () => {
  const claim = at('At least 27 civilians were killed in Karovsk', {
    text: 'k'.repeat(400),
    claimant: { text: 'Anna Kessler', start: 57, end: 69, name: 'Anna Kessler', entityId: KESSLER },
    via: ['Reuters'],
    quantities: [quantity(27)],
    eventDate: '2024-11-26',
    placeIds: [KAROVSK],
    groupId: 'cg_000000000001',
  });
  const indexed = indexClaim(ARTICLE.id, claim);
  assert.deepEqual(indexed, {
    articleId: ARTICLE.id,
    claimId: claim.id,
    text: 'k'.repeat(300),
    kind: 'casualties',
    status: 'unverified',
    review: 'suggested',
    claimant: { name: 'Anna Kessler', entityId: KESSLER },
    via: ['Reuters'],
    hedged: false,
    quantities: [
      { text: 'At least 27 civilians', value: 27, qualifier: 'at least', category: 'civilians', outcome: 'killed' },
    ],
    eventDate: '2024-11-26',
    placeIds: [KAROVSK],
    groupId: 'cg_000000000001',
  });
  assert.equal(indexClaim(ARTICLE.id, { ...claim, claimant: null }).claimant, null);
  assert.deepEqual(joinArticle({ ...ARTICLE, storyId: ARTICLE.id, wireCredits: ['Reuters'] }, indexed), {
    ...indexed,
    outlet: 'Daily Observer',
    title: 'Shelling',
    publishedAt: '2024-11-27',
    capturedAt: T,
    storyId: ARTICLE.id,
    wireCredits: ['Reuters'],
  });
});
