// What compromise's lexicon knows about a word (first name, city, organization, common word ...), loaded once on first use.
import { createRequire } from 'node:module';
import type { EntityType } from '../model.ts';

export const Lex = {
  firstName: 1,
  lastName: 2,
  person: 4,
  country: 8,
  place: 16,
  organization: 32,
  demonym: 64,
  common: 128,
  honorific: 256,
  date: 512,
} as const;

/** Flags that make a word (part of) a name: it is then never a common word. */
export const NAME_FLAGS = Lex.firstName | Lex.lastName | Lex.person | Lex.place | Lex.organization;

export type Lexicon = {
  /** Flags of a lower-case word (0 when unknown). */
  flags: (lower: string) => number;
  /** Multi-word names compromise knows ("new york times", "al qaeda"), by their lower-case first word. */
  phrases: Map<string, { words: string[]; type: EntityType }[]>;
  /** Compromise's own lists of organization and place head words. */
  orgWords: Set<string>;
  placeWords: Set<string>;
  /** Countries by lower-case name, one word or more ("japan", "south korea", "united states"). */
  countries: Set<string>;
};

type CompromiseModel = {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, true>; placeWords: Record<string, true> };
};

const FLAG_OF_TAG: Record<string, number> = {
  FirstName: Lex.firstName,
  MaleName: Lex.firstName,
  FemaleName: Lex.firstName,
  LastName: Lex.lastName,
  Person: Lex.person,
  Country: Lex.country | Lex.place,
  City: Lex.place,
  Region: Lex.place,
  Place: Lex.place,
  Organization: Lex.organization,
  SportsTeam: Lex.organization,
  Demonym: Lex.demonym,
  Honorific: Lex.honorific,
  Month: Lex.date,
  WeekDay: Lex.date,
  Date: Lex.date,
  Holiday: Lex.date,
};
// Tags that say nothing about being a name (ProperNoun comes with places; Abbreviation with "st", "mt").
const NEUTRAL_TAGS = new Set(['ProperNoun', 'Abbreviation', 'Noun', 'Singular']);

let loaded: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const nlp = require('compromise/two') as { model: () => CompromiseModel };
  const model = nlp.model();
  const single = new Map<string, number>();
  const phrases = new Map<string, { words: string[]; type: EntityType }[]>();
  const countries = new Set<string>();
  for (const [word, value] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    if (tags.includes('Country')) countries.add(word);
    let flags = 0;
    for (const tag of tags) flags |= FLAG_OF_TAG[tag] ?? (NEUTRAL_TAGS.has(tag) ? 0 : Lex.common);
    // A bare noun with no name tag is a common word too ("bill", "wang" are tagged Noun).
    if (flags === 0 && tags.some((tag) => tag === 'Noun' || tag === 'Singular')) flags = Lex.common;
    if (!word.includes(' ')) {
      if (flags) single.set(word, flags);
      continue;
    }
    const type: EntityType | null =
      flags & Lex.organization ? 'organization' : flags & Lex.place ? 'location' : flags & Lex.person ? 'person' : null;
    if (!type) continue;
    const words = word.split(' ');
    const list = phrases.get(words[0]!) ?? [];
    list.push({ words, type });
    phrases.set(words[0]!, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  loaded = {
    flags: (lower) => single.get(lower) ?? 0,
    phrases,
    orgWords: new Set(Object.keys(model.two.orgWords)),
    placeWords: new Set(Object.keys(model.two.placeWords)),
    countries,
  };
  return loaded;
}
