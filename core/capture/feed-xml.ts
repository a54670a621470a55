// Feed and OPML XML: sniffed by its root, parsed safely (entity declarations refused, offsets kept), its tree read.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ArchiveError } from '../errors.ts';

export type XmlNode = Record<string, unknown>;

export type FeedKind = 'rss' | 'atom' | 'opml';

const META = XMLParser.getMetaDataSymbol() as unknown as string;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Dates, guids and titles such as "2026" must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Without it numeric references (&#8364;) stay undecoded, and feeds use &nbsp; and friends though XML lacks them.
  htmlEntities: true,
  // Entity declarations are refused before parsing; these limits are a second wall should one slip through.
  // (Expansion limits would count &amp; and &lt; too, and escaped HTML is full of them: bound the declarations.)
  processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1 },
  // Start and end offsets of every element: how an entry's raw XML and XHTML content are recovered.
  captureMetaData: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 200,
});

/** What a document is, from its root element alone: cheap enough to decide which parser to call. */
export function sniffFeedKind(text: string): FeedKind | null {
  const root = rootName(text);
  if (!root) return null;
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  if (local === 'rss' || local === 'rdf') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'opml') return 'opml';
  return null;
}

/** Refuses entities, validates, parses; returns the root element, its name and the text its offsets refer to. */
export function parseDocument(input: string, what: string): { root: XmlNode; name: string; source: string } {
  if (typeof input !== 'string') throw new ArchiveError('invalid', `Not a valid ${what}: no text.`);
  const text = input.replace(/^\uFEFF/, '');
  refuseEntityDeclarations(text);
  // A bare "&" is the commonest defect of real feeds and the parser reads it fine: forgive it, refuse the rest.
  const verdict = XMLValidator.validate(text.replace(/&(?!(?:#\d+|#x[\da-fA-F]+|[A-Za-z][\w.-]*);)/g, '&amp;'));
  if (verdict !== true) {
    const { msg, line } = verdict.err;
    throw new ArchiveError('invalid', `Not a valid ${what}: ${msg.replace(/\.$/, '')} (line ${line}).`);
  }
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch (error) {
    throw new ArchiveError('invalid', `Not a valid ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const name = Object.keys(document).find((key) => !key.startsWith('#') && !key.startsWith('?'));
  if (!name) throw new ArchiveError('invalid', `Not a valid ${what}: the document has no root element.`);
  const root = document[name];
  // An empty root parses to '' rather than an object.
  return { root: isNode(root) ? root : {}, name, source: text };
}

/**
 * Internal DTD entities are what billion-laughs and XXE attacks are made of, and no real feed needs them:
 * refuse the document outright instead of trusting any parser's limits.
 */
function refuseEntityDeclarations(text: string): void {
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype < 0) return;
  const declarations = [...text.slice(doctype).matchAll(/<!ENTITY\s+(%\s*)?([^\s"'>]+)\s*(SYSTEM|PUBLIC)?/gi)];
  if (!declarations.length) return;
  const names = declarations.slice(0, 3).map((match) => match[2]!.slice(0, 40));
  const more = declarations.length > 3 ? ` and ${declarations.length - 3} more` : '';
  const external = declarations.some((match) => match[3]) ? ', some pointing at outside files or URLs' : '';
  throw new ArchiveError(
    'invalid',
    `The feed declares XML entities (${names.join(', ')}${more}${external}); refused to avoid an entity-expansion attack.`,
  );
}

/** The element's own source text, start tag to end tag. */
export function rawOf(node: unknown, source: string): string {
  const meta = isNode(node) ? (node[META] as { startIndex?: number; endIndex?: number } | undefined) : undefined;
  if (meta?.startIndex === undefined || meta.endIndex === undefined) return '';
  return source.slice(meta.startIndex, meta.endIndex);
}

/** What lies between the element's start and end tags, markup included. */
export function innerXml(node: unknown, source: string): string {
  const raw = rawOf(node, source);
  if (!raw) return textOf(node);
  const open = raw.indexOf('>');
  if (raw[open - 1] === '/') return '';
  const close = raw.lastIndexOf('</');
  return close > open ? raw.slice(open + 1, close).trim() : '';
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Every child element of that exact name (repeated elements parse to an array, single ones to a value). */
export function all(node: unknown, name: string): XmlNode[] {
  if (!isNode(node) || !Object.hasOwn(node, name)) return [];
  const value = node[name];
  return (Array.isArray(value) ? value : [value]).map((item) => (isNode(item) ? item : { '#text': item }));
}

export function child(node: unknown, name: string): XmlNode | undefined {
  return all(node, name)[0];
}

/** Module elements by local name whatever prefix the feed bound (dc:creator, content:encoded, atom:updated …). */
export function prefixed(node: unknown, local: string): XmlNode[] {
  if (!isNode(node)) return [];
  return Object.keys(node)
    .filter((key) => key.endsWith(`:${local}`) && !key.startsWith('@_'))
    .flatMap((key) => all(node, key));
}

export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (!isNode(node)) return typeof node === 'string' ? node.trim() : String(node);
  const text = node['#text'];
  if (text === undefined) return '';
  return (Array.isArray(text) ? text.join(' ') : String(text)).trim();
}

export function attr(node: unknown, name: string): string {
  if (!isNode(node)) return '';
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value.trim() : '';
}

/** The root element's name, skipping the prolog (declaration, comments, processing instructions, DOCTYPE). */
function rootName(text: string): string | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The prolog is short in any real document; a cap keeps sniffing cheap on anything.
  const limit = Math.min(text.length, 1 << 20);
  while (i < limit) {
    while (i < limit && /\s/.test(text[i]!)) i++;
    if (text[i] !== '<') return null;
    if (text.startsWith('<?', i)) i = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i);
    else if (text.startsWith('<!', i)) i = afterDoctype(text, i);
    else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
      return name ? name[1]! : null;
    }
    if (i < 0) return null;
  }
  return null;
}

function after(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

/** The end of <!DOCTYPE …>, stepping over its bracketed internal subset and any quoted literals in it. */
function afterDoctype(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from + 2; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  return -1;
}
