// Issue 17 fuzzing of the command line: known and unknown commands with random options and values exit with a one-line message (never a stack trace) and a refused command changes no file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { openArchive } from '../../core/archive.ts';
import { ALLOWED, OPTIONS } from '../../core/cli-usage.ts';
import { BACKUPS_DIR } from '../../core/store/registry-file.ts';
import { assertClearMessage, assertSameFiles, fingerprint, fuzzRuns } from './helpers/fuzz.ts';
import { CLI } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

type Outcome = { code: number; stdout: string; stderr: string };

let run = 0;
/**
 * Runs core/cli.ts, the module the `newsdesk` binary is built from, in this process: it calls main() on
 * process.argv when evaluated, so each run imports it afresh (a new query string) with its own argv. A
 * child process per run would cost two seconds each on this machine.
 */
async function newsdesk(args: string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  const argv = process.argv;
  console.log = (...parts: unknown[]) => void out.push(parts.join(' '));
  console.error = (...parts: unknown[]) => void err.push(parts.join(' '));
  process.argv = [argv[0]!, CLI, ...args];
  try {
    await import(`${new URL(`file://${CLI}`).href}?run=${run++}`);
  } finally {
    console.log = log;
    console.error = error;
    process.argv = argv;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const COMMANDS = Object.keys(ALLOWED).filter((command) => command !== 'serve'); // serve runs until Ctrl+C
const OPTION_NAMES = Object.keys(OPTIONS).filter((name) => name !== 'data-dir' && name !== 'help');

test('random command lines exit with a clear one-line message, and a refused one writes nothing', async (t) => {
  const root = await tempDir(t);
  const dataDir = join(root, 'data');
  const archive = await openArchive(dataDir);
  const article = await archive.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk.' });
  const entity = await archive.createEntity({ name: 'Karovsk', type: 'location' });
  await archive.close();

  // Never a path that exists (an import of "." would read the repository): names under a folder that does not.
  const missing = fc.string({ maxLength: 12 }).map((name) => join(root, 'missing', name));
  const value = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('-1', '0', '1e3', 'NaN', '99999999999999999999', '', ' ', '--', '-x', 'csv', 'bundle', 'zz'),
    fc.constantFrom('2024-02-30', '2024-01-01T00:00:00Z', 'http://127.0.0.1:1/', 'javascript:alert(1)', '\u0000'),
    fc.constantFrom(article.id, entity.id, '00000000-0000-4000-8000-000000000000', 'ent_0000000000000000'),
  );
  const option = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...OPTION_NAMES) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z-]{0,10}$/) },
  );
  const flag = fc.tuple(option, value, fc.constantFrom('separate', 'equals', 'bare')).map(([name, v, form]) => {
    // A place to write an export or a digest is always inside the temp folder.
    if (name === 'out') return ['--out', join(root, 'out', v.replace(/[/\\]/g, '_') || 'x')];
    if (name === 'text-file') return ['--text-file', join(root, 'missing', v)];
    return form === 'bare' ? [`--${name}`] : form === 'equals' ? [`--${name}=${v}`] : [`--${name}`, v];
  });
  const line = fc.record({
    command: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...COMMANDS) },
      fc.string({ maxLength: 10 }),
      // Names every plain object has: a table looked up by the command must not find them.
      fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
    ),
    positionals: fc.array(
      fc.oneof(
        value.map((v) => (v.startsWith('-') ? v : `zz${v}`)),
        missing,
      ),
      { maxLength: 3 },
    ),
    flags: fc.array(flag, { maxLength: 3 }),
    json: fc.boolean(),
  });

  // Opening the folder backs archive.json up when it changed since the last backup (an earlier run's
  // write): the state as it was, by design at every open, so not counted as this command's write.
  const files = () => fingerprint(dataDir, (file) => file === BACKUPS_DIR);
  await fc.assert(
    fc.asyncProperty(line, async ({ command, positionals, flags, json }) => {
      const args = [command, ...positionals, ...flags.flat(), ...(json ? ['--json'] : []), '--data-dir', dataDir];
      const before = await files();
      const { code, stdout, stderr } = await newsdesk(args);
      const shown = args.join(' ');
      for (const output of [stdout, stderr]) assert.doesNotMatch(output, /\n\s+at .+[(:]\d+/, 'no stack trace');
      const known = Object.hasOwn(ALLOWED, command) || command === 'help' || args.includes('--help');
      if (!known) assert.equal(code, 2, `an unknown command exits 2: ${shown} (${stdout} ${stderr})`);
      if (code === 0) return;
      assert.ok(code === 1 || code === 2, `exit code ${code}`);
      // A refusal is one line on stderr naming the program; commands over several files say one line per file
      // that failed, and an import its count.
      const lines = stderr.split('\n').filter(Boolean);
      if (code === 2) assert.equal(lines.length, 1, stderr);
      for (const l of lines) assert.match(l, /^(newsdesk: \S|\d+ saved, |\{)/, `a line of stderr: ${l}`);
      assertClearMessage(stderr || stdout, shown);
      assertSameFiles(before, await files(), `${shown} (exit ${code}: ${stderr || stdout})`);
    }),
    fuzzRuns(17_04, 60),
  );
  assert.equal((await newsdesk(['show', article.id, '--data-dir', dataDir])).code, 0);
});
