// Cuts what is never the article's text out of a page's HTML before it is parsed: code, styles, and the asides and footers around the article, most of a news page's bytes.
//
// Nothing relies on this for safety (whatever survives is sanitized by DOMPurify); it only saves the
// parser work. Our extractor reads the page after both cuts; Readability only after the first, as it
// may keep an aside's text (property-tested in tests/core/page-chrome.test.ts). Menus and the rest
// are judged on the parsed page.

/**
 * Scripts, styles, SVG, templates and comments are often most of a page's bytes (measured: 8 -> 5 ms
 * a page). JSON-LD scripts stay: they carry the metadata.
 */
export function withoutCodeAndStyles(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(style|svg|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
}

// The name must end there: `<footer-links>` is a custom element, not a footer.
const TAG = /<(\/?)(article|aside|footer|script|style|textarea|title)(?=[\s/>])[^>]*>/gi;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/**
 * Removes every <aside> and <footer> that is not inside an <article> (the same elements as the CSS
 * `aside:not(article aside), footer:not(article footer)`), tracking nesting by tag name: related
 * stories and site footers are the biggest part of what survives `withoutCodeAndStyles` (measured on
 * the benchmark's pages: linkedom parse 6.0 -> 0.5 ms). An element that is never closed is kept:
 * on malformed markup this cuts less, never more.
 */
export function withoutOuterAsidesAndFooters(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let kept = 0;
  let articleDepth = 0;
  let cutting: { name: string; start: number; depth: number } | null = null;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    if (RAW_TEXT.has(name)) {
      // Raw text (a JSON-LD script, a title) may contain "<footer>": skip to its end tag.
      if (!closing) {
        const end = lower.indexOf(`</${name}`, TAG.lastIndex);
        if (end < 0) break;
        TAG.lastIndex = end;
      }
      continue;
    }
    if (cutting) {
      if (name !== cutting.name) continue;
      cutting.depth += closing ? -1 : 1;
      if (cutting.depth === 0) {
        parts.push(html.slice(kept, cutting.start));
        kept = TAG.lastIndex;
        cutting = null;
      }
    } else if (name === 'article') articleDepth = Math.max(0, articleDepth + (closing ? -1 : 1));
    else if (!closing && articleDepth === 0) cutting = { name, start: match.index, depth: 1 };
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join('');
}
