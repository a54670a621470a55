// The three-way merge of two versions of a replicated document against their common ancestor: fields, id'd items and sets merge; the same thing changed both ways becomes a conflict.
import { z } from 'zod';
import { DeskConflict, type ConflictSide } from '../model.ts';
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
/** Lists of items with an id: merged item by item, and an item changed on both sides field by field. */
const BY_ID = new Set(['mentions', 'claims']);
/**
 * Lists inside a mention or a claim that are sets (the places a claim names, the hedging words it
 * carries); `via` is a chain, nearest first, and `quantities`, `mergedFrom` have an order: whole values.
 */
const ITEM_SETS = new Set(['placeIds', 'hedges']);
/** An article in the trash has this set: trashing it against an edit is a conflict, like a delete. */
const TRASH = 'deletedAt';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function contentOf(body: Body): Body {
  const content: Body = {};
  for (const [key, value] of Object.entries(body))
    if (!key.startsWith('_') && !(DESK_FIELDS as readonly string[]).includes(key)) content[key] = value;
  return content;
}

/** What the desk sends is checked like any input: a malformed list of conflicts refuses its document (a ZodError). */
const WireConflicts = z.object({ deskConflicts: z.array(DeskConflict).nullish() });

/** A version's open conflicts; throws (a ZodError, a refusal) when they are not a list of conflicts. */
export function conflictsOf(body: Body | null | undefined): DeskConflict[] {
  if (!body || body.deskConflicts === undefined) return [];
  return WireConflicts.parse({ deskConflicts: body.deskConflicts }).deskConflicts ?? [];
}

/**
 * Merges `a` and `b` against `base` (null when no common ancestor is known: then every field that
 * differs is a conflict). Where they conflict the result holds a's value and the conflict lists a's
 * value first: with `a` the server's winner, two archives merging the same leaves get the same body.
 */
export function mergeSides(base: Body | null, a: Side, b: Side): Merged {
  const sideOf = (side: Who, value: unknown) => ({ value: value ?? null, by: side.by, at: side.at });
  const conflict = (field: string, av: unknown, bv: unknown, aWho: Who = a, bWho: Who = b): DeskConflict => ({
    field,
    values: [sideOf(aWho, av), sideOf(bWho, bv)],
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
      for (const [id, x, y] of items.clashes) {
        if (!isItem(x) || !isItem(y)) {
          // Deleted on one side, edited on the other: the whole item is the conflict, the edit kept (and first).
          found.push(x ? conflict(`${key}:${id}`, x, y) : conflict(`${key}:${id}`, y, x, b, a));
          continue;
        }
        const o = (isList(bv) ? bv : []).find((item) => isItem(item) && String(item.id) === id);
        const merged = mergeItem(isItem(o) ? o : null, x, y);
        items.value[items.value.indexOf(x)] = merged.item;
        for (const [field, ux, uy] of merged.clashes)
          found.push(
            conflict(itemField(key, id, field), ux[field], uy[field], whoOf(field, ux, a), whoOf(field, uy, b)),
          );
      }
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
      // The document holds the side out of the trash: its value first.
      const [held, trash] = ac[TRASH] ? [b, a] : [a, b];
      found.push(conflict(TRASH, null, (ac[TRASH] ?? bc[TRASH]) as unknown, held, trash));
      body[TRASH] = null;
    }
  }
  return { body, deleted: false, conflicts: withConflicts(earlier, found) };
}

const without = (body: Body, keys: string[]) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const isItem = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Who made a version: a side of the merge, or the companions of one field of an item. */
type Who = { by: string | null; at: string | null };

/** The name of a conflict on one field of an item of a list: `claims:c_….status` (ids have no dots). */
export const itemField = (list: string, id: string, field: string) => `${list}:${id}.${field}`;

/** `claims:c_….status` → the list, the item's id and the field; `claims:c_…` (a whole item) has no field. */
export function parseItemField(field: string): { list: string; id: string; field: string | null } | null {
  const found = /^(\w+):([^.]+)(?:\.(\w+))?$/.exec(field);
  return found ? { list: found[1]!, id: found[2]!, field: found[3] ?? null } : null;
}

/**
 * A field's companions, who set it and when (`statusBy`, `statusAt` beside `status`): they change
 * with it and conflict with it as one unit, so a conflict on the field says who set each value.
 */
export const companionsOf = (field: string) => [`${field}By`, `${field}At`];

/** Who set this unit's value: its companions when it has them, else the version's author. */
function whoOf(field: string, unit: Body, side: Who): Who {
  const [byKey, atKey] = companionsOf(field) as [string, string];
  const [by, at] = [unit[byKey], unit[atKey]];
  return typeof by === 'string' ? { by, at: typeof at === 'string' ? at : side.at } : side;
}

/**
 * One item (a mention, a claim) changed on both sides, field by field against its base (null: no
 * base, every difference clashes): a field and its companions are one unit; a unit changed on one
 * side follows it; the same value set on both keeps the earlier setting; sets merge; else a clash
 * (a's unit kept), with both units.
 */
function mergeItem(base: Body | null, a: Body, b: Body): { item: Body; clashes: [string, Body, Body][] } {
  const keys = new Set([...Object.keys(a), ...Object.keys(b), ...Object.keys(base ?? {})]);
  const companions = new Set([...keys].flatMap((key) => companionsOf(key).filter((c) => keys.has(c))));
  const item: Body = {};
  const clashes: [string, Body, Body][] = [];
  for (const field of keys) {
    if (companions.has(field)) continue;
    const unitKeys = [field, ...companionsOf(field).filter((c) => keys.has(c))];
    const unitOf = (version: Body | null) =>
      Object.fromEntries(unitKeys.filter((key) => version && key in version).map((key) => [key, version![key]]));
    const [ou, au, bu] = [unitOf(base), unitOf(a), unitOf(b)];
    let unit = au;
    if (same(au, bu) || (base && same(bu, ou))) unit = au;
    else if (base && same(au, ou)) unit = bu;
    else if (same(a[field], b[field])) unit = whenSet(field, bu) < whenSet(field, au) ? bu : au;
    else if (ITEM_SETS.has(field) && isList(a[field]) && isList(b[field]))
      unit = { ...au, [field]: mergeSet(isList(base?.[field]) ? (base[field] as unknown[]) : [], a[field], b[field]) };
    else clashes.push([field, au, bu]);
    Object.assign(item, unit);
  }
  return { item, clashes };
}

/** When a unit's value was set, for the earlier of two equal settings ('' when unknown: taken first). */
const whenSet = (field: string, unit: Body) => String(unit[companionsOf(field)[1]!] ?? '');

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

/** What a conflict's field holds in this content: a field, one field of an item, a whole item; undefined when the item is gone. */
export function heldValue(content: Body, name: string): unknown {
  const item = parseItemField(name);
  if (!item) return content[name] ?? null;
  const list = isList(content[item.list]) ? (content[item.list] as unknown[]) : [];
  const entry = list.find((e) => isItem(e) && String(e.id) === item.id) as Body | undefined;
  if (!item.field) return entry ?? null;
  return entry ? (entry[item.field] ?? null) : undefined;
}

/**
 * The open conflicts as they stand after a local edit: a field in conflict that was edited here since
 * holds the new value, set by `who` (by a field's companions when it has them), and that value goes
 * first in place of every older value of the same analyst, so "Keep mine" keeps the edit, never the
 * value it replaced; the other analysts' values stay offered. A conflict left with one value (the edit
 * agrees with every other) is resolved by the edit.
 */
export function refreshConflicts(conflicts: DeskConflict[], content: Body | null, who: Who): DeskConflict[] {
  if (!content) return conflicts;
  const result: DeskConflict[] = [];
  for (const conflict of conflicts) {
    const held = conflict.field === 'deleted' ? undefined : heldValue(content, conflict.field);
    const holds = conflict.values.findIndex((side) => same(side.value, held));
    if (held === undefined || holds === 0) {
      result.push(conflict);
      continue;
    }
    if (holds > 0) {
      // One of the values offered (a conflict recorded before values[0] was always the held one).
      const values = [conflict.values[holds]!, ...conflict.values.filter((_, i) => i !== holds)];
      result.push({ ...conflict, values });
      continue;
    }
    const item = parseItemField(conflict.field);
    const entry = item?.field ? ((content[item.list] as Body[]).find((e) => String(e.id) === item.id) ?? {}) : {};
    const setter = item?.field ? whoOf(item.field, entry, who) : who;
    const values = [{ value: held, ...setter }, ...conflict.values.filter((side) => side.by !== setter.by)];
    if (new Set(values.map((side) => canonicalJson(side.value))).size > 1) result.push({ ...conflict, values });
  }
  return result;
}
