// Mentions in a language other than English: the registry and the starter list in any script, then that language's own rules.
import { findArabicCues } from './arabic-cues.ts';
import type { GazetteerEntry } from './gazetteer.ts';
import type { Mention } from './mentions.ts';
import { findOtherRuns } from './other-language-runs.ts';
import { starterIn, type KnownEntry } from './other-language-names.ts';
import { propagateNames } from './propagate.ts';
import { foldTerm } from '../search/fold.ts';
import {
  buildScriptGazetteer,
  findScriptNames,
  NOT_A_NAME,
  scriptWords,
  wordCase,
  type ScriptGazetteer,
  type ScriptWord,
} from './script-gazetteer.ts';
import type { OtherLanguage } from './word-keys.ts';

const registries = new WeakMap<
  readonly GazetteerEntry[],
  Map<OtherLanguage, { size: number; index: ScriptGazetteer<GazetteerEntry> }>
>();

function registryIn(registry: GazetteerEntry[], language: OtherLanguage): ScriptGazetteer<GazetteerEntry> {
  let byLanguage = registries.get(registry);
  if (!byLanguage) registries.set(registry, (byLanguage = new Map()));
  const cached = byLanguage.get(language);
  if (cached?.size === registry.length) return cached.index;
  const index = buildScriptGazetteer(registry, (entry) => [entry.name, ...entry.aliases], language);
  byLanguage.set(language, { size: registry.length, index });
  return index;
}

/** Typed and untyped mentions, sorted; `registryOnly` for a language the tagger has no rules for. */
export function otherLanguageMentions(
  text: string,
  language: OtherLanguage,
  registry: GazetteerEntry[] | undefined,
): Mention[] {
  const words = scriptWords(text);
  const covered = new Uint8Array(words.length);
  const mentions: Mention[] = [];
  const cover = (first: number, last: number) => {
    for (let k = first; k <= last; k++) covered[k] = 1;
  };
  if (registry?.length)
    for (const hit of findScriptNames(text, words, registryIn(registry, language))) {
      cover(hit.first, hit.last);
      mentions.push(known(text, hit, hit.entry.name, hit.entry.type, 'registry', hit.entry.id));
    }
  if (language === 'other') return mentions.sort((a, b) => a.start - b.start);
  for (const hit of findScriptNames(text, words, starterIn(language))) {
    if (covered.subarray(hit.first, hit.last + 1).some((c) => c === 1)) continue;
    // "US$ 100": a currency, not the country.
    if (text[hit.end] === '$') continue;
    if (language === 'de' && isGermanDemonym(words[hit.first]!.text, hit)) {
      covered[hit.first] = NOT_A_NAME;
      continue;
    }
    cover(hit.first, hit.last);
    mentions.push(known(text, hit, hit.entry.name, hit.entry.type, 'starter', null));
  }
  if (language === 'de') mentions.push(...germanRegions(text, words, covered));
  if (language === 'ar') mentions.push(...findArabicCues(text, words, covered));
  else mentions.push(...findOtherRuns(text, words, covered, language));
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  propagateNames(mentions);
  return mentions;
}

/** "Österreicher", "Europäer", "Pekinger": a place's people or its adjective, which the ending-blind key matched to the place. */
function isGermanDemonym(word: string, hit: { first: number; last: number; entry: KnownEntry }): boolean {
  if (hit.first !== hit.last || hit.entry.type !== 'location') return false;
  const folded = foldTerm(word);
  const demonym = /(?:er|ern|erin|erinnen)$/.exec(folded);
  return demonym !== null && !hit.entry.forms.some((form) => foldTerm(form).endsWith(demonym[0]));
}

// German writes a region onto its place: "Süditalien", "Nordirland", "Ostafrika", "Westsibirien".
const COMPASS = /^(?:nord|süd|ost|west|zentral|mittel)(?:ost|west)?(?=\p{L}{4})/iu;

/** One-word regions of a known place, from uncovered capitalized words. */
function germanRegions(text: string, words: ScriptWord[], covered: Uint8Array): Mention[] {
  const mentions: Mention[] = [];
  words.forEach((word, i) => {
    const prefix = covered[i] === 0 && wordCase(word.text) === 'capital' ? COMPASS.exec(word.text) : null;
    if (!prefix) return;
    const rest = word.text.slice(prefix[0].length);
    const place = rest[0]!.toUpperCase() + rest.slice(1);
    const [hit] = findScriptNames(place, scriptWords(place), starterIn('de'));
    if (hit?.entry.type !== 'location' || hit.end !== place.length) return;
    covered[i] = 1;
    mentions.push({ ...known(text, word, word.text, 'location', 'starter', null), strength: 3, source: 'rule' });
  });
  return mentions;
}

function known(
  text: string,
  hit: { start: number; end: number },
  name: string,
  type: Mention['type'],
  source: 'registry' | 'starter',
  entityId: string | null,
): Mention {
  return {
    start: hit.start,
    end: hit.end,
    type,
    source,
    strength: source === 'registry' ? 13 : 7,
    entityId,
    name,
    surface: text.slice(hit.start, hit.end).replace(/\s+/g, ' '),
  };
}
