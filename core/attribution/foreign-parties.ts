// Who a French, Spanish or Arabic claimant is: the entity its words name, "il"/"él" the nearest person, a dropped subject the last speaker.
import type { ClaimParty, EntityHint } from './claim-types.ts';
import type { CueClass, CueRules } from './foreign-cue-words.ts';
import type { Piece } from './foreign-text.ts';

export type Frame = CueClass | 'according' | 'hedge' | 'outlet';
/** A claim as the rules find it: character spans; no claimant piece with `dropped` means the subject is in the verb. */
export type ForeignRaw = {
  cue: Piece;
  content: Piece;
  claimant: Piece | null;
  dropped: boolean;
  via: Piece[];
  frame: Frame;
  confidence: number;
};

const PARTY_TYPES = new Set(['person', 'organization', 'group', 'location']);
// "Il a ajouté", "وأضاف": the speaker of a claim this many characters back or nearer still speaks.
const SPEAKER_REACH = 1_500;

export class ForeignParties {
  private last: { party: ClaimParty; at: number } | null = null;

  constructor(
    private readonly text: string,
    private readonly entities: EntityHint[],
    private readonly rules: CueRules,
  ) {}

  /** The claimant; null for the outlet's own claims; undefined when the claim names nobody we can trust. */
  resolve(raw: ForeignRaw): ClaimParty | null | undefined {
    if (!raw.claimant && !raw.dropped) return null;
    // "قال المرصد السوري لحقوق الإنسان إن": the "ل" of a name is not a hearer when one entity covers both.
    const hearer = raw.via[0];
    if (raw.claimant && hearer && hearer.start >= raw.claimant.end && this.covering(raw.claimant.start, hearer.end)) {
      raw.claimant = { start: raw.claimant.start, end: hearer.end };
      raw.via.shift();
    }
    const party = raw.claimant ? this.party(raw.claimant) : this.speaker(raw.cue.start);
    if (party) this.last = { party, at: raw.cue.start };
    return party ?? undefined;
  }

  /** A link of the chain by name: the entity its words are, else the words ("l'AFP" -> AFP). */
  name(piece: Piece): string {
    const surface = this.text.slice(piece.start, piece.end);
    return this.mentionFor(piece)?.name ?? withoutTo(surface.replace(/^(?:à|au|aux|a|al)\s+/iu, ''));
  }

  private party(piece: Piece): ClaimParty | null {
    const surface = this.text.slice(piece.start, piece.end);
    const first = surface.split(/\s+/)[0]!.toLowerCase();
    if (this.rules.relatives.has(first) && surface.split(/\s+/).length === 1) return null;
    const base = { start: piece.start, end: piece.end, text: surface };
    if (this.rules.pronouns.has(first) && surface.split(/\s+/).length === 1) {
      const person = this.nearest(piece.start, first);
      return person ? { ...base, name: person.name, entityId: person.entityId } : null;
    }
    const mention = this.mentionFor(piece);
    return { ...base, name: mention?.name ?? withoutTo(surface), entityId: mention?.entityId ?? null };
  }

  /** A subject carried in the verb ("وأضاف أن", "Añadió que"): the last speaker nearby, else the nearest person. */
  private speaker(at: number): ClaimParty | null {
    if (this.last && at - this.last.at <= SPEAKER_REACH) return this.last.party;
    const person = this.nearest(at, 'il');
    if (!person) return null;
    const text = this.text.slice(person.start, person.end);
    return { start: person.start, end: person.end, text, name: person.name, entityId: person.entityId };
  }

  /** A person named in the words, else a party whose mention covers most of them ("l'ONU", not "un responsable de l'ONU"). */
  private mentionFor(piece: Piece): EntityHint | undefined {
    const inside = this.entities.filter((e) => e.start >= piece.start && e.end <= piece.end && PARTY_TYPES.has(e.type));
    const person = inside.find((e) => e.type === 'person');
    if (person) return person;
    const length = this.text.slice(piece.start, piece.end).replace(/^\S+\s+|^\S+['’]/u, '').length;
    return inside.find((e) => e.end - e.start >= 0.6 * length && (e.end === piece.end || e.start === piece.start));
  }

  /** A party's mention that spans these characters, give or take the words' edges. */
  private covering(start: number, end: number): EntityHint | undefined {
    return this.entities.find((e) => PARTY_TYPES.has(e.type) && e.start <= start + 1 && e.end >= end - 1);
  }

  /** The nearest earlier person (or organization for plural pronouns). */
  private nearest(before: number, pronoun: string): EntityHint | undefined {
    const plural = /^(?:ils|elles|ellos|ellas|هم)$/u.test(pronoun);
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const e = this.entities[i]!;
      if (e.end > before) continue;
      if (plural ? e.type === 'organization' || e.type === 'group' : e.type === 'person') return e;
    }
    return undefined;
  }
}

/** Arabic "to" glued to a name: "للمرصد" is "المرصد", "لرويترز" "رويترز", "لـ سانا" "سانا". */
function withoutTo(surface: string): string {
  if (/^لل\p{L}/u.test(surface)) return `ال${surface.slice(2)}`;
  return surface.replace(/^لـ\s*|^ل(?=\p{L}{2})/u, '');
}
