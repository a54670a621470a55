// What a news page says about itself: JSON-LD, OpenGraph and meta tags, bylines and dates in the markup, each weighed by its own rules.
import { decodeEntities } from './element-text.ts';
import { namesIn, readJsonLd, str, type Json } from './json-ld.ts';
import { bylinesInMarkup, chooseByline, type BylineCandidate } from './page-bylines.ts';
import { chooseDates } from './page-dates.ts';
import { outletName, siteNameTest } from './page-outlets.ts';
import { chooseTitle, withoutSiteName } from './page-titles.ts';

export { isoOrUndefined } from './date-text.ts';

/** Everything optional: what the page says, or nothing. */
export type PageMetadata = {
  title?: string;
  byline?: string;
  publishedAt?: string;
  modifiedAt?: string;
  source?: string;
  url?: string;
  language?: string;
  /** Agencies the page's bylines name ("AFP", "Reuters Staff"), kept as wire credits when a person is the byline. */
  bylineCredits?: string[];
};

/** What Readability found on the same page: a fallback for what the page's own metadata does not say. */
export type ReadabilityFindings = {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
};

const PUBLISHER_TYPES =
  /^(Organization|NewsMediaOrganization|Corporation|GovernmentOrganization|NGO|EducationalOrganization)$/;

/** Reads the metadata of a parsed page (any DOM: linkedom or jsdom), before anything is removed from it. */
export function readPageMetadata(document: Document, options: { pageUrl?: string } = {}): PageMetadata {
  const jsonLd = readJsonLd(document);
  const article = jsonLd.article ?? ({} as Json);
  const metaAll = metaTags(document);
  const meta = new Map([...metaAll].map(([name, values]) => [name, values[0]!]));
  const url =
    httpUrl(str(article.url)) ??
    httpUrl(str((jsonLd.resolve(article.mainEntityOfPage) as Json | undefined)?.['@id'])) ??
    httpUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
    httpUrl(meta.get('og:url'));
  const pageUrl = options.pageUrl && /^https?:/i.test(options.pageUrl) ? options.pageUrl : url;

  const publisher = namesIn(
    article.publisher ?? (jsonLd.resolve(article.isPartOf) as Json | undefined)?.publisher,
    jsonLd.resolve,
  ).find(({ types }) => types.length === 0 || types.some((type) => PUBLISHER_TYPES.test(type)))?.name;
  const siteNames = [
    publisher,
    meta.get('og:site_name'),
    meta.get('application-name'),
    meta.get('apple-mobile-web-app-title'),
  ];
  const source = outletName(pageUrl ?? url, siteNames.map(clean));
  const isSiteName = siteNameTest(pageUrl ?? url, [...siteNames, source]);
  const isExactlySiteName = siteNameTest(pageUrl ?? url, [...siteNames, source], { exact: true });

  const title = chooseTitle(
    document,
    {
      jsonLd: clean(str(article.headline) ?? str(article.name)),
      openGraph: meta.get('og:title'),
      twitter: meta.get('twitter:title'),
      document: clean(document.querySelector('title')?.textContent),
    },
    { segment: isSiteName, whole: isExactlySiteName },
  );

  const authors = namesIn(article.author ?? article.creator, jsonLd.resolve);
  const people = authors.filter(({ types }) => !types.some((type) => PUBLISHER_TYPES.test(type)));
  const bylines: BylineCandidate[] = [
    // Several JSON-LD authors are one byline; an organisation among people ("NDR" beside its reporters) is not part of it.
    ...(people.length
      ? [{ text: people.map(({ name }) => name).join(' and ') }]
      : authors.map(({ name }) => ({ text: name, organisation: true }))),
    ...[
      'author',
      'article:author',
      'byl',
      'dc.creator',
      'dcterms.creator',
      'parsely-author',
      'sailthru.author',
      'cxenseparse:author',
    ]
      // A tag repeated for each author ("dc.creator" three times) is one byline.
      .map((name) => (metaAll.get(name) ?? []).filter((text) => !/^https?:/.test(text)).join(' and '))
      .filter(Boolean)
      .map((text) => ({ text })),
    ...bylinesInMarkup(document).map((text) => ({ text })),
  ];
  const { byline, credits } = chooseByline(bylines, isExactlySiteName);

  const language =
    clean(document.documentElement?.getAttribute('lang')) ??
    meta.get('content-language') ??
    clean(str(article.inLanguage));
  const dates = chooseDates(document, {
    jsonLd: { published: jsonLdDate(jsonLd.nodes, article, 'datePublished'), modified: str(article.dateModified) },
    meta,
    pageUrl,
    language,
    title,
  });
  return { title, byline, ...dates, source, url, language, bylineCredits: credits };
}

/** Fills what the page's metadata left open with Readability's findings, by the same rules. */
export function withReadability(
  metadata: PageMetadata,
  readability: ReadabilityFindings | null | undefined,
): PageMetadata {
  if (!readability) return metadata;
  const isSiteName = siteNameTest(metadata.url, [metadata.source, readability.siteName ?? undefined]);
  const title =
    metadata.title ?? (readability.title ? withoutSiteName(readability.title, isSiteName) || undefined : undefined);
  const byline =
    metadata.byline ??
    (readability.byline
      ? chooseByline([{ text: readability.byline }], siteNameTest(metadata.url, [metadata.source], { exact: true }))
          .byline
      : undefined);
  return {
    ...metadata,
    title,
    byline,
    source: metadata.source ?? (clean(readability.siteName) || undefined),
    language: metadata.language ?? (clean(readability.lang) || undefined),
  };
}

/** The article's date; else one that a page-level node states (WebPage, Recipe, VideoObject...), never an image's or a person's. */
function jsonLdDate(nodes: Json[], article: Json, key: string): string | undefined {
  const own = str(article[key]) ?? (key === 'datePublished' ? str(article.dateCreated) : undefined);
  if (own) return own;
  return nodes
    .filter(
      (node) => !/^(ImageObject|Person|Organization|WebSite|BreadcrumbList|ListItem)$/.test(String(node['@type'])),
    )
    .map((node) => str(node[key]))
    .find(Boolean);
}

/** Every <meta> by its property, name, itemprop or http-equiv (lower case): each name's values in order. */
function metaTags(document: Document): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  // Meta tags mostly live in <head>, but itemprop ones sit in the body too.
  for (const element of document.querySelectorAll('meta[content]')) {
    // Microdata keeps its own names ("itemprop:author"): a comment's author is not the page's "author".
    const itemprop = element.getAttribute('itemprop');
    const name =
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      (itemprop ? `itemprop:${itemprop}` : element.getAttribute('http-equiv'));
    const value = clean(element.getAttribute('content'));
    const key = name?.toLowerCase();
    if (key && value) tags.set(key, [...(tags.get(key) ?? []), value]);
  }
  return tags;
}

function clean(value: string | null | undefined): string | undefined {
  const text = (value && decodeEntities(value))
    ?.replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
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
