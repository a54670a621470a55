// The built clipper: Manifest V3 for Chromium and Firefox, narrow required permissions (all sites only as optional), and the zip holds exactly the folder.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import yauzl from 'yauzl';
import { buildClipper } from '../../scripts/build-clipper.mjs';
import { tempDir } from './helpers/temp-dir.ts';

const ALL_SITES = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

/** Every file in the zip with its bytes, read with yauzl (the project's zip reader). */
function zipEntries(zipPath: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  return new Promise((done, fail) => {
    yauzl.open(zipPath, { lazyEntries: true }, (error, zip) => {
      if (error) return fail(error);
      zip.on('error', fail);
      zip.on('end', () => done(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

test('the built clipper is Manifest V3, narrow, loadable by Chromium and Firefox, and zipped whole', async (t) => {
  const { outDir, zipPath } = await buildClipper(join(await tempDir(t), 'clipper'));
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
  const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));

  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.version, version);
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage']);
  assert.deepEqual(manifest.host_permissions, ['http://127.0.0.1/*']);
  // Required at install: nothing beyond the app's own origin, and no all-sites pattern anywhere it would be granted.
  const required = [...manifest.permissions, ...manifest.host_permissions];
  for (const pattern of ALL_SITES) assert.ok(!required.includes(pattern), `requires ${pattern}`);
  assert.equal(manifest.optional_permissions, undefined, 'no optional API permissions');
  // Auto-capture asks for one site at a time at run time; these only say which sites it may ask for.
  assert.deepEqual(manifest.optional_host_permissions, ['http://*/*', 'https://*/*']);
  for (const [key, value] of Object.entries(manifest)) {
    if (key === 'optional_host_permissions') continue;
    for (const pattern of ALL_SITES)
      assert.ok(!JSON.stringify(value).includes(`"${pattern}"`), `${pattern} appears in ${key}, outside the optional`);
  }
  assert.equal(manifest.content_scripts, undefined, 'no content script runs on every page');

  // Chromium runs the service worker, Firefox the background script; both need their file.
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.match(manifest.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.equal(manifest.action.default_popup, 'popup.html');

  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
  const referenced = [
    manifest.background.service_worker,
    manifest.action.default_popup,
    ...Object.values(manifest.icons as Record<string, string>),
    'popup.js',
    'popup.css',
  ];
  for (const file of referenced) assert.ok(files.includes(file), `${file} is built`);

  const zipped = await zipEntries(zipPath);
  assert.deepEqual([...zipped.keys()].sort(), files);
  for (const file of files)
    assert.deepEqual(zipped.get(file), await readFile(join(outDir, file)), `${file} zipped as built`);
});
