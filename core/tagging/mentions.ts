// Known names (registry, starter list, compromise phrases) and capitalized runs reconciled into one list of mentions.
import type { EntityType } from '../model.ts';
import { classifyRun, isDemonym } from './classify-runs.ts';
import { Lex, type Lexicon } from './lexicon.ts';
import { isHeadWord, type Run } from './name-runs.ts';
import type { Token } from './tokenize.ts';
import { isCommon } from './vocabulary.ts';
import { EVENT_HEADS, NAME_PARTICLES, ORGANIZATION_PREFIXES, PERSON_TITLES } from './word-lists.ts';

export type Source = 'registry' | 'starter' | 'model' | 'rule';
export type Mention = {
  start: number;
  end: number;
  /** Null while it is only a capitalized word nothing vouches for: propagation may still type it. */
  type: EntityType | null;
  source: Source;
  /** How sure the type is: 10 for the registry, 5 for the starter list, a vote score otherwise. */
  strength: number;
  entityId: string | null;
  name: string;
  /** The words as written, spaces normalized ("Assad" for a mention named "Bashar al-Assad"). */
  surface: string;
};
export type KnownName = Omit<Mention, 'strength' | 'surface'> & { priority: number };

const TRAILING = new Set([...NAME_PARTICLES, 'of', 'for', 'on', 'the', 'and', '&']);
const STRENGTH: Record<Source, number> = { registry: 10, starter: 5, model: 0, rule: 0 };

/** Overlapping known names: the one that strictly contains the other wins ("New York Times" over "New York"), else priority. */
export function mergeKnown(text: string, names: KnownName[]): KnownName[] {
  const sorted = [...names].sort((a, b) => a.start - b.start || b.end - a.end || b.priority - a.priority);
  const kept: KnownName[] = [];
  for (const name of sorted) {
    let wins = true;
    while (kept.length > 0) {
      const last = kept[kept.length - 1]!;
      if (last.end <= name.start) break;
      if (beats(text, name, last)) kept.pop();
      else {
        wins = false;
        break;
      }
    }
    if (wins) kept.push(name);
  }
  return kept;
}

function beats(text: string, a: KnownName, b: KnownName): boolean {
  const aContains = a.start <= b.start && a.end >= b.end && addsName(text, a, b);
  const bContains = b.start <= a.start && b.end >= a.end && addsName(text, b, a);
  if (aContains !== bContains) return aContains;
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.end - a.start > b.end - b.start;
}

/** Does the longer name add a name word to the shorter ("New York Times" to "New York"), not just "The"? */
function addsName(text: string, longer: KnownName, shorter: KnownName): boolean {
  const extra = text.slice(longer.start, shorter.start) + ' ' + text.slice(shorter.end, longer.end);
  return /\p{Lu}/u.test(extra.replace(/\b(?:The|A|An)\b/g, ''));
}

/** One mention per run, or the known names inside it and the rest of the run around them. */
export function reconcile(text: string, tokens: Token[], runs: Run[], known: KnownName[], lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  let k = 0;
  const pushKnown = (name: KnownName) =>
    mentions.push({
      ...name,
      strength: STRENGTH[name.source] + name.priority,
      surface: text.slice(name.start, name.end).replace(/\s+/g, ' '),
    });
  for (const run of runs) {
    const start = tokens[run.first]!.start;
    const end = tokens[run.last]!.end;
    while (k < known.length && known[k]!.end <= start) pushKnown(known[k++]!);
    const inside: KnownName[] = [];
    while (k < known.length && known[k]!.start < end) inside.push(known[k++]!);
    if (inside.length === 0 || (inside.length === 1 && runWins(text, tokens, run, inside[0]!, lexicon))) {
      addRun(tokens, run, lexicon, mentions);
      continue;
    }
    // The known names win; what is left of the run on either side is judged on its own.
    let from = run.first;
    for (const name of inside) {
      let to = from;
      while (to <= run.last && tokens[to]!.end <= name.start) to++;
      if (to > from) addRun(tokens, { first: from, last: to - 1 }, lexicon, mentions);
      pushKnown(name);
      from = to;
      while (from <= run.last && tokens[from]!.start < name.end) from++;
    }
    if (from <= run.last) addRun(tokens, { first: from, last: run.last }, lexicon, mentions);
  }
  while (k < known.length) pushKnown(known[k++]!);
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

function spansRun(tokens: Token[], run: Run, name: KnownName): boolean {
  return name.start <= tokens[run.first]!.start && name.end >= tokens[run.last]!.end;
}

/** "Washington Post", "Bank of England", "George Washington": the run is a different, longer name. */
function runWins(text: string, tokens: Token[], run: Run, name: KnownName, lexicon: Lexicon): boolean {
  if (spansRun(tokens, run, name)) return false;
  const first = tokens[run.first]!;
  const last = tokens[run.last]!;
  const outside = (t: Token) => t.end <= name.start || t.start >= name.end;
  if (outside(last) && (isHeadWord(last.lower, lexicon) || EVENT_HEADS.has(last.lower)) && !last.upper) return true;
  if (outside(first) && isHeadWord(first.lower, lexicon) && tokens[run.first + 1]?.lower === 'of') return true;
  // "Air France", "Dynamo Moscow", "Inter Milan": a place inside a company's or a club's name.
  if (outside(first) && ORGANIZATION_PREFIXES.has(first.lower)) return true;
  // "Scottish Labour Party", "Indonesian Democratic Party": a national branch, another body.
  const lead = tokens.slice(run.first, run.last + 1).filter((t) => t.end <= name.start);
  const generic = / /.test(text.slice(name.start, name.end)) && isHeadWord(last.lower, lexicon);
  if (
    name.type !== 'location' &&
    generic &&
    lead.length > 0 &&
    lead.every((t) => isDemonym(t.lower, lexicon.flags(t.lower)))
  )
    return true;
  const firstFlags = lexicon.flags(first.lower);
  if (outside(first) && firstFlags & Lex.firstName && !(firstFlags & Lex.place) && name.start > first.start)
    return true;
  const before = tokens[run.first - 1];
  if (before && PERSON_TITLES.has(before.lower) && name.type === 'location' && !outside(first)) return true;
  // "Chad Ogea", "Jordan Henderson": a place that is also a first name, before a surname.
  const rest = tokens.slice(run.first + 1, run.last + 1);
  const surname = rest.length > 0 && rest.length <= 2 && rest.every((t) => t.capitalized && outside(t));
  return (
    surname && !outside(first) && (firstFlags & (Lex.firstName | Lex.person)) !== 0 && !isHeadWord(last.lower, lexicon)
  );
}

function addRun(tokens: Token[], run: Run, lexicon: Lexicon, mentions: Mention[]): void {
  let { first, last } = run;
  while (first <= last && !tokens[first]!.capitalized && !NAME_PARTICLES.has(tokens[first]!.text)) first++;
  while (last >= first && (TRAILING.has(tokens[last]!.lower) || !/\p{L}/u.test(tokens[last]!.text))) last--;
  if (first <= last && !tokens.slice(first, last + 1).some((t) => t.capitalized)) return;
  if (first > last) return;
  // "Secretary of State Antony Blinken", "Minister for Foreign Affairs Penny Wong": the rest of a title.
  const joiner = tokens[first - 1]?.lower;
  const title = tokens[first - 2];
  const titled = (joiner === 'of' || joiner === 'for') && title !== undefined && PERSON_TITLES.has(title.lower);
  // Its words are common ones ("State", "Foreign Affairs"); a first name or an acronym starts the name.
  const titleWord = (t: Token) =>
    !t.upper && !(lexicon.flags(t.lower) & Lex.firstName) && isCommon(t.lower, lexicon.flags(t.lower));
  if (titled) while (first < last && titleWord(tokens[first]!)) first++;
  const verdict = classifyRun(tokens, { first, last }, lexicon, titled);
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  const text = textOf(tokens, first, last);
  mentions.push({
    start,
    end,
    type: verdict?.type ?? null,
    source: verdict?.source ?? 'model',
    strength: verdict?.score ?? 0,
    entityId: null,
    name: text,
    surface: text,
  });
}

function textOf(tokens: Token[], first: number, last: number): string {
  let text = tokens[first]!.text;
  for (let i = first + 1; i <= last; i++) text += (tokens[i]!.spaceBefore ? ' ' : '') + tokens[i]!.text;
  return text;
}
