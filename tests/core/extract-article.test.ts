// A page's article through the whole extraction: briefs are articles, a shown standfirst leads, source line breaks are not the text's, and only a page with no text at all is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../core/capture/extract-article.ts';

const CHROME = `
  <header><a href="/">Northgate Courier</a><nav><a href="/world">World</a><a href="/region">Region</a></nav></header>
  <div class="cookie-banner"><p>We and our partners use cookies to store and access information on your device.</p></div>`;
const FOOTER = `<aside class="related"><h3>Related</h3><ul><li><a href="/a">Ferry timetable change for the islands</a></li></ul></aside>
  <footer><p>© 2026 Northgate Courier. All rights reserved.</p></footer>`;

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Northgate Courier</title>${head}</head><body>${CHROME}${body}${FOOTER}</body></html>`;
}

test('a two-sentence brief is an article, not a refusal', () => {
  const brief =
    'BREAKING: A ceasefire between the government and the Northern Vigil Front took effect at midnight. Both sides confirmed it in statements on Sunday.';
  const article = extractArticle(
    page(
      '<meta property="og:title" content="Ceasefire takes effect">',
      `<article><h1>Ceasefire takes effect</h1><p>${brief}</p></article>`,
    ),
  );
  assert.equal(article.extraction, 'article');
  assert.equal(article.text, brief);
  assert.equal(article.title, 'Ceasefire takes effect');
});

test("the source's line breaks inside a sentence are spaces; <br> and paragraphs still break", () => {
  const article = extractArticle(
    page(
      '',
      `<article><p>Gunmen opened fire on visitors at
      Tunisia's most renowned museum on Wednesday, the interior ministry said, and
      at least 19 people were killed.</p><p>Police said two gunmen were shot dead.<br>A third was being sought.</p></article>`,
    ),
  );
  assert.equal(
    article.text,
    "Gunmen opened fire on visitors at Tunisia's most renowned museum on Wednesday, the interior ministry said, and at least 19 people were killed.\n\nPolice said two gunmen were shot dead.\nA third was being sought.",
  );
});

test('the standfirst the page shows above the article leads the text; one it only states in its meta does not', () => {
  const summary =
    'Hundreds of lorries are stranded after heavy snow closed the Kessel Pass, the only road to the valley.';
  const body = `<article><header><h1>Snow closes Kessel Pass</h1><p class="standfirst">${summary}</p></header>
    <div class="article-body"><p>${'The regional authority said ploughs would work through the night to clear the road for traffic. '.repeat(12)}</p></div></article>`;
  const shown = extractArticle(page(`<meta name="description" content="${summary}">`, body));
  assert.ok(shown.text.startsWith(summary), shown.text.slice(0, 120));
  const hidden = extractArticle(page(`<meta name="description" content="${summary}">`, body.replace(summary, '')));
  assert.ok(!hidden.text.includes(summary));
});

test('a page whose text its scripts would write is saved as its summary, marked fallback; a page with no text at all is refused', () => {
  const summary =
    'Every morning a long beauty routine? Five small ways to look after yourself that take ten minutes or less.';
  const scripted = extractArticle(
    `<!doctype html><html><head><title>Self-care</title><meta name="description" content="${summary}"></head><body><div id="app"></div><script>render()</script></body></html>`,
  );
  assert.equal(scripted.extraction, 'fallback');
  assert.equal(scripted.text, summary);
  assert.throws(
    () =>
      extractArticle(
        '<!doctype html><html><head><title>x</title></head><body><img src="a.png"><script>x()</script></body></html>',
      ),
    /no text to save/,
  );
});

test('a removal rule never takes the article with it: a paywalled body, a consent class on <html>', () => {
  const text =
    'The columnist argues that the city council has failed residents of the northern districts for a decade. '
      .repeat(4)
      .trim();
  for (const html of [
    `<!doctype html><html><head><title>t</title></head><body class="paywall">${CHROME}<div class="story"><p>${text}</p></div></body></html>`,
    `<!doctype html><html class="js cookie-consent-pending"><head><title>t</title></head><body>${CHROME}<div><p>${text}</p></div></body></html>`,
  ]) {
    const article = extractArticle(html);
    assert.ok(article.text.includes(text), html.slice(0, 80));
    assert.ok(!article.text.includes('use cookies'));
  }
});

test("a body the page's scripts fill is taken from its JSON-LD articleBody, paragraphs kept, its HTML escaped", () => {
  const paragraphs = [
    'Aid convoys reached the eastern districts on Tuesday for the first time in three weeks, the relief agency said.',
    'Trucks carried flour, medicine and fuel for the two hospitals still working in the area. <script>alert(1)</script>',
    ...Array.from(
      { length: 4 },
      (_, i) =>
        `Local officials counted ${i + 12} trucks at the crossing before noon and more were expected later in the day.`,
    ),
  ];
  const jsonLd = JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Convoys reach the east',
    articleBody: paragraphs.join('\n'),
  });
  const article = extractArticle(
    page(
      `<script type="application/ld+json">${jsonLd.replace(/</g, '\\u003c')}</script>`,
      '<div id="app"><p>Loading…</p></div><script>hydrate()</script>',
    ),
  );
  assert.equal(article.extraction, 'article');
  assert.equal(article.text, paragraphs.join('\n\n'));
  assert.equal(article.title, 'Convoys reach the east');
  assert.doesNotMatch(article.html, /<script/);
});
