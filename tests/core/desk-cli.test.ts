// The desk on the command line against a real PouchDB Server: join with credentials from the URL or the environment, sync, conflicts, resolve, leave; a syncing process SIGKILLed resumes.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { startCouch } from './helpers/couch-server.ts';
import { runCli, spawnCli } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

const ENV = { NEWSDESK_DESK_USER: 'bo', NEWSDESK_DESK_PASSWORD: 'pw-bo' };

test('desk join, sync, conflicts, resolve and leave on the command line', async (t) => {
  const server = await startCouch(t, { users: { ana: 'pw-ana', bo: 'pw-bo' } });
  const [one, two] = [await tempDir(t), await tempDir(t)];
  const withAna = server.url.replace('http://', 'http://ana:pw-ana@');
  const join1 = await runCli(['desk', 'join', withAna, '--name', 'Ana', '--data-dir', one]);
  assert.equal(join1.code, 0, join1.stderr);
  assert.match(join1.stdout, /Joined the desk at http:\/\/127\.0\.0\.1:\d+\/desk as Ana \(user ana\)/);
  assert.doesNotMatch(await readFile(join(one, 'desk.json'), 'utf8'), /pw-ana/);
  const join2 = await runCli(['desk', 'join', server.url, '--name', 'Bo', '--data-dir', two], ENV);
  assert.equal(join2.code, 0, join2.stderr);

  const textFile = join(await tempDir(t), 'note.txt');
  await writeFile(textFile, 'The bridge at Karovsk fell on Tuesday, officials said.');
  const added = JSON.parse(
    (await runCli(['add', '--text-file', textFile, '--title', 'Bridge', '--json', '--data-dir', one])).stdout,
  ) as { id: string };
  // Ana's password is not stored: later commands take it from the environment.
  const anaEnv = { NEWSDESK_DESK_USER: 'ana', NEWSDESK_DESK_PASSWORD: 'pw-ana' };
  const noPassword = await runCli(['sync', '--data-dir', one]);
  assert.equal(noPassword.code, 1);
  assert.match(noPassword.stderr, /wants a user and password .*NEWSDESK_DESK_USER/);
  const sync1 = await runCli(['sync', '--json', '--data-dir', one], anaEnv);
  assert.deepEqual(JSON.parse(sync1.stdout), { pushed: 1, pulled: 0, conflicts: 0 });
  assert.deepEqual(JSON.parse((await runCli(['sync', '--json', '--data-dir', two], ENV)).stdout), {
    pushed: 0,
    pulled: 1,
    conflicts: 0,
  });

  await runCli(['update', added.id, '--title', 'Ana says', '--data-dir', one]);
  await runCli(['update', added.id, '--title', 'Bo says', '--data-dir', two]);
  await runCli(['sync', '--data-dir', one], anaEnv);
  const clash = await runCli(['sync', '--data-dir', two], ENV);
  assert.match(clash.stdout, /Pulled 1, pushed 1; 1 open conflict\(s\)\./);
  await runCli(['sync', '--data-dir', one], anaEnv);
  const listed = await runCli(['conflicts', '--data-dir', one]);
  assert.match(listed.stdout, new RegExp(`article:${added.id}#title  Ana says: title`));
  assert.match(listed.stdout, /Ana at .*: "Ana says"/);
  assert.match(listed.stdout, /Bo at .*: "Bo says"/);
  const resolved = await runCli(['resolve', `article:${added.id}#title`, '--take', 'theirs', '--data-dir', one]);
  assert.equal(resolved.code, 0, resolved.stderr);
  assert.match(resolved.stdout, /0 open conflict\(s\) left/);
  await runCli(['sync', '--data-dir', one], anaEnv);
  await runCli(['sync', '--data-dir', two], ENV);
  for (const dir of [one, two]) {
    const shown = JSON.parse((await runCli(['show', added.id, '--json', '--data-dir', dir])).stdout) as {
      title: string;
    };
    assert.equal(shown.title, 'Bo says');
  }

  const wrong = await runCli(['sync', '--data-dir', two], { ...ENV, NEWSDESK_DESK_PASSWORD: 'nope' });
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^newsdesk: The desk at .* refused user "bo" \(401.*nothing changed\.\n$/);
  const status = JSON.parse((await runCli(['desk', 'status', '--json', '--data-dir', two])).stdout) as Record<
    string,
    unknown
  >;
  assert.deepEqual([status.joined, status.analyst, status.user, status.conflicts], [true, 'Bo', 'bo', 0]);
  const left = await runCli(['desk', 'leave', '--data-dir', two]);
  assert.match(left.stdout, /Left the desk at .*; everything stays in this archive\./);
  assert.match((await runCli(['desk', 'status', '--data-dir', two])).stdout, /On no desk/);
  assert.equal((await runCli(['show', added.id, '--data-dir', two])).code, 0);

  const usage = await runCli(['desk', 'join', server.url, '--data-dir', two]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /desk join needs --name NAME/);
  assert.match((await runCli(['resolve', 'x', '--data-dir', two])).stderr, /resolve needs --take/);
});

test('a syncing process SIGKILLed part way resumes at the next sync with nothing lost or doubled', async (t) => {
  const server = await startCouch(t);
  const [one, two] = [await tempDir(t), await tempDir(t)];
  const source = await openArchive(one);
  await source.joinDesk({ url: server.url, analyst: 'Ana' });
  const ids: string[] = [];
  for (let i = 0; i < 600; i++)
    ids.push((await source.addArticle({ title: `Dispatch ${i}`, text: `Dispatch number ${i}. `.repeat(30) })).id);
  await source.syncDesk();
  await source.close();
  assert.equal((await runCli(['desk', 'join', server.url, '--name', 'Bo', '--data-dir', two])).code, 0);

  const child = spawnCli(['sync', '--data-dir', two]);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const records = async () => {
    const desks = await readdir(join(two, 'desk')).catch(() => [] as string[]);
    return desks.length ? (await readdir(join(two, 'desk', desks[0]!))).length : 0;
  };
  while ((await records()) < 250 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'killed while syncing');
  const landed = await records();
  assert.ok(landed < 600, `killed part way (${landed} records)`);

  const again = await runCli(['sync', '--json', '--data-dir', two]);
  assert.equal(again.code, 0, again.stderr);
  const result = JSON.parse(again.stdout) as { pushed: number; pulled: number };
  assert.equal(result.pushed, 0, 'nothing pulled goes back up');
  assert.ok(result.pulled < 600, `resumed, not restarted (${result.pulled} pulled)`);
  const archive = await openArchive(two);
  try {
    const page = await archive.listArticles({ limit: 5000 });
    assert.deepEqual(page.items.map((item) => item.id).sort(), [...ids].sort());
    assert.deepEqual(await archive.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
  } finally {
    await archive.close();
  }
  const info = (await (await fetch(server.url)).json()) as { doc_count: number };
  assert.equal(info.doc_count, 600);
});

test('a desk URL that does not parse is said without the password it carries', async (t) => {
  const dir = await tempDir(t);
  // The second password holds a slash, a question mark and a hash: still hidden.
  for (const password of ['s3cret', 'se/cr?et#x']) {
    const joined = await runCli([
      'desk',
      'join',
      `https://ana:${password}@couch example.org/desk`,
      '--name',
      'Ana',
      '--data-dir',
      dir,
    ]);
    assert.equal(joined.code, 2, joined.stderr);
    assert.match(joined.stderr, /"https:\/\/…@couch example\.org\/desk" is not a URL/);
    assert.doesNotMatch(joined.stderr + joined.stdout, /s3cret|cr\?et/);
  }
});
