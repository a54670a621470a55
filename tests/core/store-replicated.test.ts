// ArticleStore.putReplicated (a pulled article over one here): the files beside it are replaced only once the write is allowed, inside the article's own queue.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { UNREAD } from '../../core/model.ts';
import { ArticleStore, sha256 } from '../../core/store/article-store.ts';
import { Catalog } from '../../core/store/catalog.ts';
import { openRegistry, RegistryStore } from '../../core/store/registry-file.ts';
import { defer, tempDir } from './helpers/temp-dir.ts';

async function storeIn(dir: string): Promise<ArticleStore> {
  await mkdir(join(dir, 'index'), { recursive: true });
  const registry = new RegistryStore(await openRegistry(dir, []));
  return new ArticleStore(dir, (await Catalog.load(dir)) ?? Catalog.empty(dir), registry);
}

test('a pulled article refused because it changed here meanwhile leaves the files beside it as they were', async (t) => {
  const dir = await tempDir(t);
  const store = await storeIn(dir);
  defer(t, () => store.close());
  const original = Buffer.from('<p>Convoys reached Karovsk on Thursday.</p>');
  const saved = await store.saveNew(
    {
      title: 'Convoys',
      text: 'Convoys reached Karovsk on Thursday.',
      source: '',
      url: '',
      byline: '',
      publishedAt: null,
      language: 'en',
      notes: '',
      tags: [],
      reading: UNREAD,
      provenance: { method: 'file', sha256: sha256(original), bytes: original.length, mediaType: 'text/html' },
    },
    { bytes: original, extension: '.html' },
  );
  const name = saved.provenance.attachment!;
  const other = Buffer.from('<p>Another version of the page.</p>');
  const incoming = { ...saved, provenance: { ...saved.provenance, sha256: sha256(other), bytes: other.length } };
  await assert.rejects(
    store.putReplicated(incoming, [{ name, bytes: other }], () => {
      throw new Error('changed here during the sync');
    }),
    /changed here during the sync/,
  );
  assert.deepEqual(await readFile(store.pathBeside(saved.id, name)), original, 'the file beside it is untouched');
  const folder = join(store.pathBeside(saved.id, name), '..');
  assert.deepEqual(
    (await readdir(folder)).filter((file) => file.endsWith('.tmp')),
    [],
    'nothing left behind',
  );

  // Allowed, the file and the article change together.
  const written = await store.putReplicated(incoming, [{ name, bytes: other }]);
  assert.equal(written.provenance.sha256, sha256(other));
  assert.deepEqual(await readFile(store.pathBeside(saved.id, name)), other);
});
