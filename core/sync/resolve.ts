// Resolving a desk conflict: the value picked (mine, theirs, or one typed) written through the store, the conflict dropped from the document so it is resolved for everyone at the next sync.
import { ArchiveError } from '../errors.ts';
import type { ConflictSide, DeskConflict, ResolveChoice } from '../model.ts';
import { companionsOf, parseItemField } from './merge.ts';
import type { Body } from './revs.ts';
import { openConflicts, type SyncContext } from './sync-context.ts';

/**
 * The side chosen, with who set it: "mine" is the value this analyst set, when exactly one side is
 * theirs, else the one the document holds; a value typed is this analyst's, now.
 */
export function pick(conflict: DeskConflict, analyst: string, choice: ResolveChoice): ConflictSide {
  if ('value' in choice) return { value: choice.value, by: analyst, at: new Date().toISOString() };
  const own = conflict.values.filter((side) => side.by === analyst);
  const mine: ConflictSide = own.length === 1 ? own[0]! : conflict.values[0]!;
  if (choice.take === 'mine') return mine;
  return conflict.values.find((side) => side !== mine) ?? mine;
}

export async function resolveConflict(ctx: SyncContext, conflictId: string, choice: ResolveChoice): Promise<void> {
  const at = conflictId.lastIndexOf('#');
  const [docId, field] = [conflictId.slice(0, at), conflictId.slice(at + 1)];
  const record = at > 0 ? ctx.records.get(docId) : undefined;
  const content = await ctx.local.read(docId);
  // As they stand now: a field edited here since its conflict holds that edit ("mine" is the edit).
  const open = openConflicts(ctx, docId, record, content);
  const conflict = open.find((c) => c.field === field);
  if (!record || !conflict)
    throw new ArchiveError('not_found', `There is no open conflict ${conflictId} (\`newsdesk conflicts\` lists them).`);
  const side = pick(conflict, ctx.analyst, choice);
  const value = side.value;
  if (field === 'deleted') {
    if (value === true && content) await ctx.local.write(docId, null, [], content);
  } else {
    if (!content) throw new ArchiveError('not_found', `${docId} is not in this archive any more.`);
    await ctx.local.write(docId, withValue(content, field, side), [], content);
  }
  // The content changed (or only the conflict went): either way its hash no longer matches, so the next push sends it.
  await ctx.records.update(docId, { conflicts: open.filter((c) => c !== conflict) });
  await ctx.records.flush();
}

/**
 * The content with the field set: `claims:c_….status` is one field of an item of a list by id, set
 * with its companions (who set the value chosen, when); `claims:c_…` (a whole item: deleted on one
 * side, edited on the other, or a conflict from before fields were merged) the item (null removes it).
 */
function withValue(content: Body, name: string, side: ConflictSide): Body {
  const { value } = side;
  const item = parseItemField(name);
  if (!item) return { ...content, [name]: value };
  const { list, id, field } = item;
  const items = Array.isArray(content[list]) ? (content[list] as Body[]) : [];
  const at = items.findIndex((entry) => entry.id === id);
  if (field) {
    // Removed here since: nothing left to set, the conflict goes (the removal is the answer).
    if (at < 0) return content;
    const [byKey, atKey] = companionsOf(field) as [string, string];
    const attributed = ATTRIBUTED.has(field) || byKey in items[at]! || atKey in items[at]!;
    // Unknown who or when: left out rather than null (the companions are optional, not all nullable).
    const who = { [byKey]: side.by ?? undefined, [atKey]: side.at ?? undefined };
    const changed = { ...items[at], [field]: value, ...(attributed ? who : {}) };
    return { ...content, [list]: items.map((entry, i) => (i === at ? changed : entry)) };
  }
  const kept = items.filter((entry) => entry.id !== id);
  if (value !== null && value !== undefined) kept.splice(at < 0 ? kept.length : at, 0, value as Body);
  return { ...content, [list]: kept };
}

/** The fields of mentions and claims that say who set them (`statusBy`/`statusAt`, `reviewBy`/`reviewAt`): resolving one sets those. */
const ATTRIBUTED = new Set(['status', 'review']);

/** A conflict's field as a person reads it: `Claim “12 killed” · status`, "in the trash", "title". */
export function fieldLabel(name: string, content: Body | null): string {
  if (name === 'deletedAt') return 'in the trash';
  const item = parseItemField(name);
  if (!item) return name;
  const kind = item.list === 'claims' ? 'Claim' : item.list === 'mentions' ? 'Mention' : item.list;
  const entry = (Array.isArray(content?.[item.list]) ? (content[item.list] as Body[]) : []).find(
    (e) => e.id === item.id,
  );
  const quote = entry?.quote as { exact?: unknown } | undefined;
  const words = entry && [entry.text, quote?.exact, entry.name].find((w): w is string => typeof w === 'string');
  const quoted = words ? ` “${words.length > 60 ? `${words.slice(0, 59)}…` : words}”` : '';
  return `${kind}${quoted}${item.field ? ` · ${item.field}` : ''}`;
}

/** What a person calls the document: an article's title, an entity's or collection's name, a claim group's label. */
export function titleOf(docId: string, content: Body | null, base: Body): string {
  const from = content ?? base;
  for (const key of ['title', 'name', 'label']) if (typeof from[key] === 'string') return from[key];
  return docId;
}
