// Power-loss stress: loaded with --import into the writer (and its worker threads), it logs every file operation under the data folder, after it completed, in one ordered op log.
import fs from 'node:fs';
import type * as fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

/** One logged operation (see power-loss-model.ts for what each does to the disk). */
export type Op = {
  op: string;
  /** Paths relative to the data folder. */
  p?: string;
  to?: string;
  fd?: number;
  /** open: create, truncate, append. */
  c?: boolean;
  tr?: boolean;
  a?: boolean;
  /** Offset and base64 data of a write; length of a truncate. */
  o?: number;
  d?: string;
  n?: number;
  /** A begin/ack marker of the writer. */
  mark?: object;
  th?: number;
};

const LOG = process.env.POWER_LOSS_LOG;
const ROOT = process.env.POWER_LOSS_ROOT ? resolve(process.env.POWER_LOSS_ROOT) : '';
const original = { ...fs };
const logFd = LOG ? original.openSync(LOG, 'a') : -1;

function log(op: Op): void {
  if (logFd >= 0) original.writeSync(logFd, JSON.stringify({ ...op, th: threadId }) + '\n');
}

/** The writer's begin/ack lines, in the same order as the file operations. */
export function mark(line: object): void {
  log({ op: 'mark', mark: line });
}

/** The path relative to the data folder, or null outside it. */
function inRoot(path: unknown): string | null {
  if (!ROOT || (typeof path !== 'string' && !(path instanceof URL) && !Buffer.isBuffer(path))) return null;
  const text = path instanceof URL ? path.pathname : String(path);
  const rel = relative(ROOT, resolve(text));
  return rel.startsWith('..') || isAbsolute(rel) ? null : rel;
}

type Tracked = { p: string; a: boolean; pos: number };
const fds = new Map<number, Tracked>();

function flagsOf(flags: unknown): { c: boolean; tr: boolean; a: boolean; write: boolean } {
  if (typeof flags === 'number') {
    const { O_CREAT, O_TRUNC, O_APPEND, O_WRONLY, O_RDWR } = fs.constants;
    return {
      c: !!(flags & O_CREAT),
      tr: !!(flags & O_TRUNC),
      a: !!(flags & O_APPEND),
      write: !!(flags & (O_WRONLY | O_RDWR)),
    };
  }
  const f = typeof flags === 'string' ? flags : 'r';
  return { c: /[wa]/.test(f), tr: f.includes('w'), a: f.includes('a'), write: /[wa+]/.test(f) };
}

function opened(path: unknown, flags: unknown, fd: number): void {
  const p = inRoot(path);
  if (p === null) return;
  const f = flagsOf(flags);
  fds.set(fd, { p, a: f.a, pos: 0 });
  log({ op: 'open', p, fd, c: f.c, tr: f.tr, a: f.a });
}

function closing(fd: number): void {
  // Logged before the close: once closed, another thread may get the same fd and log its open first.
  if (fds.delete(fd)) log({ op: 'close', fd });
}

function toBytes(data: unknown, encoding?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, (encoding as BufferEncoding) ?? 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new Error(`power-loss recorder: cannot record a write of ${typeof data}`);
}

/** Logs `bytes` written at `position` (null: the fd's position, or the end in append mode). */
function wrote(fd: number, bytes: Buffer, position: unknown): void {
  const t = fds.get(fd);
  if (!t || !bytes.length) return;
  let o: number;
  if (t.a) o = original.fstatSync(fd).size - bytes.length;
  else if (typeof position === 'number' && position >= 0) o = position;
  else {
    o = t.pos;
    t.pos += bytes.length;
  }
  log({ op: 'write', fd, o, d: bytes.toString('base64') });
}

/** The bytes a write(buffer|string, ...) call wrote, and its position argument. */
function writeArgs(args: unknown[], written: number): { bytes: Buffer; position: unknown } {
  const [data, a, b, c] = args;
  if (typeof data === 'string') return { bytes: Buffer.from(data, (b as BufferEncoding) ?? 'utf8'), position: a };
  const buffer = toBytes(data);
  if (a !== null && typeof a === 'object') {
    const options = a as { offset?: number; position?: unknown };
    return { bytes: buffer.subarray(options.offset ?? 0, (options.offset ?? 0) + written), position: options.position };
  }
  const offset = typeof a === 'number' ? a : 0;
  return { bytes: buffer.subarray(offset, offset + written), position: c };
}

function pathOp(op: string, path: unknown, extra: Partial<Op> = {}): void {
  const p = inRoot(path);
  if (p !== null) log({ op, p, ...extra });
}

function twoPathOp(op: string, from: unknown, to: unknown): void {
  const p = inRoot(from);
  const t = inRoot(to);
  if (p !== null && t !== null) log({ op, p, to: t });
  else if (t !== null) log({ op: 'unsupported', p: t, d: `${op} from outside the data folder` });
  else if (p !== null) log({ op: 'unlink', p });
}

/** writeFile/appendFile by path: open, write, close in one. */
function wholeFile(path: unknown, data: unknown, options: unknown, append: boolean): void {
  const p = inRoot(path);
  if (p === null) return;
  const o = (typeof options === 'string' ? { encoding: options } : (options ?? {})) as {
    encoding?: string;
    flag?: string;
  };
  const f = flagsOf(o.flag ?? (append ? 'a' : 'w'));
  log({ op: 'writeFile', p, a: f.a, tr: f.tr, d: toBytes(data, o.encoding).toString('base64') });
}

type Fn = (...args: never[]) => unknown;
const patch = <T extends object>(target: T, name: string, wrap: (orig: Fn) => Fn) => {
  const t = target as Record<string, Fn>;
  t[name] = wrap(t[name]!.bind(target));
};
const after = (orig: Fn, done: (args: unknown[], result: unknown) => void) =>
  async function (this: unknown, ...args: unknown[]) {
    const result = await (orig as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    done(args, result);
    return result;
  };

async function patchPromises(): Promise<void> {
  const p = fs.promises as unknown as Record<string, Fn>;
  patch(p, 'open', (orig) => after(orig, ([path, flags], h) => opened(path, flags, (h as fsp.FileHandle).fd)));
  patch(p, 'writeFile', (orig) =>
    after(orig, ([path, data, options]) => {
      if (typeof path === 'object' && path && 'fd' in path) handleWrite((path as fsp.FileHandle).fd, data, options);
      else wholeFile(path, data, options, false);
    }),
  );
  patch(p, 'appendFile', (orig) =>
    after(orig, ([path, data, options]) => {
      if (typeof path === 'object' && path && 'fd' in path) handleWrite((path as fsp.FileHandle).fd, data, options);
      else wholeFile(path, data, options, true);
    }),
  );
  patch(p, 'rename', (orig) => after(orig, ([from, to]) => twoPathOp('rename', from, to)));
  patch(p, 'link', (orig) => after(orig, ([from, to]) => twoPathOp('link', from, to)));
  patch(p, 'copyFile', (orig) => after(orig, ([from, to]) => twoPathOp('copy', from, to)));
  patch(p, 'cp', (orig) => after(orig, ([, to]) => pathOp('unsupported', to, { d: 'cp' })));
  for (const name of ['unlink', 'rm', 'rmdir'])
    patch(p, name, (orig) => after(orig, ([path]) => pathOp('unlink', path)));
  patch(p, 'mkdir', (orig) => after(orig, ([path]) => pathOp('mkdir', path)));
  patch(p, 'truncate', (orig) => after(orig, ([path, len]) => pathOp('truncate', path, { n: Number(len ?? 0) })));

  // FileHandle's methods live on its prototype: reach it through a handle of our own.
  const handle = await original.promises.open(LOG!, 'r');
  const proto = Object.getPrototypeOf(handle) as Record<string, Fn>;
  await handle.close();
  const method = (name: string, done: (fd: number, args: unknown[], result: unknown) => void) => {
    const orig = proto[name] as unknown as (this: fsp.FileHandle, ...a: unknown[]) => Promise<unknown>;
    proto[name] = async function (this: fsp.FileHandle, ...args: unknown[]) {
      const fd = this.fd;
      const result = await orig.apply(this, args);
      done(fd, args, result);
      return result;
    } as Fn;
  };
  method('write', (fd, args, result) => {
    const { bytes, position } = writeArgs(args, (result as { bytesWritten: number }).bytesWritten);
    wrote(fd, bytes, position);
  });
  method('writev', (fd, args) => wrote(fd, Buffer.concat((args[0] as Uint8Array[]).map((b) => toBytes(b))), args[1]));
  for (const name of ['writeFile', 'appendFile']) method(name, (fd, args) => handleWrite(fd, args[0], args[1]));
  method('truncate', (fd, args) => fds.has(fd) && log({ op: 'ftruncate', fd, n: Number(args[0] ?? 0) }));
  for (const name of ['sync', 'datasync']) method(name, (fd) => fds.has(fd) && log({ op: 'fsync', fd }));
  const close = proto.close as unknown as (this: fsp.FileHandle) => Promise<void>;
  proto.close = function (this: fsp.FileHandle) {
    closing(this.fd);
    return close.call(this);
  } as Fn;
}

function handleWrite(fd: number, data: unknown, options: unknown): void {
  const encoding = typeof options === 'string' ? options : (options as { encoding?: string } | undefined)?.encoding;
  wrote(fd, toBytes(data, encoding), null);
}

let depth = 0;

function patchSync(): void {
  const s = fs as unknown as Record<string, Fn>;
  const sync = (name: string, done: (args: unknown[], result: unknown) => void) =>
    patch(s, name, (orig) => (...args: never[]) => {
      // writeFileSync opens, writes and closes through fs's own exports: log the outer call only.
      if (depth) return orig(...args);
      if (name === 'closeSync') done(args, undefined);
      depth++;
      let result;
      try {
        result = orig(...args);
      } finally {
        depth--;
      }
      if (name !== 'closeSync') done(args, result);
      return result;
    });
  sync('openSync', ([path, flags], fd) => opened(path, flags, fd as number));
  sync('closeSync', ([fd]) => closing(fd as number));
  sync('writeSync', ([fd, ...rest], n) => {
    const { bytes, position } = writeArgs(rest, n as number);
    wrote(fd as number, bytes, position);
  });
  sync('writeFileSync', ([path, data, options]) =>
    typeof path === 'number' ? handleWrite(path, data, options) : wholeFile(path, data, options, false),
  );
  sync('appendFileSync', ([path, data, options]) =>
    typeof path === 'number' ? handleWrite(path, data, options) : wholeFile(path, data, options, true),
  );
  for (const name of ['fsyncSync', 'fdatasyncSync'])
    sync(name, ([fd]) => fds.has(fd as number) && log({ op: 'fsync', fd: fd as number }));
  sync(
    'ftruncateSync',
    ([fd, len]) => fds.has(fd as number) && log({ op: 'ftruncate', fd: fd as number, n: Number(len ?? 0) }),
  );
  sync('truncateSync', ([path, len]) => pathOp('truncate', path, { n: Number(len ?? 0) }));
  sync('renameSync', ([from, to]) => twoPathOp('rename', from, to));
  sync('linkSync', ([from, to]) => twoPathOp('link', from, to));
  sync('copyFileSync', ([from, to]) => twoPathOp('copy', from, to));
  for (const name of ['unlinkSync', 'rmSync', 'rmdirSync']) sync(name, ([path]) => pathOp('unlink', path));
  sync('mkdirSync', ([path]) => pathOp('mkdir', path));
  // The callback forms: path operations are logged when they succeed; writes through them are not
  // modelled, so they are logged as unsupported (the self-check then names the file).
  const callback = (name: string, done: (args: unknown[]) => void) =>
    patch(s, name, (orig) => (...args: never[]) => {
      const cb = args.at(-1) as unknown;
      if (typeof cb !== 'function') return orig(...args);
      const rest = args.slice(0, -1) as unknown[];
      return (orig as (...a: unknown[]) => unknown)(...rest, (error: unknown, ...out: unknown[]) => {
        if (!error) done(rest);
        (cb as (...a: unknown[]) => void)(error, ...out);
      });
    });
  callback('rename', ([from, to]) => twoPathOp('rename', from, to));
  for (const name of ['unlink', 'rm', 'rmdir']) callback(name, ([path]) => pathOp('unlink', path));
  callback('mkdir', ([path]) => pathOp('mkdir', path));
  for (const name of ['writeFile', 'appendFile', 'copyFile', 'link', 'truncate'])
    callback(name, ([path, to]) => pathOp('unsupported', typeof to === 'string' ? to : path, { d: name }));
  callback('open', ([path, flags]) => flagsOf(flags).write && pathOp('unsupported', path, { d: 'callback open' }));
}

if (LOG && ROOT) {
  patchSync();
  await patchPromises();
  syncBuiltinESMExports();
}
