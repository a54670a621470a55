// The packaged app's switches: every Electron fuse in its safe position, and nothing we load left outside the integrity-checked app.asar.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';

const yml = await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

/** The `key: value` lines of one top-level block of electron-builder.yml (its indented lines, comments left out). */
function block(name: string): Record<string, string> {
  const lines = yml.split('\n');
  const start = lines.indexOf(`${name}:`);
  assert.ok(start >= 0, `electron-builder.yml has ${name}`);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (!/^\s/.test(line) && line.trim()) break;
    const match = /^\s+(\w+):\s*(\S+)/.exec(line);
    if (match) entries[match[1]!] = match[2]!;
  }
  return entries;
}

test('every fuse is set, each to its safe position (ASAR integrity and cookie encryption on, Node modes off)', () => {
  assert.deepEqual(block('electronFuses'), {
    runAsNode: 'false',
    enableCookieEncryption: 'true',
    enableNodeOptionsEnvironmentVariable: 'false',
    enableNodeCliInspectArguments: 'false',
    enableEmbeddedAsarIntegrityValidation: 'true',
    onlyLoadAppFromAsar: 'true',
    loadBrowserProcessSpecificV8Snapshot: 'false',
    grantFileProtocolExtraPrivileges: 'false',
  });
});

test('the app is one app.asar with nothing unpacked beside it: workers and data files are integrity-checked too', () => {
  assert.match(yml, /^asar: true$/m);
  assert.doesNotMatch(yml, /^asarUnpack:/m);
});

test('no module starts a worker or reads a file from app.asar.unpacked', async () => {
  const root = new URL('../../', import.meta.url);
  for (const folder of ['core', 'electron']) {
    for (const name of await readdir(new URL(folder, root), { recursive: true })) {
      if (!name.endsWith('.ts')) continue;
      const text = await readFile(new URL(`${folder}/${name}`, root), 'utf8');
      assert.doesNotMatch(text, /asar\.unpacked/, `${folder}/${name}`);
    }
  }
});
