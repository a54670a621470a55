// `npm run bench:pdf -- [--runs N] [FILE.pdf …]`: reads PDFs as the importer does (no store); prints pages/s of text layers and seconds per OCR'd page.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { capturePdf } from '../core/capture/capture-pdf.ts';
import { OcrEngine } from '../core/capture/ocr.ts';
import { DEFAULT_OCR_LANGUAGES } from '../core/model.ts';

const FIXTURES = join(import.meta.dirname, '../tests/fixtures/capture/pdf');
const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, languages: { type: 'string' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const files = positionals.length
  ? positionals
  : ['flash-update.pdf', 'scan-en.pdf', 'scan-ar.pdf'].map((name) => join(FIXTURES, name));
const ocrLanguages = values.languages?.split(',') ?? [...DEFAULT_OCR_LANGUAGES];
console.log(`PDF benchmark: ${runs} runs a file, OCR in ${ocrLanguages.join('+')} (node ${process.version})`);

const ocr = new OcrEngine();
// The first scan starts the Tesseract worker (its WebAssembly and language data): timed on its own.
const warm = performance.now();
await ocr.session(ocrLanguages, async () => {});
console.log(`OCR worker start: ${((performance.now() - warm) / 1000).toFixed(2)} s`);

for (const file of files) {
  const bytes = await readFile(file);
  const times: number[] = [];
  let pages = 0;
  let ocred = false;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const [item] = (await capturePdf({ bytes, name: basename(file), method: 'file' }, { ocr, ocrLanguages })).items;
    times.push(performance.now() - started);
    if (!item?.ok) throw new Error(`${file}: ${item?.error}`);
    pages = item.article.pageStarts?.length ?? 0;
    ocred = item.article.extraction === 'ocr';
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]! / 1000;
  console.log(
    `${basename(file).padEnd(24)} ${String(pages).padStart(4)} pages  ${ocred ? 'OCR ' : 'text'}  median ${median.toFixed(2)} s  ->  ` +
      (ocred ? `${(median / pages).toFixed(2)} s a page` : `${(pages / median).toFixed(0)} pages/s`),
  );
}
await ocr.close();
