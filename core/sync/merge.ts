// The three-way merge of two versions of a replicated document against their common ancestor: fields, id'd items and sets merge; the same thing changed both ways becomes a conflict.
import type { ConflictSide, DeskConflict } from '../model.ts';
import { canonicalJson, type Body } from './revs.ts';

/** One version: its body (no `_` fields), whether it is a delete, and who made it when. */
export type Side = { body: Body; deleted: boolean; by: string | null; at: string | null };
export type Merged = { body: Body; deleted: boolean; conflicts: DeskConflict[] };

/** Kept by the desk, not merged as content. */
export const DESK_FIELDS = ['deskBy', 'deskAt', 'deskConflicts', 'deskClosedBy'] as const;
/** Times every write bumps: the later one wins, never a conflict. */
const CLOCKS = new Set(['updatedAt']);
/** Lists that are sets: an addition on one side and a removal on the other both happen. */
const SETS = new Set(['collectionIds', 'tags', 'aliases', 'wireCredits']);
/** Lists of items with an id: merged item by item. */
const BY_ID = new Set(['mentions', 'claims']);
/** An article in the trash has this set: trashing it against an edit is a conflict, like a delete. */
const TRASH = 'deletedAt';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function contentOf(body: Body): Body {
  const content: Body = {};
  for (const [key, value] of Object.entries(body))
    if (!key.startsWith('_') && !(DESK_FIELDS as readonly string[]).includes(key)) content[key] = value;
  return content;
}

export function conflictsOf(body: Body | null | undefined): DeskConflict[] {
  return Array.isArray(body?.deskConflicts) ? (body.deskConflicts as DeskConflict[]) : [];
}

/**
 * Merges `a` and `b` against `base` (null when no common ancestor is known: then every field that
 * differs is a conflict). Where they conflict the result holds a's value and the conflict lists a's
 * value first: with `a` the server's winner, two archives merging the same leaves get the same body.
 */
export function mergeSides(base: Body | null, a: Side, b: Side): Merged {
  const sideOf = (side: Side, value: unknown) => ({ value: value ?? null, by: side.by, at: side.at });
  const conflict = (field: string, av: unknown, bv: unknown): DeskConflict => ({
    field,
    values: [sideOf(a, av), sideOf(b, bv)],
  });
  const earlier = mergeConflictLists(conflictsOf(base), conflictsOf(a.body), conflictsOf(b.body));
  const baseContent = base ? contentOf(base) : null;
  if (a.deleted || b.deleted) {
    if (a.deleted && b.deleted) return { body: a.body, deleted: true, conflicts: earlier };
    const live = a.deleted ? b : a;
    if (baseContent && same(contentOf(live.body), baseContent))
      return { body: (a.deleted ? a : b).body, deleted: true, conflicts: earlier };
    // An edit against a delete: the edit is kept, the delete offered as the other choice.
    return {
      body: contentOf(live.body),
      deleted: false,
      conflicts: withConflicts(earlier, [conflict('deleted', a.deleted, b.deleted)]),
    };
  }
  const baseBody = baseContent ?? {};
  const [ac, bc] = [contentOf(a.body), contentOf(b.body)];
  const body: Body = {};
  const found: DeskConflict[] = [];
  const keys = [...new Set([...Object.keys(ac), ...Object.keys(bc)])];
  for (const key of keys) {
    const [bv, av, tv] = [baseBody[key], ac[key], bc[key]];
    if (same(av, tv) || (baseContent && same(tv, bv))) body[key] = av;
    else if (baseContent && same(av, bv)) body[key] = tv;
    else if (CLOCKS.has(key)) body[key] = String(av ?? '') >= String(tv ?? '') ? av : tv;
    else if (SETS.has(key) && isList(av) && isList(tv)) body[key] = mergeSet(isList(bv) ? bv : [], av, tv);
    else if (BY_ID.has(key) && isList(av) && isList(tv)) {
      const items = mergeItems('id', isList(bv) ? bv : [], av, tv);
      body[key] = items.value;
      found.push(...items.clashes.map(([id, x, y]) => conflict(`${key}:${id}`, x, y)));
    } else {
      body[key] = av;
      found.push(conflict(key, av, tv));
    }
    if (body[key] === undefined) delete body[key];
  }
  // Trashed on one side, edited on the other: kept out of the trash, the trash offered as the other choice.
  if (baseContent && !baseBody[TRASH] && Boolean(ac[TRASH]) !== Boolean(bc[TRASH])) {
    const other = ac[TRASH] ? bc : ac;
    if (!same(without(other, [TRASH, ...CLOCKS]), without(baseBody, [TRASH, ...CLOCKS]))) {
      found.push(conflict(TRASH, ac[TRASH] ?? null, bc[TRASH] ?? null));
      body[TRASH] = null;
    }
  }
  return { body, deleted: false, conflicts: withConflicts(earlier, found) };
}

const without = (body: Body, keys: string[]) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/**
 * A conflict found again on a field already in conflict adds its values to the open one: a third
 * analyst's edit must not push the second one's out. The value the document holds now goes first
 * (values[0] of the new conflict); every value offered before stays, each once.
 */
export function withConflicts(earlier: DeskConflict[], found: DeskConflict[]): DeskConflict[] {
  const result = [...earlier];
  for (const conflict of found) {
    const at = result.findIndex((c) => c.field === conflict.field);
    if (at < 0) result.push(conflict);
    else result[at] = unite(conflict, result[at]!);
  }
  return result;
}

/**
 * `first`'s held value (values[0]) first, then `second`'s values, then the rest of `first`'s, each
 * value of each analyst once; where both name it, `second`'s record of it (the older one, with the
 * time it was really set) is kept.
 */
function unite(first: DeskConflict, second: DeskConflict): DeskConflict {
  const key = (side: ConflictSide) => canonicalJson([side.value, side.by]);
  const known = new Map(second.values.map((side) => [key(side), side]));
  const values = new Map<string, ConflictSide>();
  for (const side of [first.values[0]!, ...second.values, ...first.values.slice(1)])
    if (!values.has(key(side))) values.set(key(side), known.get(key(side)) ?? side);
  return { field: first.field, values: [...values.values()] };
}

/** The open conflicts of both sides against the base's: one changed on both sides keeps every value of both. */
function mergeConflictLists(base: DeskConflict[], a: DeskConflict[], b: DeskConflict[]): DeskConflict[] {
  const { value, clashes } = mergeItems('field', base, a, b);
  for (const [field, x, y] of clashes) {
    if (!x || !y) continue;
    const at = value.findIndex((c) => c.field === field);
    if (at >= 0) value[at] = unite(x, y);
  }
  return value;
}

function mergeSet(base: unknown[], a: unknown[], b: unknown[]): unknown[] {
  const key = (value: unknown) => canonicalJson(value);
  const [inBase, inA, inB] = [base, a, b].map((list) => new Set(list.map(key)));
  const keep = (value: unknown) => {
    const k = key(value);
    return (inA!.has(k) && inB!.has(k)) || !inBase!.has(k);
  };
  const result = a.filter(keep);
  for (const value of b) if (!inA!.has(key(value)) && keep(value)) result.push(value);
  return result;
}

/** Items by their `idKey`: added, removed or changed on one side follows that side; changed on both is a clash (a's kept). */
function mergeItems<T>(
  idKey: string,
  base: T[],
  a: T[],
  b: T[],
): { value: T[]; clashes: [string, T | undefined, T | undefined][] } {
  const idOf = (item: T) => String((item as Body | null)?.[idKey]);
  const byId = (list: T[]) => new Map(list.map((item) => [idOf(item), item]));
  const [inBase, inA, inB] = [byId(base), byId(a), byId(b)];
  const value: T[] = [];
  const clashes: [string, T | undefined, T | undefined][] = [];
  for (const id of new Set([...inA.keys(), ...inB.keys(), ...inBase.keys()])) {
    const [o, x, y] = [inBase.get(id), inA.get(id), inB.get(id)];
    let item: T | undefined;
    if (same(x, y) || same(y, o)) item = x;
    else if (same(x, o)) item = y;
    else {
      item = x ?? y;
      clashes.push([id, x, y]);
    }
    if (item !== undefined) value.push(item);
  }
  return { value, clashes };
}
