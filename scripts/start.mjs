// `npm start`: builds if needed, opens the desktop app, or says why it cannot and serves the same UI in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const webOnly = process.argv.includes('--web');

if (needsBuild()) {
  console.log('Building Newsdesk…');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = webOnly ? null : findElectron();
if (electron?.path) {
  // The project root, not dist/main.js: Electron then reads package.json (name, version, main, "type").
  const app = spawn(electron.path, [root], { stdio: 'inherit', cwd: root });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (electron) console.log(`Electron cannot run here: ${electron.why}. Serving the same UI in the browser instead.`);
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

/** The Electron binary, fetched on first use where GitHub is reachable; otherwise the reason it is not there. */
function findElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { why: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  const dir = join(root, 'node_modules/electron');
  const binary = () => {
    const relative = existsSync(join(dir, 'path.txt')) && readFileSync(join(dir, 'path.txt'), 'utf8');
    return relative && existsSync(join(dir, 'dist', relative)) ? join(dir, 'dist', relative) : null;
  };
  if (binary()) return { path: binary() };
  // electron@45 downloads its runtime on first use; do it once, quietly, and keep only the first line of a failure.
  console.log('Fetching the Electron runtime…');
  const fetch = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (binary()) return { path: binary() };
  const reason = `${fetch.stderr ?? ''}${fetch.stdout ?? ''}`
    .split('\n')
    .find((l) => /error|fail|ENOTFOUND|EAI_AGAIN/i.test(l));
  return { why: `its runtime is not installed and could not be downloaded (${reason?.trim() ?? 'no network'})` };
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
