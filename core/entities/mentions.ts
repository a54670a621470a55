// An article's mentions as pure functions: quote selectors, re-anchoring, and folding new suggestions into reviewed ones.
import { ArchiveError } from '../errors.ts';
import type { EntityType, Mention, MentionSource, TextQuote } from '../model.ts';
import { newMentionId } from '../ids.ts';
import { sliceWhole } from '../common/clip-text.ts';

/** Context kept either side of a mention: enough to find it again, small enough for 10k mentions. */
const CONTEXT = 32;

export function quoteAt(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: sliceWhole(text, start - CONTEXT, start),
    suffix: sliceWhole(text, end, end + CONTEXT),
  };
}

/**
 * A span must lie inside the text, be non-empty, short, on one line (a name never crosses a
 * paragraph, and the reader draws paragraphs apart), and not split a surrogate pair.
 */
export function assertSpan(text: string, start: number, end: number): void {
  if (!(start >= 0 && end > start && end <= text.length))
    throw new ArchiveError('invalid', `The span ${start}-${end} is not inside the article's text (0-${text.length}).`);
  if (end - start > 1000) throw new ArchiveError('invalid', 'A mention is at most 1,000 characters.');
  const words = text.slice(start, end);
  if (!words.trim()) throw new ArchiveError('invalid', 'A mention cannot be only spaces.');
  if (/[\n\r]/.test(words)) throw new ArchiveError('invalid', 'A mention cannot cross a line break.');
  const low = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!);
  if (low(start) || low(end)) throw new ArchiveError('invalid', 'A span cannot split a character in two.');
}

export type NewMention = {
  start: number;
  end: number;
  entityId: string | null;
  name: string;
  type: EntityType;
  status: Mention['status'];
  source: MentionSource;
  confidence: number;
  /** Who tagged it by hand, and when (suggestions carry no attribution). */
  statusBy?: string | null;
  statusAt?: string;
};

export function makeMention(text: string, fields: NewMention): Mention {
  return { id: newMentionId(), ...fields, quote: quoteAt(text, fields.start, fields.end) };
}

/**
 * Mentions whose offsets no longer fit the text (an article file edited by hand) are found again by
 * their quote: near where the previous mention moved to (an edit shifts everything after it alike),
 * else the occurrence with the most matching context among those nearest its old place. A mention
 * whose text is gone is dropped. Linear in the text and the mentions, whatever the edit.
 */
export function anchorMentions(text: string, mentions: Mention[]): Mention[] {
  if (mentions.every((m) => text.slice(m.start, m.end) === m.quote.exact)) return mentions;
  const occurrences = new Map<string, number[]>();
  const positionsOf = (exact: string) => {
    let found = occurrences.get(exact);
    if (!found) {
      found = [];
      for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
      occurrences.set(exact, found);
    }
    return found;
  };
  const anchored: Mention[] = [];
  let shift = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    const { exact } = mention.quote;
    let at: number;
    if (text.slice(mention.start, mention.end) === exact && contextScore(text, mention.quote, mention.start) > 0)
      at = mention.start;
    else if (
      text.startsWith(exact, mention.start + shift) &&
      contextScore(text, mention.quote, mention.start + shift) > 0
    )
      at = mention.start + shift;
    else at = nearestBest(text, mention.quote, positionsOf(exact), mention.start + shift);
    if (at < 0) continue;
    shift = at - mention.start;
    anchored.push({ ...mention, start: at, end: at + exact.length });
  }
  return anchored;
}

/** How many context characters match either side (the whole context when there is none to match). */
function contextScore(text: string, quote: TextQuote, at: number): number {
  const before = commonSuffix(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix);
  const after = commonPrefix(
    text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length),
    quote.suffix,
  );
  return quote.prefix || quote.suffix ? before + after : 1;
}

/** Among the occurrences nearest `near` (a window, found by binary search), the best by context, then by distance. */
function nearestBest(text: string, quote: TextQuote, positions: number[], near: number): number {
  if (positions.length === 0) return -1;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < near) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestScore = -Infinity;
  for (let i = Math.max(0, lo - 32); i < Math.min(positions.length, lo + 32); i++) {
    const at = positions[i]!;
    const score = contextScore(text, quote, at) * 1e6 - Math.abs(at - near);
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * New suggestions folded into an article's mentions: what the user decided (confirmed, rejected, or
 * tagged by hand) stays; earlier suggestions are replaced; a suggestion is dropped where it overlaps
 * a decided mention, or when its text was rejected anywhere in the article (rejected suggestions are
 * remembered and not offered again for the same text).
 */
export function foldSuggestions(text: string, mentions: Mention[], suggestions: NewMention[]): Mention[] {
  const decided = mentions.filter((m) => m.status !== 'suggested');
  const rejectedTexts = new Set(decided.filter((m) => m.status === 'rejected').map((m) => m.quote.exact));
  // The same suggestion again keeps its id: a reader showing the earlier run can still confirm it.
  const earlier = new Map(mentions.filter((m) => m.status === 'suggested').map((m) => [sameSuggestion(m), m]));
  const fresh = suggestions
    .filter((s) => !decided.some((m) => overlaps(m, s)))
    .filter((s) => !rejectedTexts.has(text.slice(s.start, s.end)))
    .map((s) => {
      const before = earlier.get(sameSuggestion(s));
      return before ? { ...before, confidence: s.confidence, source: s.source } : makeMention(text, s);
    });
  return [...decided, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end);
}

function sameSuggestion(m: Pick<Mention, 'start' | 'end' | 'entityId' | 'name' | 'type'>): string {
  return `${m.start} ${m.end} ${m.entityId ?? ''} ${m.name} ${m.type}`;
}

/** A user's own tag replaces whatever overlapped it (their decision wins over a suggestion or an old tag). */
export function placeUserMention(
  text: string,
  mentions: Mention[],
  fields: Omit<NewMention, 'status' | 'source' | 'confidence'>,
): Mention[] {
  const mention = makeMention(text, { ...fields, status: 'confirmed', source: 'user', confidence: 1 });
  return [...mentions.filter((m) => !overlaps(m, mention)), mention].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Undo of a reject or a remove: the mentions as they were before, put back whole (status, entity,
 * source, confidence, merge history). A suggestion made since over the same words gives way; a decision
 * made since (a new tag there) is never overwritten.
 */
export function putBackMentions(text: string, mentions: Mention[], previous: Mention[]): Mention[] {
  const ids = new Set(previous.map((m) => m.id));
  let kept = mentions.filter((m) => !ids.has(m.id));
  for (const old of previous) {
    assertSpan(text, old.start, old.end);
    if (text.slice(old.start, old.end) !== old.quote.exact)
      throw new ArchiveError('invalid', `The article no longer reads “${old.quote.exact}” there: nothing to undo.`);
    if (kept.some((m) => m.status !== 'suggested' && overlaps(m, old)))
      throw new ArchiveError(
        'invalid',
        `“${old.quote.exact}” has been tagged again since: undoing would overwrite that tag.`,
      );
    kept = kept.filter((m) => !overlaps(m, old));
  }
  return [...kept, ...previous].sort((a, b) => a.start - b.start || a.end - b.end);
}
