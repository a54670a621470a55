// Near-duplicate lookup: every article's MinHash signature in an append-only file, loaded on the first import, not at start-up.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bandKeys, decodeSignature, similarity } from '../capture/near-duplicates.ts';

const FILE = 'minhash.jsonl';

export class SignatureIndex {
  private readonly signatures = new Map<string, Uint32Array>();
  private readonly bands = new Map<string, Set<string>>();

  private constructor(private readonly file: string) {}

  /**
   * Loads the index, or builds it from `signatureOf` for every known article when the file is missing
   * (it is derived: deleting it only costs a rebuild).
   */
  static async load(
    indexDir: string,
    ids: Iterable<string>,
    signatureOf: (id: string) => Promise<string>,
  ): Promise<SignatureIndex> {
    const index = new SignatureIndex(join(indexDir, FILE));
    const text = await readFile(index.file, 'utf8').catch(() => null);
    if (text !== null) {
      for (const line of text.split('\n')) {
        try {
          const { id, m } = JSON.parse(line) as { id: string; m: string };
          index.remember(id, m);
        } catch {
          // A torn last line after a crash: that article is simply not a candidate.
        }
      }
      return index;
    }
    const lines: string[] = [];
    for (const id of ids) {
      const encoded = await signatureOf(id).catch(() => '');
      if (index.remember(id, encoded)) lines.push(JSON.stringify({ id, m: encoded }));
    }
    await appendFile(index.file, lines.map((l) => l + '\n').join(''));
    return index;
  }

  /** Articles whose estimated similarity to `signature` reaches the threshold, most similar first. */
  similarTo(signature: Uint32Array, threshold: number): { id: string; similarity: number }[] {
    const candidates = new Set<string>();
    for (const key of bandKeys(signature)) for (const id of this.bands.get(key) ?? []) candidates.add(id);
    return [...candidates]
      .map((id) => ({ id, similarity: similarity(signature, this.signatures.get(id)!) }))
      .filter((match) => match.similarity >= threshold)
      .sort((a, b) => b.similarity - a.similarity);
  }

  async add(id: string, encoded: string): Promise<void> {
    if (this.remember(id, encoded)) await appendFile(this.file, JSON.stringify({ id, m: encoded }) + '\n');
  }

  private remember(id: string, encoded: string): boolean {
    const signature = encoded ? decodeSignature(encoded) : null;
    if (!signature) return false;
    this.signatures.set(id, signature);
    for (const key of bandKeys(signature)) {
      let ids = this.bands.get(key);
      if (!ids) this.bands.set(key, (ids = new Set()));
      ids.add(id);
    }
    return true;
  }
}
