// Near-duplicate detection for syndicated copies: word shingles, a MinHash signature, and LSH bands to find candidates.
import { createHash } from 'node:crypto';

const SHINGLE_WORDS = 4;
const HASHES = 64;
/**
 * 32 bands of 2 rows: a pair at 0.33 Jaccard (a copy cut to half its length) shares a band 97% of the
 * time; unrelated texts (under 0.05) 8% of the time, and are then dropped by the full comparison.
 */
export const BANDS = 32;
const ROWS = HASHES / BANDS;
/**
 * Estimated Jaccard similarity of shingles at which two texts are one story. Measured
 * (tests/core/near-duplicates.test.ts): a syndicated copy with a new headline, a dropped paragraph
 * and edited sentences 0.84; a copy cut to half its length 0.33; different stories on the same
 * event, with the same places and names, 0.00.
 */
export const SAME_STORY_THRESHOLD = 0.3;

/** Fixed seeds: signatures must compare across runs and machines. */
const SEEDS = Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** Lowercased words without punctuation or diacritics, so small edits and typography do not matter. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** sha256 of the normalized words: the same text with other whitespace or punctuation is an exact duplicate. */
export function contentHash(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex');
}

export function minhash(text: string): Uint32Array {
  const list = words(text);
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const count = Math.max(1, list.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < count; i++) {
    const shingle = fnv1a(list.slice(i, i + SHINGLE_WORDS).join(' '));
    for (let h = 0; h < HASHES; h++) {
      const value = fmix32(shingle ^ SEEDS[h]!);
      if (value < signature[h]!) signature[h] = value;
    }
  }
  return signature;
}

export function encodeSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');
}

export function decodeSignature(encoded: string): Uint32Array | null {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== HASHES * 4) return null;
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

/** The share of equal positions: an unbiased estimate of the shingles' Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** One key per band (the i-th is band i's): texts sharing a band's key are candidates worth comparing in full. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS; row++) h = fmix32(h ^ signature[band * ROWS + row]!);
    keys.push(h >>> 0);
  }
  return keys;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finalizer: a cheap, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
