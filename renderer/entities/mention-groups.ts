// An article's mentions grouped by the entity they name (or would name): the side panel's rows.
import type { EntityType, Mention } from '../../core/model.ts';

export type MentionGroup = {
  key: string;
  entityId: string | null;
  name: string;
  type: EntityType;
  mentions: Mention[];
  suggested: Mention[];
};

/** The group a mention belongs to: its entity, or for a suggestion without one, its name and type. */
export function groupKey(m: Mention): string {
  return m.entityId ?? `new:${m.type}:${m.name}`;
}

/** Rejected mentions are left out; groups in order of first appearance in the text. */
export function groupMentions(mentions: Mention[]): MentionGroup[] {
  const groups = new Map<string, MentionGroup>();
  for (const m of mentions) {
    if (m.status === 'rejected') continue;
    const key = groupKey(m);
    let group = groups.get(key);
    if (!group)
      groups.set(key, (group = { key, entityId: m.entityId, name: m.name, type: m.type, mentions: [], suggested: [] }));
    group.mentions.push(m);
    if (m.status === 'suggested') group.suggested.push(m);
  }
  return [...groups.values()];
}
