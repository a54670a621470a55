// The last pass over an extractor's HTML: captions, boilerplate lines, repeats and leftovers at the ends go; the article's sentences stay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { confirmTail, polishArticleHtml } from '../../core/capture/polish.ts';

/** The blocks of an HTML fragment, as text. */
function blocks(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.body.querySelectorAll('p, h2, li')].map((el) => el.textContent!.replace(/\s+/g, ' ').trim());
}

const ARTICLE = `
  <p>KAROVSK — Shelling hit the river port overnight, killing at least six people, the regional health office said.</p>
  <figure><img src="x.jpg"><figcaption>The port on Tuesday. (Reuters)</figcaption></figure>
  <p>Share this article</p>
  <p>A spokesperson for the relief consortium said a convoy of 22 trucks had been turned back.</p>
  <p>A spokesperson for the relief consortium said a convoy of 22 trucks had been turned back.</p>
  <p>Lesen Sie auch: Streik bei den Busfahrern</p>
  <p>The talks resume Monday.</p>
  <h2>Related posts</h2>
  <p>Tags: floods, Karovsk</p>`;

test('captions, boilerplate lines and a repeated paragraph go; the sentences stay, in order', () => {
  assert.deepEqual(blocks(polishArticleHtml(ARTICLE)), [
    'KAROVSK — Shelling hit the river port overnight, killing at least six people, the regional health office said.',
    'A spokesperson for the relief consortium said a convoy of 22 trucks had been turned back.',
    'The talks resume Monday.',
  ]);
});

test('a caption credit never reaches the text (a "(Reuters)" there is not a wire)', () => {
  assert.ok(!polishArticleHtml(ARTICLE).includes('Reuters'));
});

test('only links, language and table spans keep their attributes; media and scripts go', () => {
  const html = polishArticleHtml(
    '<p class="lead" style="color:red" onclick="x()" data-id="7" lang="fr">Bonjour <a href="https://example.org/a" target="_blank" class="x">lien</a>.</p><video src="v.mp4"></video><script>alert(1)</script>',
  );
  assert.equal(html, '<p lang="fr">Bonjour <a href="https://example.org/a">lien</a>.</p>');
});

test('a short kicker before the first sentence goes, a heading there stays', () => {
  assert.deepEqual(blocks(polishArticleHtml('<p>Promis</p><h2>The verdict</h2><p>The court ruled on Tuesday.</p>')), [
    'The verdict',
    'The court ruled on Tuesday.',
  ]);
});

test('a one-block article is never emptied by trimming', () => {
  assert.deepEqual(blocks(polishArticleHtml('<p>Weitere Informationen</p>')), ['Weitere Informationen']);
});

test("the tail's short blocks the other extractor did not find go, up to the first it did", () => {
  const other = 'Shelling hit the river port overnight. The talks resume Monday.';
  const html =
    '<p>Shelling hit the river port overnight.</p><p>The talks resume Monday.</p><p>Meet our team</p><p>Contact us at the newsroom.</p>';
  assert.deepEqual(blocks(confirmTail(html, other)), [
    'Shelling hit the river port overnight.',
    'The talks resume Monday.',
  ]);
  // A long final block is the article's, found or not.
  const long = `<p>Shelling hit the river port overnight.</p><p>${'The relief consortium said it would try again. '.repeat(6)}</p>`;
  assert.equal(blocks(confirmTail(long, other)).length, 2);
});
