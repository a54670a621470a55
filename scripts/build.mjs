// Builds everything into dist/: the CLI and server (ESM), Electron's main (ESM) and preload (CommonJS), and the UI.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const node = { bundle: true, platform: 'node', target: 'node22', packages: 'external', logLevel: 'warning' };

await Promise.all([
  build({
    ...node,
    entryPoints: ['core/cli.ts'],
    outfile: 'dist/cli.js',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/main.js', format: 'esm' }),
  // A sandboxed renderer can only load a CommonJS preload, with nothing but electron left to require.
  build({
    ...node,
    packages: undefined,
    external: ['electron'],
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/preload.cjs',
    format: 'cjs',
  }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built dist/cli.js, dist/main.js, dist/preload.cjs and dist/renderer/');
