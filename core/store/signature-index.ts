// Near-duplicate lookup: every article's MinHash signature in an append-only file, loaded on the first import, not at start-up.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BANDS, bandKeys, decodeSignature, similarity } from '../capture/near-duplicates.ts';

const FILE = 'minhash.jsonl';

export class SignatureIndex {
  private readonly signatures = new Map<string, Uint32Array>();
  /**
   * A map per band, keyed by number, an id alone until a second shares its key. One map of
   * "band:key" strings to Sets held 32 entries per article: at 10,000 articles its growth rehashed
   * 320,000 entries at once (a 50 ms stall of the archive's thread), and every Set was garbage to trace.
   */
  private readonly bands = Array.from({ length: BANDS }, () => new Map<number, string | Set<string>>());

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
    for (const [band, key] of bandKeys(signature).entries()) {
      const ids = this.bands[band]!.get(key);
      if (typeof ids === 'string') candidates.add(ids);
      else for (const id of ids ?? []) candidates.add(id);
    }
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
    for (const [band, key] of bandKeys(signature).entries()) {
      const map = this.bands[band]!;
      const ids = map.get(key);
      if (ids === undefined) map.set(key, id);
      else if (typeof ids === 'string') {
        if (ids !== id) map.set(key, new Set([ids, id]));
      } else ids.add(id);
    }
    return true;
  }
}
