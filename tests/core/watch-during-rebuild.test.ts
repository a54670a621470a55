// Articles saved while the search index is being rebuilt: search and entity watches check them once it is built, not never.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { defer, tempDir } from './helpers/temp-dir.ts';

test('a search watch and an entity watch alert on articles saved during an index rebuild, once it is built', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  defer(t, () => archive.close());
  for (let i = 0; i < 40; i++)
    await archive.addArticle({ title: `Filler ${i}`, text: `Routine market report number ${i} from the coast.` });
  const group = await archive.createEntity({ name: 'Northern Vigil Front', type: 'group', aliases: ['NVF'] });
  await archive.createWatch({ name: 'Dam', target: { kind: 'search', query: '"karovsk dam"' } });
  await archive.createWatch({ name: 'NVF', target: { kind: 'entity', entityId: group.id } });
  await archive.close();
  // The index is derived: without it, the next open rebuilds it in worker threads.
  for (const suffix of ['', '-wal', '-shm']) await rm(join(dir, 'index', `search.sqlite${suffix}`), { force: true });

  archive = await openArchive(dir);
  assert.equal(archive.searchService.state.state, 'building', 'the test saves while the index is built');
  const dam = await archive.addArticle({ title: 'Water', text: 'Engineers inspected the Karovsk dam on Monday.' });
  const alias = await archive.addArticle({ title: 'Front', text: 'Fighters of the NVF moved south overnight.' });
  await archive.addArticle({ title: 'Weather', text: 'Rain is expected over the coast.' });
  assert.equal(archive.searchService.state.state, 'building', 'all three were saved during the build');

  await archive.searchService.settled();
  const alerts = await archive.listAlerts();
  assert.deepEqual(alerts.map((a) => `${a.watchName} ${a.articleId}`).sort(), [`Dam ${dam.id}`, `NVF ${alias.id}`]);
  // Checked once: after the build, nothing is added twice.
  await archive.updateArticle(dam.id, { notes: 'Karovsk dam again' });
  assert.equal((await archive.listAlerts()).length, 2);
});
