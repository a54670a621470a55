// Main text and metadata of an HTML page: Mozilla Readability on a fast DOM, then sanitized on a real one.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ArchiveError } from '../errors.ts';
import { withoutCodeAndStyles, withoutOuterAsidesAndFooters } from './page-chrome.ts';
import { readPageMetadata, withReadability, type PageMetadata } from './page-metadata.ts';
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
  // Cookie and consent banners, newsletter pop-ups: never the article, often the only long text.
  '[role="dialog"]',
  '[aria-modal="true"]',
  '[id*="cookie" i]',
  '[class*="cookie" i]',
  '[id*="consent" i]',
  '[class*="consent" i]',
  '[class*="newsletter" i]',
  '[class*="paywall" i]',
].join(', ');

/**
 * linkedom (htmlparser2) builds the DOM Readability walks: jsdom took 83 ms a page here, linkedom 9.
 * Its output is only ever used after DOMPurify has re-parsed and sanitized it on jsdom, a spec DOM.
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  // A pasted or dropped snippet is all article: there is no page chrome to find it in.
  const fragment = !/<(html|head|body)\b/i.test(html);
  const { document } = parseHTML(
    fragment
      ? `<!doctype html><html><body>${html}</body></html>`
      : withoutOuterAsidesAndFooters(withoutCodeAndStyles(html)),
  );
  const found = readPageMetadata(document as unknown as Document, { pageUrl });
  for (const element of document.querySelectorAll(CHROME)) element.remove();
  // Readability returns *something* for any page; a home page or a list of teasers is not an article.
  const readerable = isProbablyReaderable(document as unknown as Document);
  const result = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  let { html: sanitized, text } = sanitizeArticle(result?.content ?? '');
  if (fragment && !text.trim()) ({ html: sanitized, text } = sanitizeArticle(html));
  if (!text.trim() || (!readerable && !fragment && text.length < 500))
    throw new ArchiveError('invalid', 'No article text found in this page (only navigation, teasers or banners).');
  const metadata = withReadability(found, result);
  const title = metadata.title ?? firstLine(text);
  const byline = metadata.byline;
  return {
    ...metadata,
    url: metadata.url ?? (pageUrl && /^https?:/.test(pageUrl) ? pageUrl : undefined),
    title,
    html: sanitized,
    text: dropLeadingRepeats(text, title, byline),
  };
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/**
 * Readability often keeps the kicker, the <h1> and the "By …" line: the reader shows the title and
 * byline above the text already. The title within the first three blocks goes with what precedes it
 * (kickers, section names); a short block naming the byline goes too.
 */
function dropLeadingRepeats(text: string, title: string, byline: string | undefined): string {
  let blocks = text.split('\n\n');
  const titleAt = blocks.slice(0, 3).findIndex((block) => block.trim() === title.trim());
  if (titleAt >= 0 && blocks.length > titleAt + 1) blocks = blocks.slice(titleAt + 1);
  const isByline = (block: string) =>
    byline !== undefined && block.includes(byline) && block.length <= byline.length + 25;
  while (blocks.length > 1 && isByline(blocks[0]!.trim())) blocks.shift();
  return blocks.join('\n\n');
}
