// A PDF's own metadata (the Info dictionary and the XMP packet) as an article's title, byline, dates and producer.
import { clipText } from '../common/clip-text.ts';

/** What pdf.js's getMetadata() gives: the Info dictionary's entries, and the XMP packet when there is one. */
export type PdfMetadataSource = {
  info: Record<string, unknown>;
  xmp: { get(name: string): unknown } | null;
};

export type PdfMetadata = {
  title: string;
  byline: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  /** The program that made the PDF, and the one it was made from when it says ("Skia/PDF m156 (from Chromium)"). */
  producer: string;
  language: string;
};

/** Titles that name a file or a template, not the document. */
const JUNK_TITLE =
  /^(untitled|sans titre|document\d*|microsoft (word|powerpoint|excel) - .*|.*\.(docx?|pdf|xlsx?|pptx?|rtf|odt|indd|qxp|tmp|html?|txt|jpe?g|png|tiff?))$/i;

export function pdfMetadata({ info, xmp }: PdfMetadataSource): PdfMetadata {
  const infoText = (key: string) => clean(info[key]);
  const xmpText = (key: string) => clean(xmp?.get(key));
  const title = [infoText('Title'), xmpText('dc:title')].find((t) => t && !JUNK_TITLE.test(t)) ?? '';
  const producer = infoText('Producer') || xmpText('pdf:producer');
  const creator = infoText('Creator') || xmpText('xmp:creatortool');
  return {
    title,
    byline: infoText('Author') || xmpText('dc:creator'),
    publishedAt: pdfDate(infoText('CreationDate')) ?? isoDate(xmpText('xmp:createdate')),
    modifiedAt: pdfDate(infoText('ModDate')) ?? isoDate(xmpText('xmp:modifydate')),
    producer: clipText(
      [producer, creator && creator !== producer ? `(from ${shortCreator(creator)})` : ''].filter(Boolean).join(' '),
      300,
    ),
    language: infoText('Language') || xmpText('dc:language'),
  };
}

/** A browser's whole user-agent string as a creator says little more than its product token. */
function shortCreator(creator: string): string {
  const browser = /\b(HeadlessChrome|Chrome|Chromium|Firefox|Safari)\/[\d.]+/.exec(creator);
  return /^Mozilla\/5\.0/.test(creator) && browser ? browser[0] : creator;
}

function clean(value: unknown): string {
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? value : '';
  // Strip controls and the NULs some producers pad with; collapse spaces.
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\ufeff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * "D:20240314101500+01'00'" as ISO 8601 with its offset; a date with a time but no zone keeps only its
 * day (its local time is unknown), as for pages.
 */
export function pdfDate(value: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-])?(\d{2})?'?(\d{2})?'?/.exec(value);
  if (!m) return null;
  const [, year, month = '01', day = '01', hour, minute = '00', second = '00', sign, zh = '00', zm = '00'] = m;
  const date = `${year}-${month}-${day}`;
  if (!validDay(date)) return null;
  if (!hour || !sign) return date;
  const zone = sign === 'Z' ? 'Z' : `${sign}${zh}:${zm}`;
  return `${date}T${hour}:${minute}:${second}${zone}`;
}

/** An XMP date (ISO 8601, perhaps without seconds or zone) kept as precise as it is known. */
function isoDate(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!m || !validDay(m[1]!)) return null;
  const [, date, time, seconds = ':00', zone] = m;
  return time && zone ? `${date}T${time}${seconds}${zone}` : date!;
}

function validDay(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) && date >= '1990-01-01';
}
