// Issue 17 fuzzing of the parsers: the query language (alone and through search), RSS/Atom, OPML and JSON Feed from mutated real files, and the bundle reader on mutated real bundles.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseFeed } from '../../core/capture/feeds.ts';
import { parseOpml } from '../../core/capture/opml.ts';
import { parseJsonFeed } from '../../core/monitoring/json-feed.ts';
import { FIELDS, parseQuery, QueryError } from '../../core/search/query-parser.ts';
import { entriesOf, exportBundle, resealed, seed, zipOf } from './helpers/bundle-zips.ts';
import {
  assertClearError,
  assertClearMessage,
  assertSameFiles,
  fingerprint,
  fuzzRuns,
  mutated,
  quiet,
} from './helpers/fuzz.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const FIXTURES = new URL('../fixtures/capture/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES));

/** Strings made of the query language's own pieces, so the parser's branches are reached and not only its error. */
const grammarQuery = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '(', ')', 'AND', 'OR', 'NOT', '-', '*', '~', '~2', '~9', ':', '..', ' ', '  ', '\t', '\n'),
      fc.constantFrom(...FIELDS).map((field) => `${field}:`),
      fc.constantFrom('2024-01-01', '2024-13-45', '2024', '..2024-02-01', '0000-00-00', 'today', 'Karovsk', 'NVF'),
      fc.constantFrom('é', 'ﬁ', 'İ', '日本', 'كاروفسك', '\u200b', '\ud800', '🏳️‍🌈', 'NEAR', '^', '{', '}', "'", '\\'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

const anyQuery = fc.oneof(grammarQuery, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary' }));

test('the query parser answers clauses or its own error, pointing inside the query', () => {
  fc.assert(
    fc.property(fc.oneof(anyQuery, fc.string({ minLength: 1990, maxLength: 2100 })), (query) => {
      try {
        parseQuery(query);
      } catch (error) {
        assert.ok(error instanceof QueryError, `not a QueryError: ${String(error)}`);
        assertClearMessage(error.message, query);
        assert.ok(error.at >= 0 && error.at <= query.length, `at ${error.at} outside 0..${query.length}`);
      }
    }),
    fuzzRuns(17_05, 2000),
  );
});

test('search with random and grammar-shaped queries finds or refuses clearly, never an internal error', async (t) => {
  const { archive } = await seed(t);
  await archive.searchService.ready();
  await fc.assert(
    fc.asyncProperty(anyQuery, fc.constantFrom('relevance', 'newest', 'oldest' as const), async (query, sort) => {
      try {
        const result = await archive.search({ query, sort, facets: true });
        assert.ok(Array.isArray(result.hits));
      } catch (error) {
        assertClearError(error, query);
      }
    }),
    fuzzRuns(17_06, 60),
  );
});

/** The parser either reads the file or says what is wrong with it as our error. */
function readsOrRefuses(parse: () => unknown, input: string): void {
  try {
    parse();
  } catch (error) {
    assertClearError(error, input);
  }
}

test('RSS, Atom, OPML and JSON Feed parsers on mutated real files: items or a clear error', async () => {
  const [rss, atom, opml, bomb] = await Promise.all(
    ['feed-rss.xml', 'feed-atom.xml', 'feeds.opml', 'feed-entity-bomb.xml'].map(fixture),
  );
  const jsonFeed = Buffer.from(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Wire',
      items: [
        { id: '1', url: '/a', title: 'A', content_html: '<p>A</p>', date_published: '2024-11-26T10:00:00Z' },
        { id: 2, external_url: 'https://example.org/b', content_text: 'B', authors: [{ name: 'X' }] },
      ],
    }),
  );
  const origin = 'https://example.org/feed';
  const text = (bytes: Buffer) => bytes.toString('utf8');
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        mutated(rss!).map((b) => ['feed', text(b)] as const),
        mutated(atom!).map((b) => ['feed', text(b)] as const),
        mutated(bomb!).map((b) => ['feed', text(b)] as const),
        mutated(opml!).map((b) => ['opml', text(b)] as const),
        mutated(jsonFeed).map((b) => ['json', text(b)] as const),
      ),
      async ([kind, input]) => {
        if (kind === 'feed') readsOrRefuses(() => parseFeed(input, origin), input);
        else if (kind === 'opml') readsOrRefuses(() => parseOpml(input), input);
        else readsOrRefuses(() => parseJsonFeed(input, origin), input);
      },
    ),
    fuzzRuns(17_07, 600),
  );
});

test('the bundle reader on mutated real bundles: refused clearly or imported, never a crash, nothing written outside', async (t) => {
  const { archive: from, collection } = await seed(t);
  const bundlePath = await exportBundle(t, from, collection.id);
  const bundle = await readFile(bundlePath);
  // One folder holds the archive and the dropped zip: a zip-slip write would land in it, beside them.
  const root = await tempDir(t);
  const data = join(root, 'data');
  const archive = await openFor(t, data);
  const drop = join(root, 'in.zip');
  const outside = async () => [...(await fingerprint(root, (file) => file === 'data')).keys()];
  let imported = 0;
  const tryImport = async (path: string) => {
    await quiet(archive);
    const before = await fingerprint(data);
    try {
      await archive.importBundleFile(path);
      imported++;
    } catch (error) {
      assertClearError(error);
      assert.match(error.message, /refused and nothing was imported/);
      assertSameFiles(before, await fingerprint(data), `refused: ${error.message}`);
    }
  };
  // The zip's bytes damaged: mostly caught by a CRC or a checksum.
  await fc.assert(
    fc.asyncProperty(mutated(bundle), async (bytes) => {
      await writeFile(drop, bytes);
      await tryImport(drop);
    }),
    fuzzRuns(17_08, 15),
  );
  // One entry damaged and the manifest's checksums made to fit it again: what the reader's schemas and merge see.
  const entries = await entriesOf(bundlePath);
  const damaged = fc
    .nat(entries.length - 1)
    .chain((index) =>
      mutated(entries[index]![1]).map((bytes) =>
        entries.map(([name, data], i): [string, Buffer] => [name, i === index ? bytes : data]),
      ),
    );
  await fc.assert(
    fc.asyncProperty(damaged, async (forged) => {
      let path: string;
      try {
        path = await resealed(t, forged);
      } catch {
        // The manifest itself no longer parses: sent as it is.
        path = await zipOf(t, forged);
      }
      await tryImport(path);
    }),
    fuzzRuns(17_09, 15),
  );
  assert.deepEqual(await outside(), ['in.zip'], 'no file appeared beside the data folder');
  t.diagnostic(`${imported} damaged bundle(s) imported`);
});

test('following a mutated OPML list (text, as the UI sends it) follows its feeds or refuses clearly, fetching nothing', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const opml = await fixture('feeds.opml');
  await fc.assert(
    fc.asyncProperty(mutated(opml), async (bytes) => {
      const text = bytes.toString('utf8');
      try {
        const { followed, skipped } = await archive.followFeeds(text.startsWith('<') ? text : `<${text}`);
        for (const { reason } of skipped) assertClearMessage(reason, text);
        for (const sub of followed) assert.match(sub.url, /^https?:\/\//i);
      } catch (error) {
        assertClearError(error, text);
      }
    }),
    fuzzRuns(17_13, 100),
  );
});
