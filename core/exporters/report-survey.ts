// What the HTML and Markdown reports share: their passes over the articles (counts, claim rows, contents, numbered articles) and the text helpers both write with.
import {
  CLAIM_KIND_LABELS,
  CLAIM_KINDS,
  ENTITY_TYPE_LABELS,
  ENTITY_TYPES,
  type ClaimKind,
  type EntityType,
} from '../common/vocabulary.ts';
import type { Article, Claim, ClaimStatus, Entity } from '../model.ts';
import { keptClaims, type ExportSource } from './export-source.ts';

/*
 * A report lists the claims before the articles they are in, and its heading counts what follows, so
 * it reads the articles more than once rather than keeping them: each pass calls source.articles()
 * again and keeps only what is bounded by the registry (outlets, wires, statuses), never anything
 * per article or per claim. Claim numbers (c1, c2 …) are not stored either: every pass counts the
 * claims in the same reading order, so the nth claim read is cn in the table and in the text alike.
 */

/** What the first pass counts: totals, and tallies as large as the number of outlets, never the articles. */
export type ReportSurvey = {
  articles: number;
  claims: number;
  outlets: Map<string, number>;
  wires: Map<string, number>;
  /** Syndicated copies of one story count once. */
  stories: number;
  firstPublished: string | null;
  lastPublished: string | null;
  statuses: Map<ClaimStatus, number>;
  /** Claims still suggestions (in a report of every suggestion; none in a reviewed-only one). */
  unreviewed: number;
};

/** An article's kept claims in reading order, the order their numbers follow. */
export const claimsInOrder = (article: Article) =>
  keptClaims(article).sort((a, b) => a.start - b.start || b.end - a.end);

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Pass 1: the counts the heading and the sources need before anything is written. */
export async function surveyReport(source: ExportSource): Promise<ReportSurvey> {
  const survey: ReportSurvey = {
    articles: 0,
    claims: 0,
    outlets: new Map(),
    wires: new Map(),
    stories: 0,
    firstPublished: null,
    lastPublished: null,
    statuses: new Map(),
    unreviewed: 0,
  };
  // Only syndicated stories are remembered, one id each: an article in no story is a story by itself.
  // (Counting only a story's first article would hold nothing, but miss stories whose first is out of scope.)
  const syndicated = new Set<string>();
  for await (const article of source.articles()) {
    survey.articles++;
    bump(survey.outlets, article.source);
    for (const wire of new Set(article.wireCredits)) bump(survey.wires, wire);
    if (article.storyId === null) survey.stories++;
    else syndicated.add(article.storyId);
    // Dates compare as their day: "2026-03-13" and "2026-03-13T08:30:00+02:00" are the same day to a reader.
    const day = article.publishedAt?.slice(0, 10) ?? null;
    if (day && (!survey.firstPublished || day < survey.firstPublished.slice(0, 10)))
      survey.firstPublished = article.publishedAt;
    if (day && (!survey.lastPublished || day > survey.lastPublished.slice(0, 10)))
      survey.lastPublished = article.publishedAt;
    for (const claim of claimsInOrder(article)) {
      survey.claims++;
      bump(survey.statuses, claim.status);
      if (claim.review === 'suggested') survey.unreviewed++;
    }
  }
  survey.stories += syndicated.size;
  return survey;
}

/** An article as a pass reads it: its number in reading order (1, 2 …) and its claims, numbered. */
export type NumberedArticle = {
  article: Article;
  n: number;
  claims: { claim: Claim; n: number }[];
};

/**
 * One pass over the articles, each with its number and its claims' numbers, counted the same way in
 * every pass. The claims table (pass 2), the contents (pass 3) and the texts (pass 4) each make one.
 * An article edited between two passes can shift the numbers after it: the source is not a snapshot.
 */
export async function* numberedArticles(source: ExportSource): AsyncIterable<NumberedArticle> {
  let articles = 0;
  let claims = 0;
  for await (const article of source.articles())
    yield { article, n: ++articles, claims: claimsInOrder(article).map((claim) => ({ claim, n: ++claims })) };
}

/**
 * Which suggestions the report holds, in a sentence for its heading: "Only what a person confirmed:
 * 1 claim; 3 unreviewed suggestions left out (1 claim, 2 mentions)." A reader outside the desk must
 * know whether a claim in it was checked by anyone.
 */
export function reviewStatement(source: ExportSource, survey: ReportSurvey): string {
  const { leftOut } = source.review;
  if (source.review.reviewedOnly && leftOut) {
    const total = leftOut.claims + leftOut.mentions;
    const detail = total ? ` (${plural(leftOut.claims, 'claim')}, ${plural(leftOut.mentions, 'mention')})` : '';
    return `Only what a person confirmed: ${plural(survey.claims, 'claim')}; ${plural(total, 'unreviewed suggestion')} left out${detail}.`;
  }
  return `Every suggestion included: ${plural(survey.claims, 'claim')}, ${survey.unreviewed} of them not yet reviewed by a person.`;
}

/** Most counted first, then by name. */
export const ranked = (counts: ReadonlyMap<string, number>) =>
  [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

/** The statuses most claimed first, for the heading. */
export const rankedStatuses = (survey: ReportSurvey) => [...survey.statuses].sort(([, a], [, b]) => b - a);

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * A span clamped to the text and widened so it never cuts a surrogate pair in two (that would write
 * a lone half as U+FFFD); null when nothing of it is left. Offsets from a hand-edited file may not fit.
 */
export function fitSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  let s = Math.max(0, start);
  let e = Math.min(end, text.length);
  if (s > 0 && s < text.length && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
  if (e > 0 && e < text.length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e++;
  return s < e ? { start: s, end: e } : null;
}

/** The text cut into paragraphs (blank lines between them) and the separators, in order, covering all of it. */
export function paragraphsOf(text: string): { start: number; end: number; paragraph: boolean }[] {
  const pieces: { start: number; end: number; paragraph: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(/\n[^\S\n]*\n\s*/g)) {
    if (match.index > at) pieces.push({ start: at, end: match.index, paragraph: true });
    pieces.push({ start: match.index, end: match.index + match[0].length, paragraph: false });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ start: at, end: text.length, paragraph: true });
  return pieces;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "13 March 2026" or "13 March 2026, 08:30 (UTC+02:00)": the outlet's own local time, never shifted to ours. */
export function formatDate(iso: string | null, short = false): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})[^Z+-]*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const day = `${Number(m[3])} ${short ? month.slice(0, 3) : month} ${m[1]}`;
  if (short || !m[4]) return day;
  const zone = !m[6] ? '' : m[6] === 'Z' ? ' UTC' : ` (UTC${m[6]})`;
  return `${day}, ${m[4]}:${m[5]}${zone}`;
}

/** "9–14 March 2026", "28 February – 3 March 2026", or one day. */
export function formatRange(first: string | null, last: string | null): string {
  const a = formatDate(first?.slice(0, 10) ?? null);
  const b = formatDate(last?.slice(0, 10) ?? null);
  if (!a || a === b) return a;
  const [da, ma, ya] = a.split(' ');
  const [db, mb, yb] = b.split(' ');
  if (ya === yb && ma === mb) return `${da}–${db} ${mb} ${yb}`;
  if (ya === yb) return `${da} ${ma} – ${b}`;
  return `${a} – ${b}`;
}

/** "a UN official → Reuters → MENAFN": who said it, and through whom it reached this outlet. */
export const claimChain = (claim: Claim) => [claim.claimant?.name ?? '', ...claim.via];

/** A claim's when, where and group, as plain text for the writer to escape: "event 12 Mar 2026", "in Velmora". */
export function claimFacts(source: ExportSource, claim: Claim): string[] {
  const places = claim.placeIds.map((id) => source.entities.get(id)?.name ?? id);
  const group = claim.groupId ? (source.claimGroups.get(claim.groupId)?.label ?? null) : null;
  return [
    claim.eventDate ? `event ${formatDate(claim.eventDate, true) || claim.eventDate}` : '',
    places.length ? `in ${places.join(', ')}` : '',
    group ? `group: ${group}` : '',
  ].filter(Boolean);
}

/** A contents line's small print: outlet, day, and how many claims, as plain text. */
export const contentsMeta = ({ article, claims }: NumberedArticle) =>
  [
    article.source,
    formatDate(article.publishedAt, true) || 'date unknown',
    claims.length ? plural(claims.length, 'claim') : '',
  ].filter(Boolean);

/** The names of the collections an article is in (the id when one is gone). */
export const collectionNames = (source: ExportSource, article: Article) =>
  article.collectionIds.map((id) => source.collections.get(id)?.name ?? id);

/** A claim's kind as a report says it in a sentence ("territorial control"). */
export const KIND_LABELS = Object.fromEntries(
  CLAIM_KINDS.map((kind) => [kind, CLAIM_KIND_LABELS[kind].toLowerCase()]),
) as Record<ClaimKind, string>;

/** Each entity type as a report's heading ("Armed and political groups"). */
export const TYPE_LABELS = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, ENTITY_TYPE_LABELS[type].plural]),
) as Record<EntityType, string>;

/** The registry entities by type, each most mentioned first. */
export function entitiesByType(source: ExportSource): [EntityType, Entity[]][] {
  const byType = new Map<EntityType, Entity[]>();
  for (const entity of source.entities.values()) {
    const list = byType.get(entity.type);
    if (list) list.push(entity);
    else byType.set(entity.type, [entity]);
  }
  const count = (e: Entity) => source.articlesMentioning.get(e.id) ?? 0;
  return ENTITY_TYPES.flatMap((type) => {
    const entities = byType.get(type);
    return entities ? [[type, entities.sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name))]] : [];
  });
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Only http(s) URLs become links: anything else (javascript:, data:, file:) stays text. */
export function httpHref(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
