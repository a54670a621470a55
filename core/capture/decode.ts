// Bytes to text: refuses binary files; pages by BOM, then bytes that are UTF-8, then the declared charset, then detection.
import { analyse } from 'chardet';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { ArchiveError } from '../errors.ts';

/** Magic numbers of files people drop by mistake; named so the error says what the file really is. */
const MAGIC: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a WebP or RIFF file', [0x52, 0x49, 0x46, 0x46]],
];

export type Decoded = { text: string; encoding: string };

/** Throws a clear `invalid` error for empty or binary input. */
export function assertTextual(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new ArchiveError('invalid', `${name} is empty.`);
  for (const [what, magic] of MAGIC) {
    if (magic.every((byte, i) => bytes[i] === byte))
      throw new ArchiveError('invalid', `${name} is ${what}, not a page or a text.`);
  }
  const head = bytes.subarray(0, 8192);
  // UTF-16 text has NULs too, but then it starts with a BOM.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) throw new ArchiveError('invalid', `${name} is a binary file, not a page or a text.`);
}

/**
 * HTML and XML, in this order of trust:
 * 1. a byte order mark;
 * 2. bytes that are valid UTF-8 with at least one multi-byte sequence are UTF-8, whatever the page declares:
 *    legacy text practically never forms valid multi-byte sequences, and saved or re-encoded pages often keep
 *    the original `<meta charset=gb2312>`; plain ASCII is UTF-8 too (every encoding a page may declare reads it
 *    the same, but 7-bit ISO-2022-JP, recognised by its escapes);
 * 3. the declarations: the transport's charset, then each `<meta>` (or the XML declaration) in document order,
 *    past the standard's first 1,024 bytes too (browsers re-decode on a late `<meta>`); a declared UTF-8 that
 *    the bytes mostly contradict is skipped for the next declaration (a web archive's wrapper says UTF-8 over
 *    the archived page's GB2312);
 * 4. detection (chardet, ICU's detectors) for non-UTF-8 bytes that declare nothing usable; mostly-UTF-8 bytes
 *    with a stray invalid byte stay UTF-8; windows-1252, the standard's fallback, when detection has no answer.
 */
export function decodeMarkup(bytes: Uint8Array, options: { xml?: boolean; declared?: string } = {}): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decode(bytes, bom), encoding: bom };
  let valid: string | null = null;
  try {
    valid = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: how far from it decides below.
  }
  // Multi-byte sequences make the text shorter than its bytes: valid UTF-8 that is not plain ASCII. Plain ASCII
  // reads the same in every encoding a page may declare but ISO-2022-JP, whose escapes (ESC) detection knows.
  if (valid !== null && (valid.length < bytes.length || !bytes.includes(0x1b)))
    return { text: valid, encoding: 'UTF-8' };
  const encoding = declaredOrDetected(bytes, options.xml ?? false, options.declared, valid !== null);
  return { text: encoding === 'UTF-8' && valid !== null ? valid : decode(bytes, encoding), encoding };
}

function declaredOrDetected(bytes: Uint8Array, xml: boolean, declared: string | undefined, ascii: boolean): string {
  const utf8 = ascii ? { sequences: 0, errors: 0 } : utf8Shape(bytes);
  for (const label of [declared, ...declarations(bytes, xml)]) {
    const name = label === undefined ? null : encodingName(label);
    if (!name) continue;
    if (name !== 'UTF-8' || ascii || mostlyUtf8(utf8)) return name;
  }
  // Plain ASCII is UTF-8 (unless it has the escapes of ISO-2022-JP, which detection knows).
  if (ascii && !bytes.includes(0x1b)) return 'UTF-8';
  if (mostlyUtf8(utf8)) return 'UTF-8';
  return detectEncoding(bytes) ?? (ascii ? 'UTF-8' : 'windows-1252');
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}

type Utf8Shape = { sequences: number; errors: number };

/** Counts well-formed multi-byte sequences and invalid bytes, as a UTF-8 decoder would meet them. */
export function utf8Shape(bytes: Uint8Array): Utf8Shape {
  let sequences = 0;
  let errors = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or > U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const byte = bytes[i + k]!;
      ok = k === 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xbf;
    }
    if (ok) {
      sequences++;
      i += length;
    } else {
      errors++;
      i++;
    }
  }
  return { sequences, errors };
}

/** UTF-8 with a stray byte or two (a pasted Latin-1 fragment, a cut-off sequence) rather than a legacy page. */
function mostlyUtf8({ sequences, errors }: Utf8Shape): boolean {
  return sequences > 0 && errors * 10 <= sequences;
}

/** Charset labels the page declares, in document order: `<meta>` (prescanned as the standard says, then further), or the XML declaration. */
function declarations(bytes: Uint8Array, xml: boolean): string[] {
  const head = new TextDecoder('latin1').decode(bytes);
  if (xml) {
    const label = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
    return label ? [label] : [];
  }
  const found: string[] = [];
  const prescanned = sniffHtmlEncoding(bytes.subarray(0, 1024), { defaultEncoding: '' });
  if (prescanned) found.push(prescanned);
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const [meta] of withoutComments.matchAll(/<meta\b[^>]*>/gi)) {
    const label = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)?.[1];
    if (label) found.push(label);
  }
  return found;
}

/** The WHATWG name of an encoding label this runtime can decode, or null; UTF-16 in markup means UTF-8 (the standard's rule). */
export function encodingName(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
  if (name.startsWith('utf-16') || name === 'utf-8') return 'UTF-8';
  if (name === 'x-user-defined') return 'windows-1252';
  return CANONICAL[name] ?? name;
}

/** TextDecoder reports lower-case names; the standard (and the captures already stored) spell some otherwise. */
const CANONICAL: Record<string, string> = {
  ibm866: 'IBM866',
  'koi8-r': 'KOI8-R',
  'koi8-u': 'KOI8-U',
  gbk: 'GBK',
  big5: 'Big5',
  'euc-jp': 'EUC-JP',
  'euc-kr': 'EUC-KR',
  'iso-2022-jp': 'ISO-2022-JP',
  shift_jis: 'Shift_JIS',
  ...Object.fromEntries([2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16].map((n) => [`iso-8859-${n}`, `ISO-8859-${n}`])),
  'iso-8859-8-i': 'ISO-8859-8-I',
};

/**
 * chardet's best guess that this runtime can decode, on the text between tags (markup is ASCII and
 * would dilute the statistics); null when it has none.
 */
function detectEncoding(bytes: Uint8Array): string | null {
  const sample = textBetweenTags(bytes.subarray(0, 256 * 1024));
  for (const match of analyse(sample)) {
    const name = encodingName(match.name);
    if (name && name !== 'UTF-8' && match.confidence >= 10) return name;
  }
  return null;
}

function textBetweenTags(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let inTag = false;
  for (const byte of bytes) {
    if (byte === 0x3c) inTag = true;
    else if (byte === 0x3e && inTag) {
      inTag = false;
      out[length++] = 0x20;
    } else if (!inTag) out[length++] = byte;
  }
  return out.subarray(0, length);
}

/** Plain text and Markdown: a BOM, else UTF-8, else (invalid UTF-8) windows-1252. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes, 'UTF-16LE'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes, 'UTF-16BE'), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}

function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    throw new ArchiveError('invalid', `The text is in ${encoding}, an encoding this build cannot decode.`);
  }
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(mediaType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(mediaType ?? '')?.[1];
}
