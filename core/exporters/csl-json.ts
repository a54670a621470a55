// CSL-JSON for reference managers (Zotero, citeproc): one "article-newspaper" item per article, streamed as a JSON array.
import type { Article } from '../model.ts';
import type { ExportSource } from './export-source.ts';

/** A CSL name: split only when the byline is clearly "Given Family"; anything else is kept as written. */
export type CslName = { family: string; given: string } | { literal: string };

type CslDate = { 'date-parts': [number[]] };

/** The fields we fill; empty ones are left out, since CSL processors treat "" differently from absent. */
export type CslItem = {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
};

/** The array is written item by item, one per line: one article in memory at a time, however large the library. */
export async function* cslJson(source: ExportSource): AsyncIterable<string> {
  yield '[\n';
  let first = true;
  for await (const article of source.articles()) {
    yield (first ? '  ' : ',\n  ') + JSON.stringify(cslItem(article));
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

export function cslItem(article: Article): CslItem {
  const item: CslItem = { id: article.id, type: 'article-newspaper', title: article.title };
  if (article.source) item['container-title'] = article.source;
  const author = bylineNames(article.byline);
  if (author.length) item.author = author;
  const issued = article.publishedAt ? dateParts(article.publishedAt) : null;
  if (issued) item.issued = issued;
  const accessed = dateParts(article.capturedAt);
  if (accessed) item.accessed = accessed;
  if (article.url) item.URL = article.url;
  if (article.language) item.language = article.language;
  return item;
}

/**
 * The date as the outlet gave it: the ISO string's own calendar date, not converted to UTC (an article
 * dated 00:30+02:00 was published on that day where it was written).
 */
export function dateParts(iso: string): CslDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return null;
  const parts = match.slice(1).flatMap((part) => (part === undefined ? [] : [Number(part)]));
  return { 'date-parts': [parts] };
}

/** Words that mark a desk or a team rather than a person ("Reuters staff", "Our correspondent"). */
const DESK =
  /\b(staff|reporters?|correspondents?|desk|bureau|agenc(?:y|ies)|news|newsroom|editors?|editorial|team|service|wires?|writers?|contributors?|board)\b/i;
/** Agencies credited as authors; case-sensitive, so "Ria Kessler" stays a person and "RIA" does not. */
const AGENCIES =
  /\b(Reuters|AFP|AP|Associated Press|Bloomberg|Xinhua|TASS|RIA|DPA|dpa|EFE|ANSA|Anadolu|UPI|PTI|IANS)\b/;
/** Surname particles: "Ludwig van Beethoven" is family "van Beethoven". */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
]);
/** A capitalised word of letters ("Anna", "O'Neill", "Lévy-Strauss") or an initial ("J.", "J.R."). */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;

/**
 * "By Anna Kessler and Tomas Varga" → two persons; "Reuters staff" → one literal. A byline that is
 * not clearly names in "Given Family" order (one word, all capitals, a script without case, a desk)
 * keeps its words as a literal: a citation that prints a name as given beats one that inverts it wrongly.
 */
export function bylineNames(byline: string): CslName[] {
  const text = byline
    .trim()
    .replace(/^by[\s:]+/i, '')
    .trim();
  if (!text) return [];
  const parts = text
    .split(/\s*(?:,|;|&|\+|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean);
  const names = parts.map(personName);
  // "Kessler, Anna" or "Guardian staff and agencies": no part is clearly a person, so the byline stays whole.
  if (!names.some((name) => name && 'family' in name)) return [{ literal: text }];
  return parts.map((part, i) => names[i] ?? { literal: part });
}

function personName(part: string): CslName | null {
  if (DESK.test(part) || AGENCIES.test(part)) return null;
  // "Anna Kessler in Karovsk": the dateline's place is not part of the name.
  const words = part.replace(/\s+in\s+\p{Lu}[\p{L}\s-]*$/u, '').split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  const particle = words.findIndex((word, i) => i > 0 && PARTICLES.has(word.toLowerCase()));
  const familyStart = particle > 0 && particle < words.length - 1 ? particle : words.length - 1;
  const given = words.slice(0, familyStart);
  const family = words.slice(familyStart);
  if (!given.every((word) => NAME_WORD.test(word) || INITIALS.test(word))) return null;
  if (!NAME_WORD.test(family.at(-1)!)) return null;
  if (!family.slice(0, -1).every((word) => PARTICLES.has(word.toLowerCase()))) return null;
  return { family: family.join(' '), given: given.join(' ') };
}
