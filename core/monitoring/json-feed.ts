// JSON Feed 1.0/1.1 (jsonfeed.org) to the same records as RSS and Atom.
import { ArchiveError } from '../errors.ts';
import { parseDate } from '../capture/feed-dates.ts';
import { absolute, MAX_FEED_ITEMS, type Feed, type FeedItem } from '../capture/feeds.ts';

type Json = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isJsonFeed(text: string): boolean {
  return /^\s*\{/.test(text) && /jsonfeed\.org\/version\//.test(text.slice(0, 2000));
}

export function parseJsonFeed(text: string, origin: string): Feed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ArchiveError('invalid', `Not a valid JSON Feed: ${(error as Error).message}`);
  }
  if (!isObject(doc) || !Array.isArray(doc.items))
    throw new ArchiveError('invalid', 'Not a valid JSON Feed: no items.');
  const feedAuthors = authorsOf(doc);
  const items = doc.items
    .filter(isObject)
    .slice(0, MAX_FEED_ITEMS)
    .map((item): FeedItem => {
      const link = absolute(str(item.url) || str(item.external_url), origin);
      const html = str(item.content_html) || escapeText(str(item.content_text)) || escapeText(str(item.summary));
      return {
        title: str(item.title),
        link,
        guid: str(item.id) || String(item.id ?? '') || link,
        author: authorsOf(item) || feedAuthors,
        publishedAt: parseDate(str(item.date_published)),
        updatedAt: parseDate(str(item.date_modified)),
        html,
        raw: JSON.stringify(item),
      };
    });
  return { title: str(doc.title), siteUrl: absolute(str(doc.home_page_url), origin), items };
}

function authorsOf(node: Json): string {
  const list = Array.isArray(node.authors) ? node.authors : isObject(node.author) ? [node.author] : [];
  return list
    .filter(isObject)
    .map((a) => str(a.name))
    .filter(Boolean)
    .join(', ');
}

function escapeText(text: string): string {
  if (!text) return '';
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim()}</p>`)
    .join('\n');
}
