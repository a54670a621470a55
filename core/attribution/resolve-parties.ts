// Who a claimant, target or link in the chain is: entity mentions linked, pronouns and "the official" resolved.
import type { EntityType } from '../model.ts';
import type { Token } from '../tagging/tokenize.ts';
import { ORGANIZATION_NOUNS, PERSON_ROLES } from './cue-words.ts';
import { headOf, phraseBefore, type Range } from './noun-phrases.ts';
import type { ClaimParty, EntityHint } from './claim-types.ts';

type Want = 'person' | 'group' | 'any';
type Named = { head: string; name: string; entityId: string | null; end: number; group: boolean };

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'it', 'the', 'these', 'those']);
const GROUP_TYPES = new Set<EntityType>(['organization', 'group']);
const PARTY_TYPES = new Set<EntityType>(['person', 'organization', 'group', 'location']);

/** Names parties in article order, remembering earlier ones for "the official said". */
export class PartyResolver {
  private readonly named: Named[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly entities: EntityHint[],
  ) {}

  resolve(range: Range): ClaimParty {
    const { tokens, text } = this;
    let last = range.last;
    while (last > range.first && /^[,;:]$/.test(tokens[last]!.text)) last--;
    const start = tokens[range.first]!.start;
    const end = tokens[last]!.end;
    const surface = text.slice(start, end);
    const who = this.identify({ first: range.first, last });
    const party = { start, end, text: surface, name: who?.name ?? surface, entityId: who?.entityId ?? null };
    const headToken = tokens[headOf(tokens, { first: range.first, last })]!;
    const head = headToken.lower;
    const type = this.mentionAt(headToken.start)?.type;
    const group = (type !== undefined && GROUP_TYPES.has(type)) || ORGANIZATION_NOUNS.has(head);
    if (!PERSON_PRONOUNS.has(head) && !GROUP_PRONOUNS.has(head))
      this.named.push({ head, name: party.name, entityId: party.entityId, end, group });
    return party;
  }

  private identify(range: Range): { name: string; entityId: string | null } | null {
    const { tokens } = this;
    const head = headOf(tokens, range);
    const word = tokens[head]!.lower;
    const start = tokens[range.first]!.start;
    const single = range.first === range.last;
    if (single && PERSON_PRONOUNS.has(word)) return this.nearest(start, 'person');
    if (single && GROUP_PRONOUNS.has(word)) {
      // "The ministry denied ... It accused ...": the last organization that spoke, if nearer than any named one.
      const speaker = this.named.findLast((n) => n.group && n.end <= start);
      const mention = this.nearestMention(start, 'group');
      if (speaker && (!mention || speaker.end > mention.end)) return speaker;
      return mention ? { name: mention.name, entityId: mention.entityId } : null;
    }
    if (single && (word === 'who' || word === 'which' || word === 'that')) {
      // ", who said": the phrase before the comma; "cities that support": the noun before.
      const comma = tokens[range.first - 1]?.text === ',' ? 1 : 0;
      const antecedent = phraseBefore(tokens, range.first - 1 - comma, 0);
      return antecedent ? this.identify(antecedent) : this.nearest(start, word === 'who' ? 'person' : 'group');
    }
    // "China and Russia": two parties, named as the text names them.
    if (tokens.slice(range.first, head).some((t) => t.lower === 'and' || t.text === '&')) return null;
    const mention = this.mentionAt(tokens[head]!.start);
    if (mention && PARTY_TYPES.has(mention.type)) return { name: mention.name, entityId: mention.entityId };
    // "the Eastern Front militia": a group's name before a group's noun.
    const before = head > range.first ? this.mentionAt(tokens[head - 1]!.start) : undefined;
    if (before && GROUP_TYPES.has(before.type) && ORGANIZATION_NOUNS.has(word))
      return { name: before.name, entityId: before.entityId };
    // "the official": an earlier claimant with that head word, else the nearest person; "the ministry" only the former.
    const definite = /^(the|this|that)$/.test(tokens[range.first]!.lower) && head - range.first === 1;
    const role = PERSON_ROLES.has(word) ? 'person' : ORGANIZATION_NOUNS.has(word) ? 'group' : null;
    if (definite && role) {
      const earlier = this.named.slice(-50).findLast((n) => n.head === word && n.end <= start);
      if (earlier) return { name: earlier.name, entityId: earlier.entityId };
      return role === 'person' ? this.nearest(start, role) : null;
    }
    // "Kremlin spokesperson Dmitry Peskov": a person named inside the phrase, before any apposition.
    for (let i = head; i >= range.first; i--) {
      const inner = this.mentionAt(tokens[i]!.start);
      if (inner?.type === 'person' && inner.end >= tokens[head]!.end)
        return { name: inner.name, entityId: inner.entityId };
    }
    return null;
  }

  private mentionAt(offset: number): EntityHint | undefined {
    const { entities } = this;
    let lo = 0;
    let hi = entities.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = entities[mid]!;
      if (e.end <= offset) lo = mid + 1;
      else if (e.start > offset) hi = mid - 1;
      else return e;
    }
    return undefined;
  }

  private nearest(before: number, want: Want): { name: string; entityId: string | null } | null {
    const e = this.nearestMention(before, want);
    return e ? { name: e.name, entityId: e.entityId } : null;
  }

  /** The nearest earlier mention of a person, or of an organization or group. */
  private nearestMention(before: number, want: Want): EntityHint | null {
    const { entities } = this;
    let lo = 0;
    let hi = entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entities[mid]!.end <= before) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 400; i--) {
      const e = entities[i]!;
      if (want === 'person' ? e.type === 'person' : want === 'group' ? GROUP_TYPES.has(e.type) : true) return e;
    }
    return null;
  }
}
