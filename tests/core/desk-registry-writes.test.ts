// The pull's grouped registry writes: many entries in a few archive.json writes, and an entry refused alone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Entity } from '../../core/model.ts';
import { RegistryStore, openRegistry } from '../../core/store/registry-file.ts';
import { GroupWrites } from '../../core/sync/registry-writes.ts';
import { tempDir } from './helpers/temp-dir.ts';

const entity = (k: number, name = `Entity ${k}`): Entity => ({
  id: `ent_${k.toString(36).padStart(16, '0')}`,
  name,
  type: 'person',
  aliases: [],
  description: '',
  externalIds: {},
  notes: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

test('entries written side by side share archive.json writes; one refused by the schema or its check fails alone', async (t) => {
  const dir = await tempDir(t);
  const registry = new RegistryStore(await openRegistry(dir, []));
  const writes = new GroupWrites(registry);
  const before = registry.changes;
  await Promise.all(
    Array.from({ length: 200 }, (_, k) => writes.write((draft) => void draft.entities.push(entity(k)))),
  );
  assert.equal(registry.data.entities.length, 200);
  assert.ok(registry.changes - before <= 2, `${registry.changes - before} writes for 200 entries`);
  const onDisk = JSON.parse(await readFile(join(dir, 'archive.json'), 'utf8')) as { entities: unknown[] };
  assert.equal(onDisk.entities.length, 200);

  const outcomes = await Promise.allSettled([
    writes.write((draft) => void draft.entities.push(entity(1000))),
    writes.write(() => {
      throw new Error('changed here during the sync');
    }),
    // An empty name: the schema refuses the whole group, so each entry is tried again on its own.
    writes.write((draft) => void draft.entities.push(entity(1001, ''))),
    writes.write((draft) => void draft.entities.push(entity(1002))),
  ]);
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['fulfilled', 'rejected', 'rejected', 'fulfilled'],
  );
  const ids = registry.data.entities.map((e) => e.id);
  assert.ok(ids.includes(entity(1000).id) && ids.includes(entity(1002).id) && !ids.includes(entity(1001).id));
});
