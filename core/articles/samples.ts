// The sample articles shipped with the app, loaded on request through the importer (so they dedupe and form stories like real ones).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHIPPED_SAMPLES } from '../app-info.ts';
import type { CapturedItem } from '../capture/capture-document.ts';
import type { Importer } from '../capture/importer.ts';
import { findDateline, findWireCredits } from '../capture/wire-credits.ts';
import { ArchiveError, describeIssues } from '../errors.ts';
import { ArticleInput } from '../model.ts';
import { titleFromText } from '../capture/text-lead.ts';

export class SampleLoader {
  constructor(
    private readonly importer: Importer,
    private readonly samplesDir: string = SHIPPED_SAMPLES,
  ) {}

  /** Adds the samples not already there; the syndicated pair among them forms a story, as it would for real articles. */
  async load(): Promise<{ added: number }> {
    const items: CapturedItem[] = [];
    for (const name of (await readdir(this.samplesDir)).filter((n) => n.endsWith('.json')).sort()) {
      const bytes = await readFile(join(this.samplesDir, name));
      const fields = ArticleInput.safeParse(JSON.parse(bytes.toString('utf8')));
      // A shipped file, not an argument: no issues for a form to mark.
      if (!fields.success) throw new ArchiveError('invalid', `sample ${name}: ${describeIssues(fields.error)}`);
      items.push(sampleItem(name, fields.data, bytes));
    }
    const results = await this.importer.fromItems(items);
    return { added: results.filter((r) => r.status === 'saved').length };
  }
}

function sampleItem(name: string, fields: ArticleInput & { text: string }, bytes: Uint8Array): CapturedItem {
  const { text } = fields;
  return {
    ok: true,
    item: name,
    article: {
      title: fields.title ?? titleFromText(text),
      source: fields.source ?? '',
      url: fields.url ?? '',
      byline: fields.byline ?? '',
      publishedAt: fields.publishedAt ?? null,
      modifiedAt: null,
      language: fields.language ?? '',
      text,
      html: '',
      dateline: findDateline(text),
      wireCredits: findWireCredits(text, fields.byline ?? ''),
    },
    capture: {
      bytes,
      mediaType: 'application/json',
      encoding: 'UTF-8',
      extension: '.sample',
      method: 'sample',
      origin: name,
    },
  };
}
