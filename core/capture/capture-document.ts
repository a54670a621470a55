// One captured file (page, text, Markdown, feed or OPML) turned into article candidates; pure, no store.
import { extname } from 'node:path';
import { marked } from 'marked';
import type { ExtractionMethod } from '../common/vocabulary.ts';
import { ArchiveError, toErrorBody } from '../errors.ts';
import { assertTextual, charsetOf, decodeMarkup, decodeText, type Decoded } from './decode.ts';
import { extractArticle } from './extract-article.ts';
import { sniffFeedKind } from './feed-xml.ts';
import { parseFeed, type FeedItem } from './feeds.ts';
import { detectLanguage } from './language.ts';
import { parseOpml } from './opml.ts';
import { hostOf as hostName, knownOutlet } from './page-outlets.ts';
import { isoOrUndefined } from './page-metadata.ts';
import { sanitizeArticle } from './sanitize.ts';
import { titleFromText } from './text-lead.ts';
import { findDateline, findWireCredits } from './wire-credits.ts';

export type CaptureMethod = 'file' | 'url' | 'feed' | 'sample' | 'clipper';

export type CaptureRequest = {
  bytes: Uint8Array;
  /** A file name or URL: it names the item in results and hints at the kind. */
  name: string;
  mediaType?: string;
  origin?: string;
  method: 'file' | 'url' | 'clipper';
};

export type CandidateArticle = {
  title: string;
  source: string;
  url: string;
  byline: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string;
  text: string;
  html: string;
  dateline: string;
  wireCredits: string[];
  /** How the text was got; 'article' when absent (texts, Markdown, feed entries: all of it is the article). */
  extraction?: ExtractionMethod;
  ocrConfidence?: number | null;
  pageStarts?: number[];
};

export type CapturedItem =
  | {
      ok: true;
      item: string;
      article: CandidateArticle;
      /** Saved, but something the user should know (a PDF read without one of the OCR languages asked for). */
      warning?: string;
      /** What to keep as evidence: these exact bytes, their type and how they were decoded. */
      capture: {
        bytes: Uint8Array;
        mediaType: string;
        encoding: string;
        extension: string;
        method: CaptureMethod;
        origin: string;
        /** A PDF's producer (and creator), and the languages OCR read it in. */
        producer?: string;
        ocrLanguages?: string[];
      };
    }
  | { ok: false; item: string; error: string };

export type CaptureResult = { items: CapturedItem[]; feedUrls: string[] };

type Kind = 'html' | 'text' | 'markdown' | 'xml';

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml', '.php', '.asp', '.aspx']);
const XML_EXT = new Set(['.xml', '.rss', '.atom', '.opml', '.rdf']);
const MD_EXT = new Set(['.md', '.markdown']);
const TEXT_EXT = new Set(['.txt', '.text', '']);

/** A PDF by its first bytes (`%PDF-`, perhaps after a little junk), its declared type, or its name. */
export function isPdf(request: Pick<CaptureRequest, 'bytes' | 'name' | 'mediaType'>): boolean {
  if (/^[^<]{0,1019}%PDF-\d/.test(Buffer.from(request.bytes.subarray(0, 1030)).toString('latin1'))) return true;
  const type = request.mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf' || type === 'application/x-pdf') return true;
  // A ".pdf" address that answers with a page (a login or an error) is that page.
  if (/^text\/|html|xml/.test(type)) return false;
  return /\.pdf$/i.test(request.name.split(/[?#]/)[0]!);
}

/** Pages, texts, Markdown, feeds and OPML, synchronously; PDFs are read by capture-pdf.ts (pdf.js and OCR are asynchronous). */
export function captureDocument(request: CaptureRequest): CaptureResult {
  const { bytes, name } = request;
  const origin = request.origin ?? name;
  try {
    if (isPdf(request)) throw new ArchiveError('invalid', `${name} is a PDF: it is read by capturePdf, not here.`);
    assertTextual(bytes, name);
    const kind = kindOf(name, request.mediaType, bytes);
    if (kind === 'xml') return captureXml(request, origin);
    const decoded =
      kind === 'html' ? decodeMarkup(bytes, { declared: charsetOf(request.mediaType) }) : decodeText(bytes);
    const article =
      kind === 'html'
        ? fromHtml(decoded.text, origin)
        : kind === 'markdown'
          ? fromMarkdown(decoded.text)
          : fromText(decoded.text);
    const mediaType = kind === 'html' ? 'text/html' : kind === 'markdown' ? 'text/markdown' : 'text/plain';
    const extension = kind === 'html' ? '.html' : kind === 'markdown' ? '.md' : '.txt';
    return {
      items: [
        {
          ok: true,
          item: name,
          article,
          capture: { bytes, mediaType, encoding: decoded.encoding, extension, method: request.method, origin },
        },
      ],
      feedUrls: [],
    };
  } catch (error) {
    return { items: [{ ok: false, item: name, error: toErrorBody(error).message }], feedUrls: [] };
  }
}

function opensAsXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  return /^<(\?xml|rss\b|feed\b|opml\b|rdf:RDF\b)/i.test(head);
}

function kindOf(name: string, mediaType: string | undefined, bytes: Uint8Array): Kind {
  const type = mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = extname(name.split(/[?#]/)[0]!).toLowerCase();
  if (type.includes('xml') && type !== 'application/xhtml+xml') return 'xml';
  // Declared HTML outweighs a URL ending in .xml or .rss (a clipped page's URL is the page's, whatever
  // its name), unless the bytes themselves open as a feed or a list of feeds.
  if (type === 'text/html' && !opensAsXml(bytes)) return 'html';
  if (XML_EXT.has(ext)) return 'xml';
  if (type === 'text/html' || type === 'application/xhtml+xml' || HTML_EXT.has(ext)) return 'html';
  if (type === 'text/markdown' || MD_EXT.has(ext)) return 'markdown';
  // A URL's path says little ("/news/2024/story"): only a file's extension is a real claim.
  const isUrl = /^https?:\/\//i.test(name);
  if (!isUrl && !TEXT_EXT.has(ext) && !type.startsWith('text/'))
    throw new ArchiveError(
      'invalid',
      `${ext} files are not imported: pages (.html), PDFs, texts (.txt, .md), feeds and OPML lists are.`,
    );
  // No telling name or type (a URL, a paste): look at the first bytes.
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<?xml') || /^<(rss|feed|opml|rdf:rdf)\b/.test(head)) return 'xml';
  if (/^(<!doctype html|<html|<head|<body|<meta|<article|<p\b|<div)/.test(head)) return 'html';
  return 'text';
}

function fromHtml(html: string, origin: string): CandidateArticle {
  const page = extractArticle(html, origin);
  const article = finish({
    title: page.title,
    source: page.source ?? hostOf(page.url ?? origin),
    url: page.url ?? '',
    byline: page.byline ?? '',
    publishedAt: page.publishedAt ?? null,
    modifiedAt: page.modifiedAt ?? null,
    language: page.language ?? '',
    text: page.text,
    html: page.html,
    extraction: page.extraction,
  });
  // An agency the page's byline names ("AFP" beside a named reporter) stays a wire credit.
  return { ...article, wireCredits: [...new Set([...article.wireCredits, ...(page.bylineCredits ?? [])])] };
}

/** A text file: its first line is the title when it looks like one (short, no final period). */
function fromText(raw: string): CandidateArticle {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .trim();
  if (!text) throw new ArchiveError('invalid', 'The file has no text.');
  const [first, ...rest] = text.split('\n');
  const titled = first!.length <= 200 && !/[.!?]$/.test(first!.trim()) && rest.join('').trim().length > 0;
  const body = titled ? rest.join('\n').trim() : text;
  return finish({
    title: titled ? first!.trim() : titleFromText(text),
    source: '',
    url: '',
    byline: '',
    publishedAt: null,
    modifiedAt: null,
    language: '',
    text: body.replace(/\n{3,}/g, '\n\n'),
    html: '',
  });
}

/** Markdown through marked to HTML, then the same sanitizer and text as a page; the first heading is the title. */
function fromMarkdown(raw: string): CandidateArticle {
  const heading = /^#\s+(.+)$/m.exec(raw);
  const body = heading ? raw.replace(heading[0], '') : raw;
  const { html, text } = sanitizeArticle(marked.parse(body, { async: false }));
  if (!text.trim()) throw new ArchiveError('invalid', 'The file has no text.');
  return finish({
    title: heading?.[1]?.trim() ?? titleFromText(text),
    source: '',
    url: '',
    byline: '',
    publishedAt: null,
    modifiedAt: null,
    language: '',
    text,
    html,
  });
}

function captureXml(request: CaptureRequest, origin: string): CaptureResult {
  const decoded: Decoded = decodeMarkup(request.bytes, { xml: true, declared: charsetOf(request.mediaType) });
  const kind = sniffFeedKind(decoded.text);
  if (kind === 'opml') return { items: [], feedUrls: parseOpml(decoded.text).feeds.map((feed) => feed.xmlUrl) };
  if (!kind) throw new ArchiveError('invalid', `${request.name} is XML but not an RSS or Atom feed or an OPML list.`);
  const feed = parseFeed(decoded.text, origin);
  const source = feed.title || hostOf(feed.siteUrl || origin);
  const mediaType = kind === 'atom' ? 'application/atom+xml' : 'application/rss+xml';
  const items = feed.items.map((entry) =>
    captureFeedEntry(entry, {
      item: `${request.name} › ${entry.title || entry.link || 'untitled entry'}`,
      source,
      mediaType,
      origin,
    }),
  );
  return { items, feedUrls: [] };
}

/** One feed entry as an article of its own content (an import of the feed, or a followed item whose page could not be fetched). */
export function captureFeedEntry(
  entry: FeedItem,
  at: { item: string; source: string; mediaType: string; origin: string },
): CapturedItem {
  try {
    const { html, text } = sanitizeArticle(entry.html);
    if (!text.trim()) throw new ArchiveError('invalid', 'This feed entry carries no text (only a link).');
    return {
      ok: true,
      item: at.item,
      article: finish({
        title: entry.title || titleFromText(text),
        source: at.source,
        url: httpOrEmpty(entry.link),
        byline: entry.author,
        publishedAt: isoOrUndefined(entry.publishedAt) ?? null,
        modifiedAt: isoOrUndefined(entry.updatedAt) ?? null,
        language: '',
        text,
        html,
      }),
      capture: {
        bytes: new TextEncoder().encode(entry.raw),
        mediaType: at.mediaType,
        encoding: 'UTF-8',
        extension: at.mediaType.includes('json') ? '.json' : '.xml',
        method: 'feed',
        origin: entry.link || at.origin,
      },
    };
  } catch (error) {
    return { ok: false, item: at.item, error: toErrorBody(error).message };
  }
}

export { finish as finishCandidate };

/** Fields every kind derives the same way from the text. */
function finish(article: Omit<CandidateArticle, 'dateline' | 'wireCredits'>): CandidateArticle {
  const dateline = findDateline(article.text);
  return {
    ...article,
    language: detectLanguage(article.text, article.language),
    dateline,
    wireCredits: findWireCredits(article.text, article.byline, dateline),
  };
}

/** The outlet a page or feed without a stated name belongs to: a known domain's name, else the host. */
function hostOf(url: string): string {
  return knownOutlet(url) ?? hostName(url);
}

function httpOrEmpty(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '';
}
