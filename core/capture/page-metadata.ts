// What a news page says about itself: JSON-LD NewsArticle, OpenGraph and article meta tags, then bylines and <time> in the markup.

/** Everything optional: each source fills what it knows, earlier sources win. */
export type PageMetadata = {
  title?: string;
  byline?: string;
  publishedAt?: string;
  modifiedAt?: string;
  source?: string;
  url?: string;
  language?: string;
};

type Json = Record<string, unknown>;

const NEWS_TYPES =
  /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|Article|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|WebPage)$/;

/** Reads the metadata of a parsed page (any DOM: linkedom or jsdom). */
export function readPageMetadata(document: Document): PageMetadata {
  const fromJsonLd = readJsonLd(document);
  // Meta tags live in <head>: searching it alone is much cheaper than the whole page on a slow DOM.
  const head = document.head ?? document;
  const meta = (selector: string) => clean(head.querySelector(selector)?.getAttribute('content'));
  const fromMeta: PageMetadata = {
    title: meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? meta('meta[name="title"]'),
    byline:
      meta('meta[name="author"]') ??
      meta('meta[property="article:author"]:not([content^="http"])') ??
      meta('meta[name="byl"]') ??
      meta('meta[name="dc.creator" i]') ??
      meta('meta[name="parsely-author"]'),
    publishedAt: isoOrUndefined(
      meta('meta[property="article:published_time"]') ??
        meta('meta[name="pubdate"]') ??
        meta('meta[name="publish-date"]') ??
        meta('meta[name="date"]') ??
        meta('meta[name="dc.date" i]') ??
        meta('meta[itemprop="datePublished"]') ??
        meta('meta[name="parsely-pub-date"]'),
    ),
    modifiedAt: isoOrUndefined(
      meta('meta[property="article:modified_time"]') ?? meta('meta[property="og:updated_time"]'),
    ),
    source:
      meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]') ?? meta('meta[name="publisher"]'),
    url:
      httpUrl(head.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      httpUrl(meta('meta[property="og:url"]')),
    language: clean(document.documentElement?.getAttribute('lang')) ?? meta('meta[http-equiv="content-language" i]'),
  };
  const fromMarkup: PageMetadata = {
    title: clean(document.querySelector('h1')?.textContent) ?? clean(document.querySelector('title')?.textContent),
    byline: bylineInMarkup(document),
    publishedAt: isoOrUndefined(
      document.querySelector('article time[datetime], time[pubdate], time[datetime]')?.getAttribute('datetime'),
    ),
  };
  return merge(fromJsonLd, fromMeta, fromMarkup);
}

function merge(...sources: PageMetadata[]): PageMetadata {
  const result: PageMetadata = {};
  for (const source of sources)
    for (const [key, value] of Object.entries(source) as [keyof PageMetadata, string | undefined][])
      if (value && !result[key]) result[key] = value;
  return result;
}

function readJsonLd(document: Document): PageMetadata {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the meta tags may still say it.
    }
    const article = flatten(data).find((node) => types(node).some((t) => NEWS_TYPES.test(t) && t !== 'WebPage'));
    if (!article) continue;
    return {
      title: clean(str(article.headline) ?? str(article.name)),
      byline: names(article.author ?? article.creator),
      publishedAt: isoOrUndefined(str(article.datePublished) ?? str(article.dateCreated)),
      modifiedAt: isoOrUndefined(str(article.dateModified)),
      source: names(article.publisher) ?? names((article.isPartOf as Json | undefined)?.publisher),
      url: httpUrl(str(article.url)) ?? httpUrl(str((article.mainEntityOfPage as Json | undefined)?.['@id'])),
      language: clean(str(article.inLanguage)),
    };
  }
  return {};
}

/** JSON-LD nodes from arrays and @graph, one level of nesting deep. */
function flatten(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (!data || typeof data !== 'object') return [];
  const node = data as Json;
  return [node, ...(Array.isArray(node['@graph']) ? node['@graph'].flatMap(flatten) : [])];
}

function types(node: Json): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** "Jane Doe", [{name}, {name}], or {name}: joined with "and". */
function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v ? str((v as Json).name) : undefined))
    .map((v) => clean(v))
    .filter((v): v is string => Boolean(v) && !/^https?:/.test(v!));
  return list.length ? list.join(' and ') : undefined;
}

function bylineInMarkup(document: Document): string | undefined {
  const node = document.querySelector(
    '[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"], .byline, .article-byline, .author-name, .byline-name, .author',
  );
  const text = clean(node?.textContent);
  if (!text || text.length > 200) return undefined;
  return text.replace(/^(by|par|von|por|di)\s+/i, '').trim() || undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a date as the page wrote it when it is ISO 8601 (offset and all); otherwise converts what Date can read. */
export function isoOrUndefined(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, day, time, zone] = iso;
    if (!time) return day;
    const seconds = time.length === 5 ? `${time}:00` : time;
    // Without a zone the page's local time is unknown: keep the day only rather than guess.
    if (!zone) return day;
    return `${day}T${seconds}${zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`}`;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}
