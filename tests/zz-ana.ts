import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { captureDocument } from '../core/capture/capture-document.ts';
const dir = '/work/shared/eval/extraction-dev';
const truth = Object.entries(JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8'))) as [string, { file: string; with: string[]; without: string[] }][];
const fold = (t: string) => t.replace(/\s+/g, ' ').trim();
const out: string[] = [];
for (const [url, page] of truth) {
  const bytes = gunzipSync(readFileSync(join(dir, 'pages', page.file + '.gz')));
  const [item] = captureDocument({ bytes, name: url, mediaType: 'text/html', method: 'url' }).items;
  if (!item?.ok) continue;
  const f = fold(item.article.text);
  const fps = page.without.filter((s) => f.includes(fold(s)));
  const fns = page.with.filter((s) => !f.includes(fold(s)));
  if (fps.length || fns.length) out.push(JSON.stringify({ file: page.file, fp: fps, fn: fns, len: f.length }));
}
writeFileSync('/tmp/ana/errors.jsonl', out.join('\n'));
