// Sentences and direct quotes over the tagger's tokens: where a claim may start and end.
import type { Token } from '../tagging/tokenize.ts';

/** Token indexes, `last` inclusive. */
export type Sentence = { first: number; last: number };
/** The tokens of a quote's marks; `open` and `close` are the marks themselves. */
export type Quote = { open: number; close: number };

// A "sentence" longer than this is not prose (a table, a feed dump): cut it, so no rule runs long.
const MAX_TOKENS = 250;
const ENDS = new Set(['.', '!', '?', '…', '...']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/** Sentences of the text, in order: a full stop before a capital or a quote, or a line break, ends one. */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (!next) break;
    if (i - first >= MAX_TOKENS || text.slice(tokens[i]!.end, next.start).includes('\n')) {
      sentences.push({ first, last: i });
      first = i + 1;
      continue;
    }
    // "(R-S.C.)": a full stop with a word right after it ends nothing.
    if (!ENDS.has(tokens[i]!.text) || !next.spaceBefore) continue;
    let last = i;
    // The closing quote after a full stop belongs to the sentence it closes.
    while (CLOSERS.has(tokens[last + 1]?.text ?? '') && !tokens[last + 1]!.spaceBefore) last++;
    const after = tokens[last + 1];
    if (!after) break;
    if (text.slice(tokens[last]!.end, after.start).includes('\n')) {
      sentences.push({ first, last });
      first = last + 1;
      i = last;
      continue;
    }
    if (!/^[\p{Lu}\p{N}"“‘'(—–-]/u.test(after.text)) continue;
    sentences.push({ first, last });
    first = last + 1;
    i = last;
  }
  if (first < tokens.length) sentences.push({ first, last: tokens.length - 1 });
  return sentences;
}

/**
 * Direct quotes within a paragraph: curly marks pair by shape, straight ones (and '' read as one) by turns. A quote left open at
 * the paragraph's end is none (news opens each paragraph of a long quote again).
 */
export function findQuotes(text: string, tokens: Token[]): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let straight = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n')) open = straight = -1;
    const mark = tokens[i]!.text;
    if (mark === '“' || (mark === '”' && open < 0 && startsQuote(tokens, i))) open = i;
    else if (mark === '”' && open >= 0) {
      quotes.push({ open, close: i });
      open = -1;
    } else if (mark === '"') {
      if (straight < 0) straight = i;
      else {
        quotes.push({ open: straight, close: i });
        straight = -1;
      }
    }
  }
  return quotes.sort((a, b) => a.open - b.open);
}

// Some sites print ” for both marks: one before a word, after a space, opens.
function startsQuote(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return (i === 0 || tokens[i]!.spaceBefore) && next !== undefined && !next.spaceBefore;
}

/** For each token, the quote it is inside (marks excluded), or -1. */
export function markQuoted(tokens: Token[], quotes: Quote[]): Int32Array {
  const inside = new Int32Array(tokens.length).fill(-1);
  quotes.forEach((quote, q) => {
    for (let i = quote.open + 1; i < quote.close; i++) inside[i] = q;
  });
  return inside;
}
