// Other names a document gives an entity: "Hayat Tahrir al-Sham (HTS)", "formerly known as Jabhat al-Nusra", "a.k.a."
import type { Mention } from './mentions.ts';
import { NAME_PARTICLES } from './word-lists.ts';

export type AliasReason = 'acronym' | 'formerly known as' | 'also known as';
export type FoundAlias = { name: string; alias: string; reason: AliasReason; entityId: string | null };

const KNOWN_AS =
  /^\s*\)?\s*,?\s*(?:(formerly|previously|once|originally|also|better|commonly|otherwise|now)\s+)?(?:known\s+as|called|named|dubbed)\s+(?:the\s+)?$|^\s*\)?\s*,?\s*\(?(a\.k\.a\.?|aka|f\.k\.a\.?|fka|formerly|née)\s+(?:the\s+)?$/i;
const SKIPPABLE = new Set([...NAME_PARTICLES, 'of', 'the', 'and', 'for', 'on', 'in', '&', 'a']);

/** Aliases found in `text`; the mentions they name take the entity's name, type and id. */
export function findAliases(text: string, mentions: Mention[]): FoundAlias[] {
  const found: FoundAlias[] = [];
  for (let i = 1; i < mentions.length; i++) {
    const mention = mentions[i]!;
    const previous = mentions[i - 1]!;
    if (!previous.type) continue;
    const between = text.slice(previous.end, mention.start);
    const closed = /^\s*\)/.test(text.slice(mention.end, mention.end + 3));
    if (/^\s*\(\s*$/.test(between) && closed && isAcronymOf(mention.surface, previous.surface)) {
      adopt(mention, previous);
      found.push({ name: previous.name, alias: mention.surface, reason: 'acronym', entityId: previous.entityId });
      continue;
    }
    // "HTS (Hayat Tahrir al-Sham)": the expansion after the acronym.
    if (/^\s*\(\s*$/.test(between) && closed && mention.type && isAcronymOf(previous.surface, mention.surface)) {
      adopt(previous, mention);
      found.push({ name: mention.name, alias: previous.surface, reason: 'acronym', entityId: mention.entityId });
      continue;
    }
    const cue = KNOWN_AS.exec(between);
    if (cue) {
      const word = (cue[1] ?? cue[2] ?? '').toLowerCase();
      const reason = /^(formerly|previously|once|originally|f\.?k\.?a|née)/.test(word)
        ? 'formerly known as'
        : 'also known as';
      adopt(mention, previous);
      found.push({ name: previous.name, alias: mention.surface, reason, entityId: previous.entityId });
    }
  }
  propagateAcronyms(mentions, found);
  return found;
}

/** The same acronym elsewhere in the document ("HTS positions") is the same entity. */
function propagateAcronyms(mentions: Mention[], found: FoundAlias[]): void {
  const byAlias = new Map(found.map((alias) => [alias.alias, alias]));
  if (byAlias.size === 0) return;
  const owners = new Map<string, Mention>();
  for (const mention of mentions) if (mention.name !== mention.surface) owners.set(mention.surface, mention);
  for (const mention of mentions) {
    const alias = byAlias.get(mention.surface);
    const owner = owners.get(mention.surface);
    if (!alias || !owner || mention === owner || mention.source === 'registry') continue;
    adopt(mention, owner);
  }
}

function adopt(mention: Mention, entity: Mention): void {
  if (mention.source === 'registry' && mention.entityId !== entity.entityId) return;
  mention.type = entity.type;
  mention.name = entity.name;
  mention.entityId = entity.entityId;
  if (mention.source !== 'registry') mention.source = entity.source === 'registry' ? 'rule' : mention.source;
  if (mention.source === 'model') mention.source = 'rule';
  mention.strength = Math.max(mention.strength, entity.strength);
}

/** "HTS" for "Hayat Tahrir al-Sham": the acronym's letters are initials of the words, in order, minus particles. */
export function isAcronymOf(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[.\s]/g, '');
  if (letters.length < 2 || letters.length > 10 || letters !== letters.toUpperCase() || !/^\p{Lu}/u.test(letters))
    return false;
  const words = name.split(/[\s-]+/).filter(Boolean);
  // An acronym never stands for more than a few words per letter; a run of 40 "Al"s is an attack.
  if (words.length < 2 || words.length > letters.length * 3 + 4) return false;
  // Memoized on (word, letter): skippable particles could each be skipped or used, which without
  // it is exponential in their number.
  const seen = new Map<number, boolean>();
  const match = (w: number, l: number): boolean => {
    const key = w * 16 + l;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (l === letters.length) result = words.slice(w).every((word) => SKIPPABLE.has(word.toLowerCase()));
    else if (w === words.length) result = false;
    else {
      const word = words[w]!;
      result =
        (SKIPPABLE.has(word.toLowerCase()) && match(w + 1, l)) ||
        (word[0]!.toUpperCase() === letters[l] && match(w + 1, l + 1));
    }
    seen.set(key, result);
    return result;
  };
  return match(0, 0);
}
