// `npm start`: builds if needed, opens the desktop app, or says why it cannot and serves the same UI in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findElectron } from './electron-runtime.mjs';

const root = join(import.meta.dirname, '..');
const webOnly = process.argv.includes('--web');

if (needsBuild()) {
  console.log('Building Newsdesk…');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = webOnly ? null : await findElectron(root);
if (electron?.path) {
  // The project root, not dist/main.js: Electron then reads package.json (name, version, main, "type").
  const app = spawn(electron.path, [root], { stdio: 'inherit', cwd: root });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (electron) {
    console.log(`Electron cannot run here: ${electron.why}.`);
    if (electron.how) console.log(`  ${electron.how}`);
    console.log('Serving the same UI in the browser instead.');
  }
  const serve = spawn(
    process.execPath,
    [join(root, 'dist/cli.js'), 'serve', ...process.argv.slice(2).filter((a) => a !== '--web')],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal));
  serve.on('exit', (code) => process.exit(code ?? 0));
}

/** True when dist/ is missing or older than any source file. */
function needsBuild() {
  const outputs = ['dist/cli.js', 'dist/main.js', 'dist/preload.cjs', 'dist/renderer/index.html'].map((f) =>
    join(root, f),
  );
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const newest = (dir) =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((max, e) => Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
  return ['core', 'electron', 'renderer', 'assets'].some((dir) => newest(dir) > built);
}
