// The offline entity tagger: registry, starter list, compromise's lexicon and cue rules, document-level propagation, dates.
import type { EntityType } from '../model.ts';
import { findAliases } from './find-aliases.ts';
import { findDates, type DateMention } from './find-dates.ts';
import { buildGazetteer, findNames, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
import { loadLexicon } from './lexicon.ts';
import { mergeKnown, reconcile, type KnownName, type Mention } from './mentions.ts';
import { findPhrases, findRuns } from './name-runs.ts';
import { otherLanguageMentions } from './other-language-mentions.ts';
import { taggerCoverage, taggerLanguage, type TaggerCoverage } from '../common/tagger-languages.ts';
import { propagateNames } from './propagate.ts';
import { loadStarterList } from './starter-list.ts';
import { retypeTeams } from './team-names.ts';
import { tokenize } from './tokenize.ts';
import { learnWords } from './vocabulary.ts';

export type { DateMention } from './find-dates.ts';
export type { GazetteerEntry } from './gazetteer.ts';
export type SuggestionSource = 'registry' | 'starter' | 'model' | 'rule';
export type EntitySuggestion = {
  /** UTF-16 offsets into `text`, end exclusive. */
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
  type: EntityType;
  source: SuggestionSource;
  /** 0..1 */
  confidence: number;
  /** The registry entry this mention is (matched, or an acronym, alias or surname of a matched one); else null. */
  entityId: string | null;
  /** The name this entity goes by in the document; suggestions sharing a name (and entityId) are one entity. */
  name: string;
};
export type AliasSuggestion = {
  name: string;
  alias: string;
  reason: 'acronym' | 'formerly known as' | 'also known as';
};
export type TaggingResult = {
  entities: EntitySuggestion[];
  aliases: AliasSuggestion[];
  dates: DateMention[];
  /** 'full' where the tagger has rules for the language; 'registry' where it only matched the registry. */
  coverage: TaggerCoverage;
};
export type TaggingOptions = {
  /** Indexed once per array and reused while its length holds: after an edit, pass a new array. */
  registry?: GazetteerEntry[];
  /** ISO date or datetime: relative dates resolve against its local day; without it they are left out. */
  publishedAt?: string | null;
  /** The article's language (ISO 639-1, as detected on import); absent or '' is read as English. */
  language?: string;
};

const registryIndexes = new WeakMap<readonly GazetteerEntry[], { size: number; index: Gazetteer<GazetteerEntry> }>();
const CONFIDENCE: Record<SuggestionSource, number> = { registry: 0.95, starter: 0.85, model: 0, rule: 0 };

/** Entities, aliases and dates suggested for one article. Pure and synchronous; resources load on first call. */
export function suggestEntities(text: string, options: TaggingOptions = {}): TaggingResult {
  const plan = taggerLanguage(options.language);
  const coverage = taggerCoverage(options.language);
  if (typeof text !== 'string' || text.trim() === '') return { entities: [], aliases: [], dates: [], coverage };
  if (plan !== 'en') {
    // Other languages: their own rules and lists; English's lexicon and cue words would tag their common words.
    const mentions = otherLanguageMentions(text, plan, options.registry);
    const found = findAliases(text, mentions);
    return {
      entities: disjoint(mentions).map((m) => toSuggestion(text, m)),
      aliases: newAliases(found, options.registry),
      dates: findDates(text, options.publishedAt),
      coverage,
    };
  }
  const lexicon = loadLexicon();
  const tokens = tokenize(text);
  learnWords(tokens.filter((t) => t.capitalized).map((t) => t.lower));
  const registry = options.registry?.length ? registryIndex(options.registry) : null;
  const known: KnownName[] = [];
  for (const hit of registry ? findNames(text, registry) : [])
    known.push({ ...named(hit, 'registry'), entityId: hit.entry.id, priority: 3 });
  for (const hit of findNames(text, loadStarterList()))
    known.push({ ...named(hit, 'starter'), entityId: null, priority: 2 });
  for (const hit of findPhrases(tokens, lexicon)) {
    const surface = text.slice(hit.start, hit.end);
    known.push({
      start: hit.start,
      end: hit.end,
      type: hit.type,
      source: 'model',
      name: surface,
      entityId: null,
      priority: 1,
    });
  }
  const merged = mergeKnown(text, known);
  const covered = new Uint8Array(tokens.length);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (k < merged.length && merged[k]!.end <= tokens[i]!.start) k++;
    if (k < merged.length && merged[k]!.start < tokens[i]!.end) covered[i] = 1;
  }
  const mentions = reconcile(text, tokens, findRuns(tokens, lexicon, covered), merged, lexicon);
  retypeTeams(tokens, mentions, lexicon);
  const found = findAliases(text, mentions);
  propagateNames(mentions);
  return {
    entities: disjoint(mentions).map((m) => toSuggestion(text, m)),
    aliases: newAliases(found, options.registry),
    dates: findDates(text, options.publishedAt),
    coverage,
  };
}

/** Typed mentions, and never two over the same characters (the first, and longer, one stays). */
function disjoint(mentions: Mention[]): Mention[] {
  const kept: Mention[] = [];
  for (const mention of mentions) {
    if (mention.type === null) continue;
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

function named(
  hit: { start: number; end: number; entry: { name: string; type: EntityType } },
  source: 'registry' | 'starter',
) {
  return { start: hit.start, end: hit.end, name: hit.entry.name, type: hit.entry.type, source };
}

function registryIndex(registry: GazetteerEntry[]): Gazetteer<GazetteerEntry> {
  const cached = registryIndexes.get(registry);
  if (cached?.size === registry.length) return cached.index;
  const index = buildGazetteer(registry);
  registryIndexes.set(registry, { size: registry.length, index });
  return index;
}

function toSuggestion(text: string, mention: Mention): EntitySuggestion {
  const base = CONFIDENCE[mention.source];
  const confidence = base || Math.min(0.9, Math.max(0.2, mention.strength / (mention.strength + 1.5)));
  return {
    start: mention.start,
    end: mention.end,
    text: text.slice(mention.start, mention.end),
    type: mention.type!,
    source: mention.source,
    confidence: Math.round(confidence * 100) / 100,
    entityId: mention.entityId,
    name: mention.name,
  };
}

/** Aliases the registry does not already know, once each. */
function newAliases(found: ReturnType<typeof findAliases>, registry: GazetteerEntry[] | undefined): AliasSuggestion[] {
  const seen = new Set<string>();
  const aliases: AliasSuggestion[] = [];
  for (const { name, alias, reason, entityId } of found) {
    const entry = entityId ? registry?.find((e) => e.id === entityId) : undefined;
    if (alias === name || entry?.aliases.includes(alias) || entry?.name === alias) continue;
    const key = `${name}\u0000${alias}`;
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push({ name, alias, reason });
  }
  return aliases;
}
