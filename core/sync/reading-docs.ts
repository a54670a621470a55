// Per-analyst reading state on the desk: one `state:<analyst key>:<article id>` document per article an analyst has marked, the latest mark winning.
import { createHash } from 'node:crypto';
import type { Reading } from '../model.ts';
import type { Merged, Side } from './merge.ts';
import { contentOf } from './merge.ts';
import type { Body } from './revs.ts';

export const STATE_KIND = 'state';

/**
 * The analyst's name as it goes into a document id: the first 16 hex digits of the sha256 of the
 * name (NFC). Any name fits (no `:` or `/` to escape, a fixed length, safe as a file name for the sync
 * records); the same name on two laptops gives the same key; the document also carries the name.
 */
export function analystKey(analyst: string): string {
  return createHash('sha256').update(analyst.normalize('NFC')).digest('hex').slice(0, 16);
}

export const stateDocId = (analyst: string, articleId: string) => `${STATE_KIND}:${analystKey(analyst)}:${articleId}`;

/** The analyst key and article id of a state document's id (null for any other id). */
export function parseStateId(docId: string): { key: string; articleId: string } | null {
  const match = /^state:([0-9a-f]{16}):(.+)$/.exec(docId);
  return match ? { key: match[1]!, articleId: match[2]! } : null;
}

/** The document of a reading state this analyst marked; null while it is as the article arrived (nothing to send). */
export function stateContent(analyst: string, articleId: string, reading: Reading | undefined): Body | null {
  if (!reading?.markedAt) return null;
  return { articleId, analyst, state: reading.state, starred: reading.starred, markedAt: reading.markedAt };
}

/** The reading state a state document sets. */
export function readingOf(content: Body): Reading {
  return {
    state: content.state === 'unread' || content.state === 'archived' ? content.state : 'read',
    starred: content.starred === true,
    ...(typeof content.markedAt === 'string' ? { markedAt: content.markedAt } : {}),
  };
}

/**
 * Two versions of one analyst's state (two of their laptops, offline): the later mark wins, never a
 * conflict. A reading state is not worth asking anyone about.
 */
export function laterWins(a: Side, b: Side): Merged {
  const mark = (side: Side) => (side.deleted ? '' : String(contentOf(side.body).markedAt ?? ''));
  const winner = mark(b) > mark(a) ? b : a;
  return { body: contentOf(winner.body), deleted: winner.deleted, conflicts: [] };
}
