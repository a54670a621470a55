// A Newsdesk bundle in, from a path (the CLI) or uploaded bytes (the UI): verified whole by the reader, then merged.
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BundleImportReport } from '../model.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { INDEX_DIR } from '../store/catalog.ts';
import { tempFileFor } from '../store/durable-write.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { mergeBundle } from './bundle-import.ts';
import { openBundle } from './bundle-reader.ts';

export class BundleService {
  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
  ) {}

  /** yauzl reads a zip by random access: the upload goes to a temp file in the derived folder first (removed at the next open if a kill leaves it). */
  async fromBase64(data: string): Promise<BundleImportReport> {
    const temp = tempFileFor(join(this.store.dataDir, INDEX_DIR, 'bundle.zip'));
    try {
      await writeFile(temp, Buffer.from(data, 'base64'), { flag: 'wx' });
      return await this.fromFile(temp);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async fromFile(path: string): Promise<BundleImportReport> {
    const bundle = await openBundle(resolve(path), this.store.dataDir);
    try {
      return await mergeBundle(this.store, this.registry, bundle);
    } finally {
      bundle.close();
    }
  }
}
