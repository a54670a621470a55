// Power-loss stress: replays a recorded op log into a model of the disk (current and durable bytes and folder entries) and rebuilds a folder as a power cut could leave it.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Op } from './power-loss-recorder.ts';

type File = { kind: 'file'; cur: Buffer; synced: Buffer };
type Dir = { kind: 'dir'; cur: Map<string, number>; durable: Map<string, number> };

const BLOCK = 4096;

/** A seeded random source (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class DiskModel {
  private readonly nodes = new Map<number, File | Dir>();
  private readonly fds = new Map<number, number>();
  private next = 1;
  /** Root inode. */
  private readonly root: number;

  /** `derived(path)`: files the recorder cannot see (SQLite's), left out of the model. */
  private constructor(readonly derived: (path: string) => boolean) {
    this.root = this.add({ kind: 'dir', cur: new Map(), durable: new Map() });
  }

  /** The model of a folder whose every byte and entry is durable (as after a clean close, or a reboot). */
  static async of(folder: string, derived: (path: string) => boolean = () => false): Promise<DiskModel> {
    const model = new DiskModel(derived);
    const walk = async (path: string, dir: Dir) => {
      for (const entry of await readdir(join(folder, path), { withFileTypes: true })) {
        const rel = join(path, entry.name);
        if (model.derived(rel)) continue;
        let ino: number;
        if (entry.isDirectory()) {
          const child: Dir = { kind: 'dir', cur: new Map(), durable: new Map() };
          ino = model.add(child);
          await walk(rel, child);
        } else {
          const bytes = await readFile(join(folder, rel));
          ino = model.add({ kind: 'file', cur: bytes, synced: bytes });
        }
        dir.cur.set(entry.name, ino);
        dir.durable.set(entry.name, ino);
      }
    };
    await walk('', model.nodes.get(model.root) as Dir);
    return model;
  }

  /** Applies one logged operation (done and returned before it was logged). */
  apply(op: Op): void {
    if (op.op === 'mark') return;
    if (op.p !== undefined && this.derived(op.p) && (op.to === undefined || this.derived(op.to))) return;
    switch (op.op) {
      case 'open': {
        let ino = this.lookup(op.p!);
        if (ino === undefined) {
          if (!op.c) throw new Error(`model: ${op.p} was opened but does not exist`);
          ino = this.create(op.p!);
        }
        const node = this.nodes.get(ino)!;
        if (node.kind === 'file' && op.tr) node.cur = Buffer.alloc(0);
        this.fds.set(op.fd!, ino);
        return;
      }
      case 'close':
        this.fds.delete(op.fd!);
        return;
      case 'write':
        return this.write(this.fileAt(op.fd!), op.o!, Buffer.from(op.d!, 'base64'));
      case 'ftruncate':
        return this.resize(this.fileAt(op.fd!), op.n!);
      case 'truncate':
        return this.resize(this.file(op.p!), op.n!);
      case 'fsync': {
        const node = this.nodes.get(this.fds.get(op.fd!)!);
        if (!node) throw new Error(`model: fsync of unknown fd ${op.fd}`);
        if (node.kind === 'file') node.synced = node.cur;
        else node.durable = new Map(node.cur);
        return;
      }
      case 'writeFile': {
        const ino = this.lookup(op.p!) ?? this.create(op.p!);
        const file = this.nodes.get(ino) as File;
        if (op.tr) file.cur = Buffer.alloc(0);
        return this.write(file, op.a ? file.cur.length : 0, Buffer.from(op.d!, 'base64'));
      }
      case 'rename':
      case 'link':
      case 'copy': {
        const ino = this.lookup(op.p!);
        if (ino === undefined) throw new Error(`model: ${op.op} of ${op.p}, which does not exist`);
        const { dir, name } = this.parent(op.to!);
        if (op.op === 'copy') {
          const source = this.nodes.get(ino) as File;
          dir.cur.set(name, this.add({ kind: 'file', cur: source.cur, synced: Buffer.alloc(0) }));
          return;
        }
        dir.cur.set(name, ino);
        if (op.op === 'rename') {
          const from = this.parent(op.p!);
          if (from.dir !== dir || from.name !== name) from.dir.cur.delete(from.name);
        }
        return;
      }
      case 'unlink': {
        if (this.lookup(op.p!) === undefined) return; // rm({ force: true }) of nothing
        const { dir, name } = this.parent(op.p!);
        dir.cur.delete(name);
        return;
      }
      case 'mkdir': {
        let dir = this.nodes.get(this.root) as Dir;
        for (const part of op.p!.split('/')) {
          let ino = dir.cur.get(part);
          if (ino === undefined)
            dir.cur.set(part, (ino = this.add({ kind: 'dir', cur: new Map(), durable: new Map() })));
          dir = this.nodes.get(ino) as Dir;
        }
        return;
      }
      default:
        throw new Error(`the recorder saw an operation the model does not know: ${JSON.stringify(op).slice(0, 200)}`);
    }
  }

  /**
   * Writes into `folder` what the disk could hold after a power cut now: each folder entry as of the
   * folder's last fsync or as it is now, each file's bytes as of its last fsync, as now, or torn.
   */
  async rebuild(folder: string, random: () => number): Promise<void> {
    const seen = new Set<number>();
    const chosen = new Map<number, Buffer>();
    const build = async (ino: number, path: string) => {
      const dir = this.nodes.get(ino) as Dir;
      await mkdir(path, { recursive: true });
      for (const name of new Set([...dir.durable.keys(), ...dir.cur.keys()])) {
        const [durable, cur] = [dir.durable.get(name), dir.cur.get(name)];
        const pick = durable === cur || random() < 0.5 ? cur : durable;
        if (pick === undefined || seen.has(pick)) continue;
        const node = this.nodes.get(pick)!;
        if (node.kind === 'dir') {
          seen.add(pick); // a folder renamed but not yet durable shows under one of its names
          await build(pick, join(path, name));
          continue;
        }
        if (!chosen.has(pick)) chosen.set(pick, torn(node, random));
        await writeFile(join(path, name), chosen.get(pick)!);
      }
    };
    await build(this.root, folder);
  }

  /** Every file as the model has it now, by path (for the self-check against the real folder). */
  current(): Map<string, Buffer> {
    const files = new Map<string, Buffer>();
    const walk = (ino: number, path: string) => {
      for (const [name, child] of (this.nodes.get(ino) as Dir).cur) {
        const node = this.nodes.get(child)!;
        const rel = path ? `${path}/${name}` : name;
        if (node.kind === 'dir') walk(child, rel);
        else files.set(rel, node.cur);
      }
    };
    walk(this.root, '');
    return files;
  }

  private add(node: File | Dir): number {
    this.nodes.set(this.next, node);
    return this.next++;
  }

  private lookup(path: string): number | undefined {
    let ino: number | undefined = this.root;
    for (const part of path.split('/').filter(Boolean)) {
      const node = this.nodes.get(ino!);
      if (node?.kind !== 'dir') return undefined;
      ino = node.cur.get(part);
      if (ino === undefined) return undefined;
    }
    return ino;
  }

  private parent(path: string): { dir: Dir; name: string } {
    const parts = path.split('/');
    const name = parts.pop()!;
    const ino = this.lookup(parts.join('/'));
    const dir = ino === undefined ? undefined : this.nodes.get(ino);
    if (dir?.kind !== 'dir') throw new Error(`model: the folder of ${path} does not exist`);
    return { dir, name };
  }

  private create(path: string): number {
    const { dir, name } = this.parent(path);
    const ino = this.add({ kind: 'file', cur: Buffer.alloc(0), synced: Buffer.alloc(0) });
    dir.cur.set(name, ino);
    return ino;
  }

  private file(path: string): File {
    const node = this.nodes.get(this.lookup(path) ?? -1);
    if (node?.kind !== 'file') throw new Error(`model: ${path} is not a file`);
    return node;
  }

  private fileAt(fd: number): File {
    const node = this.nodes.get(this.fds.get(fd) ?? -1);
    if (node?.kind !== 'file') throw new Error(`model: fd ${fd} is not an open file`);
    return node;
  }

  private write(file: File, offset: number, data: Buffer): void {
    const next = Buffer.alloc(Math.max(file.cur.length, offset + data.length));
    file.cur.copy(next);
    data.copy(next, offset);
    file.cur = next;
  }

  private resize(file: File, length: number): void {
    const next = Buffer.alloc(length);
    file.cur.copy(next, 0, 0, Math.min(length, file.cur.length));
    file.cur = next;
  }
}

/** A file's bytes after the cut: the last fsynced ones, the current ones, or torn between them. */
function torn(file: File, random: () => number): Buffer {
  const { cur, synced } = file;
  if (cur.equals(synced)) return cur;
  const roll = random();
  if (roll < 0.3) return synced;
  if (roll < 0.6) return cur;
  if (cur.length > synced.length && cur.subarray(0, synced.length).equals(synced))
    // An append: a random part of what was appended reached the disk.
    return cur.subarray(0, synced.length + Math.floor(random() * (cur.length - synced.length)));
  // Overwritten in place: some 4 KiB blocks are new, some old, the length either.
  const length = random() < 0.5 ? cur.length : synced.length;
  const out = Buffer.alloc(length);
  for (let at = 0; at < length; at += BLOCK) (random() < 0.5 ? cur : synced).copy(out, at, at, at + BLOCK);
  return out;
}
