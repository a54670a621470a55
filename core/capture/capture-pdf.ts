// A PDF turned into an article candidate: its text layer in reading order, OCR for pages that have none, its metadata.
import { ArchiveError, toErrorBody } from '../errors.ts';
import { detectLanguage } from './language.ts';
import { finishCandidate, type CaptureRequest, type CaptureResult, type CandidateArticle } from './capture-document.ts';
import { resolveLanguages, type OcrEngine, type OcrPage } from './ocr.ts';
import { openPdf, type OpenedPdf } from './pdf-document.ts';
import { dropRunningHeads, linesOf, pagedText, paragraphsOf, Vocabulary, type Line } from './pdf-layout.ts';
import { pdfMetadata } from './pdf-metadata.ts';

/** At ~1 s a page, a longer scan would keep the import busy for more than five minutes. */
export const MAX_OCR_PAGES = 300;
/** A page with fewer letters and digits than this in its text layer is treated as a scan. */
const MIN_PAGE_CHARACTERS = 20;

export type PdfProgress = { page: number; pages: number; ocr: boolean };

export type PdfCaptureOptions = {
  ocr: OcrEngine;
  /** Tesseract language codes to read scans in (archive.json's settings.ocrLanguages). */
  ocrLanguages: string[];
  /** Told as each page is read, for the progress the UI polls. */
  onProgress?: (progress: PdfProgress) => void;
};

/** A page's lines: from its text layer (positioned), or from OCR (already in paragraphs). */
type PageLines = { lines: Line[]; ocrParagraph?: Map<Line, number> };

export async function capturePdf(request: CaptureRequest, options: PdfCaptureOptions): Promise<CaptureResult> {
  const { bytes, name } = request;
  const origin = request.origin ?? name;
  try {
    const pdf = await openPdf(bytes, name);
    try {
      const read = await readPages(pdf, name, options);
      const pages = dropRunningHeads(read.pages.map((p) => p.lines));
      const vocabulary = new Vocabulary(pages.flat());
      const paragraphs = pages.map((lines, i) => regroup(lines, read.pages[i]!));
      const { text, pageStarts } = pagedText(paragraphs, vocabulary);
      if (!text.trim()) throw new ArchiveError('invalid', noText(name, read));
      const metadata = pdfMetadata(pdf.metadata);
      const ocred = read.ocr.words > 0;
      const article: CandidateArticle = {
        ...finishCandidate({
          title: metadata.title || titleOf(paragraphs) || fileTitle(name),
          source: /^https?:\/\//i.test(origin) ? new URL(origin).hostname.replace(/^www\./, '') : '',
          url: /^https?:\/\//i.test(origin) ? origin : '',
          byline: metadata.byline,
          publishedAt: metadata.publishedAt,
          modifiedAt: metadata.modifiedAt,
          // A PDF's /Lang is often only its authoring tool's default: the text says more.
          language: detectLanguage(text) || metadata.language,
          text,
          html: '',
        }),
        extraction: ocred ? 'ocr' : 'pdf',
        ocrConfidence: ocred ? Math.round((read.ocr.confidence / read.ocr.words) * 1000) / 1000 : null,
        pageStarts,
      };
      return {
        items: [
          {
            ok: true,
            item: name,
            article,
            ...(read.warning ? { warning: read.warning } : {}),
            capture: {
              bytes,
              mediaType: 'application/pdf',
              encoding: '',
              extension: '.pdf',
              method: request.method,
              origin,
              producer: metadata.producer,
              ocrLanguages: ocred ? read.ocr.languages : [],
            },
          },
        ],
        feedUrls: [],
      };
    } finally {
      await pdf.close();
    }
  } catch (error) {
    return { items: [{ ok: false, item: name, error: toErrorBody(error).message }], feedUrls: [] };
  }
}

type ReadPages = {
  pages: PageLines[];
  ocr: { pages: number; words: number; confidence: number; languages: string[] };
  missing: string[];
  warning: string | null;
};

/** Every page's text layer, then OCR for the pages that have none (scans), one document at a time. */
async function readPages(pdf: OpenedPdf, name: string, options: PdfCaptureOptions): Promise<ReadPages> {
  const pages: PageLines[] = [];
  const scanned: number[] = [];
  for (let n = 1; n <= pdf.pages; n++) {
    options.onProgress?.({ page: n, pages: pdf.pages, ocr: false });
    const lines = linesOf(await pdf.textRuns(n));
    pages.push({ lines });
    if (!hasText(lines)) scanned.push(n);
  }
  const { languages, missing } = resolveLanguages(options.ocrLanguages);
  const ocr = { pages: scanned.length, words: 0, confidence: 0, languages };
  const missingNote = missing.length
    ? `No OCR language data installed for ${missing.join(', ')} (the npm packages @tesseract.js-data/${missing.join(', @tesseract.js-data/')}).`
    : null;
  if (!scanned.length) return { pages, ocr, missing, warning: null };
  if (scanned.length > MAX_OCR_PAGES)
    throw new ArchiveError(
      'too_large',
      `${name} has ${scanned.length} scanned pages; Newsdesk reads up to ${MAX_OCR_PAGES} pages of a scan per file. Split it (e.g. qpdf --split-pages) and import the parts.`,
    );
  if (!languages.length) {
    const hasSome = pages.some((p) => p.lines.length);
    if (!hasSome)
      throw new ArchiveError('unavailable', `${name} is a scan (no text layer) and cannot be OCR'd: ${missingNote}`);
    return { pages, ocr, missing, warning: `${scanned.length} scanned page(s) were not OCR'd. ${missingNote}` };
  }
  await options.ocr.session(languages, async (session) => {
    for (const [i, n] of scanned.entries()) {
      options.onProgress?.({ page: i + 1, pages: scanned.length, ocr: true });
      const page: OcrPage = await session.recognize(await pdf.render(n));
      pages[n - 1] = ocrLines(page);
      ocr.words += page.words;
      ocr.confidence += page.confidence * page.words;
    }
  });
  return { pages, ocr, missing, warning: missingNote && `Read with OCR in ${languages.join(', ')}. ${missingNote}` };
}

/** Letters and digits enough, and not mostly unmapped glyphs (fonts without a Unicode map give private-use codes). */
function hasText(lines: Line[]): boolean {
  const all = lines.map((l) => l.text).join('');
  const good = all.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  // eslint-disable-next-line no-control-regex
  const junk = all.match(/[\uFFFD\uE000-\uF8FF\u0000-\u0008]/gu)?.length ?? 0;
  return good >= MIN_PAGE_CHARACTERS && junk < good;
}

function ocrLines(page: OcrPage): PageLines {
  const lines: Line[] = [];
  const ocrParagraph = new Map<Line, number>();
  page.paragraphs.forEach((paragraph, index) => {
    for (const text of paragraph) {
      const line = { text, left: 0, right: 0, y: 0, h: 0 };
      lines.push(line);
      ocrParagraph.set(line, index);
    }
  });
  return { lines, ocrParagraph };
}

/** A page's remaining lines as paragraphs: by layout for a text layer, as Tesseract found them for a scan. */
function regroup(lines: Line[], page: PageLines): Line[][] {
  if (!page.ocrParagraph) return paragraphsOf(lines);
  const groups = new Map<number, Line[]>();
  for (const line of lines) {
    const index = page.ocrParagraph.get(line)!;
    groups.set(index, [...(groups.get(index) ?? []), line]);
  }
  return [...groups.values()];
}

/** Without a title in the metadata: page 1's largest line, when it stands out from the text and is short. */
function titleOf(pages: Line[][][]): string {
  const lines = (pages[0] ?? []).flat().filter((l) => /\p{L}{3}/u.test(l.text) && l.text.length <= 200);
  if (!lines.length) return '';
  const sizes = lines.map((l) => l.h).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  const largest = lines.reduce((a, b) => (b.h > a.h ? b : a));
  if (largest.h > median * 1.2) return largest.text;
  const first = lines[0]!.text;
  return first.length <= 120 ? first : '';
}

function fileTitle(name: string): string {
  const base = decodeURIComponent(name.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? name);
  return (
    base
      .replace(/\.pdf$/i, '')
      .replace(/[_-]+/g, ' ')
      .trim() || 'Untitled PDF'
  );
}

function noText(name: string, read: ReadPages): string {
  if (read.ocr.pages) return `${name}: OCR found no text on its ${read.ocr.pages} scanned page(s). Nothing was saved.`;
  return `${name} has no text on any of its ${read.pages.length} page(s). Nothing was saved.`;
}
