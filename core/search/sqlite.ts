// node:sqlite (SQLite with FTS5, built into Node 22 and Electron: no native module to rebuild), loaded without its experimental warning, with the few types we use.
import { createRequire } from 'node:module';

type Value = null | number | bigint | string | Uint8Array;
export type Row = Record<string, Value>;

export interface Statement {
  run(...params: Value[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: Value[]): Row | undefined;
  all(...params: Value[]): Row[];
  iterate(...params: Value[]): IterableIterator<Row>;
}

export interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  close(): void;
  readonly isOpen: boolean;
}

type SqliteModule = { DatabaseSync: new (path: string, options?: { open?: boolean }) => Database };

let loaded: SqliteModule | null = null;

/** The module, once; a Node without it (before 22.13) gets a message that says which Node to use. */
function sqlite(): SqliteModule {
  if (loaded) return loaded;
  const emitWarning = process.emitWarning;
  // Node prints "SQLite is an experimental feature" on first load: it says nothing to our users.
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('SQLite')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    loaded = createRequire(import.meta.url)('node:sqlite') as SqliteModule;
    return loaded;
  } catch {
    throw new Error(
      `Search needs Node 22.13 or later (for node:sqlite); this is Node ${process.versions.node}. ` +
        'Run through npm (it uses the Node in node_modules) or install a newer Node.',
    );
  } finally {
    process.emitWarning = emitWarning;
  }
}

export function openDatabase(path: string): Database {
  return new (sqlite().DatabaseSync)(path);
}
