// Document-level consistency: a surname after a full name is that person; a name typed once keeps that type elsewhere.
import type { Mention } from './mentions.ts';
import { NAME_PARTICLES } from './word-lists.ts';

/** Below this, a mention's type is a guess that a surer mention of the same name may overrule. */
const SURE = 2;

export function propagateNames(mentions: Mention[]): void {
  propagateSurnames(mentions);
  propagateTypes(mentions);
}

/** "Bashar al-Assad ... Assad", "David Carden ... Carden": one person, named in full. */
function propagateSurnames(mentions: Mention[]): void {
  const bySurname = new Map<string, Mention | null>();
  const byFirstName = new Map<string, Mention | null>();
  const remember = (map: Map<string, Mention | null>, key: string, person: Mention) => {
    const seen = map.get(key);
    // Two people share the word (two Kims, two Assads): leave the bare word alone.
    map.set(key, seen === undefined || seen?.name === person.name ? person : null);
  };
  for (const mention of mentions) {
    if (mention.type !== 'person' || mention.strength < 1) continue;
    const parts = nameParts(mention.name);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1]!;
    remember(bySurname, last, mention);
    remember(bySurname, withoutParticle(last), mention);
    remember(byFirstName, parts[0]!, mention);
  }
  for (const mention of mentions) {
    // The registry is never overruled. A list's "Jordan" is, by a "Michael Jordan" in the same article, but
    // not by a first name: "Israel" stays a country beside "Israel Katz".
    if (mention.source === 'registry') continue;
    const parts = nameParts(mention.surface);
    if (parts.length !== 1) continue;
    const word = parts[0]!;
    let person = bySurname.get(word) ?? bySurname.get(withoutParticle(word));
    if (!person && mention.source !== 'starter') person = byFirstName.get(word);
    if (!person || person === mention) continue;
    mention.type = 'person';
    mention.name = person.name;
    mention.entityId = person.entityId;
    mention.source = 'rule';
    mention.strength = Math.max(mention.strength, SURE);
  }
}

/** Weak or untyped mentions take the type (and name) of the surest mention with the same text. */
function propagateTypes(mentions: Mention[]): void {
  const surest = new Map<string, Mention>();
  for (const mention of mentions) {
    if (!mention.type || mention.strength < 1) continue;
    const key = keyOf(mention);
    const seen = surest.get(key);
    if (!seen || mention.strength > seen.strength) surest.set(key, mention);
  }
  for (const mention of mentions) {
    if (mention.source === 'registry' || mention.strength >= SURE) continue;
    const sure = surest.get(keyOf(mention));
    if (!sure || sure === mention || sure.strength <= mention.strength) continue;
    mention.type = sure.type;
    mention.name = sure.name;
    mention.entityId = sure.entityId;
    mention.source = sure.source === 'model' ? 'model' : 'rule';
    mention.strength = Math.min(sure.strength, SURE) - 0.5;
  }
}

function keyOf(mention: Mention): string {
  return mention.surface.toLowerCase();
}

export function nameParts(name: string): string[] {
  return name.split(/\s+/).filter((part) => part && !NAME_PARTICLES.has(part.toLowerCase()));
}

function withoutParticle(word: string): string {
  const dash = word.indexOf('-');
  return dash > 0 && NAME_PARTICLES.has(word.slice(0, dash).toLowerCase()) ? word.slice(dash + 1) : word;
}
