// The index's words in memory, for typo tolerance: the words within one or two edits of a query word, closest and most common first.

/** Markers the index keeps for entities, types and claims: never offered as a spelling. */
const MARKER = /^qq[etskchx][0-9a-z]/;

export class Vocabulary {
  /** Words by length, with how many articles each is in. */
  private readonly byLength = new Map<number, { words: string[]; docs: number[] }>();
  private readonly known = new Set<string>();

  addAll(words: Iterable<{ term: string; docs: number }>): void {
    for (const { term, docs } of words) if (!this.known.has(term)) this.add(term, docs);
  }

  /** Words of articles indexed since loading (their counts are not known: one each). */
  addText(indexText: string): void {
    for (const word of indexText.split(' ')) if (word && !this.known.has(word)) this.add(word, 1);
  }

  /** Up to `limit` words within `distance` edits (a swap of two neighbours is one), closest and most common first. */
  similar(term: string, distance: number, limit = 20): string[] {
    const found: { word: string; edits: number; docs: number }[] = [];
    const length = term.length;
    for (let l = Math.max(1, length - distance); l <= length + distance; l++) {
      const bucket = this.byLength.get(l);
      if (!bucket) continue;
      for (let i = 0; i < bucket.words.length; i++) {
        const word = bucket.words[i]!;
        const edits = editDistance(term, word, distance);
        if (edits <= distance && word !== term) found.push({ word, edits, docs: bucket.docs[i]! });
      }
    }
    found.sort((a, b) => a.edits - b.edits || b.docs - a.docs || (a.word < b.word ? -1 : 1));
    return found.slice(0, limit).map((f) => f.word);
  }

  private add(term: string, docs: number): void {
    if (MARKER.test(term) || /^\d+$/.test(term)) return;
    this.known.add(term);
    const length = term.length;
    let bucket = this.byLength.get(length);
    if (!bucket) this.byLength.set(length, (bucket = { words: [], docs: [] }));
    bucket.words.push(term);
    bucket.docs.push(docs);
  }
}

// Rows reused between calls: the distance is computed for every word of a length bucket.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps) in
 * UTF-16 units, giving up as soon as it must exceed `max`: most words are rejected after a letter or two.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
    rowC = new Int32Array(b.length + 1);
  }
  let before = rowA; // row i - 2
  let previous = rowB; // row i - 1
  let current = rowC;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
