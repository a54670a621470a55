// Bytes to text: refuses binary files and decodes by BOM, declared charset (HTML prescan) or UTF-8.
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

/** HTML and XML: the encoding sniffing algorithm of the HTML standard (BOM, then <meta charset> or the XML declaration). */
export function decodeMarkup(bytes: Uint8Array, options: { xml?: boolean; declared?: string } = {}): Decoded {
  const encoding = sniffHtmlEncoding(bytes, {
    xml: options.xml ?? false,
    transportLayerEncodingLabel: options.declared,
    // Pages without a declaration today are almost always UTF-8, not the standard's windows-1252 guess.
    defaultEncoding: 'UTF-8',
  });
  return { text: decode(bytes, encoding), encoding };
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
