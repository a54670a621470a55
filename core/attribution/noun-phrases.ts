// Noun phrases around a cue: the subject before it, the claimant or target after it, and their head words.
import type { Token } from '../tagging/tokenize.ts';

/** Token indexes, `last` inclusive. */
export type Range = { first: number; last: number };

const NOMINAL_POS = new Set(['NOUN', 'PROPN', 'NUM']);
// Quantifiers stand for a noun: "all agreed", "some of the miners".
const QUANTIFIERS = new Set('all both some many most none several few others each one'.split(' '));
const isNominal = (t: Token) => NOMINAL_POS.has(t.pos) || QUANTIFIERS.has(t.lower);
const OBJECT_PRONOUNS = new Set('me him her us them you'.split(' '));
const MODIFIER = new Set(['DET', 'ADJ', 'PART', 'NUM', 'X']);
const PERSONAL = new Set('he she they it we i you who which'.split(' '));
const POSSESSIVE = new Set('his her their its our my your whose'.split(' '));
const CONNECTORS = new Set(['of', 'for', 'at', 'from', 'by', 'to']);
const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later recently
  previously morning afternoon evening night week weekend month year day last this on late early`.split(/\s+/),
);
const MAX_PHRASE = 14;

const isPersonal = (t: Token) => PERSONAL.has(t.lower);
const isPart = (t: Token) =>
  (isNominal(t) || (t.text === '-' && !t.spaceBefore) || MODIFIER.has(t.pos) || POSSESSIVE.has(t.lower)) &&
  !isPersonal(t);

/** Skips adverbs, auxiliaries, "not" and time words leftwards from `i`: "he has also previously said". */
export function skipBack(tokens: Token[], i: number, floor: number): number {
  while (i >= floor) {
    const t = tokens[i]!;
    if (t.pos === 'ADV' || t.pos === 'AUX' || /^(not|n't|all|both)$/.test(t.lower)) i--;
    else if (TIME_WORDS.has(t.lower) && !tokens[i - 1]?.text.match(/^[,“"]$/) && i > floor) i--;
    else if (t.pos === 'NUM' && /^\d{4}$/.test(t.text) && /^(in|since|by)$/.test(tokens[i - 1]?.lower ?? '')) i -= 2;
    else break;
  }
  return i;
}

/** The subject of the verb at `verb`: the noun phrase that ends right before it, with a comma-bound apposition. */
export function findSubject(tokens: Token[], verb: number, floor: number): Range | null {
  const j = skipBack(tokens, verb - 1, floor);
  if (j < floor) return null;
  if (tokens[j]!.text === ',') return findApposed(tokens, j, floor);
  // "cities that support the rules": the relative pronoun, resolved to the noun before it.
  if (tokens[j]!.lower === 'that' && j > floor && isNominal(tokens[j - 1]!)) return { first: j, last: j };
  // A determiner left without its noun ("The have reportedly seized ..."): a typo for a pronoun.
  const lead = tokens[j - 1];
  if (tokens[j]!.pos === 'DET' && /^(the|these|those)$/.test(tokens[j]!.lower))
    if (j === floor || lead?.text === ',' || lead?.pos === 'CCONJ') return { first: j, last: j };
  // "a report released last year found", "the poll conducted by X shows": the noun before the participle.
  const t = tokens[j]!;
  if (t.pos === 'VERB' && /ed$/.test(t.lower) && j - 1 >= floor && isNominal(tokens[j - 1]!)) {
    const noun = phraseBefore(tokens, j - 1, floor);
    return noun ? { first: noun.first, last: verb - 1 } : null;
  }
  return phraseBefore(tokens, j, floor);
}

/** The noun phrase ending at `j` (inclusive), or null when the word there is not a noun's. */
export function phraseBefore(tokens: Token[], j: number, floor: number): Range | null {
  const last = j;
  if (tokens[j]!.text === ')') {
    const open = findBack(tokens, j, floor, '(');
    if (open < 0) return null;
    j = open - 1;
  }
  const end = tokens[j];
  if (!end) return null;
  if (isPersonal(end)) return j >= floor ? { first: j, last } : null;
  if (j < floor || !isNominal(end)) return null;
  let i = j;
  while (i - 1 >= floor && j - i < MAX_PHRASE) {
    const p = tokens[i - 1]!;
    const before = tokens[i - 2];
    if (isPart(p)) i--;
    else if (CONNECTORS.has(p.lower) && before && isNominal(before) && i - 2 >= floor) i--;
    else if ((p.lower === 'and' || p.text === '&') && before && isNominal(before) && isPart(tokens[i]!)) i--;
    else break;
  }
  // A phrase starts with a word, not with "of" or "’s".
  while (i < j && (CONNECTORS.has(tokens[i]!.lower) || tokens[i]!.pos === 'PART')) i++;
  return { first: i, last };
}

/**
 * "Flynn, a top Trump surrogate, said", "Smith, who heads the agency, said", "Clinton, at a press gaggle, said":
 * up to three comma-bound asides back from the comma at `comma`, after a noun phrase with a name in it.
 */
function findApposed(tokens: Token[], comma: number, floor: number): Range | null {
  let close = comma;
  let named = false;
  for (let segments = 0; segments < 3; segments++) {
    const open = asideStart(tokens, close, floor);
    if (open < 0) return null;
    named ||= hasName(tokens, open + 1, close - 1);
    const head = phraseBefore(tokens, open - 1, floor);
    if (head && (named || hasName(tokens, head.first, head.last) || isPersonal(tokens[head.last]!))) {
      const lead = tokens[head.first - 1];
      if (!lead || head.first === floor || lead.text !== ',' || segments === 2)
        return { first: head.first, last: comma - 1 };
    }
    if (tokens[open]?.text !== ',') return null;
    close = open;
  }
  return null;
}

/**
 * The comma that opens the aside closed by the comma at `close`, or -1. An aside is a noun phrase, a relative
 * clause (", who heads the agency,", ", the agency that oversees it,"), a participle (", speaking to a group,") or
 * a short prepositional phrase (", at a later press gaggle,"); a finite verb outside a relative clause ends it.
 */
function asideStart(tokens: Token[], close: number, floor: number): number {
  let finite = false;
  for (let k = close - 1; k > close - 24 && k > floor; k--) {
    const t = tokens[k]!;
    if (/^[.;:"“”]$/.test(t.text)) return -1;
    if (t.text === ',') return k < close - 1 && !finite && asideOpens(tokens[k + 1]!, close - k) ? k : -1;
    // The verbs right of "who", "which", "that" are the relative clause's.
    if (/^(who|which|whose|that|where)$/.test(t.lower)) finite = false;
    else if (t.pos === 'AUX' || (t.pos === 'VERB' && !/(?:ing|ed)$/.test(t.lower))) finite = true;
  }
  return -1;
}

function asideOpens(first: Token, length: number): boolean {
  if (first.pos === 'ADP') return length <= 8;
  return /^(DET|ADJ|NOUN|PROPN|NUM|PRON)$/.test(first.pos) || (first.pos === 'VERB' && /ing$/.test(first.lower));
}

const hasName = (tokens: Token[], first: number, last: number) =>
  tokens.slice(first, last + 1).some((t) => t.pos === 'PROPN');

/** The noun phrase starting at `k`, up to `ceiling` (inclusive), with an apposition that ends the clause. */
export function phraseAfter(tokens: Token[], k: number, ceiling: number, apposition = true): Range | null {
  const first = tokens[k];
  if (!first || k > ceiling) return null;
  if (isPersonal(first)) return { first: k, last: k };
  let i = k;
  let last = -1;
  while (i <= ceiling && i - k < MAX_PHRASE) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // "told the agency that troops had ...": after a noun, "that" opens a clause.
    if (t.lower === 'that' && last === i - 1) break;
    if (isPart(t)) {
      if (isNominal(t)) last = i;
      i++;
    } else if (t.text === '(' && last === i - 1) {
      // "Rep. G.K. Butterfield (D-N.C.)"
      let close = i + 1;
      while (close <= ceiling && close < i + 6 && tokens[close]!.text !== ')') close++;
      if (tokens[close]?.text !== ')' || close > ceiling) break;
      last = close;
      i = close + 1;
    } else if (CONNECTORS.has(t.lower) && last === i - 1 && next && isPart(next)) i++;
    else if ((t.lower === 'and' || t.text === '&') && last === i - 1 && next && isPart(next)) i++;
    else break;
  }
  if (last < 0) return OBJECT_PRONOUNS.has(first.lower) ? { first: k, last: k } : null;
  // ", a spokesman for the ministry." ends the sentence: it is the same person.
  if (apposition && tokens[last + 1]?.text === ',') {
    const more = phraseAfter(tokens, last + 2, ceiling, false);
    const after = more ? tokens[more.last + 1] : undefined;
    if (more && (more.last >= ceiling || after?.text === ',' || after?.text === '.'))
      return { first: k, last: more.last };
  }
  return { first: k, last };
}

/** The word that names the phrase: its first name before an apposition or "of", else its last noun. */
export function headOf(tokens: Token[], range: Range): number {
  let end = range.last;
  for (let i = range.first; i <= range.last; i++) {
    const t = tokens[i]!;
    if (t.text === ',' || t.text === '(' || CONNECTORS.has(t.lower) || t.lower === 'who' || t.lower === 'which') {
      end = i - 1;
      break;
    }
  }
  while (end > range.first && !isNominal(tokens[end]!) && !isPersonal(tokens[end]!)) end--;
  return end;
}

function findBack(tokens: Token[], from: number, floor: number, text: string): number {
  for (let k = from - 1; k >= floor && k > from - 8; k--) if (tokens[k]!.text === text) return k;
  return -1;
}
