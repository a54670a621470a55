// The architecture's import boundaries are enforced by lint: each forbidden import below must be reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

const FORBIDDEN: [string, string][] = [
  ['core/x.ts', "import { app } from 'electron';"],
  ['core/x.ts', "import React from 'react';"],
  ['core/x.ts', "import { x } from '../renderer/app.tsx';"],
  ['renderer/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['renderer/x.ts', "import { Low } from 'lowdb';"],
  ['renderer/x.ts', "import { openArchive } from '../core/archive.ts';"],
  ['renderer/views/x.ts', "import { Catalog } from '../../core/store/catalog.ts';"],
  ['renderer/views/x.ts', "import type { CatalogEntry } from '../../core/store/catalog.ts';"],
  // The model's schemas are zod: the UI takes their types, never the schemas themselves.
  ['renderer/x.ts', "import { Article } from '../core/model.ts';"],
  ['renderer/x.ts', "import { contract } from '../core/api.ts';"],
  ['renderer/x.ts', "import { z } from 'zod';"],
  ['electron/preload.ts', "import { contract } from '../core/api.ts';"],
  ['core/common/x.ts', "import { z } from 'zod';"],
  ['core/common/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['core/common/x.ts', "import type { Article } from '../model.ts';"],
  ['electron/main.ts', "import { ipcMain } from 'electron';"],
  ['electron/main.ts', "import { ipcRenderer } from 'electron';"],
];

for (const [file, code] of FORBIDDEN) {
  test(`lint refuses \`${code}\` in ${file}`, async () => {
    assert.notDeepEqual(await restricted(file, `${code}\nexport const used = 1;\n`), []);
  });
}

const ALLOWED: [string, string][] = [
  ['renderer/x.ts', "import type { ArchiveApi } from '../core/api.ts';"],
  ['renderer/views/x.ts', "import type { ArticleInput } from '../../core/model.ts';"],
  ['renderer/x.ts', "import { CLAIM_KINDS } from '../core/common/vocabulary.ts';"],
  ['electron/preload.ts', "import type { ArchiveBridge } from '../core/api.ts';"],
  ['core/common/x.ts', "import { CLAIM_KINDS } from './vocabulary.ts';"],
  ['electron/ipc.ts', "import { ipcMain } from 'electron';"],
  ['electron/preload.ts', "import { ipcRenderer } from 'electron';"],
  ['electron/main.ts', "import { openArchive } from '../core/archive.ts';"],
];

for (const [file, code] of ALLOWED) {
  test(`lint allows \`${code}\` in ${file}`, async () => {
    assert.deepEqual(await restricted(file, `${code}\nexport const used = 1;\n`), []);
  });
}
