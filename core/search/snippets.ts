// The passage of an article that best shows why it matched, and where the matched words are in it (and in the title).
import { tokenize } from './fold.ts';
import type { Highlight } from './query-compile.ts';

export type Snippet = { text: string; highlights: [number, number][] };

const WINDOW = 240;

function matcher(highlight: Highlight): (term: string) => boolean {
  const terms = new Set(highlight.terms);
  return (term) => terms.has(term) || highlight.prefixes.some((p) => term.startsWith(p));
}

/** Offsets of the matched words of a short text (a title), whole. */
export function highlightsIn(text: string, highlight: Highlight): [number, number][] {
  const matches = matcher(highlight);
  return tokenize(text)
    .filter((t) => matches(t.term))
    .map((t) => [t.start, t.end]);
}

/**
 * About WINDOW characters around the densest run of matched words (the most distinct words, then
 * the earliest), cut at word boundaries, with "…" where the text goes on.
 */
export function snippetOf(text: string, highlight: Highlight): Snippet {
  const matches = matcher(highlight);
  const hits = tokenize(text).filter((t) => matches(t.term));
  let from = 0;
  if (hits.length) {
    let best = { score: -1, at: 0 };
    let j = 0;
    for (let i = 0; i < hits.length; i++) {
      while (hits[j]!.start < hits[i]!.end - WINDOW * 0.8) j++;
      const distinct = new Set(hits.slice(j, i + 1).map((h) => h.term)).size;
      if (distinct > best.score) best = { score: distinct, at: hits[j]!.start };
    }
    from = Math.max(0, best.at - 60);
  }
  let to = Math.min(text.length, from + WINDOW);
  // Whole words at both ends.
  if (from > 0) {
    const space = text.slice(from, from + 30).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const back = text.slice(Math.max(from, to - 30), to).search(/\s\S*$/);
    if (back >= 0) to = Math.max(from, to - 30) + back;
  }
  // Never half of a surrogate pair (an emoji, a rare CJK character) at either end.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  const body = text.slice(from, to).replace(/\s+/g, ' ');
  const lead = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  // Offsets from the collapsed passage: re-tokenized rather than mapped through the whitespace changes.
  const snippet = lead + body + tail;
  return { text: snippet, highlights: highlightsIn(snippet, highlight) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
