// The type of a name no list knows, from compromise's lexicon and cues around it: titles, head words, "in", "northwest".
import type { EntityType } from '../model.ts';
import { Lex, type Lexicon } from './lexicon.ts';
import type { Run } from './name-runs.ts';
import type { Token } from './tokenize.ts';
import { isCommon } from './vocabulary.ts';
import {
  DEMONYMS,
  DIRECTIONS,
  EVENT_HEADS,
  GROUP_HEADS,
  HONORIFICS,
  LOCATION_HEADS,
  NAME_PARTICLES,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_PREPOSITIONS,
} from './word-lists.ts';

export type Verdict = { type: EntityType; score: number; source: 'model' | 'rule' };
type Votes = Record<'person' | 'organization' | 'group' | 'location', number>;

const SURNAME =
  /(?:ov|ova|ev|eva|enko|sky|ski|ska|vich|vić|ic|ić|shvili|adze|escu|poulos|opoulos|idis|oglu|oğlu|sson|sen|stein|berg|mann)$/;
const ORG_NAME = /(?:bank|tel|com|tech|soft|corp|net|air|tronics|media|gaz|prom|neft)$/;
const PLACE_NAME = /(?:stan|abad|burg|bourg|grad|gorod|ville|polis|pur|shire)$/;
const PLACE_KINDS = new Set(
  'town city village port capital province region district county state island suburb neighbourhood neighborhood camp'.split(
    ' ',
  ),
);

/** "Syrian", "Syrians", "Shiite": a people or a belief, not an entity. */
export function isDemonym(lower: string, flags: number): boolean {
  if (flags & Lex.demonym || DEMONYMS.has(lower) || NOT_NAMES.has(lower)) return true;
  return lower.endsWith('s') && (DEMONYMS.has(lower.slice(0, -1)) || DEMONYMS.has(lower.slice(0, -2)));
}

/** A verdict for tokens first..last, or null when it is not a name (demonyms, common words, job titles). */
export function classifyRun(tokens: Token[], run: Run, lexicon: Lexicon, titled = false): Verdict | null {
  const words = tokens
    .slice(run.first, run.last + 1)
    .filter((t) => !NAME_PARTICLES.has(t.lower) && /\p{L}/u.test(t.text));
  // Lone letters are initials or table codes ("N", "W."), not names.
  if (words.length === 0 || words.every((w) => w.text.replace('.', '').length === 1)) return null;
  const flags = words.map((w) => lexicon.flags(w.lower));
  const [firstWord, lastWord] = [words[0]!, words[words.length - 1]!];
  const lastLower = lastWord.lower;
  // "Ministry of Public Health", "Gulf of Aden": the head is the word before "of".
  const of = tokens.slice(run.first, run.last + 1).findIndex((t) => t.lower === 'of' || t.lower === 'for');
  const headLower = of > 0 ? tokens[run.first + of - 1]!.lower : lastLower;
  const demonyms = words.filter((w, i) => isDemonym(w.lower, flags[i]!)).length;
  if (demonyms > 0 && words.every((w, i) => isDemonym(w.lower, flags[i]!) || DIRECTIONS.has(w.lower))) return null;
  const before = tokens[run.first - 1];
  const after = tokens[run.last + 1];
  const after2 = tokens[run.last + 2];
  const allCommon = words.every((w, i) => isCommon(w.lower, flags[i]!));
  // A capitalized stretch of a job title ("Deputy Regional Humanitarian Coordinator") is nobody's name.
  if (allCommon && after && PERSON_TITLES.has(after.lower)) return null;
  if (words.length > 1 && EVENT_HEADS.has(lastLower)) return { type: 'event', score: 2, source: 'rule' };

  // Cue rules and compromise's lexicon vote apart, so that a suggestion says which one decided it.
  const votes: Votes = { person: 0, organization: 0, group: 0, location: 0 };
  const lexical: Votes = { person: 0, organization: 0, group: 0, location: 0 };
  // Head words: the last word (or the one before "of") says what kind of body or place this is.
  if (words.length > 1 || run.last > run.first) {
    if (GROUP_HEADS.has(headLower)) votes.group += 3;
    else if (ORGANIZATION_HEADS.has(headLower) || lexicon.orgWords.has(headLower)) votes.organization += 3;
    else if (LOCATION_HEADS.has(headLower) || lexicon.placeWords.has(headLower)) votes.location += 3;
    // "Procter & Gamble", "Ernst & Young": firms.
    if (tokens.slice(run.first, run.last + 1).some((t) => t.text === '&')) votes.organization += 3;
  }
  // Titles and honorifics before the name.
  if (before && HONORIFICS.has(before.lower)) votes.person += 6;
  else if ((before && PERSON_TITLES.has(before.lower) && !before.caseless) || titled) votes.person += 4;
  // A dateline: "BEIRUT, Nov 29 (Reuters) -", "LONDON 1996-08-30".
  const lineStart = !before || before.line !== firstWord.line;
  if (lineStart && firstWord.upper && (after?.text === ',' || after?.pos === 'NUM' || after?.text === '('))
    votes.location += 3;

  // compromise's lexicon.
  const [f0, fLast] = [flags[0]!, flags[flags.length - 1]!];
  if (words.length >= 2 && f0 & Lex.firstName && !(f0 & (Lex.place | Lex.organization))) lexical.person += 2.5;
  if (words.length === 1 && f0 & Lex.firstName) lexical.person += 1;
  if (words.length >= 2 && fLast & Lex.lastName) lexical.person += 1.5;
  if (flags.some((f) => f & Lex.person)) lexical.person += 2;
  if (words.length === 1 && f0 & Lex.place) lexical.location += f0 & Lex.country ? 3 : 2.5;
  if (words.length === 1 && f0 & Lex.organization) lexical.organization += 2.5;
  if (words.length >= 2 && fLast & Lex.place && !(fLast & Lex.common)) lexical.location += 1;
  if (SURNAME.test(lastLower) && !(fLast & Lex.place)) lexical.person += 1;
  if (words.length === 1 && PLACE_NAME.test(lastLower)) lexical.location += 1.5;

  // Context: prepositions, directions, ages, acronyms.
  if (before && PLACE_PREPOSITIONS.has(before.lower)) votes.location += 1;
  // "the port of Karovsk", "the town of Lenna": a kind of place, then "of", then its name.
  if (before?.lower === 'of' && PLACE_KINDS.has(tokens[run.first - 2]?.lower ?? '')) votes.location += 3;
  // "the Lenna crossing", "the Drava river": a lower-case place word right after the name.
  if (after && !after.capitalized && LOCATION_HEADS.has(after.lower)) votes.location += 2;
  if (before && DIRECTIONS.has(before.lower) && !before.capitalized) votes.location += 2;
  if (after?.text === '-' && after2?.lower.startsWith('based')) votes.location += 1.5;
  if (after?.text === ',' && after2?.pos === 'NUM' && tokens[run.last + 3]?.text === ',') votes.person += 3;
  if (after?.text === ',' && (after2?.lower === 'who' || after2?.lower === 'whose')) votes.person += 1.5;
  // "Amal Karam, a spokeswoman for ...": an appositive role.
  if (after?.text === ',' && (after2?.lower === 'a' || after2?.lower === 'an' || after2?.lower === 'the')) {
    const role = tokens.slice(run.last + 3, run.last + 6).findIndex((t) => PERSON_TITLES.has(t.lower));
    if (role >= 0) votes.person += 2;
  }
  if (words.length === 1 && firstWord.upper && !firstWord.caseless && firstWord.text.length <= 6 && !(f0 & Lex.common))
    votes.organization += 1.5;
  if (words.length === 1 && ORG_NAME.test(lastLower)) votes.organization += 1.5;

  const types = Object.keys(votes) as (keyof Votes)[];
  const total = (type: keyof Votes) => votes[type] + lexical[type];
  const best = types.reduce((a, b) => (total(b) > total(a) ? b : a));
  if (total(best) > 0)
    return { type: best, score: total(best), source: votes[best] >= lexical[best] ? 'rule' : 'model' };
  // Nothing known: common words are a capitalized phrase ("Attendance", "World Bank Group Chief"), not a name.
  if (allCommon) return null;
  return { type: 'person', score: words.length >= 2 ? 0.6 : 0.3, source: 'model' };
}
