// Numbers in words, qualifiers, counted nouns and outcomes: the vocabulary parseQuantities reads (lower case).
import type { Qualifier } from './claim-types.ts';

const UNITS = `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
  sixteen seventeen eighteen nineteen`.split(/\s+/);
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** "one" .. "ninety-nine" (also "twenty seven", written as two words, joined by the caller). */
export const NUMBER_WORDS = new Map<string, number>();
UNITS.forEach((word, n) => NUMBER_WORDS.set(word, n));
TENS.forEach((ten, k) => {
  NUMBER_WORDS.set(ten, 20 + 10 * k);
  for (let u = 1; u <= 9; u++) NUMBER_WORDS.set(`${ten}-${UNITS[u]}`, 20 + 10 * k + u);
});
export const TENS_WORDS = new Set(TENS);
export const SCALES = new Map([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
]);

/** Vague plurals: the lower bound they state. */
export const VAGUE = new Map<string, { value: number; qualifier: Qualifier }>([
  ['dozens', { value: 24, qualifier: 'dozens' }],
  ['hundreds', { value: 200, qualifier: 'hundreds' }],
  ['thousands', { value: 2_000, qualifier: 'thousands' }],
]);

/** Words before a number that qualify it, longest first. */
export const QUALIFIERS: [string[], Qualifier][] = (
  [
    ['no fewer than', 'at least'],
    ['no less than', 'at least'],
    ['no more than', 'at most'],
    ['as many as', 'up to'],
    ['upwards of', 'more than'],
    ['in excess of', 'more than'],
    ['an estimated', 'about'],
    ['close to', 'nearly'],
    ['at least', 'at least'],
    ['more than', 'more than'],
    ['up to', 'up to'],
    ['at most', 'at most'],
    ['fewer than', 'at most'],
    ['less than', 'at most'],
    ['over', 'more than'],
    ['about', 'about'],
    ['around', 'about'],
    ['approximately', 'about'],
    ['roughly', 'about'],
    ['some', 'about'],
    ['estimated', 'about'],
    ['nearly', 'nearly'],
    ['almost', 'nearly'],
  ] as [string, Qualifier][]
).map(([words, qualifier]) => [words.split(' '), qualifier]);

/** Month names: a number beside one is a date. */
export const MONTHS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun
  jul aug sep sept oct nov dec`.split(/\s+/),
);
/** Words after digits that make them no count: a share, a price, a time. */
export const NOT_COUNTS_AFTER = new Set([
  '%',
  'percent',
  'per',
  'dollars',
  'euros',
  'pounds',
  'cents',
  'a.m',
  'p.m',
  'am',
  'pm',
]);
/** Words before a number that make it an age: "as young as eight". */
export const AGE_BEFORE = [['as', 'young', 'as'], ['as', 'old', 'as'], ['aged'], ['ages'], ['age'], ['age', 'of']];
/** Words that open an aside between the counted and their outcome: ", including children, were killed". */
export const PARENTHETICAL = new Set('including among mostly most many some all who which according both'.split(' '));

/** What happened to the counted, by the words that say it. */
export const OUTCOMES = new Map<string, string>();
for (const [outcome, list] of Object.entries({
  killed: 'killed dead died die dies deaths death slain perished executed killing',
  injured: 'injured wounded hurt injuries injuring wounding',
  displaced: 'displaced uprooted displacing',
  detained: 'detained detaining',
  arrested: 'arrested arresting',
  missing: 'missing',
  evacuated: 'evacuated evacuating',
  kidnapped: 'kidnapped abducted kidnapping abducting',
  rescued: 'rescued rescuing',
  fled: 'fled fleeing',
  captured: 'captured capturing',
  released: 'released freed releasing freeing',
  destroyed: 'destroyed destroying',
  damaged: 'damaged damaging',
}))
  for (const word of list.split(' ')) OUTCOMES.set(word, outcome);

/** Words that may stand between the counted and what happened to them: "were reportedly killed". */
export const BETWEEN = new Set(
  `were was have has had been being are is be reportedly allegedly also all already since so far now
  feared believed confirmed said thought known to either or badly seriously critically lightly fatally later
  subsequently reported initially apparently`.split(/\s+/),
);

/** Words that never name the counted: a count's noun run stops at them. */
export const NOT_COUNTED = new Set(
  `the a an of in on at by for from to with and or but as than that which who whom this these those it its
  their his her our were was have has had been being are is be will would could should may might can did do
  does not no per each every last next this more most other others such same about around over under into
  onto after before since during between among against while when where if then there here them they we you
  he she i me him us also all only just still even so very too again ago earlier later say said says told`.split(/\s+/),
);

const IRREGULAR_PLURALS = new Map([
  ['child', 'children'],
  ['person', 'people'],
  ['man', 'men'],
  ['woman', 'women'],
  ['policeman', 'policemen'],
  ['policewoman', 'policewomen'],
  ['serviceman', 'servicemen'],
  ['gunman', 'gunmen'],
  ['fisherman', 'fishermen'],
  ['tooth', 'teeth'],
  ['foot', 'feet'],
  ['life', 'lives'],
  ['wife', 'wives'],
  ['family', 'families'],
]);
const INVARIANT = new Set(
  'people police children men women staff personnel sheep fish aircraft militia military crew press media'.split(' '),
);
// Two-word counted nouns the run keeps whole.
const COMPOUNDS = new Set(
  `aid worker|health worker|rescue worker|medical worker|police officer|security officer|prison guard|
  peace keeper|border guard|polling station|news agency|civil servant|election official`
    .split('|')
    .map((s) => s.trim()),
);

/** The counted noun, plural: "civilian" -> "civilians", "child" -> "children", "aid worker" -> "aid workers". */
export function normalizeCategory(words: string[]): string | null {
  const last = words[words.length - 1];
  if (!last) return null;
  const lower = last.toLowerCase();
  const plural = pluralize(lower);
  const pair = words.length >= 2 ? `${words[words.length - 2]!.toLowerCase()} ${singular(lower)}` : '';
  if (COMPOUNDS.has(pair)) return `${pair.split(' ')[0]} ${plural}`;
  return plural;
}

export function isPlural(word: string): boolean {
  return [...IRREGULAR_PLURALS.values()].includes(word) || /[^su]s$/.test(word);
}

function pluralize(word: string): string {
  if (INVARIANT.has(word)) return word;
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular) return irregular;
  if ([...IRREGULAR_PLURALS.values()].includes(word)) return word;
  if (/(?:ss|us|is)$/.test(word)) return `${word}es`;
  if (word.endsWith('s')) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:sh|ch|x|z)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function singular(word: string): string {
  for (const [one, many] of IRREGULAR_PLURALS) if (many === word) return one;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
