// Sanitized article HTML: DOMPurify on a real DOM (jsdom), keeping structure and links, dropping anything that runs or loads.
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

/** Tags that run code, load something, submit something or embed another document. */
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'svg',
  'math',
  'canvas',
  'noscript',
  'template',
  'portal',
  'dialog',
];
/** Presentation and tracking attributes: the reader styles articles itself. */
const FORBID_ATTR = ['style', 'class', 'id', 'srcset', 'background', 'ping', 'action', 'formaction', 'poster'];
const SAFE_URL = /^(?:https?:|mailto:|#)/i;

let purifier: DOMPurify | null = null;

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
  // On a DOM it cannot use (linkedom, say) DOMPurify returns its input untouched and says nothing.
  if (!instance.isSupported)
    throw new Error('DOMPurify does not support this DOM: refusing to import unsanitized HTML.');
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.removeAttribute('target');
    }
  });
  return (purifier = instance);
}

/** Sanitized HTML and its paragraph-separated plain text (the text mentions and claims point into). */
export function sanitizeArticle(html: string): { html: string; text: string } {
  const body = getPurifier().sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_URL,
    KEEP_CONTENT: true,
    // The sanitized DOM itself: its text is read without parsing the HTML a second time.
    RETURN_DOM: true,
  });
  return { html: (body as HTMLElement).innerHTML, text: textOf(body) };
}

function textOf(root: Node): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line
      .replace(/[ \t\f\v\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (text) blocks.push(text);
    line = '';
  };
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      // A line break in the source is only white space (pages wrap their markup mid-sentence); in
      // <pre> it is the text's own. Only <br> and blocks end a line.
      line += pre ? node.textContent : (node.textContent ?? '').replace(/[\r\n]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'br') {
      line += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child, pre || tag === 'pre');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks.join('\n\n');
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'hr',
  'address',
  'main',
  'nav',
]);
