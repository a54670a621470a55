// Shared pieces of the fuzz properties: run counts, a data folder's fingerprint, what a clear error is, hostile values and byte mutations.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import type { Archive } from '../../../core/archive.ts';
import { ArchiveError } from '../../../core/errors.ts';

/**
 * `base` runs in CI (all the fuzz files together stay under a minute on two cores); NEWSDESK_FUZZ_RUNS=20
 * runs each property twenty times as long, to look further on a quiet machine.
 */
export function runs(base: number): number {
  const factor = Number(process.env.NEWSDESK_FUZZ_RUNS ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/**
 * fast-check's parameters for one property: a fixed seed (CI runs the same cases; NEWSDESK_FUZZ_SEED=N shifts
 * every seed by N to look elsewhere), the runs, and the assertion's own words in a failure.
 */
export function fuzzRuns(seed: number, base: number): fc.Parameters<unknown> {
  const shift = Number(process.env.NEWSDESK_FUZZ_SEED ?? 0) || 0;
  return { seed: seed + shift, numRuns: runs(base), includeErrorInReport: true };
}

/**
 * Every file under `dir` by relative path, with a hash of its bytes: equal fingerprints, no change (a file
 * rewritten with the same bytes, as closing the archive rewrites index/catalog.json, is no change). Files
 * over 256 KB (the search index's WAL) are known by inode, size and time instead, so a property can take
 * one before and after every call.
 */
export async function fingerprint(dir: string, skip = (_file: string) => false): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true }).catch(() => [])) {
      const path = join(at, entry.name);
      if (skip(relative(dir, path))) continue;
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await known(path));
    }
  };
  await walk(dir);
  return files;
}

/** Hashes by path, inode, size and time: a file whose metadata did not move is not read again. */
const hashes = new Map<string, string>();

/**
 * A file's contents (hashed), or inode, size and time for a large one; "gone" if it went while being looked
 * at (a temp file renamed). The hash of a file whose inode, size and time have not moved is reused: the
 * archive replaces files by rename (a new inode) or appends (a new size).
 */
async function known(path: string): Promise<string> {
  try {
    const { ino, size, mtimeNs } = await stat(path, { bigint: true });
    const key = `${ino}:${size}:${mtimeNs}`;
    if (size >= 262_144n) return key;
    let hash = hashes.get(`${path}\0${key}`);
    if (!hash) {
      hash = createHash('sha1')
        .update(await readFile(path))
        .digest('hex');
      hashes.set(`${path}\0${key}`, hash);
    }
    return hash;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

/**
 * Waits until an archive writes nothing on its own: the search index caught up and new articles matched
 * against the watches (listWatches waits for that), so what a call's fingerprints differ by is that call's.
 */
export async function quiet(archive: Pick<Archive, 'searchService' | 'listWatches'>): Promise<void> {
  await archive.searchService.settled();
  await archive.listWatches();
}

export function assertSameFiles(before: Map<string, string>, after: Map<string, string>, what: string): void {
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
  assert.deepEqual(changed, [], `${what} changed files`);
}

/**
 * A message a person can act on: one or more words, no stack frame, no value printed as JS prints
 * what it could not describe. `input` is what was sent: words it carries may be echoed back.
 */
export function assertClearMessage(message: unknown, input = ''): asserts message is string {
  assert.equal(typeof message, 'string', 'the message is a string');
  const text = message as string;
  assert.ok(text.trim().length > 0, 'the message is not empty');
  assert.doesNotMatch(text, /\n\s+at .+[(:]\d+/, 'no stack trace in the message');
  for (const leak of ['[object Object]', 'undefined', 'NaN', 'TypeError', 'ReferenceError', 'RangeError'])
    if (!input.includes(leak)) assert.ok(!text.includes(leak), `"${leak}" in the message: ${text}`);
}

/** Our error type with a code other than "internal" (an unexpected failure), and a clear message. */
export function assertClearError(error: unknown, input = ''): asserts error is ArchiveError {
  assert.ok(
    error instanceof ArchiveError,
    `expected an ArchiveError, got ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`,
  );
  assert.notEqual(error.code, 'internal', `an internal error: ${error.message}`);
  assertClearMessage(error.message, input);
}

/** What was sent, as text, to tell an echoed word from a leak (JSON.stringify drops what it cannot say). */
export function shown(value: unknown): string {
  try {
    return `${String(value as string)} ${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? ''}`;
  } catch {
    return 'undefined NaN [object Object]';
  }
}

/** Nested `depth` deep: a parser or a schema walking it recursively would overflow the stack. */
const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

export const HUGE_TEXT = 'x'.repeat(2_100_000);

/** Values that break naive code: wrong types, edges of numbers, prototype keys, deep nesting, huge and odd strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }),
  fc.constantFrom(
    NaN,
    -1,
    -0,
    Infinity,
    -Infinity,
    2 ** 53,
    1e308,
    0.5,
    '',
    ' ',
    '\u0000',
    '../../../etc/passwd',
    'C:\\Windows\\win.ini',
    '\ud800',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'http://127.0.0.1:1/',
    'file:///etc/passwd',
    '00000000-0000-4000-8000-000000000000',
    'ent_0000000000000000',
    HUGE_TEXT,
    null,
    undefined,
    true,
    [],
    {},
  ),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}')),
  fc.constant(nested(20_000, 'deep')),
  fc.constant(Object.create(null) as object),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

type SchemaDef = {
  type: string;
  innerType?: { def: SchemaDef };
  shape?: Record<string, { def: SchemaDef }>;
  options?: { def: SchemaDef }[];
  entries?: Record<string, string | number>;
};

/**
 * A value near what a schema expects, `depth` levels down: its objects with some of their keys (and
 * prototype keys), an enum's own values, one branch of a union, each leaf a plausible or hostile value.
 */
export function nearShape(schema: z.ZodType, plausible: fc.Arbitrary<unknown>, depth = 3): fc.Arbitrary<unknown> {
  let def = (schema as unknown as { def: SchemaDef }).def;
  while (def.innerType) def = def.innerType.def;
  const leaf = fc.oneof(plausible, hostileValue);
  if (depth <= 0) return leaf;
  const near = (child: { def: SchemaDef }) => nearShape(child as unknown as z.ZodType, plausible, depth - 1);
  if (def.type === 'enum' && def.entries) return fc.oneof(fc.constantFrom(...Object.values(def.entries)), leaf);
  if (def.type === 'union' && def.options?.length) return fc.oneof(...def.options.map(near), leaf);
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  if (!keys.length) return leaf;
  const fields = Object.fromEntries(keys.map((key) => [key, fc.oneof(near(shape[key]!), leaf)]));
  return fc.oneof(
    { weight: 3, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'extra'), leaf, { maxKeys: keys.length }),
  );
}

/** A tuple schema's item schemas (the arguments of a contract method). */
export function argumentSchemas(args: z.ZodTuple): z.ZodType[] {
  return (args as unknown as { def: { items: z.ZodType[] } }).def.items;
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'splice'; from: number; to: number; length: number }
  | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('splice' as const), from: fc.nat(), to: fc.nat(), length: fc.nat(4096) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(4096) }),
);

function apply(bytes: Buffer, m: Mutation): Buffer {
  const n = Math.max(1, bytes.length);
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      if (out.length) out[m.at % n] = out[m.at % n]! ^ (1 << m.bit);
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, m.at % n);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, m.at % n), m.bytes, bytes.subarray(m.at % n)]);
    case 'splice': {
      const from = m.from % n;
      const to = m.to % n;
      return Buffer.concat([bytes.subarray(0, to), bytes.subarray(from, from + m.length), bytes.subarray(to)]);
    }
    case 'delete':
      return Buffer.concat([bytes.subarray(0, m.at % n), bytes.subarray((m.at % n) + m.length)]);
  }
}

/** A real file's bytes, damaged one to five ways: bit flips, truncation, insertions, splices of itself, cut ranges. */
export function mutated(original: Buffer): fc.Arbitrary<Buffer> {
  return fc.array(mutation, { minLength: 1, maxLength: 5 }).map((steps) => steps.reduce(apply, original));
}
