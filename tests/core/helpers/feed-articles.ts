// Articles saved the way a subscription's refresh saves them (unread, with their feed), straight through the store.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UNREAD } from '../../../core/model.ts';
import { ArticleStore } from '../../../core/store/article-store.ts';
import { Catalog } from '../../../core/store/catalog.ts';
import { openRegistry, RegistryStore } from '../../../core/store/registry-file.ts';

/** Saves the way a subscription's refresh will: through the store, unread, with its feed. */
export async function saveFromFeed(
  dir: string,
  items: { title: string; feed: string; sub: string }[],
): Promise<string[]> {
  await mkdir(join(dir, 'index'), { recursive: true });
  const registry = new RegistryStore(await openRegistry(dir, []));
  const store = new ArticleStore(dir, (await Catalog.load(dir)) ?? Catalog.empty(dir), registry);
  const ids: string[] = [];
  for (const [i, item] of items.entries()) {
    const saved = await store.saveNew({
      title: item.title,
      text: `${item.title}: the text of a feed item number ${i}.`,
      source: item.feed,
      url: '',
      byline: '',
      publishedAt: null,
      language: 'en',
      notes: '',
      tags: [],
      reading: UNREAD,
      feed: { subscriptionId: item.sub, guid: `guid-${i}`, title: item.feed },
      provenance: { method: 'feed', sha256: '0'.repeat(64), bytes: 10 },
    });
    ids.push(saved.id);
    // Distinct capture times, so "newest first" has one answer.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await store.close();
  return ids;
}
