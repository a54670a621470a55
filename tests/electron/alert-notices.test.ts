// The desktop app's watch notifications, decided in plain Node on a real archive: new alerts only, watches with notify on, one notice per watch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { alertNotices } from '../../electron/alert-notices.ts';
import { defer, tempDir } from '../core/helpers/temp-dir.ts';

test('one notice per watch with notify on, for alerts raised after the app started, never twice', async (t) => {
  const dir = await tempDir(t);
  const archive = await openArchive(dir);
  defer(t, () => archive.close());
  const loud = await archive.createWatch({ name: 'Dam', target: { kind: 'search', query: 'dam' }, notify: true });
  await archive.createWatch({ name: 'Quiet dam', target: { kind: 'search', query: 'dam' } });
  await archive.addArticle({ title: 'Before start', text: 'The dam held.', source: 'Coastal Herald' });
  await new Promise((done) => setTimeout(done, 5));

  const look = alertNotices((query) => archive.listAlerts(query));
  assert.deepEqual(await look(), [], 'alerts from before the app started raise nothing');

  await archive.addArticle({ title: 'Dam breached', text: 'The dam was breached at dawn.', source: 'Coastal Herald' });
  const second = await archive.addArticle({ title: 'Dam repaired', text: 'Crews repaired the dam.', source: '' });
  const notices = await look();
  assert.equal(notices.length, 1, 'the quiet watch raises no notice; the loud one raises one for both articles');
  assert.deepEqual(notices[0], { title: 'Watch: Dam', body: 'Dam repaired (and 1 more)', articleId: second.id });
  assert.deepEqual(await look(), [], 'nothing twice');

  await archive.updateWatch(loud.id, { notify: false });
  await archive.addArticle({ title: 'Dam inspected', text: 'Engineers inspected the dam.' });
  assert.deepEqual(await look(), [], 'turned off: no notice');
});
