// Issue 17 fuzzing at the dispatch gate: every method of the contract (enumerated, so a new one is covered) with random and near-miss arguments answers or refuses clearly, and a refused call writes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allMethods, contract } from '../../core/api.ts';
import { invokeMethod } from '../../core/gate.ts';
import { seed } from './helpers/bundle-zips.ts';
import {
  argumentSchemas,
  assertClearError,
  assertSameFiles,
  fingerprint,
  hostileValue,
  nearShape,
  quiet,
  fuzzRuns,
  shown,
} from './helpers/fuzz.ts';

const SEED = 17_01;

test('every method at the gate: random arguments give a result or a clear error, and a refused call writes nothing', async (t) => {
  const { dir, archive, a, b, front, town, group, collection } = await seed(t);
  const claim = (await archive.getArticle(a.id)).claims[0]!;
  // Real ids among the random values, so a call gets past "no such article" to its other arguments.
  const plausible = fc.oneof(
    fc.constantFrom(a.id, b.id, front.id, town.id, group.group.id, collection.id, claim.id, 'bundle', 'csv', 'library'),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 5 }),
    fc.boolean(),
  );
  const api = archive as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  let index = 0;
  for (const [name, entry] of Object.entries(allMethods)) {
    const schemas = argumentSchemas(entry.args);
    const args = fc.oneof(
      fc.array(hostileValue, { maxLength: schemas.length + 1 }),
      fc.tuple(...schemas.map((schema) => nearShape(schema, plausible))),
      fc.tuple(...schemas.map(() => plausible)),
      // Not a list at all: what IPC and HTTP may hand the gate.
      hostileValue,
    );
    await fc.assert(
      fc.asyncProperty(args, async (sent) => {
        await quiet(archive);
        const before = await fingerprint(dir);
        try {
          // The contract's methods as a transport reaches them; the local ones (paths, bytes) only by a direct call.
          if (Object.hasOwn(contract, name) || !Array.isArray(sent)) await invokeMethod(archive, name, sent);
          else await api[name]!(...(sent as unknown[]));
        } catch (error) {
          assertClearError(error, `${name} ${shown(sent)}`);
          assertSameFiles(before, await fingerprint(dir), `${name} refused with "${error.message}"`);
        }
        assert.equal(({} as { polluted?: unknown }).polluted, undefined, 'Object.prototype untouched');
      }),
      fuzzRuns(SEED + index++, 6),
    );
  }
  // Still whole: the seeded articles are all there and read back.
  assert.equal((await archive.getArticle(a.id)).id, a.id);
});
