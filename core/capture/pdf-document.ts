// Opening a PDF with pdf.js (legacy build, in this thread: no worker to fetch) and reading each page's text runs or pixels.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type * as Canvas from '@napi-rs/canvas';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ArchiveError } from '../errors.ts';
import type { TextRun } from './pdf-layout.ts';
import type { PdfMetadataSource } from './pdf-metadata.ts';

/** Longer documents are refused: a report or a court file, not a book scan (and pageStarts stays small). */
export const MAX_PDF_PAGES = 2000;
/** Pages are drawn at this resolution for OCR: Tesseract reads body text best from about 200 dpi up. */
const OCR_DPI = 200;
/** …but never wider or taller than this (a poster-sized page would need a huge canvas). */
const MAX_RENDER_SIDE = 4000;

const require = createRequire(import.meta.url);
type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is loaded on the first PDF (1.5 MB of script the start-up does not need). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((error: Error) => {
    pdfjs = null;
    throw new ArchiveError(
      'unavailable',
      `PDFs cannot be read here: pdf.js did not load (${error.message}). It needs Node 22.13 or later (this is ${process.version}).`,
    );
  });
  return pdfjs;
}

/** pdf.js's data folders (CMaps for CJK fonts, the standard fonts, JBIG2/JPEG 2000 decoders), read from disk. */
function dataDir(name: string): string {
  return join(dirname(require.resolve('pdfjs-dist/package.json')), name) + sep;
}

export type OpenedPdf = {
  pages: number;
  metadata: PdfMetadataSource;
  /** Page `n` (from 1): its text runs in drawing order, in reading coordinates (rotation applied, y up). */
  textRuns(n: number): Promise<TextRun[]>;
  /** Page `n` drawn as a PNG at OCR resolution. */
  render(n: number): Promise<Uint8Array>;
  close(): Promise<void>;
};

export async function openPdf(bytes: Uint8Array, name: string): Promise<OpenedPdf> {
  assertComplete(bytes, name);
  const { getDocument } = await loadPdfJs();
  let doc: PDFDocumentProxy;
  const task = getDocument({
    // A copy: pdf.js takes ownership of the buffer, and the original bytes are kept as evidence.
    data: new Uint8Array(bytes),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    wasmUrl: dataDir('wasm'),
    iccUrl: dataDir('iccs'),
    // Fonts are drawn from the document's own data (pdf.js 6 generates no code from them), never the system's.
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    // An image over 100 megapixels is skipped rather than decoded into gigabytes.
    maxImageSize: 100_000_000,
    verbosity: 0,
  });
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw unreadable(error, name);
  }
  if (doc.numPages > MAX_PDF_PAGES) {
    await task.destroy();
    throw new ArchiveError(
      'too_large',
      `${name} has ${doc.numPages} pages; Newsdesk imports PDFs of up to ${MAX_PDF_PAGES} pages. Split it (e.g. qpdf --split-pages) and import the parts.`,
    );
  }
  const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const page = async <T>(n: number, read: (page: PDFPageProxy) => Promise<T>): Promise<T> => {
    const proxy = await doc.getPage(n);
    try {
      return await read(proxy);
    } catch (error) {
      throw new ArchiveError('invalid', `${name}: page ${n} could not be read (${(error as Error).message}).`);
    } finally {
      proxy.cleanup();
    }
  };
  return {
    pages: doc.numPages,
    metadata: { info: info as Record<string, unknown>, xmp: metadata },
    textRuns: (n) => page(n, readRuns),
    render: (n) => page(n, renderPage),
    close: () => task.destroy(),
  };
}

async function readRuns(page: PDFPageProxy): Promise<TextRun[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    const [a, b, , , e, f] = item.transform as number[];
    // Into the page as it is shown (its /Rotate applied); device y grows downwards, the layout's upwards.
    const [x, y] = viewport.convertToViewportPoint(e!, f!) as [number, number];
    runs.push({ str: item.str, x, y: -y, w: item.width, h: item.height || Math.hypot(a!, b!) });
  }
  return runs;
}

async function renderPage(page: PDFPageProxy): Promise<Uint8Array> {
  const { createCanvas } = loadCanvas();
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(OCR_DPI / 72, MAX_RENDER_SIDE / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  // Scans with transparent areas would come out black on a transparent canvas.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: '#ffffff' }).promise;
  return canvas.toBuffer('image/png');
}

/** @napi-rs/canvas ships its native binary inside the npm package for each platform (no download step). */
function loadCanvas(): typeof Canvas {
  try {
    return require('@napi-rs/canvas') as typeof Canvas;
  } catch (error) {
    throw new ArchiveError(
      'unavailable',
      `Scanned PDFs cannot be read here: the page renderer (@napi-rs/canvas) did not load for ${process.platform}-${process.arch} (${(error as Error).message}).`,
    );
  }
}

/** A file cut short (an interrupted download) has no end-of-file marker; pdf.js would guess at what is left. */
function assertComplete(bytes: Uint8Array, name: string): void {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 16_384))).toString('latin1');
  if (!tail.includes('%%EOF'))
    throw new ArchiveError(
      'invalid',
      `${name} is an incomplete PDF: it stops before its end-of-file marker (cut off while downloading or copying?). Nothing was saved; get the whole file again.`,
    );
}

function unreadable(error: unknown, name: string): ArchiveError {
  const { name: kind, message } = error as Error;
  if (kind === 'PasswordException')
    return new ArchiveError(
      'invalid',
      `${name} is protected by a password, so its text cannot be read. Nothing was saved; open it with the password and save or print an unprotected copy, then import that.`,
    );
  if (kind === 'InvalidPDFException')
    return new ArchiveError('invalid', `${name} is not a readable PDF (${message}). Nothing was saved.`);
  return new ArchiveError('invalid', `${name} could not be read as a PDF (${message}). Nothing was saved.`);
}
