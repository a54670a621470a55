// Builds the browser clipper (clipper/) into dist/clipper/ and zips it into dist/clipper.zip for the browser stores.
import { build } from 'esbuild';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'clipper');
const ICON_SIZES = [16, 32, 48, 128];

/** Builds into OUTDIR (dist/clipper by default) and zips it beside it; returns both paths. */
export async function buildClipper(outDir = join(ROOT, 'dist/clipper')) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'icons'), { recursive: true });
  // Classic scripts (no ES modules): Firefox's background.scripts and the popup's <script> load them as they are.
  // Not minified: the function injected into pages is sent as its own source.
  await build({
    entryPoints: { background: join(SOURCE, 'background.ts'), popup: join(SOURCE, 'popup.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    logLevel: 'warning',
  });
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const manifest = JSON.parse(await readFile(join(SOURCE, 'manifest.json'), 'utf8'));
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify({ ...manifest, version }, null, 2) + '\n');
  for (const file of ['popup.html', 'popup.css']) await copyFile(join(SOURCE, file), join(outDir, file));
  for (const size of ICON_SIZES)
    await copyFile(join(ROOT, `assets/icons/${size}x${size}.png`), join(outDir, `icons/${size}.png`));
  const zipPath = join(dirname(outDir), 'clipper.zip');
  await zipFolder(outDir, zipPath);
  return { outDir, zipPath };
}

async function zipFolder(dir, zipPath) {
  const zip = new yazl.ZipFile();
  for (const file of await filesUnder(dir)) zip.addFile(file, relative(dir, file).split('\\').join('/'));
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
