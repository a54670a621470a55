// A page's JSON-LD, read leniently: every node (arrays, @graph, nested), references by @id resolved, the article node found.
import { decodeEntities } from './element-text.ts';

export type Json = Record<string, unknown>;

export type JsonLd = {
  /** The article node (NewsArticle and kin), if the page has one. */
  article: Json | null;
  /** Every node, in document order: WebPage, Organization, Person, ... */
  nodes: Json[];
  /** A node reached through {"@id": ...} stands for the node that carries that @id elsewhere. */
  resolve: (value: unknown) => unknown;
};

const ARTICLE_TYPES =
  /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|SatiricalArticle|Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|ScholarlyArticle|TechArticle)$/i;

const NOT_MAIN =
  /^(Person|Organization|NewsMediaOrganization|WebSite|ImageObject|BreadcrumbList|ListItem|ItemList|Comment|Review|Rating|AggregateRating)$/;

export function readJsonLd(document: Document): JsonLd {
  const nodes: Json[] = [];
  const depths = new Map<Json, number>();
  for (const script of document.querySelectorAll('script[type^="application/ld+json" i]')) {
    const data = parseLenient(script.textContent ?? '');
    if (data !== undefined) collect(data, nodes, depths, 0);
  }
  const byId = new Map<string, Json>();
  for (const node of nodes) {
    const id = node['@id'];
    // The fullest node with an @id wins: a bare {"@id"} reference must not shadow the real one.
    if (typeof id === 'string' && Object.keys(node).length > (byId.get(id) ? Object.keys(byId.get(id)!).length : 1))
      byId.set(id, node);
  }
  const resolve = (value: unknown): unknown => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const id = (value as Json)['@id'];
    return typeof id === 'string' && Object.keys(value).length <= 2 ? (byId.get(id) ?? value) : value;
  };
  // The shallowest article node: one nested in a list of related stories is not this page's.
  let article: Json | null = null;
  for (const node of nodes)
    if (
      typesOf(node).some((type) => ARTICLE_TYPES.test(type)) &&
      (!article || depths.get(node)! < depths.get(article)!)
    )
      article = node;
  // No article node: the page's main thing (a recipe, a video, a web page) when it says who made it or what it is called.
  article ??=
    nodes.find((node) => (node.author || node.headline) && !typesOf(node).some((type) => NOT_MAIN.test(type))) ?? null;
  return { article, nodes, resolve };
}

// eslint-disable-next-line no-control-regex -- raw control characters are exactly what breaks JSON.parse here
const CONTROL = /[\u0000-\u001f]+/g;

/** JSON.parse, then again without what breaks it in the wild: raw control characters, HTML comments, CDATA. */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(
        text
          .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '')
          .replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '')
          // Whitespace outside strings and raw newlines or tabs inside them: both mean a space here.
          .replace(CONTROL, ' ')
          .replace(/,\s*([}\]])/g, '$1'),
      );
    } catch {
      return undefined; // Broken JSON-LD is common; the meta tags may still say it.
    }
  }
}

/** Nodes from arrays, @graph and nested objects (mainEntity, author, publisher...), a few levels deep. */
function collect(data: unknown, into: Json[], depths: Map<Json, number>, depth: number): void {
  if (depth > 5 || !data || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (const item of data) collect(item, into, depths, depth);
    return;
  }
  const node = data as Json;
  if (node['@type'] || node['@id']) {
    into.push(node);
    depths.set(node, depth);
  }
  for (const [key, value] of Object.entries(node))
    if (value && typeof value === 'object' && key !== '@context')
      collect(value, into, depths, key === '@graph' ? depth : depth + 1);
}

export function typesOf(node: Json): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** "Jane Doe", [{name}, {name}], {"@id"} or {name}: the names, each with the node's types (Person, Organization...). */
export function namesIn(value: unknown, resolve: JsonLd['resolve']): { name: string; types: string[] }[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item) => {
    const node = resolve(item);
    if (typeof node === 'string') return [{ name: node, types: [] }];
    if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
    // "name" is now and then a list of names.
    const names = [(node as Json).name]
      .flat()
      .map(str)
      .filter((name): name is string => Boolean(name?.trim()));
    return names.map((name) => ({ name: decodeEntities(name), types: typesOf(node as Json) }));
  });
}
