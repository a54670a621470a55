// RSS 2.0, RSS 1.0 (RDF) and Atom feeds to plain records: each entry's link, author, dates and HTML.
import { ArchiveError } from '../errors.ts';
import { parseDate } from './feed-dates.ts';
import {
  all,
  attr,
  child,
  innerXml,
  isNode,
  localName,
  parseDocument,
  prefixed,
  rawOf,
  textOf,
  type XmlNode,
} from './feed-xml.ts';

export type FeedItem = {
  title: string;
  link: string;
  guid: string;
  /** Names, comma-separated when the entry has several; '' when the feed does not say. */
  author: string;
  /** ISO 8601 with the offset the feed gave ('2026-03-14T09:30:00+02:00'), a bare day when the zone is unknown, or ''. */
  publishedAt: string;
  updatedAt: string;
  /** The entry's HTML as the feed carries it, unsanitized: content:encoded or Atom content, else description or summary. */
  html: string;
  /** The entry's own XML source, for provenance. */
  raw: string;
};

export type Feed = { title: string; siteUrl: string; items: FeedItem[] };

/** More than any real feed carries; bounds the work one hostile file can cause. */
export const MAX_FEED_ITEMS = 1000;

export function parseFeed(text: string, origin: string): Feed {
  const { root, name, source } = parseDocument(text, 'RSS/Atom feed');
  const local = localName(name);
  if (local === 'feed') return readAtom(root, source, origin);
  if (local === 'rss' || local === 'RDF') return readRss(root, source, origin, local === 'RDF');
  throw new ArchiveError('invalid', `Not a valid RSS/Atom feed: the document is <${name}>, not <rss> or <feed>.`);
}

function readRss(root: XmlNode, text: string, origin: string, rdf: boolean): Feed {
  const channel = child(root, 'channel');
  const siteUrl = absolute(textOf(child(channel, 'link')), origin);
  const base = siteUrl || origin;
  // RSS 1.0 puts items beside the channel; RSS 2.0 inside it.
  const entries = (rdf ? all(root, 'item') : all(channel, 'item')).slice(0, MAX_FEED_ITEMS);
  const items = entries.map((item): FeedItem => {
    const guidNode = child(item, 'guid');
    const guid = textOf(guidNode) || attr(item, 'rdf:about');
    const permalink = attr(guidNode, 'isPermaLink').toLowerCase() !== 'false' && /^https?:\/\//i.test(guid);
    const link = absolute(textOf(child(item, 'link')), base) || (permalink ? guid : '');
    const dcCreators = prefixed(item, 'creator').map(textOf).filter(Boolean);
    const author = dcCreators.length ? dcCreators.join(', ') : authorName(textOf(child(item, 'author')));
    const pubDate = textOf(child(item, 'pubDate'));
    return {
      title: textOf(child(item, 'title')),
      link,
      guid: guid || link,
      author,
      publishedAt: pubDate ? parseDate(pubDate) : parseDate(textOf(prefixed(item, 'date')[0])),
      updatedAt: parseDate(textOf(prefixed(item, 'updated')[0] ?? prefixed(item, 'modified')[0])),
      html: htmlOf(prefixed(item, 'encoded')[0], text) || htmlOf(child(item, 'description'), text),
      raw: rawOf(item, text),
    };
  });
  return { title: textOf(child(channel, 'title')), siteUrl, items };
}

function readAtom(feed: XmlNode, text: string, origin: string): Feed {
  const feedBase = absolute(attr(feed, 'xml:base'), origin) || origin;
  const siteUrl = alternateLink(feed, feedBase);
  // An entry without an author inherits the feed's (RFC 4287, 4.2.1).
  const feedAuthor = authorsOf(feed);
  const items = all(feed, 'entry')
    .slice(0, MAX_FEED_ITEMS)
    .map((entry): FeedItem => {
      const base = absolute(attr(entry, 'xml:base'), feedBase) || feedBase;
      const link = alternateLink(entry, base);
      return {
        title: atomText(child(entry, 'title'), text),
        link,
        guid: textOf(child(entry, 'id')) || link,
        author: authorsOf(entry) || authorsOf(child(entry, 'source')) || feedAuthor,
        // "issued" and "modified" are Atom 0.3, still served by old installations.
        publishedAt: parseDate(textOf(child(entry, 'published') ?? child(entry, 'issued'))),
        updatedAt: parseDate(textOf(child(entry, 'updated') ?? child(entry, 'modified'))),
        html: atomHtml(child(entry, 'content'), text) || atomHtml(child(entry, 'summary'), text),
        raw: rawOf(entry, text),
      };
    });
  return { title: atomText(child(feed, 'title'), text), siteUrl, items };
}

function alternateLink(node: unknown, base: string): string {
  const links = all(node, 'link');
  const alternate =
    links.find((link) => attr(link, 'rel') === 'alternate' && /html/.test(attr(link, 'type'))) ??
    links.find((link) => (attr(link, 'rel') || 'alternate') === 'alternate') ??
    links.find((link) => attr(link, 'rel') !== 'self' && attr(link, 'rel') !== 'enclosure');
  return alternate ? absolute(attr(alternate, 'href'), base) : '';
}

function authorsOf(node: unknown): string {
  return all(node, 'author')
    .map((author) => textOf(child(author, 'name')) || textOf(author))
    .filter(Boolean)
    .join(', ');
}

/** RSS <author> is an e-mail address by the spec, usually "desk@outlet (Name)": keep the name when there is one. */
function authorName(value: string): string {
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(value);
  return named ? named[1]!.trim() : value;
}

/** Atom text constructs: the plain text of a title whatever its type. */
function atomText(node: unknown, source: string): string {
  const type = attr(node, 'type');
  if (type === 'html') return htmlToText(textOf(node));
  if (type === 'xhtml') return htmlToText(innerXml(node, source));
  return textOf(node);
}

/** Atom content as HTML: escaped HTML as is, XHTML from the source, plain text escaped; media types skipped. */
function atomHtml(node: unknown, source: string): string {
  if (node === undefined || attr(node, 'src')) return '';
  const type = attr(node, 'type') || 'text';
  const mode = attr(node, 'mode');
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return textOf(node);
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') return unwrapDiv(innerXml(node, source));
  if (type === 'text' || type === 'text/plain') return textToHtml(textOf(node));
  return '';
}

/** RSS elements are HTML by convention; some feeds put unescaped markup in them, which parses as child elements. */
function htmlOf(node: unknown, source: string): string {
  if (node === undefined) return '';
  if (isNode(node) && Object.keys(node).some((key) => !key.startsWith('@_') && key !== '#text'))
    return innerXml(node, source);
  return textOf(node);
}

function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, body: string) => {
      if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? entity;
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Atom XHTML content sits in one wrapping <div xmlns="…"> that is not part of the content. */
function unwrapDiv(xml: string): string {
  const wrapped = /^\s*<div\b[^>]*>([\s\S]*)<\/div>\s*$/.exec(xml);
  return (wrapped ? wrapped[1]! : xml).trim();
}

/** Relative links resolved against the feed's base; anything unparseable is kept as the feed wrote it. */
export function absolute(href: string, base: string): string {
  if (!href) return '';
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
