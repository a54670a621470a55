// Revision arithmetic of the CouchDB protocol: deterministic rev ids, histories, the winning leaf, canonical hashes.
import { createHash } from 'node:crypto';

/** Revision histories kept per document and sent in `_revisions` (CouchDB's default _revs_limit is 1000). */
export const REVS_LIMIT = 100;

export type Body = Record<string, unknown>;

/** JSON with object keys sorted: the same content hashes the same whatever order its keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Body).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export const revPos = (rev: string): number => parseInt(rev, 10);
export const revHash = (rev: string): string => rev.slice(rev.indexOf('-') + 1);

/** `${n+1}-${md5(parent, deleted, content)}`: two archives making the same change of the same parent make the same rev. */
export function newRev(parent: string | null, content: unknown, deleted = false): string {
  const pos = parent ? revPos(parent) + 1 : 1;
  return `${pos}-${createHash('md5')
    .update(canonicalJson([parent, deleted, content]))
    .digest('hex')}`;
}

/** The history as `_revisions` wants it. */
export function revisionsOf(revs: string[]): { start: number; ids: string[] } {
  return { start: revPos(revs[0]!), ids: revs.map(revHash) };
}

/** The history from `_revisions`, newest first. */
export function revsFrom(revisions: { start: number; ids: string[] }): string[] {
  return revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`);
}

/** CouchDB's winner: a live leaf beats a deleted one, then the longer history, then the greater rev id. */
export function compareLeaves(a: { rev: string; deleted: boolean }, b: { rev: string; deleted: boolean }): number {
  return (
    Number(a.deleted) - Number(b.deleted) ||
    revPos(b.rev) - revPos(a.rev) ||
    (b.rev < a.rev ? -1 : b.rev > a.rev ? 1 : 0)
  );
}
