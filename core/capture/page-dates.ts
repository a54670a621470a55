// Publication dates, by trust: JSON-LD, meta tags, <time>, the URL (/2015/03/18/), then a date written near the headline.
import { humanDate, isoOrUndefined } from './date-text.ts';

export type PageDates = { publishedAt?: string; modifiedAt?: string };

/** Meta names (name, property or itemprop, lower case) that carry the publication date, most trusted first. */
const PUBLISHED = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'itemprop:datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'date_published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'citation_publication_date',
  'citation_date',
  'og:release_date',
  'shareaholic:article_published_time',
  'article.published',
  'published_time',
  'datecreated',
  'itemprop:datecreated',
  'uploaddate',
  'itemprop:uploaddate',
];
const MODIFIED = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'itemprop:datemodified',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
];

/** Date-ish elements whose text may carry the date: "Published 3 March 2024", "am 21. April 2020". */
const DATE_TEXT =
  '[itemprop="datePublished"], [class*="date" i], [id*="date" i], [class*="datum" i], [class*="fecha" i], [class*="publish" i], [class*="posted" i], [class*="byline" i], [class*="meta" i], [class*="dateline" i]';

type Sources = {
  jsonLd: { published?: string; modified?: string };
  meta: Map<string, string>;
  pageUrl?: string;
  language?: string;
  /** The headline chosen: a date written beside it is the article's. */
  title?: string;
};

export function chooseDates(document: Document, sources: Sources): PageDates {
  const now = Date.now();
  const plausible = (iso: string | undefined) => (iso && isPlausible(iso, now) ? iso : undefined);
  const fromMeta = (names: string[]) =>
    names.map((name) => sources.meta.get(name)).find((value) => plausible(readDate(value, sources.language)));
  const publishedAt =
    plausible(readDate(sources.jsonLd.published, sources.language)) ??
    plausible(readDate(fromMeta(PUBLISHED), sources.language)) ??
    plausible(fromTimeElements(document, sources.language)) ??
    plausible(dateInUrl(sources.pageUrl)) ??
    plausible(fromDateText(document, sources.language)) ??
    plausible(nearHeadline(document, sources.title, sources.language));
  const modifiedAt =
    plausible(readDate(sources.jsonLd.modified, sources.language)) ??
    plausible(readDate(fromMeta(MODIFIED), sources.language));
  return { publishedAt, modifiedAt };
}

/** ISO 8601 as the page wrote it; else a date written out ("19. Oktober 2019", "Oct 19, 2019"), by its day. */
function readDate(value: string | null | undefined, language: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  return isoOrUndefined(value) ?? humanDate(value, language);
}

/** Not before the web's news sites, not after tomorrow. */
function isPlausible(iso: string, now: number): boolean {
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return !Number.isNaN(time) && time >= Date.UTC(1990, 0, 1) && time <= now + 36 * 3600_000;
}

/** Dates of comments, related stories and sidebars are not the article's. */
const ELSEWHERE = '[class*="comment" i], [id*="comment" i], nav, [class*="related" i], [class*="sidebar" i]';

/** In comments or a sidebar: a container of those kinds that does not also hold the headline (a page-wide wrapper may be "has-sidebar"). */
export function outsideArticle(element: Element): boolean {
  const container = element.closest(ELSEWHERE);
  return container !== null && !container.querySelector('h1');
}

/** Most telling first: a <time> marked as the publication's, then one in the article, then any. */
const TIMES = [
  'time[pubdate], time[itemprop~="datePublished"], [itemprop~="datePublished"][datetime]',
  'article time, main time, header time, [itemprop="articleBody"] time',
  'time',
];

function fromTimeElements(document: Document, language: string | undefined): string | undefined {
  for (const selector of TIMES)
    for (const time of [...document.querySelectorAll(selector)].slice(0, 10)) {
      if (outsideArticle(time)) continue;
      const found = readDate(time.getAttribute('datetime'), language) ?? humanDate(time.textContent ?? '', language);
      if (found) return found;
    }
  return undefined;
}

/** /2015/03/18/, /2015-03-18/, /20150318/ in the path (of the archived page, for a web archive's URL). */
export function dateInUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const path = url.replace(/^https?:\/\/web\.archive\.org\/web\/\d+[a-z_]*\//, '').replace(/^https?:\/\/[^/]+/, '');
  const match =
    /\/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/._-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/._-]|$)/.exec(path);
  if (!match) return undefined;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** A date written in a date-ish element (byline, meta line, "posted on"), the article's before the page's. */
function fromDateText(document: Document, language: string | undefined): string | undefined {
  const scopes = [document.querySelector('article, main, [role="main"], [itemprop="articleBody"]'), document];
  for (const scope of scopes) {
    if (!scope) continue;
    for (const element of [...scope.querySelectorAll(DATE_TEXT)].slice(0, 20)) {
      if (outsideArticle(element)) continue;
      const attribute = element.getAttribute('content') ?? element.getAttribute('datetime');
      const text = element.textContent ?? '';
      const found = readDate(attribute, language) ?? (text.length <= 200 ? humanDate(text, language) : undefined);
      if (found) return found;
    }
  }
  return undefined;
}

/** A date written just after the headline ("… kein Wohngeld 18.02.2022, 10:27 | Recht"), else just before it. */
function nearHeadline(document: Document, title: string | undefined, language: string | undefined): string | undefined {
  // The page's text without comments, sidebars and related stories, whose dates are not the article's.
  let text = document.body?.textContent ?? '';
  for (const element of [...document.querySelectorAll(ELSEWHERE)].slice(0, 40))
    if (!element.querySelector('h1') && element.textContent) text = text.replace(element.textContent, ' ');
  const body = text.replace(/\s+/g, ' ');
  const heading =
    title && body.includes(title) ? title : document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const at = heading ? body.indexOf(heading) : -1;
  if (!heading || at < 0) return undefined;
  return (
    humanDate(body.slice(at + heading.length, at + heading.length + 300), language) ??
    humanDate(body.slice(Math.max(0, at - 150), at), language)
  );
}
