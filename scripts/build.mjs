// Builds everything into dist/: the CLI and server (ESM), Electron's main (ESM), the tagging, search and capture workers, the preload (CommonJS), the UI and the browser clipper.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildClipper } from './build-clipper.mjs';

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
  // The tagging worker thread, loaded by dist/cli.js and dist/main.js from beside them. Self-contained
  // (its NLP libraries and model bundled in), so it runs from outside app.asar too.
  build({
    ...node,
    packages: undefined,
    entryPoints: ['core/entities/tagger-worker.ts'],
    outfile: 'dist/tagger-worker.js',
    format: 'esm',
    // Bundled CommonJS (the NLP libraries) calls require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  }),
  // The search index's rebuild worker, beside them and self-contained too (zod bundled; node:sqlite is built in).
  build({
    ...node,
    packages: undefined,
    entryPoints: ['core/search/index-build-worker.ts'],
    outfile: 'dist/search-worker.js',
    format: 'esm',
  }),
  // The page extraction worker threads (core/capture/capture-workers.ts), beside them. Its libraries stay
  // external: jsdom reads its own files by path and cannot be bundled.
  build({ ...node, entryPoints: ['core/capture/capture-worker.ts'], outfile: 'dist/capture-worker.js', format: 'esm' }),
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
await buildClipper();
console.log(
  'built dist/cli.js, dist/main.js, dist/tagger-worker.js, dist/search-worker.js, dist/capture-worker.js, dist/preload.cjs, dist/renderer/, dist/clipper/ and dist/clipper.zip',
);
