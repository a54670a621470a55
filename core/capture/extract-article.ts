// Main text and metadata of an HTML page: two extractors on a fast DOM (our main-content finder and Mozilla Readability), the better kept, then sanitized on a real one.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { ExtractionMethod } from '../common/vocabulary.ts';
import { ArchiveError } from '../errors.ts';
import { extractMainContent } from './main-content.ts';
import { parsePage } from './parse-page.ts';
import { confirmTail, polishArticleHtml } from './polish.ts';
import { withoutCodeAndStyles, withoutOuterAsidesAndFooters } from './page-chrome.ts';
import { readPageMetadata, withReadability, type PageMetadata } from './page-metadata.ts';
import { readJsonLd } from './json-ld.ts';
import { sanitizeArticle } from './sanitize.ts';
import { titleFromText } from './text-lead.ts';

export type ExtractedArticle = PageMetadata & {
  title: string;
  html: string;
  text: string;
  /** 'fallback' when no article-like block was found and the page's readable text was kept instead. */
  extraction: Extract<ExtractionMethod, 'article' | 'fallback'>;
};

type ReadabilityResult = {
  html: string;
  readerable: boolean;
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
};

/** An extractor's result, polished: its HTML, its text folded for comparison, how it was found. */
type Candidate = { html: string; text: string; length: number; found: 'container' | 'page'; readerable: boolean };

function candidate(html: string, found: 'container' | 'page', readerable: boolean): Candidate {
  const polished = polishArticleHtml(html);
  const text = plainText(polished);
  return { html: polished, text, length: text.length, found, readerable };
}

/** Whitespace-folded text of an HTML fragment, for comparing the candidates (not what is saved). */
function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Readability on its own copy of the page (it rewrites the tree it is given). */
function readability(html: string): ReadabilityResult | null {
  const document = parsePage(html);
  if (!document.documentElement) return null;
  const readerable = isProbablyReaderable(document);
  const result = new Readability(document, { charThreshold: 200, keepClasses: false }).parse();
  if (!result?.content) return null;
  return {
    html: result.content,
    readerable,
    title: result.title?.trim() || undefined,
    byline: result.byline?.trim() || undefined,
    siteName: result.siteName || undefined,
    lang: result.lang || undefined,
  };
}

/**
 * Which text to keep, chosen by measurement on real pages (docs/capture.md). The one that holds the
 * page's own summary (its meta description) when the other does not; else ours when it found a
 * container the markup or the text names, unless Readability found three times as much (ours missed
 * part of the article); else the longer of the two, roughly.
 */
function choose(
  ours: Candidate | null,
  theirs: Candidate | null,
  summary: string,
): { html: string; extraction: 'article' | 'fallback' } | null {
  const found = ours?.found === 'container' || theirs?.readerable === true;
  const pick = (c: Candidate) => ({ html: c.html, extraction: found ? ('article' as const) : ('fallback' as const) });
  if (!ours || !theirs) return ours ? pick(ours) : theirs ? pick(theirs) : null;
  if (summary.length > 20) {
    const inOurs = ours.text.includes(summary);
    const inTheirs = theirs.text.includes(summary);
    if (inOurs !== inTheirs) return pick(inOurs ? ours : theirs);
  }
  if (ours.found === 'container' && theirs.length <= 3 * ours.length) return pick(ours);
  return pick(theirs.length > 0.5 * ours.length ? theirs : ours);
}

/**
 * linkedom (htmlparser2) builds the DOMs the extractors walk: jsdom took 83 ms a page here, linkedom 9.
 * What is kept is only ever used after DOMPurify has re-parsed and sanitized it on jsdom, a spec DOM.
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  // A pasted or dropped snippet is all article: there is no page chrome to find it in.
  const fragment = !/<(html|head|body)\b/i.test(html);
  if (fragment) {
    const { html: sanitized, text } = sanitizeArticle(html);
    if (!text.trim()) throw new ArchiveError('invalid', 'There is no text in this snippet.');
    const metadata = readPageMetadata(parsePage(`<!doctype html><html><body>${html}</body></html>`), { pageUrl });
    return { ...metadata, title: metadata.title ?? titleFromText(text), html: sanitized, text, extraction: 'article' };
  }
  const page = withoutCodeAndStyles(html);
  // Ours reads the page without the asides and footers around the article (most of what is left to
  // parse); Readability, when it runs, reads them too: it sometimes keeps their text (property-tested).
  const document = parsePage(withoutOuterAsidesAndFooters(page));
  const found = readPageMetadata(document, { pageUrl });
  const summary = plainText(summaryOf(document));
  // Whether the page shows its summary, read before the extractor takes the page's furniture away.
  const summaryShown =
    summary.length >= 80 && plainText(document.body?.textContent ?? '').includes(summary.slice(0, 60));
  // Read before the extractor takes the page's furniture (and any script in it) away.
  const stated = statedBody(document);
  const main = extractMainContent(document);
  const ours = main && candidate(main.html, main.found, false);
  // Ours found the article's container, with the page's summary in it (or there is none), and a fair
  // length: measured on the development set, Readability then never did better, and skipping it
  // saves a third of the time.
  const confident =
    ours?.found === 'container' &&
    ours.length >= 1000 &&
    (summary.length <= 20 || ours.text.includes(summary.slice(0, 60)));
  const theirs = confident ? null : readability(page);
  const metadata = withReadability(found, theirs);
  const other = theirs && candidate(theirs.html, 'page', theirs.readerable);
  const chosen = confident
    ? { html: ours.html, extraction: 'article' as const }
    : choose(ours, other, summary.slice(0, 60));
  let kept = chosen?.html ?? '';
  const otherText = confident || !chosen ? null : kept === ours?.html ? other?.text : ours?.text;
  if (otherText && otherText.length >= 300) kept = confirmTail(kept, otherText);
  // The article body the page's JSON-LD states, when both extractors found less than a third of it
  // (a body its scripts fill, a container split beyond recognition): +0.002 recall on the development set.
  const useStated = !confident && stated && stated.length >= 500 && stated.length >= 3 * plainText(kept).length;
  if (useStated) kept = stated.html;
  // The standfirst the page shows above the article (its summary, in its meta description) is the
  // article's first paragraph; extractors often leave it in the header they drop.
  // So is the summary of a page that shows next to no text of its own (a video page, a page its scripts fill).
  const short = plainText(kept).length < 1000;
  const lead = (summaryShown || (short && summary.length >= 80) || !chosen) && summary.length >= 40;
  if (lead && !plainText(kept).includes(summary.slice(0, 60))) kept = `<p>${escapeHtml(summary)}</p>${kept}`;
  let { html: sanitized, text } = sanitizeArticle(kept);
  // Both extractors dropped everything (a page of links, a lone menu): the page's text is still saved.
  const whole = !text.trim();
  if (whole) ({ html: sanitized, text } = sanitizeArticle(parsePage(page).body?.innerHTML ?? ''));
  if (!text.trim())
    throw new ArchiveError('invalid', 'This page has no text to save (nothing but markup, images or scripts).');
  const title = metadata.title ?? titleFromText(text);
  const { byline } = metadata;
  return {
    ...metadata,
    url: metadata.url ?? (pageUrl && /^https?:/.test(pageUrl) ? pageUrl : undefined),
    title,
    html: sanitized,
    text: dropLeadingRepeats(text, title, byline),
    // Nothing found but the page's own summary or all its text: saved, and marked as not the article.
    extraction: whole ? 'fallback' : useStated ? 'article' : (chosen?.extraction ?? 'fallback'),
  };
}

/** JSON-LD's articleBody as HTML paragraphs (sanitized later, like everything kept), and its length. */
function statedBody(document: Document): { html: string; length: number } | null {
  const body = readJsonLd(document).article?.articleBody;
  if (typeof body !== 'string') return null;
  if (/<\/?(p|br|div)\b/i.test(body)) return { html: body, length: plainText(body).length };
  const paragraphs = body.split(/\s*\n\s*/).filter(Boolean);
  return { html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''), length: plainText(body).length };
}

/** The page's own summary of itself: its OpenGraph or meta description. */
function summaryOf(document: Document): string {
  return (
    document.querySelector('meta[property="og:description"]')?.getAttribute('content') ??
    document.querySelector('meta[name="description"]')?.getAttribute('content') ??
    ''
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
