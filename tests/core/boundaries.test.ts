// The architecture's import boundaries are enforced by lint: each forbidden import below must be reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const FORBIDDEN: [string, string][] = [
  ['core/x.ts', "import { app } from 'electron';"],
  ['core/x.ts', "import React from 'react';"],
  ['core/x.ts', "import { x } from '../renderer/app.tsx';"],
  ['renderer/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['renderer/x.ts', "import { Low } from 'lowdb';"],
  ['renderer/x.ts', "import { openArchive } from '../core/archive.ts';"],
  ['renderer/views/x.ts', "import { Catalog } from '../../core/store/catalog.ts';"],
  ['electron/main.ts', "import { ipcMain } from 'electron';"],
  ['electron/main.ts', "import { ipcRenderer } from 'electron';"],
];

for (const [file, code] of FORBIDDEN) {
  test(`lint refuses \`${code}\` in ${file}`, async () => {
    assert.equal((await restricted(file, `${code}\nexport const used = 1;\n`)).length, 1);
  });
}

const ALLOWED: [string, string][] = [
  ['renderer/x.ts', "import type { ArchiveApi } from '../core/api.ts';"],
  ['renderer/views/x.ts', "import { ArticleInput } from '../../core/model.ts';"],
  ['electron/ipc.ts', "import { ipcMain } from 'electron';"],
  ['electron/preload.ts', "import { ipcRenderer } from 'electron';"],
  ['electron/main.ts', "import { openArchive } from '../core/archive.ts';"],
];

for (const [file, code] of ALLOWED) {
  test(`lint allows \`${code}\` in ${file}`, async () => {
    assert.deepEqual(await restricted(file, `${code}\nexport const used = 1;\n`), []);
  });
}
