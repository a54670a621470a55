// `npm start` where the Electron download is unreachable: it gives up within seconds, says why and how to install, and serves the UI.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../core/helpers/temp-dir.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A port nobody listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

test('an unreachable Electron mirror is given up on in seconds, with the reason, the way to install, and the UI served', async (t) => {
  if (existsSync(join(ROOT, 'node_modules/electron/path.txt'))) return t.skip('the Electron runtime is installed here');
  const dir = await tempDir(t);
  const mirror = `http://127.0.0.1:${await closedPort()}/`;
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port', '0'], {
    cwd: ROOT,
    // A display, so start.mjs tries Electron; the mirror, so the download goes to a closed port.
    env: { ...process.env, DISPLAY: ':99', ELECTRON_MIRROR: mirror, NEWSDESK_DATA_DIR: dir, HTTPS_PROXY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => void child.kill('SIGTERM'));
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (found) {
        clearTimeout(timer);
        done(found[0]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`start.mjs exited with ${code}:\n${output}`)));
  });
  const building = output.includes('Building Newsdesk');
  // A build (when sources changed) takes its own few seconds; the give-up itself is the probe's 0.1-4 s.
  assert.ok(Date.now() - started < (building ? 40_000 : 15_000), `took ${Date.now() - started} ms:\n${output}`);
  assert.match(
    output,
    /Electron cannot run here: its runtime is not installed and 127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED/,
  );
  assert.match(output, /To install it: run `node node_modules\/electron\/install\.js`/);
  assert.match(output, /ELECTRON_MIRROR/);
  assert.doesNotMatch(output, /Fetching the Electron runtime/);
  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html/i);
});
