// Resolving a desk conflict: the value picked (mine, theirs, or one typed) written through the store, the conflict dropped from the document so it is resolved for everyone at the next sync.
import { ArchiveError } from '../errors.ts';
import type { ConflictSide, DeskConflict, ResolveChoice } from '../model.ts';
import type { Body } from './revs.ts';
import type { SyncContext } from './sync-context.ts';

/** "mine" is the value this analyst set, when exactly one side is theirs; else the one the document holds. */
export function pick(conflict: DeskConflict, analyst: string, choice: ResolveChoice): unknown {
  if ('value' in choice) return choice.value;
  const own = conflict.values.filter((side) => side.by === analyst);
  const mine: ConflictSide = own.length === 1 ? own[0]! : conflict.values[0]!;
  if (choice.take === 'mine') return mine.value;
  return (conflict.values.find((side) => side !== mine) ?? mine).value;
}

export async function resolveConflict(ctx: SyncContext, conflictId: string, choice: ResolveChoice): Promise<void> {
  const at = conflictId.lastIndexOf('#');
  const [docId, field] = [conflictId.slice(0, at), conflictId.slice(at + 1)];
  const record = at > 0 ? ctx.records.get(docId) : undefined;
  const conflict = record?.conflicts.find((c) => c.field === field);
  if (!record || !conflict)
    throw new ArchiveError('not_found', `There is no open conflict ${conflictId} (\`newsdesk conflicts\` lists them).`);
  const value = pick(conflict, ctx.analyst, choice);
  const content = await ctx.local.read(docId);
  if (field === 'deleted') {
    if (value === true && content) await ctx.local.write(docId, null, [], content);
  } else {
    if (!content) throw new ArchiveError('not_found', `${docId} is not in this archive any more.`);
    await ctx.local.write(docId, withValue(content, field, value), [], content);
  }
  // The content changed (or only the conflict went): either way its hash no longer matches, so the next push sends it.
  await ctx.records.update(docId, { conflicts: record.conflicts.filter((c) => c !== conflict) });
  await ctx.records.flush();
}

/** The content with the field set: `claims:c_…` is one item of a list by id (null removes it). */
function withValue(content: Body, field: string, value: unknown): Body {
  const item = /^(\w+):(.+)$/.exec(field);
  if (!item) return { ...content, [field]: value };
  const [, list, id] = item as unknown as [string, string, string];
  const items = Array.isArray(content[list]) ? (content[list] as Body[]) : [];
  const kept = items.filter((entry) => entry.id !== id);
  const at = items.findIndex((entry) => entry.id === id);
  if (value !== null && value !== undefined) kept.splice(at < 0 ? kept.length : at, 0, value as Body);
  return { ...content, [list]: kept };
}

/** What a person calls the document: an article's title, an entity's or collection's name, a claim group's label. */
export function titleOf(docId: string, content: Body | null, base: Body): string {
  const from = content ?? base;
  for (const key of ['title', 'name', 'label']) if (typeof from[key] === 'string') return from[key];
  return docId;
}
