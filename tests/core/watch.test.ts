// Watchlists on a real archive: a search watch, an entity watch matching an alias, a claims watch; one alert per watch and article; alerts after a restart; a damaged watches.json.
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { WATCH_FILE } from '../../core/monitoring/watch-store.ts';
import { defer, tempDir } from './helpers/temp-dir.ts';

test('search, entity and claims watches raise one alert per new matching article, kept across a restart', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  defer(t, () => archive.close());
  const before = await archive.addArticle({ title: 'Old news', text: 'Shelling near the Karovsk dam was reported.' });
  const hts = await archive.createEntity({
    name: 'Hayat Tahrir al-Sham',
    type: 'group',
    aliases: ['HTS', 'Jabhat al-Nusra'],
  });
  const idlib = await archive.createEntity({ name: 'Idlib', type: 'location' });
  const dam = await archive.createWatch({ name: 'Karovsk dam', target: { kind: 'search', query: '"karovsk dam"' } });
  const group = await archive.createWatch({ name: 'HTS', target: { kind: 'entity', entityId: hts.id }, notify: true });
  const deaths = await archive.createWatch({
    name: 'Casualties in Idlib',
    target: { kind: 'claims', claimKind: 'casualties', placeId: idlib.id },
  });
  assert.equal(dam.notify, false, 'notifications are off by default');
  await assert.rejects(
    archive.createWatch({ name: 'karovsk DAM', target: { kind: 'search', query: 'x' } }),
    /already a watch called/,
  );
  await assert.rejects(archive.createWatch({ name: 'Bad', target: { kind: 'search', query: '"unclosed' } }), /query/i);

  const damNews = await archive.addArticle({ title: 'Water', text: 'Engineers inspected the Karovsk dam on Monday.' });
  const alias = await archive.addArticle({ title: 'Front line', text: 'Fighters of Jabhat al-Nusra moved south.' });
  const neither = await archive.addArticle({ title: 'Weather', text: 'Rain is expected over the coast.' });
  const claim = await archive.addArticle({
    title: 'Strikes',
    text: 'At least 12 civilians were killed in air strikes in Idlib on Tuesday, the Syrian Civil Defence said.',
  });
  // The suggestions (a claim of casualties in Idlib) arrive as a later write: the claims watch looks again.
  await archive.runSuggestions(claim.id);
  const suggested = await archive.getArticle(claim.id);
  assert.ok(
    suggested.claims.some((c) => c.kind === 'casualties'),
    'the rules found the casualty claim',
  );
  // Edited again: still one alert per watch and article.
  await archive.updateArticle(damNews.id, { notes: 'Karovsk dam again' });
  await archive.runSuggestions(claim.id);

  const alerts = await archive.listAlerts();
  const pairs = alerts.map((a) => `${a.watchName} ${a.articleId}`).sort();
  assert.deepEqual(pairs, [`Casualties in Idlib ${claim.id}`, `HTS ${alias.id}`, `Karovsk dam ${damNews.id}`].sort());
  assert.ok(!alerts.some((a) => a.articleId === before.id || a.articleId === neither.id), 'only newly saved articles');
  assert.equal(alerts.find((a) => a.watchId === group.id)!.notify, true);
  assert.equal(alerts.find((a) => a.watchId === dam.id)!.article!.title, 'Water');
  const times = alerts.map((a) => a.at);
  assert.deepEqual(times, [...times].sort().reverse(), 'newest first');

  assert.deepEqual(await archive.markAlertsSeen({ watchId: dam.id }), { changed: 1 });
  await archive.close();

  archive = await openArchive(dir);
  defer(t, () => archive.close());
  const watches = await archive.listWatches();
  assert.deepEqual(
    watches.map((w) => [w.name, w.alerts, w.unseen]),
    [
      ['Casualties in Idlib', 1, 1],
      ['HTS', 1, 1],
      ['Karovsk dam', 1, 0],
    ],
  );
  assert.equal((await archive.listAlerts({ watchId: deaths.id }))[0]!.articleId, claim.id);
  assert.equal((await archive.listAlerts({ since: new Date(Date.now() + 60_000).toISOString() })).length, 0);
  await archive.deleteWatch(deaths.id);
  assert.equal((await archive.listAlerts()).length, 2);

  // Renamed and its notification turned on; a taken name, an unknown id and an empty patch are refused.
  const renamed = await archive.updateWatch(dam.id, { name: 'Karovsk dam works', notify: true });
  assert.deepEqual([renamed.name, renamed.notify], ['Karovsk dam works', true]);
  assert.equal((await archive.listAlerts({ watchId: dam.id }))[0]!.notify, true);
  await assert.rejects(archive.updateWatch(dam.id, { name: 'hts' }), /already a watch called/);
  await assert.rejects(archive.updateWatch(deaths.id, { notify: false }), /no watch with id/);
  await assert.rejects(archive.updateWatch(dam.id, {}), /nothing to change/);
  await archive.close();
  archive = await openArchive(dir);
  defer(t, () => archive.close());
  assert.deepEqual(
    (await archive.listWatches()).map((w) => [w.name, w.notify]),
    [
      ['HTS', true],
      ['Karovsk dam works', true],
    ],
  );
});

test('a damaged watches.json is moved aside, reported, and the copy from the last open takes its place', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  defer(t, () => archive.close());
  await archive.createWatch({ name: 'Dam', target: { kind: 'search', query: 'dam' } });
  await archive.close();
  // Opened once more so the copy holds the watch.
  archive = await openArchive(dir);
  await archive.close();
  await writeFile(join(dir, WATCH_FILE), '{"schemaVersion": 1, "watches": [{"id": 3}]');
  archive = await openArchive(dir);
  defer(t, () => archive.close());
  assert.deepEqual(
    (await archive.listWatches()).map((w) => w.name),
    ['Dam'],
  );
  const { problems } = await archive.getStatus();
  assert.ok(problems.some((p) => p.file.endsWith(WATCH_FILE) && p.movedTo && p.recoveredFrom));
  assert.ok((await readdir(dir)).some((name) => name.startsWith(`${WATCH_FILE}.corrupt-`)));
});

test('an article saved before a watch raises no alert when its suggestions arrive after the watch', async (t) => {
  const dir = await tempDir(t);
  const archive = await openArchive(dir);
  defer(t, () => archive.close());
  const idlib = await archive.createEntity({ name: 'Idlib', type: 'location' });
  const older = await archive.addArticle({
    title: 'Strikes',
    text: 'At least 9 civilians were killed in shelling in Idlib on Monday, rescuers said.',
  });
  await new Promise((done) => setTimeout(done, 5));
  const deaths = await archive.createWatch({
    name: 'Casualties in Idlib',
    target: { kind: 'claims', claimKind: 'casualties', placeId: idlib.id },
  });
  const dam = await archive.createWatch({ name: 'Shelling', target: { kind: 'search', query: 'shelling' } });
  // Its suggestions (the casualty claim) are written now, after both watches exist.
  await archive.runSuggestions(older.id);
  assert.equal((await archive.listAlerts()).length, 0);
  // A new article matching both still raises both.
  const newer = await archive.addArticle({
    title: 'More strikes',
    text: 'At least 4 people were killed in shelling in Idlib on Tuesday, rescuers said.',
  });
  await archive.runSuggestions(newer.id);
  assert.deepEqual(
    (await archive.listAlerts()).map((a) => [a.watchId, a.articleId]).sort(),
    [
      [deaths.id, newer.id],
      [dam.id, newer.id],
    ].sort(),
  );
});
