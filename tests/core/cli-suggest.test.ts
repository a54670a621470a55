// `newsdesk tag` and `newsdesk entities` as a user runs them; `newsdesk import` leaves its articles with suggestions.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { runCli } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

// Our own text. The astral character before the names checks that offsets count UTF-16 code units.
const STORY =
  '🛰️ Satellite images show the Northern Vigil Front (NVF) near Karovsk, said Anna Kessler on Wednesday. ' +
  'The NVF denied it.';

type Tagged = {
  file: string;
  entities: {
    text: string;
    start: number;
    end: number;
    type: string;
    entityId: string | null;
    status: string;
    source: string;
  }[];
  dates: { text: string; date: string }[];
  error?: string;
};

test('tag prints one JSON line per file, with offsets into the text as JavaScript counts them', async (t) => {
  const dir = await tempDir(t);
  const one = join(dir, 'one.txt');
  const two = join(dir, 'two.txt');
  await writeFile(one, STORY);
  await writeFile(two, 'Talks in Geneva resumed; the United Nations said so.');
  const result = await runCli(['tag', one, two, '--published', '2026-03-13', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Tagged);
  assert.deepEqual(
    lines.map((l) => l.file),
    [one, two],
  );
  for (const [line, text] of [
    [lines[0]!, STORY],
    [lines[1]!, 'Talks in Geneva resumed; the United Nations said so.'],
  ] as const)
    for (const e of line.entities) {
      assert.equal(text.slice(e.start, e.end), e.text, `${e.text} at ${e.start}`);
      assert.equal(e.status, 'suggested');
      assert.ok(['registry', 'starter', 'model', 'rule'].includes(e.source), e.source);
    }
  assert.ok(lines[1]!.entities.some((e) => e.text === 'United Nations' && e.type === 'organization'));
  assert.ok(
    lines[0]!.dates.some((d) => d.text.includes('Wednesday') && d.date === '2026-03-11'),
    'resolved into the past',
  );
});

test('tag with --data-dir uses the archive registry (while another process holds the folder)', async (t) => {
  const dir = await tempDir(t);
  const data = join(dir, 'data');
  const archive = await openArchive(data);
  const front = await archive.createEntity({ name: 'Northern Vigil Front', type: 'group', aliases: ['NVF'] });
  const file = join(dir, 'story.txt');
  await writeFile(file, STORY);
  // The archive stays open: tagging only reads its registry.
  const result = await runCli(['tag', file, '--data-dir', data, '--json']);
  await archive.close();
  assert.equal(result.code, 0, result.stderr);
  const { entities } = JSON.parse(result.stdout) as Tagged;
  const front_ = entities.filter((e) => e.entityId === front.id);
  assert.deepEqual(
    front_.map((e) => e.text),
    ['Northern Vigil Front', 'NVF', 'NVF'],
  );
  assert.ok(front_.every((e) => e.source === 'registry'));
});

test('tag refuses bad arguments and reports unreadable files without stopping', async (t) => {
  const dir = await tempDir(t);
  const good = join(dir, 'good.txt');
  await writeFile(good, STORY);
  const missing = await runCli(['tag', join(dir, 'nope.txt'), good, '--json']);
  assert.equal(missing.code, 1);
  const [first, second] = missing.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Tagged);
  assert.equal(first!.error, 'no such file');
  assert.ok(second!.entities.length > 0);
  const png = join(dir, 'image.txt');
  await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  assert.match((await runCli(['tag', png])).stderr, /PNG image/);
  for (const [args, message] of [
    [['tag'], /tag needs at least one file/],
    [['tag', good, '--published', 'yesterday'], /--published must be an ISO date/],
    [['tag', good, '--title', 'x'], /tag does not take --title/],
    [['tag', good, '--data-dir', join(dir, 'no-archive')], /no archive\.json/],
  ] as const) {
    const result = await runCli([...args]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
  }
});

test('import waits for the suggestions of what it saved; entities lists the registry', async (t) => {
  const dir = await tempDir(t);
  const data = join(dir, 'data');
  const file = join(dir, 'story.txt');
  await writeFile(file, `${STORY}\n\nThe United Nations called for calm.`);
  const imported = await runCli(['import', file, '--data-dir', data, '--json']);
  assert.equal(imported.code, 0, imported.stderr);
  const { id } = JSON.parse(imported.stdout.trim().split('\n')[0]!) as { id: string };
  const shown = await runCli(['show', id, '--data-dir', data, '--json']);
  const article = JSON.parse(shown.stdout) as { taggedAt: string | null; mentions: { quote: { exact: string } }[] };
  assert.ok(article.taggedAt, 'tagged before the import returned');
  assert.ok(article.mentions.some((m) => m.quote.exact === 'United Nations'));

  const archive = await openArchive(data);
  await archive.createEntity({ name: 'Anna Kessler', type: 'person' });
  await archive.close();
  const listed = await runCli(['entities', '--data-dir', data, '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(
    (JSON.parse(listed.stdout) as { name: string }[]).map((e) => e.name),
    ['Anna Kessler'],
  );
  const bad = await runCli(['entities', '--type', 'alien', '--data-dir', data]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /type/);
});

test('claims prints one JSON line per file: content, cue, claimant, chain ending with the outlet, kind, hedge, figures', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'wire.txt');
  const text =
    'At least 27 civilians were killed in shelling on Tuesday, according to a UN official cited by Reuters. ' +
    'Fighters have reportedly seized the port.';
  await writeFile(file, text);
  const result = await runCli(['claims', file, '--source', 'Daily Observer', '--published', '2026-03-13', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const { claims } = JSON.parse(result.stdout) as {
    claims: {
      text: string;
      start: number;
      end: number;
      cue: { text: string; start: number; end: number };
      claimant: { text: string; start: number; end: number; name: string; entityId: string | null } | null;
      via: string[];
      kind: string;
      hedged: boolean;
      quantities: { value: number; qualifier: string; category: string; outcome: string }[];
    }[];
  };
  const killed = claims.find((c) => c.kind === 'casualties')!;
  assert.equal(text.slice(killed.start, killed.end), killed.text);
  assert.equal(text.slice(killed.cue.start, killed.cue.end), killed.cue.text);
  assert.equal(killed.cue.text, 'according to');
  assert.equal(killed.claimant?.text, 'a UN official');
  assert.deepEqual(killed.via, ['Reuters', 'Daily Observer']);
  assert.deepEqual(
    killed.quantities.map((q) => [q.value, q.qualifier, q.category, q.outcome]),
    [[27, 'at least', 'civilians', 'killed']],
  );
  assert.ok(claims.some((c) => c.hedged && c.text.includes('seized the port')));
  const bad = await runCli(['claims']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /claims needs at least one file/);
});

test('tag and claims read a file in its own language, detected: French rules, not English ones', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'depeche.txt');
  await writeFile(
    file,
    "GENÈVE — Selon le Croissant-Rouge, au moins 12 civils ont été tués lundi près d'Alep. " +
      "Le porte-parole de l'armée, Karim Haddad, a déclaré que les frappes avaient cessé. " +
      'Zudem, Exemple et Passwort ne sont pas des noms.',
  );
  const tagged = await runCli(['tag', file, '--json']);
  assert.equal(tagged.code, 0, tagged.stderr);
  const entities = (JSON.parse(tagged.stdout) as Tagged).entities.map((e) => [e.type, e.text]);
  assert.ok(
    entities.some(([type, text]) => type === 'person' && text === 'Karim Haddad'),
    JSON.stringify(entities),
  );
  for (const common of ['Selon', 'GENÈVE —', 'Zudem', 'Exemple'])
    assert.ok(!entities.some(([, text]) => text === common), `${common} is not a name`);
  const claims = await runCli(['claims', file, '--json']);
  const found = (JSON.parse(claims.stdout) as { claims: { claimant: { text: string } | null; text: string }[] }).claims;
  assert.ok(found.some((c) => c.claimant?.text.includes('Karim Haddad') && c.text.startsWith('les frappes')));
});
