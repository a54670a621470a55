// What every export format reads: the scope's articles one at a time (never all at once), and the registry entries they use.
import type { Article, ClaimGroup, Collection, Entity } from '../model.ts';

export type ExportSource = {
  /** The scope in words, for a report's heading and the manifest. */
  readonly scope: string;
  /** The articles, in the order they are written (newest publication first, as the library lists them). */
  readonly ids: readonly string[];
  /** Every registry entity the articles' mentions and claims point at. */
  readonly entities: ReadonlyMap<string, Entity>;
  /** How many of the scope's articles mention each of those entities. */
  readonly articlesMentioning: ReadonlyMap<string, number>;
  /** The claim groups and collections of the archive, by id (formats take what their articles use). */
  readonly claimGroups: ReadonlyMap<string, ClaimGroup>;
  readonly collections: ReadonlyMap<string, Collection>;
  /**
   * Whether unreviewed suggestions were left out, and (when they were) how many: reports say which
   * they hold. `leftOut` is null for an export of every suggestion.
   */
  readonly review: { reviewedOnly: boolean; leftOut: { mentions: number; claims: number } | null };
  /** When the export was made (ISO), the same in every file of it. */
  readonly exportedAt: string;
  readonly app: { name: string; version: string };
  /** The articles in order, read a few ahead (progress is counted as they are read). */
  articles(): AsyncIterable<Article>;
  /** The registry's entity now (the bundle takes its entities once the articles are written: edits meanwhile count). */
  entity(id: string): Entity | undefined;
  /** The captured bytes kept beside an article (its original page or file), or null when there are none. */
  original(article: Article): Promise<Uint8Array | null>;
};

/** How many article files are read ahead of the one being written: the disk waits overlap, memory stays flat. */
export const READ_AHEAD = 8;

/** Reads `ids` in order with up to READ_AHEAD reads in flight; ids whose file is gone are skipped. */
export async function* readInOrder(
  ids: readonly string[],
  read: (id: string) => Promise<Article | null>,
  onArticle?: () => void,
): AsyncIterable<Article> {
  const ahead: Promise<Article | null>[] = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < READ_AHEAD && next < ids.length) {
      const reading = read(ids[next++]!);
      // Awaited in order below; a rejection is handled there, not reported as unhandled meanwhile.
      reading.catch(() => undefined);
      ahead.push(reading);
    }
  };
  fill();
  while (ahead.length) {
    const article = await ahead.shift()!;
    fill();
    onArticle?.();
    if (article) yield article;
  }
}

/** The entity ids an article points at: mentions that are not rejected, and its claims' parties and places. */
export function entityIdsOf(article: Article): Set<string> {
  const ids = new Set<string>();
  for (const m of article.mentions) if (m.entityId && m.status !== 'rejected') ids.add(m.entityId);
  for (const c of article.claims) {
    if (c.review === 'rejected') continue;
    if (c.claimant?.entityId) ids.add(c.claimant.entityId);
    if (c.target?.entityId) ids.add(c.target.entityId);
    for (const id of c.placeIds) ids.add(id);
  }
  return ids;
}

/** Mentions and claims an export carries: what the user has not rejected. */
export const keptMentions = (article: Article) => article.mentions.filter((m) => m.status !== 'rejected');
export const keptClaims = (article: Article) => article.claims.filter((c) => c.review !== 'rejected');
