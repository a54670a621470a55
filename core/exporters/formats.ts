// Every export format: its file extension, media type and writer.
import { ArchiveError } from '../errors.ts';
import type { CsvTable, ExportFormat } from '../model.ts';
import { bundle } from './bundle-writer.ts';
import { claimReviews } from './claim-review.ts';
import { cslJson } from './csl-json.ts';
import { csvTable } from './csv-tables.ts';
import type { ExportSource } from './export-source.ts';
import { ftmEntities } from './ftm-entities.ts';
import { htmlReport } from './report-html.ts';
import { markdownReport } from './report-markdown.ts';
import { webAnnotations } from './web-annotations.ts';
import { zipStream } from './zip-writer.ts';

export type FormatWriter = {
  extension: string;
  mediaType: string;
  write(source: ExportSource): AsyncIterable<string | Uint8Array>;
};

const TABLES: CsvTable[] = ['articles', 'mentions', 'entities', 'claims'];

/** Prints an HTML document to PDF (the desktop app's Chromium does it; nothing in Node can). */
export type PdfPrinter = (html: AsyncIterable<string | Uint8Array>) => AsyncIterable<Uint8Array>;

/** The writer for a format; CSV is one table, or all four as one zip. */
export function formatWriter(format: ExportFormat, table?: CsvTable, printPdf?: PdfPrinter): FormatWriter {
  switch (format) {
    case 'pdf':
      if (!printPdf)
        throw new ArchiveError(
          'invalid',
          'PDF is printed by the desktop app. Here, export the HTML report and print it to PDF from the browser.',
        );
      return { extension: '.pdf', mediaType: 'application/pdf', write: (s) => printPdf(htmlReport(s)) };
    case 'bundle':
      return { extension: '.newsdesk.zip', mediaType: 'application/zip', write: bundle };
    case 'csv':
      return table
        ? { extension: `.${table}.csv`, mediaType: 'text/csv; charset=utf-8', write: (s) => csvTable(s, table) }
        : {
            extension: '.csv.zip',
            mediaType: 'application/zip',
            write: (s) =>
              zipStream(async (zip) => {
                for (const t of TABLES) await zip.add(`${t}.csv`, csvTable(s, t));
                await zip.end();
              }),
          };
    case 'markdown':
      return { extension: '.md', mediaType: 'text/markdown; charset=utf-8', write: markdownReport };
    case 'html':
      return { extension: '.html', mediaType: 'text/html; charset=utf-8', write: htmlReport };
    case 'annotations':
      return { extension: '.annotations.jsonld', mediaType: 'application/ld+json', write: webAnnotations };
    case 'csl':
      return { extension: '.csl.json', mediaType: 'application/vnd.citationstyles.csl+json', write: cslJson };
    case 'ftm':
      return { extension: '.ftm.jsonl', mediaType: 'application/x-ndjson', write: ftmEntities };
    case 'claimreview':
      return { extension: '.claimreview.jsonld', mediaType: 'application/ld+json', write: claimReviews };
  }
}
