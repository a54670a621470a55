// PLACEHOLDER until the feed parser lands (helper writing it): same exported API.
import { ArchiveError } from '../errors.ts';
export type FeedItem = {
  title: string;
  link: string;
  guid: string;
  author: string;
  publishedAt: string;
  updatedAt: string;
  html: string;
  raw: string;
};
export function sniffFeedKind(_text: string): 'rss' | 'atom' | 'opml' | null {
  return null;
}
export function parseFeed(_text: string, _origin: string): { title: string; siteUrl: string; items: FeedItem[] } {
  throw new ArchiveError('invalid', 'feeds not yet supported');
}
export function parseOpml(_text: string): {
  title: string;
  feeds: { title: string; xmlUrl: string; htmlUrl: string }[];
} {
  throw new ArchiveError('invalid', 'OPML not yet supported');
}
