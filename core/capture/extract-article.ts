// Main text and metadata of an HTML page: Mozilla Readability on a fast DOM, then sanitized on a real one.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ArchiveError } from '../errors.ts';
import { readPageMetadata, type PageMetadata } from './page-metadata.ts';
import { sanitizeArticle } from './sanitize.ts';

export type ExtractedArticle = PageMetadata & { title: string; html: string; text: string };

/**
 * Chrome that is never the article. Removing it before Readability runs makes extraction 3x faster on
 * real pages (measured: 31 -> 9 ms for a 150 KB page) without changing what it finds.
 */
const CHROME = [
  'script:not([type="application/ld+json"])',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'form',
  'nav',
  'aside:not(article aside)',
  'footer:not(article footer)',
  'body > header',
].join(', ');

/**
 * linkedom (htmlparser2) builds the DOM Readability walks: jsdom took 83 ms a page here, linkedom 9.
 * Its output is only ever used after DOMPurify has re-parsed and sanitized it on jsdom, a spec DOM.
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const metadata = readPageMetadata(document as unknown as Document);
  for (const element of document.querySelectorAll(CHROME)) element.remove();
  const result = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  const { html: sanitized, text } = sanitizeArticle(result?.content ?? '');
  if (!text.trim()) throw new ArchiveError('invalid', 'No article text was found in this page.');
  const title = metadata.title ?? result?.title?.trim() ?? firstLine(text);
  const byline = metadata.byline ?? (result?.byline?.replace(/^(by|par|von|por|di)\s+/i, '').trim() || undefined);
  return {
    ...metadata,
    url: metadata.url ?? (pageUrl && /^https?:/.test(pageUrl) ? pageUrl : undefined),
    byline,
    source: metadata.source ?? (result?.siteName || undefined),
    language: metadata.language ?? (result?.lang || undefined),
    title,
    html: sanitized,
    text: dropLeadingRepeats(text, title, byline),
  };
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/** Readability often keeps the <h1> and the "By …" line: the reader shows both above the text already. */
function dropLeadingRepeats(text: string, title: string, byline: string | undefined): string {
  const blocks = text.split('\n\n');
  const repeats = (block: string) =>
    block === title.trim() || (byline !== undefined && block.replace(/^(by|par|von|por|di)\s+/i, '') === byline);
  while (blocks.length > 1 && repeats(blocks[0]!.trim())) blocks.shift();
  return blocks.join('\n\n');
}
