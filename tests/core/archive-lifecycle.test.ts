// The archive's edges found in review: quitting never waits for a save dialog, the background count is live, issues name the argument, local limits take any size.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { openArchive } from '../../core/archive.ts';
import type { ArchiveError } from '../../core/errors.ts';
import { DEFAULT_OCR_LANGUAGES } from '../../core/model.ts';
import { FIXTURES } from './helpers/capture-fixtures.ts';
import { runCli } from './helpers/run-cli.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

test('close() does not wait for the user to answer a save dialog: the dialog counts as cancelled', async (t) => {
  let answer: ((path: string | null) => void) | null = null;
  const archive = await openArchive(await tempDir(t), {
    chooseExportPath: () => new Promise<string | null>((resolve) => (answer = resolve)),
  });
  await archive.addArticle({ text: 'Talks resumed on Monday in Geneva.' });
  const saving = archive.saveExport({ format: 'markdown', scope: { library: true } });
  while (!answer) await delay(5);
  const outcome = await Promise.race([archive.close().then(() => 'closed'), delay(3000, 'still waiting')]);
  assert.equal(outcome, 'closed');
  assert.equal(await saving, null, 'the export is cancelled, not written');
});

test('taggingPending is the queue as it is now, not its length at open', async (t) => {
  const archive = await openArchive(await tempDir(t), { tagInBackground: true });
  defer(t, () => archive.close());
  assert.equal(archive.taggingPending, 0);
  for (let i = 0; i < 4; i++)
    await archive.addArticle({ text: `Story number ${i}. The minister said talks would resume in Geneva.` });
  assert.ok(archive.taggingPending > 0, `pending after 4 quick saves: ${archive.taggingPending}`);
});

test("a text file with no text is refused with an issue on the bytes' argument", async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const error = await archive.addFromFile({}, Buffer.from('   \n  '), 'empty.txt').then(
    () => assert.fail('accepted'),
    (caught: unknown) => caught as ArchiveError,
  );
  assert.equal(error.code, 'invalid');
  assert.match(error.message, /^empty\.txt: text: the text cannot be empty/);
  assert.deepEqual(error.issues, [{ path: [1, 'text'], message: 'the text cannot be empty' }]);
});

test('any positive size limit works: --max-size 4.1 and a setting of 1500.5 bytes', async (t) => {
  const dir = await tempDir(t);
  const data = join(dir, 'data');
  const result = await runCli([
    'import',
    join(FIXTURES, 'plain.txt'),
    '--max-size',
    '4.1',
    '--data-dir',
    data,
    '--json',
  ]);
  assert.equal(JSON.parse(result.stdout.split('\n')[0]!).status, 'saved', result.stdout);
  assert.equal(result.code, 0);
  const registry = join(data, 'archive.json');
  const settings = { maxImportBytes: 1500.5 };
  await writeFile(registry, JSON.stringify({ ...JSON.parse(await readFile(registry, 'utf8')), settings }));
  const archive = await openFor(t, data);
  // A setting archive.json leaves out takes its default.
  assert.deepEqual(await archive.getSettings(), {
    ...settings,
    ocrLanguages: [...DEFAULT_OCR_LANGUAGES],
    refreshPaused: false,
    allowPrivateNetwork: false,
    clipperPort: 47118,
  });
});
