// What the shells bundle: the preload and the UI carry the contract's types only, never its tables, zod or a Node module.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The source files and packages esbuild puts in the bundle, as the build script bundles them. */
async function bundled(entry: string, options: { external?: string[] } = {}): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: entry.startsWith('electron/') ? 'node' : 'browser',
    format: entry.startsWith('electron/') ? 'cjs' : 'esm',
    jsx: 'automatic',
    outdir: 'out',
    logLevel: 'silent',
    ...options,
  });
  return Object.keys(result.metafile.inputs);
}

test('the preload bundles two small files: no zod, no contract table, no core module but the channel', async () => {
  const inputs = await bundled('electron/preload.ts', { external: ['electron'] });
  assert.deepEqual(inputs.sort(), ['electron/ipc-channel.ts', 'electron/preload.ts']);
});

test('the UI bundles no zod, no lowdb, no Node module and nothing of core/ but core/common/', async () => {
  const inputs = await bundled('renderer/main.tsx');
  assert.ok(
    inputs.some((file) => file.startsWith('renderer/')),
    'the UI itself is there',
  );
  const core = inputs.filter((file) => file.startsWith('core/') && !file.startsWith('core/common/'));
  assert.deepEqual(core, []);
  const forbidden = inputs.filter(
    (file) => /node_modules\/(zod|lowdb|@?electron)\//.test(file) || file.startsWith('node:'),
  );
  assert.deepEqual(forbidden, []);
});
