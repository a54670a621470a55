// renderer/exports/export-scopes.ts: the export dialog offers what is on screen first, then the article, the collections and the library.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectionSummary } from '../../core/model.ts';
import { exportScopes } from '../../renderer/exports/export-scopes.ts';

const collection = (
  id: string,
  name: string,
  articles: number | null,
  query: string | null = null,
): CollectionSummary => ({
  id,
  name,
  description: '',
  query,
  createdAt: '2024-11-29T10:00:00.000Z',
  updatedAt: '2024-11-29T10:00:00.000Z',
  articles,
});
const WEEKLY = collection('col_weekly0001', 'Weekly report', 12);
const SMART = collection('col_smart00001', 'Karovsk', null, 'entity:Karovsk');
const ARTICLE = { id: 'art_1', title: 'Aid convoy turned back', deletedAt: null };

test('in the search results, the results come first, under the trimmed query', () => {
  const scopes = exportScopes({
    section: 'search',
    query: '  karovsk port ',
    listed: undefined,
    article: ARTICLE,
    collections: [WEEKLY],
  });
  assert.deepEqual(
    scopes.map((s) => s.key),
    ['search', 'article', WEEKLY.id, 'library'],
  );
  assert.deepEqual(scopes[0]!.scope, { query: 'karovsk port' });
  assert.equal(scopes[0]!.label, 'The search results for “karovsk port”');
});

test('a blank query offers no search scope', () => {
  const scopes = exportScopes({ section: 'search', query: '   ', listed: undefined, article: null, collections: [] });
  assert.deepEqual(
    scopes.map((s) => s.key),
    ['library'],
  );
});

test('a listed collection comes first with its size, and is not offered twice', () => {
  const scopes = exportScopes({
    section: 'library',
    query: '',
    listed: WEEKLY,
    article: ARTICLE,
    collections: [WEEKLY, SMART],
  });
  assert.deepEqual(
    scopes.map((s) => s.key),
    ['collection', 'article', SMART.id, 'library'],
  );
  assert.equal(scopes[0]!.label, 'The collection “Weekly report” (12 articles)');
  assert.deepEqual(scopes[0]!.scope, { collectionId: WEEKLY.id });
  assert.deepEqual(scopes[1]!.scope, { articleIds: [ARTICLE.id] });
  assert.deepEqual(scopes.at(-1)!.scope, { library: true });
});

test('outside the library the listed collection is not put first, and a trashed article is not offered', () => {
  const keys = exportScopes({
    section: 'entities',
    query: 'left over',
    listed: WEEKLY,
    article: { ...ARTICLE, deletedAt: '2024-11-29T11:00:00.000Z' },
    collections: [WEEKLY, SMART],
  }).map((s) => s.key);
  assert.ok(!keys.includes('collection') && !keys.includes('article') && !keys.includes('search'), String(keys));
  assert.deepEqual(keys.slice(-2), [SMART.id, 'library']);
});
