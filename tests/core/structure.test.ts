// The architecture's shape, checked: small files, a small root, and no import cycles (type-only imports count too).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { contract } from '../../core/api.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['core', 'renderer', 'electron', 'clipper'];
const MAX_LINES = 400;
/** The composition root and the UI's shell stay small: they wire things, they do not do them. */
const ROOTS: Record<string, number> = { 'core/archive.ts': 300, 'renderer/app.tsx': 300 };

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
const name = (file: string) => relative(ROOT, file).split('\\').join('/');
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length - 1;

/** Every relative import, export-from and import() of a file, type-only ones included, resolved to a file. */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .filter((target) => existsSync(target) && statSync(target).isFile());
}

/** Strongly connected components of more than one file (Tarjan), or a file that imports itself. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) cycles.push(component);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

test(`no source file in ${SOURCE_DIRS.join(', ')} is over ${MAX_LINES} lines, and the roots stay small`, () => {
  const over = files
    .map((file) => ({ file: name(file), lines: lines(file) }))
    .filter(({ file, lines }) => lines > (ROOTS[file] ?? MAX_LINES))
    .map(({ file, lines }) => `${file}: ${lines} lines (at most ${ROOTS[file] ?? MAX_LINES})`);
  assert.deepEqual(over, []);
});

test('no import cycles among source files, type-only imports included', () => {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const cycles = importCycles(graph).map((cycle) => cycle.map(name).sort().join(' <-> '));
  assert.deepEqual(cycles, []);
});

test('each contract method is named in at most 2 files of core/: its declaration with its handler, and one user', () => {
  const texts = files
    .filter((file) => name(file).startsWith('core/'))
    .map((file) => [name(file), readFileSync(file, 'utf8')]);
  const spread = Object.keys(contract)
    // A word too common to count: its declaration is the table's `search:` entry like any other.
    .filter((method) => method !== 'search')
    .map((method) => {
      const word = new RegExp(`\\b${method}\\b`);
      return { method, in: texts.filter(([, text]) => word.test(text!)).map(([file]) => file) };
    })
    .filter((found) => found.in.length > 2)
    .map((found) => `${found.method}: ${found.in.join(', ')}`);
  assert.deepEqual(spread, []);
});

test('the cycle finder finds a cycle through type-only imports, and none in a chain', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  assert.deepEqual(
    importCycles(graph).map((c) => c.sort()),
    [['a', 'b', 'c']],
  );
  assert.deepEqual(
    importCycles(
      new Map([
        ['a', ['b']],
        ['b', []],
      ]),
    ),
    [],
  );
  const typeOnly = ts.preProcessFile("import type { X } from './x.ts';\nexport type { Y } from './y.ts';", true, true);
  assert.deepEqual(
    typeOnly.importedFiles.map((f) => f.fileName),
    ['./x.ts', './y.ts'],
  );
});
