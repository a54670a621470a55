// A page parsed with linkedom into the shape a browser builds: one <html> holding one <head> and one <body> with everything else.
import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';

/**
 * linkedom follows the markup as written, and real pages are not written well: a <style> before
 * <html>, a script between </head> and <body>, a second <body>. Its tree then has elements beside
 * the body (and its `document.body` quietly makes a new, empty one): Readability and our extractor
 * found nothing on such pages. When the tree is not a browser's shape, the markup is first put
 * through parse5, the HTML standard's own parsing algorithm (jsdom's), and parsed again. Most pages
 * are well shaped and pay nothing for this.
 */
export function parsePage(html: string): Document {
  const { document } = parseHTML(html);
  if (wellShaped(document as unknown as Document)) return document as unknown as Document;
  return parseHTML(serialize(parse(html))).document as unknown as Document;
}

function wellShaped(document: Document): boolean {
  const root = document.documentElement;
  if (!root || root.tagName !== 'HTML') return false;
  // Beside <html>, only the doctype, comments and white space; inside it, <head> then <body>.
  for (const node of document.childNodes) if (node !== root && stray(node)) return false;
  const children = [...root.children];
  if (children.length !== 2 || children[0]!.tagName !== 'HEAD' || children[1]!.tagName !== 'BODY') return false;
  for (const node of root.childNodes) if (node.nodeType === 3 && stray(node)) return false;
  return true;
}

/** A node outside where it belongs that carries something: an element, or text that is not white space. */
function stray(node: Node): boolean {
  if (node.nodeType === 1) return true;
  return node.nodeType === 3 && (node.textContent ?? '').trim() !== '';
}
