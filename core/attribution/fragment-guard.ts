// The last check on every suggested claim, in every language: its content is a whole clause of one sentence, never a piece of a broken line.
import type { ClaimParty, ClaimSuggestion, EntityHint } from './claim-types.ts';
import { countWords } from './foreign-text.ts';

// A line that ends on one of these words has been broken inside its sentence.
const OPEN_ENDINGS = new Set(
  `the a an of to and or but for with in on at by from as that than its their his her our your this these those
  le la les l de des du d à au aux et ou un une sur dans par pour avec que qui ces son sa ses leur leurs
  el los las lo del al y o u una unos unas en con por para según sus su
  في من إلى الى على عن و أو او أن ان إن التي الذي الذين مع بين`.split(/\s+/),
);
// Contents never end on an article, a preposition or a conjunction: "it was too early to" was cut short.
const DANGLING = new Set(
  `the a an of to and or but for with in on at by from than le la les l de des du d à au aux et ou un une sur dans
  par pour avec el los las del al y o u una en con por para في من إلى الى على عن مع و`.split(/\s+/),
);
// Relatives and bare demonstratives are never a claimant by themselves.
const NOT_CLAIMANTS = new Set(
  'that which who whom whose what this these those qui que dont lequel laquelle quien quienes cual cuales esto eso الذي التي الذين'.split(
    ' ',
  ),
);
const PARTIES = new Set(['person', 'organization', 'group']);
const ANTECEDENT_REACH = 80;
const TERMINAL = /[.!?؟…:;"'”’»)\]]$/u;
// A wrapped line is long; a heading or a dateline above a paragraph is short.
const WRAPPED_LINE = 50;

/** Line breaks of `text` that fall inside a sentence: the text's source wrapped its lines. Sorted offsets. */
export function brokenLineBreaks(text: string): number[] {
  const breaks: number[] = [];
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const line = text.slice(lineStart, i).trimEnd();
    lineStart = i + 1;
    if (line.trim() === '' || TERMINAL.test(line)) continue;
    const next = text.slice(i + 1).match(/^\s*(\S)/u)?.[1];
    if (next === undefined) continue;
    const lastWord = line.match(/([\p{L}\p{M}]+)$/u)?.[1]?.toLowerCase() ?? '';
    const caseless = /\p{L}/u.test(next) && !/\p{Lu}|\p{Ll}/u.test(next);
    if (
      /\p{Ll}/u.test(next) ||
      /[,،]$/u.test(line) ||
      OPEN_ENDINGS.has(lastWord) ||
      (caseless && /[\p{L}\p{N}]$/u.test(line) && line.trim().length >= WRAPPED_LINE)
    )
      breaks.push(i);
  }
  return breaks;
}

/**
 * Claims whose content is a whole clause of one sentence (or a name or quote a stance verb takes: "endorsed
 * Trump") and whose claimant is someone: a bare "who" or "that" becomes the name just before it, or the claim goes.
 */
export function dropFragments(text: string, claims: ClaimSuggestion[], entities: EntityHint[]): ClaimSuggestion[] {
  const breaks = new Set(brokenLineBreaks(text));
  const kept: ClaimSuggestion[] = [];
  for (const claim of claims) {
    if (isFragment(text, claim, breaks)) continue;
    const claimant = claim.claimant;
    if (!claimant || claimant.name !== claimant.text || !NOT_CLAIMANTS.has(claimant.text.toLowerCase())) {
      kept.push(claim);
      continue;
    }
    const antecedent = nameBefore(text, claimant.start, entities);
    if (antecedent) kept.push({ ...claim, claimant: antecedent });
  }
  return kept;
}

/** "Mr. Smith, who said": the person or organization named right before a relative, in the same sentence. */
function nameBefore(text: string, at: number, entities: EntityHint[]): ClaimParty | null {
  const mention = entities.findLast((e) => e.end <= at && at - e.end <= ANTECEDENT_REACH && PARTIES.has(e.type));
  if (!mention || /[.!?؟\n]/u.test(text.slice(mention.end, at))) return null;
  return { ...mention, text: text.slice(mention.start, mention.end) };
}

function isFragment(text: string, claim: ClaimSuggestion, breaks: Set<number>): boolean {
  const words = countWords(claim.text);
  // One word is what a verb takes ("accused them of spying", "endorsed Trump"), never an adverb ("basically").
  if (words === 0 || (words === 1 && /^\p{L}+ly\W*$/iu.test(claim.text.trim()))) return true;
  const lastWord = claim.text.match(/([\p{L}\p{M}]+)[\s,،]*$/u)?.[1]?.toLowerCase() ?? '';
  if (DANGLING.has(lastWord)) return true;
  if (breaks.size === 0) return false;
  const start = Math.min(claim.start, claim.cue.end > claim.cue.start ? claim.cue.start : claim.start);
  const end = Math.max(claim.end, claim.cue.end);
  return inBrokenSentence(text, start, end, breaks);
}

/** The sentence around [start, end) runs across a broken line: no full stop stands between the words and the break. */
function inBrokenSentence(text: string, start: number, end: number, breaks: Set<number>): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1);
  const lineEnd = text.indexOf('\n', end);
  const sentenceEnd = /[.!?؟…](?:["'”’»)\]]*)(?:\s|$)/u;
  if (lineStart >= 0 && breaks.has(lineStart) && !sentenceEnd.test(text.slice(lineStart + 1, start))) return true;
  if (lineEnd >= 0 && breaks.has(lineEnd) && !sentenceEnd.test(text.slice(end, lineEnd))) return true;
  // A break inside the claim's own words.
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1))
    if (breaks.has(i)) return true;
  return false;
}
