// RSS 2.0, RSS 1.0 (RDF), Atom and OPML to plain records, refusing entity declarations before any parsing.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ArchiveError } from '../errors.ts';

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

export type OpmlFeed = { title: string; xmlUrl: string; htmlUrl: string };

export type OpmlList = { title: string; feeds: OpmlFeed[] };

export type FeedKind = 'rss' | 'atom' | 'opml';

/** More than any real feed carries; bounds the work one hostile file can cause. */
export const MAX_FEED_ITEMS = 1000;

/** OPML lists are fetched feed by feed, so a bound keeps one file from queueing unbounded work. */
export const MAX_OPML_FEEDS = 1000;

type XmlNode = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as string;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Dates, guids and titles such as "2026" must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Without it numeric references (&#8364;) stay undecoded, and feeds use &nbsp; and friends though XML lacks them.
  htmlEntities: true,
  // Entity declarations are refused before parsing; these limits are a second wall should one slip through.
  // (Expansion limits would count &amp; and &lt; too, and escaped HTML is full of them: bound the declarations.)
  processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1 },
  // Start and end offsets of every element: how an entry's raw XML and XHTML content are recovered.
  captureMetaData: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 200,
});

/** What a document is, from its root element alone: cheap enough to decide which parser to call. */
export function sniffFeedKind(text: string): FeedKind | null {
  const root = rootName(text);
  if (!root) return null;
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  if (local === 'rss' || local === 'rdf') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'opml') return 'opml';
  return null;
}

export function parseFeed(text: string, origin: string): Feed {
  const { root, name, source } = parseDocument(text, 'RSS/Atom feed');
  const local = localName(name);
  if (local === 'feed') return readAtom(root, source, origin);
  if (local === 'rss' || local === 'RDF') return readRss(root, source, origin, local === 'RDF');
  throw new ArchiveError('invalid', `Not a valid RSS/Atom feed: the document is <${name}>, not <rss> or <feed>.`);
}

export function parseOpml(text: string): OpmlList {
  const { root, name } = parseDocument(text, 'OPML list');
  if (localName(name) !== 'opml')
    throw new ArchiveError('invalid', `Not a valid OPML list: the document is <${name}>, not <opml>.`);
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  // An explicit stack rather than recursion: nesting depth is the file's choice, the call stack is ours.
  const stack = all(child(root, 'body'), 'outline').reverse();
  while (stack.length && feeds.length < MAX_OPML_FEEDS) {
    const outline = stack.pop()!;
    const xmlUrl = attr(outline, 'xmlUrl') || attr(outline, 'xmlurl');
    if (xmlUrl && !seen.has(xmlUrl)) {
      seen.add(xmlUrl);
      feeds.push({
        title: attr(outline, 'title') || attr(outline, 'text'),
        xmlUrl,
        htmlUrl: attr(outline, 'htmlUrl') || attr(outline, 'htmlurl'),
      });
    }
    stack.push(...all(outline, 'outline').reverse());
  }
  return { title: textOf(child(child(root, 'head'), 'title')), feeds };
}

/** Refuses entities, validates, parses; returns the root element, its name and the text its offsets refer to. */
function parseDocument(input: string, what: string): { root: XmlNode; name: string; source: string } {
  if (typeof input !== 'string') throw new ArchiveError('invalid', `Not a valid ${what}: no text.`);
  const text = input.replace(/^\uFEFF/, '');
  refuseEntityDeclarations(text);
  // A bare "&" is the commonest defect of real feeds and the parser reads it fine: forgive it, refuse the rest.
  const verdict = XMLValidator.validate(text.replace(/&(?!(?:#\d+|#x[\da-fA-F]+|[A-Za-z][\w.-]*);)/g, '&amp;'));
  if (verdict !== true) {
    const { msg, line } = verdict.err;
    throw new ArchiveError('invalid', `Not a valid ${what}: ${msg.replace(/\.$/, '')} (line ${line}).`);
  }
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch (error) {
    throw new ArchiveError('invalid', `Not a valid ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const name = Object.keys(document).find((key) => !key.startsWith('#') && !key.startsWith('?'));
  if (!name) throw new ArchiveError('invalid', `Not a valid ${what}: the document has no root element.`);
  const root = document[name];
  // An empty root parses to '' rather than an object.
  return { root: isNode(root) ? root : {}, name, source: text };
}

/**
 * Internal DTD entities are what billion-laughs and XXE attacks are made of, and no real feed needs them:
 * refuse the document outright instead of trusting any parser's limits.
 */
function refuseEntityDeclarations(text: string): void {
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype < 0) return;
  const declarations = [...text.slice(doctype).matchAll(/<!ENTITY\s+(%\s*)?([^\s"'>]+)\s*(SYSTEM|PUBLIC)?/gi)];
  if (!declarations.length) return;
  const names = declarations.slice(0, 3).map((match) => match[2]!.slice(0, 40));
  const more = declarations.length > 3 ? ` and ${declarations.length - 3} more` : '';
  const external = declarations.some((match) => match[3]) ? ', some pointing at outside files or URLs' : '';
  throw new ArchiveError(
    'invalid',
    `The feed declares XML entities (${names.join(', ')}${more}${external}); refused to avoid an entity-expansion attack.`,
  );
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

/** The element's own source text, start tag to end tag. */
function rawOf(node: unknown, source: string): string {
  const meta = isNode(node) ? (node[META] as { startIndex?: number; endIndex?: number } | undefined) : undefined;
  if (meta?.startIndex === undefined || meta.endIndex === undefined) return '';
  return source.slice(meta.startIndex, meta.endIndex);
}

/** What lies between the element's start and end tags, markup included. */
function innerXml(node: unknown, source: string): string {
  const raw = rawOf(node, source);
  if (!raw) return textOf(node);
  const open = raw.indexOf('>');
  if (raw[open - 1] === '/') return '';
  const close = raw.lastIndexOf('</');
  return close > open ? raw.slice(open + 1, close).trim() : '';
}

// Dates ----------------------------------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 zone names; military letters are omitted on purpose, RFC 1123 calls them unreliable. */
const ZONES: Record<string, string> = {
  GMT: '+00:00',
  UT: '+00:00',
  UTC: '+00:00',
  Z: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

/**
 * A feed date as ISO 8601, keeping the outlet's own offset. A time whose zone is unknown keeps only its
 * day: the local date is still true, an invented offset would not be. Unreadable dates give ''.
 */
export function parseDate(value: string): string {
  const text = value.trim();
  if (!text || text.length > 100) return '';
  return parseIsoDate(text) ?? parseRfc822Date(text) ?? '';
}

function parseIsoDate(text: string): string | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      text,
    );
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
  if (!validDay(+year!, +month!, +day!)) return '';
  const date = `${year}-${month}-${day}`;
  if (hour === undefined) return date;
  if (!validTime(+hour, +minute!, +second)) return '';
  const offset = zone ? isoOffset(zone) : undefined;
  return offset ? `${date}T${hour}:${minute}:${second}${fraction}${offset}` : date;
}

function parseRfc822Date(text: string): string | undefined {
  const match =
    /^(?:[a-z]{2,9}\.?,?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[a-z]{1,5}))?)?$/i.exec(
      text,
    );
  if (!match) return undefined;
  const [, dayText, monthName, yearText, hour, minute, second = '00', zone] = match;
  const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase()) + 1;
  // Two-digit years, as RFC 822 wrote them: 70-99 are the 1900s.
  const year = yearText!.length === 2 ? (+yearText! < 70 ? 2000 : 1900) + +yearText! : +yearText!;
  const day = +dayText!;
  if (month === 0 || !validDay(year, month, day)) return '';
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (hour === undefined) return date;
  if (!validTime(+hour, +minute!, +second)) return '';
  const offset = zone ? (ZONES[zone.toUpperCase()] ?? (/^[+-]/.test(zone) ? isoOffset(zone) : undefined)) : undefined;
  return offset ? `${date}T${pad(+hour)}:${minute}:${second}${offset}` : date;
}

/** "+0200", "+02:00", "+02", "Z" as "+02:00" ("Z" as "+00:00" so every instant reads alike). */
function isoOffset(zone: string): string | undefined {
  if (zone.toUpperCase() === 'Z') return '+00:00';
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const [, sign, hours, minutes = '00'] = match;
  if (+hours! > 14 || +minutes > 59) return undefined;
  return `${sign}${hours}:${minutes}`;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validTime(hour: number, minute: number, second: number): boolean {
  // 24:00 and leap seconds are legal in feeds but not in the archive's ISO dates.
  return hour < 24 && minute < 60 && second < 60;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

// Reading the parsed tree ------------------------------------------------------------------------------------------

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Every child element of that exact name (repeated elements parse to an array, single ones to a value). */
function all(node: unknown, name: string): XmlNode[] {
  if (!isNode(node) || !Object.hasOwn(node, name)) return [];
  const value = node[name];
  return (Array.isArray(value) ? value : [value]).map((item) => (isNode(item) ? item : { '#text': item }));
}

function child(node: unknown, name: string): XmlNode | undefined {
  return all(node, name)[0];
}

/** Module elements by local name whatever prefix the feed bound (dc:creator, content:encoded, atom:updated …). */
function prefixed(node: unknown, local: string): XmlNode[] {
  if (!isNode(node)) return [];
  return Object.keys(node)
    .filter((key) => key.endsWith(`:${local}`) && !key.startsWith('@_'))
    .flatMap((key) => all(node, key));
}

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (!isNode(node)) return typeof node === 'string' ? node.trim() : String(node);
  const text = node['#text'];
  if (text === undefined) return '';
  return (Array.isArray(text) ? text.join(' ') : String(text)).trim();
}

function attr(node: unknown, name: string): string {
  if (!isNode(node)) return '';
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value.trim() : '';
}

/** Relative links resolved against the feed's base; anything unparseable is kept as the feed wrote it. */
function absolute(href: string, base: string): string {
  if (!href) return '';
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** The root element's name, skipping the prolog (declaration, comments, processing instructions, DOCTYPE). */
function rootName(text: string): string | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The prolog is short in any real document; a cap keeps sniffing cheap on anything.
  const limit = Math.min(text.length, 1 << 20);
  while (i < limit) {
    while (i < limit && /\s/.test(text[i]!)) i++;
    if (text[i] !== '<') return null;
    if (text.startsWith('<?', i)) i = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i);
    else if (text.startsWith('<!', i)) i = afterDoctype(text, i);
    else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
      return name ? name[1]! : null;
    }
    if (i < 0) return null;
  }
  return null;
}

function after(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

/** The end of <!DOCTYPE …>, stepping over its bracketed internal subset and any quoted literals in it. */
function afterDoctype(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from + 2; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  return -1;
}
