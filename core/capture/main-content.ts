// The main text of a page the way the best extractors find it: furniture removed, the article's container chosen by markup and by its text, its blocks kept unless they are mostly links.
import { parseHTML } from 'linkedom';
import {
  ALWAYS_FURNITURE,
  contentHint,
  FURNITURE_TAGS,
  furnitureWord,
  isBoilerplateLine,
  NEVER_TEXT,
} from './boilerplate.ts';

/** How much text an element holds: all of it, inside links, and inside paragraphs. */
type Measure = { text: number; links: number; paragraphs: number };

export type MainContent = {
  /** The chosen container's cleaned HTML (not yet sanitized). */
  html: string;
  /** 'container': an element the markup or the text says is the article; 'page': none, the page's readable text. */
  found: 'container' | 'page';
  /** Characters of text kept. */
  length: number;
};

/** Text inside these counts as paragraph text: what articles are made of. */
const PARAGRAPHS = new Set(['p', 'blockquote', 'pre', 'dd']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Blocks a link-heavy run can be: a list of related links, a tag cloud, a menu built of divs. */
const LINK_BLOCKS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'p', 'li', 'span', 'header']);
/** Roles of landmarks that are never the article. */
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert']);

const tagOf = (el: Element) => el.tagName.toLowerCase();

/** Collapsed length of a text node's words: what a reader would see. */
function visibleLength(text: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const blank = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (blank) {
      if (!space) length++;
      space = true;
    } else {
      length++;
      space = false;
    }
  }
  return length;
}

/** One pass over the tree, leaves first: each element's text, link text and paragraph text. */
function measureAll(root: Element): Map<Element, Measure> {
  const sizes = new Map<Element, Measure>();
  const visit = (el: Element, inLink: boolean, inParagraph: boolean): Measure => {
    const tag = tagOf(el);
    const m: Measure = { text: 0, links: 0, paragraphs: 0 };
    if (NEVER_TEXT.has(tag)) {
      sizes.set(el, m);
      return m;
    }
    const link = inLink || tag === 'a';
    const paragraph = inParagraph || PARAGRAPHS.has(tag);
    for (const node of el.childNodes) {
      if (node.nodeType === 3) {
        const n = visibleLength(node.textContent ?? '');
        m.text += n;
        if (link) m.links += n;
        if (paragraph) m.paragraphs += n;
      } else if (node.nodeType === 1) {
        const child = visit(node as Element, link, paragraph);
        m.text += child.text;
        m.links += child.links;
        m.paragraphs += child.paragraphs;
      }
    }
    sizes.set(el, m);
    return m;
  };
  visit(root, false, false);
  return sizes;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Whether an element is furniture: 'always' when its class or id names what is never the article. */
function furniture(el: Element): false | 'maybe' | 'always' {
  const word = furnitureWord(el.getAttribute('class')) ?? furnitureWord(el.getAttribute('id'));
  if (word && ALWAYS_FURNITURE.has(word)) return 'always';
  if (word || FURNITURE_TAGS.has(tagOf(el))) return 'maybe';
  const role = el.getAttribute('role');
  return role && FURNITURE_ROLES.has(role.toLowerCase()) ? 'maybe' : false;
}

/** An element that says it holds the article, whatever else its class says ("article-body paywall"). */
function marksArticle(el: Element): boolean {
  const tag = tagOf(el);
  return (
    tag === 'html' ||
    tag === 'body' ||
    tag === 'main' ||
    tag === 'article' ||
    el.getAttribute('itemprop') === 'articleBody' ||
    contentHint(el.getAttribute('class')) ||
    contentHint(el.getAttribute('id'))
  );
}

/**
 * Removes what never holds text, hidden elements and furniture. An element that holds most of the
 * page's paragraphs, or says it holds the article, is never removed, whatever its class says: a
 * `<body class="paywall">` or a site that wraps everything in one `<form>` keeps its article.
 */
function removeFurniture(root: Element, sizes: Map<Element, Measure>): void {
  const all = sizes.get(root)!;
  const words = (m: Measure) => m.text - m.links;
  const walk = (el: Element) => {
    for (const child of [...el.children]) {
      const tag = tagOf(child);
      const m = sizes.get(child)!;
      // Most of the page's paragraphs, or of its words outside links when it has few paragraphs.
      const holdsArticle = (m.paragraphs > 0.5 * all.paragraphs && m.paragraphs > 200) || words(m) > 0.5 * words(all);
      const kind = furniture(child);
      const keep = marksArticle(child) || (kind === 'maybe' && holdsArticle);
      if (NEVER_TEXT.has(tag) || isHidden(child) || (kind && !keep)) {
        child.remove();
        continue;
      }
      walk(child);
    }
  };
  walk(root);
}

/** The nearest element holding all of these (they are in one document). */
function commonAncestor(elements: Element[]): Element {
  let ancestor = elements[0]!;
  for (const el of elements.slice(1)) while (!ancestor.contains(el)) ancestor = ancestor.parentElement ?? ancestor;
  return ancestor;
}

/**
 * The candidate of a tier with the most paragraph text. Sites that split one story into several
 * containers of one class (a column per section, a box per paragraph group) give the nearest element
 * holding them all.
 */
function bestOf(tier: Element[], sizes: Map<Element, Measure>): { el: Element; size: number } | null {
  const byClass = new Map<string, Element[]>();
  for (const el of tier) {
    const key = `${tagOf(el)}.${el.getAttribute('class') ?? ''}#${el.getAttribute('itemprop') ?? ''}`;
    const group = byClass.get(key);
    if (group) group.push(el);
    else byClass.set(key, [el]);
  }
  let best: { el: Element; size: number } | null = null;
  for (const group of byClass.values()) {
    // Nested members (an article-body inside an article-body) count once, by the outermost.
    const outer = group.filter((el) => !group.some((other) => other !== el && other.contains(el)));
    const el = outer.length > 1 ? commonAncestor(outer) : outer[0]!;
    const size = sizes.get(el)?.paragraphs ?? 0;
    if (!best || size > best.size) best = { el, size };
  }
  return best;
}

/** The article's container: named by its markup, or an <article>, or <main>; the best in the first tier that has one. */
function chooseContainer(root: Element, sizes: Map<Element, Measure>, total: number): Element | null {
  const tiers: Element[][] = [
    [...root.querySelectorAll('[itemprop="articleBody"]')],
    [...root.querySelectorAll('article, main, section, div')].filter(
      (el) => contentHint(el.getAttribute('class')) || contentHint(el.getAttribute('id')),
    ),
    [...root.querySelectorAll('article')],
    [...root.querySelectorAll('[role="main"], main')],
  ];
  for (const [i, tier] of tiers.entries()) {
    const best = bestOf(tier, sizes);
    // Named in the markup as the article's body and holding text: trusted even when short (a brief).
    // Otherwise it must hold a fair part of the page's paragraphs, or it is a teaser among others.
    if (best && best.size > 0 && (i === 0 || best.size >= 0.25 * total || (i === 1 && best.size >= 400)))
      return best.el;
  }
  return null;
}

/** Blocks that are mostly links (menus, lists of related stories, tag clouds) and short boilerplate lines go. */
function removeLinkBlocksAndBoilerplate(container: Element, sizes: Map<Element, Measure>): void {
  const walk = (el: Element) => {
    for (const child of [...el.children]) {
      const tag = tagOf(child);
      const m = sizes.get(child);
      if (m && m.text > 0 && LINK_BLOCKS.has(tag) && m.links / m.text > 0.6 && m.paragraphs < 0.5 * m.text) {
        child.remove();
        continue;
      }
      if (
        m &&
        m.text > 0 &&
        m.text <= 200 &&
        (PARAGRAPHS.has(tag) || HEADINGS.has(tag) || tag === 'li' || tag === 'div')
      ) {
        const text = child.textContent ?? '';
        if (isBoilerplateLine(text.replace(/\s+/g, ' '))) {
          child.remove();
          continue;
        }
      }
      walk(child);
    }
  };
  walk(container);
}

/** The page's main text, or null when it has none at all. Mutates the document. */
export function extractMainContent(document: Document): MainContent | null {
  const root = document.body ?? document.documentElement;
  if (!root) return null;
  let sizes = measureAll(root);
  removeFurniture(root, sizes);
  sizes = measureAll(root);
  const container = chooseContainer(root, sizes, sizes.get(root)!.paragraphs);
  if (container) {
    removeLinkBlocksAndBoilerplate(container, sizes);
    const length = measureAll(container).get(container)!.text;
    if (length > 0) return { html: container.innerHTML, found: 'container', length };
  }
  // No article: the page's readable text. Without its lists of links when it has sentences of its
  // own; with them when they are all it has (a page of headlines is its headlines).
  const links = root.innerHTML;
  removeLinkBlocksAndBoilerplate(root, sizes);
  const length = measureAll(root).get(root)!.text;
  if (length >= 200) return { html: root.innerHTML, found: 'page', length };
  const { document: all } = parseHTML(`<!doctype html><html><body>${links}</body></html>`);
  const total = measureAll(all.body as unknown as Element).get(all.body as unknown as Element)!.text;
  return total > 0 ? { html: links, found: 'page', length: total } : null;
}
