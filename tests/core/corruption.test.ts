// Damaged files are moved aside and named, never overwritten; everything else still opens.
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { articleFileFor } from '../../core/store/article-files.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

async function archiveWithThree(dir: string) {
  const archive = await openArchive(dir);
  const articles = [];
  for (const title of ['alpha', 'beta', 'gamma'])
    articles.push(await archive.addArticle({ text: `${title} text`, title }));
  await archive.close();
  return articles;
}

test('a damaged article file is named, moved aside, and the rest still open', async (t) => {
  const dir = await tempDir(t);
  const [alpha, beta, gamma] = await archiveWithThree(dir);
  const file = join(dir, articleFileFor(beta!));
  await writeFile(file, '{"schemaVersion": 1, "article": {"id": "trunc');

  const archive = await openFor(t, dir);
  await assert.rejects(archive.getArticle(beta!.id), (error: Error & { code: string }) => {
    assert.equal(error.code, 'corrupt');
    assert.ok(error.message.includes(file), error.message);
    assert.match(error.message, /not valid JSON.*moved to .*\.corrupt-/);
    return true;
  });
  const moved = (await readdir(join(file, '..'))).filter((name) => name.startsWith(`${beta!.id}.json.corrupt-`));
  assert.equal(moved.length, 1, 'the damaged bytes are kept beside it');
  assert.equal(await readFile(join(file, '..', moved[0]!), 'utf8'), '{"schemaVersion": 1, "article": {"id": "trunc');
  const [problem] = (await archive.getStatus()).problems;
  assert.equal(problem?.file, file);
  await archive.close();
  const later = await openFor(t, dir);
  assert.deepEqual((await later.getStatus()).problems, [problem], 'still reported in the next session');
  assert.equal((await later.getArticle(alpha!.id)).title, 'alpha');
  assert.equal((await later.getArticle(gamma!.id)).title, 'gamma');
  assert.deepEqual(
    (await later.listArticles({ sort: 'title', order: 'asc' })).items.map((a) => a.title),
    ['alpha', 'gamma'],
  );
});

test('an article that parses but is not a valid article is moved aside when the catalog is rebuilt', async (t) => {
  const dir = await tempDir(t);
  const [, beta] = await archiveWithThree(dir);
  const file = join(dir, articleFileFor(beta!));
  const document = JSON.parse(await readFile(file, 'utf8'));
  document.article.capturedAt = 'yesterday';
  await writeFile(file, JSON.stringify(document));
  await rm(join(dir, 'index'), { recursive: true });

  const archive = await openFor(t, dir);
  const { problems, articles } = await archive.getStatus();
  assert.equal(articles, 2);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, file);
  assert.match(problems[0]!.reason, /capturedAt/);
});

test('a damaged archive.json is moved aside and recovered from its backup', async (t) => {
  const dir = await tempDir(t);
  const [alpha] = await archiveWithThree(dir);
  const good = await readFile(join(dir, 'archive.json'), 'utf8');
  await writeFile(join(dir, 'archive.json'), 'garbage');

  const archive = await openFor(t, dir);
  const [problem] = (await archive.getStatus()).problems;
  assert.equal(problem?.file, join(dir, 'archive.json'));
  assert.match(problem!.recoveredFrom ?? '', /backups\/archive-.*\.json$/);
  assert.equal(await readFile(problem!.movedTo!, 'utf8'), 'garbage');
  const recovered = JSON.parse(await readFile(join(dir, 'archive.json'), 'utf8'));
  assert.deepEqual({ ...recovered, problems: [] }, JSON.parse(good), 'the backup, plus the problem it records');
  assert.equal(recovered.problems[0].file, join(dir, 'archive.json'));
  assert.equal((await archive.getArticle(alpha!.id)).title, 'alpha');
  assert.equal((await archive.listArticles()).total, 3);
});

test('a damaged or missing catalog is rebuilt from the article files', async (t) => {
  const dir = await tempDir(t);
  await archiveWithThree(dir);
  await writeFile(join(dir, 'index', 'catalog.json'), '{"format": 1, "entries": [');
  let archive = await openArchive(dir);
  assert.equal((await archive.listArticles()).total, 3);
  await archive.close();
  await rm(join(dir, 'index'), { recursive: true });
  archive = await openFor(t, dir);
  assert.equal((await archive.listArticles()).total, 3);
  assert.deepEqual((await archive.getStatus()).problems, []);
});

test('a catalog that parses but holds nonsense is rebuilt, not trusted', async (t) => {
  const dir = await tempDir(t);
  await archiveWithThree(dir);
  await writeFile(join(dir, 'index', 'catalog.json'), JSON.stringify({ format: 1, entries: [{ id: 42 }] }));
  const archive = await openFor(t, dir);
  assert.equal((await archive.listArticles()).total, 3);
  assert.equal((await archive.listArticles({ trash: true })).total, 0);
});

test('a columnar catalog with a row that does not fit its columns is rebuilt, not trusted', async (t) => {
  const dir = await tempDir(t);
  await archiveWithThree(dir);
  const snapshot = join(dir, 'index', 'catalog.json');
  const catalog = JSON.parse(await readFile(snapshot, 'utf8')) as { columns: string[]; rows: unknown[][] };
  assert.equal(catalog.rows.length, 3);
  catalog.rows[1] = catalog.rows[1]!.slice(1);
  await writeFile(snapshot, JSON.stringify(catalog));
  const archive = await openFor(t, dir);
  assert.equal((await archive.listArticles()).total, 3);
});

test('files written by a newer Newsdesk are refused, not moved aside', async (t) => {
  const dir = await tempDir(t);
  const [alpha] = await archiveWithThree(dir);
  const file = join(dir, articleFileFor(alpha!));
  const document = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...document, schemaVersion: 99 }));
  const archive = await openFor(t, dir);
  await assert.rejects(archive.getArticle(alpha!.id), /written by a newer Newsdesk \(schema 99/);
  assert.equal(JSON.parse(await readFile(file, 'utf8')).schemaVersion, 99, 'left as it was');
  await archive.close();

  const registry = JSON.parse(await readFile(join(dir, 'archive.json'), 'utf8'));
  await writeFile(join(dir, 'archive.json'), JSON.stringify({ ...registry, schemaVersion: 2 }));
  await assert.rejects(openArchive(dir), /archive.json was written by a newer Newsdesk/);
  assert.equal(JSON.parse(await readFile(join(dir, 'archive.json'), 'utf8')).schemaVersion, 2);
  await assert.rejects(openArchive(dir), /newer/, 'and the failed open released the folder');
});
