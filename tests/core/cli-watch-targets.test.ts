// `newsdesk watch --entity ID` and `watch --claim KIND --place ID`, with --notify, in a child process; and the sentences for a watch that says too little or too much.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { watchTarget } from '../../core/cli-watch.ts';
import type { Options } from '../../core/cli-usage.ts';
import { runCli } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

test('watch an entity (its aliases match) and a kind of claim in a place, one with --notify', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  const hts = await archive.createEntity({ name: 'Hayat Tahrir al-Sham', type: 'group', aliases: ['Jabhat al-Nusra'] });
  const idlib = await archive.createEntity({ name: 'Idlib', type: 'location' });
  await archive.close();
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);

  const entity = await cli('watch', '--entity', hts.id, '--name', 'HTS', '--notify', '--json');
  assert.equal(entity.code, 0, entity.stderr);
  assert.deepEqual((({ name, target, notify }) => ({ name, target, notify }))(JSON.parse(entity.stdout)), {
    name: 'HTS',
    target: { kind: 'entity', entityId: hts.id },
    notify: true,
  });
  const claims = await cli('watch', '--claim', 'casualties', '--place', idlib.id, '--name', 'Deaths in Idlib');
  assert.equal(claims.code, 0, claims.stderr);
  assert.match(claims.stdout, /watching casualties claims in ent_\w+ as Deaths in Idlib$/m);
  const unknown = await cli('watch', '--entity', 'ent_0000000000000000', '--name', 'Nobody');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no entity with id ent_0000000000000000/);
  const both = await cli('watch', 'dam', '--entity', hts.id, '--name', 'Both');
  assert.equal(both.code, 2);
  assert.match(both.stderr, /one of a QUERY, --entity ID or --claim KIND --place ID, not several/);

  archive = await openArchive(dir);
  const watches = await archive.listWatches();
  assert.deepEqual(
    watches.map((w) => [w.name, w.target.kind, w.notify]),
    [
      ['Deaths in Idlib', 'claims', false],
      ['HTS', 'entity', true],
    ],
  );
  // The watch the CLI made matches an alias in an article saved afterwards.
  await archive.searchService.ready();
  const saved = await archive.addArticle({ title: 'Front line', text: 'Fighters of Jabhat al-Nusra moved south.' });
  const alerts = await archive.listAlerts();
  assert.deepEqual(
    alerts.map((a) => [a.watchName, a.articleId, a.notify]),
    [['HTS', saved.id, true]],
  );
  await archive.close();
});

test('watch says what is missing or wrong before opening the archive', () => {
  const target = (rest: string[], values: Options) => () => watchTarget(rest, { name: 'W', ...values });
  assert.throws(target([], {}), /watch needs a QUERY .*, --entity ID, or --claim KIND --place ID/);
  assert.throws(() => watchTarget(['dam'], {}), /watch needs --name NAME/);
  assert.throws(target([], { entity: 'HTS' }), /--entity takes an entity id .* not "HTS"/);
  assert.throws(target([], { claim: 'deaths', place: 'ent_0000000000000000' }), /--claim must be one of casualties, /);
  assert.throws(target([], { claim: 'casualties' }), /--claim needs --place ID/);
  assert.throws(target(['dam'], { place: 'ent_0000000000000000' }), /--place goes with --claim/);
  assert.deepEqual(watchTarget(['karovsk', 'dam'], { name: 'W' }), { kind: 'search', query: 'karovsk dam' });
});
