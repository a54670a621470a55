// The Electron runtime for `npm start`: found, fetched once where the download is reachable, or the reason and the way to install it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** How long the download's host gets to answer at all: a machine without a route hangs, it does not refuse. */
const PROBE_MS = 4_000;
const GITHUB = 'https://github.com/electron/electron/releases/download/';

const HOW_TO_INSTALL = [
  'To install it: run `node node_modules/electron/install.js` on a network that reaches GitHub,',
  'or set ELECTRON_MIRROR to a mirror you can reach (e.g. https://npmmirror.com/mirrors/electron/) and run `npm start` again,',
  'or unpack electron-v<version>-<platform>-<arch>.zip into node_modules/electron/dist and write its executable name',
  'into node_modules/electron/path.txt (docs/electron.md).',
].join('\n  ');

/** `{path}` when the runtime can run, else `{why, how?}`. */
export async function findElectron(root) {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { why: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  const dir = join(root, 'node_modules/electron');
  const binary = () => {
    const relative = existsSync(join(dir, 'path.txt')) && readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return relative && existsSync(join(dir, 'dist', relative)) ? join(dir, 'dist', relative) : null;
  };
  if (binary()) return { path: binary() };
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  // A runtime already in @electron/get's cache installs without the network: only probe when it must download.
  if (!inCache(version)) {
    const host = mirror();
    const unreachable = await probe(host);
    if (unreachable)
      return {
        why: `its runtime is not installed and ${new URL(host).host} cannot be reached (${unreachable})`,
        how: HOW_TO_INSTALL,
      };
  }
  console.log(`Fetching the Electron runtime ${version} (about 100 MB)…`);
  const fetch = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (binary()) return { path: binary() };
  const reason = `${fetch.stderr ?? ''}${fetch.stdout ?? ''}`
    .split('\n')
    .find((l) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|timed out/i.test(l));
  return {
    why: `its runtime is not installed and could not be downloaded (${reason?.trim() ?? (fetch.error?.message || 'no network')})`,
    how: HOW_TO_INSTALL,
  };
}

/** Where @electron/get downloads from: the mirror the user set, else GitHub. */
function mirror() {
  const set = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror;
  return set && /^https?:\/\//.test(set) ? set : GITHUB;
}

/** Null when the host answers anything at all within PROBE_MS (even a 404); else what went wrong. */
async function probe(url) {
  // Through a proxy only @electron/get knows how to connect: let it try.
  if (process.env.HTTPS_PROXY || process.env.https_proxy || process.env.ELECTRON_GET_USE_PROXY) return null;
  const started = Date.now();
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(PROBE_MS) });
    return null;
  } catch (error) {
    const cause = error.cause?.code ?? error.cause?.message ?? error.name;
    const waited = ((Date.now() - started) / 1000).toFixed(1);
    return error.name === 'TimeoutError' ? `no answer in ${waited} s` : `${cause} after ${waited} s`;
  }
}

/** True when the runtime's zip for this machine is in @electron/get's cache (a folder per download URL). */
function inCache(version) {
  const cache =
    process.env.electron_config_cache ||
    (process.platform === 'darwin'
      ? join(homedir(), 'Library/Caches/electron')
      : process.platform === 'win32'
        ? join(process.env.LOCALAPPDATA ?? homedir(), 'electron/Cache')
        : join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron'));
  const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  try {
    return readdirSync(cache, { recursive: true }).some((name) => String(name).endsWith(zip));
  } catch {
    return false;
  }
}
