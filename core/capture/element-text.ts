// Text as a reader sees it: spaces where blocks meet ("Open Progress<br>Why…" is not "Open ProgressWhy…"), entities decoded.

const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'CITE',
  'CODE',
  'EM',
  'FONT',
  'I',
  'MARK',
  'Q',
  'RB',
  'RUBY',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
]);

/**
 * textContent with a space around every element that is not inline formatting, and around those that `apart`
 * picks (kicker spans in a headline); elements that `skip` picks are left out.
 */
export function spacedText(
  node: Node,
  options: { apart?: (element: Element) => boolean; skip?: (element: Element) => boolean } = {},
): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      // Ruby annotations (furigana) are a reading aid, not words of the text.
      if (options.skip?.(element) || /^(RT|RP)$/i.test(element.tagName)) continue;
      const inner = spacedText(element, options);
      text += INLINE.has(element.tagName.toUpperCase()) && !options.apart?.(element) ? inner : ` ${inner} `;
    }
  }
  return text;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  bull: '•',
  middot: '·',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
};

/** Entities left in an attribute or JSON string by double escaping ("Tom &amp;amp; Jerry", "&#8216;"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
