// Our extractor on pages shaped like real ones: the article's container found by markup and text, furniture removed, nothing that holds the article ever removed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractMainContent } from '../../core/capture/main-content.ts';
import { parsePage } from '../../core/capture/parse-page.ts';

const P = (text: string) => `<p>${text}</p>`;
const BODY = [
  'Artillery fire struck the river port of Karovsk overnight, killing at least six people, the regional health office said on Friday.',
  'A spokesperson for the Northern Relief Consortium said a convoy of 22 trucks had been waiting at the Lenna crossing since Tuesday.',
  'The Eastern Defence Command denied firing on the port, and the Daily Observer could not independently confirm the figures.',
];

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function extract(html: string) {
  const found = extractMainContent(parsePage(html));
  return found && { ...found, text: text(found.html) };
}

const CHROME = `
  <nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav>
  <div class="cookie-consent"><p>We and our 143 partners use cookies to store and access information on your device.</p></div>`;
const RELATED = `<section class="related-stories"><h3>Related</h3><ul><li><a href="/a">Ferry timetable change for the islands this spring</a></li><li><a href="/b">Bakery marks a century on Market Square</a></li></ul></section>`;

test('an article body named in the markup is the text; menus, consent banners and related links are not', () => {
  const page = `<html><head><title>t</title></head><body>${CHROME}
    <main><article><h1>Shelling hits river port</h1><div class="article-body">${BODY.map(P).join('')}
    ${RELATED}</div>
    <div class="comments"><p>First! This is outrageous and someone should pay for it, honestly.</p></div></article></main>
    <footer><p>© 2026 Northgate Courier. All rights reserved.</p></footer></body></html>`;
  const found = extract(page)!;
  assert.equal(found.found, 'container');
  for (const sentence of BODY) assert.ok(found.text.includes(sentence), sentence);
  for (const junk of ['use cookies', 'Ferry timetable', 'First!', 'All rights reserved', 'Sport'])
    assert.ok(!found.text.includes(junk), junk);
});

test('a body whose class says "paywall" and a form wrapping the whole page keep their article', () => {
  for (const wrap of [
    (inner: string) => `<body class="paywall subscriber-only">${inner}</body>`,
    (inner: string) => `<body><form id="aspnetForm" action="/page.aspx">${inner}</form></body>`,
  ]) {
    const found = extract(`<html><head></head>${wrap(`${CHROME}<div>${BODY.map(P).join('')}</div>`)}</html>`)!;
    for (const sentence of BODY) assert.ok(found.text.includes(sentence), `${wrap('')}: ${sentence}`);
  }
});

test('a story split into several containers of one class is kept whole, in order, headings between included', () => {
  const section = (i: number) => `<div class="StoryBodyCompanionColumn">${P(BODY[i]!)}</div>`;
  const found = extract(
    `<html><body>${CHROME}<article>${section(0)}<h2>At the crossing</h2>${section(1)}${RELATED}${section(2)}</article><aside>${RELATED}</aside></body></html>`,
  )!;
  assert.equal(found.found, 'container');
  const at = BODY.map((sentence) => found.text.indexOf(sentence));
  assert.ok(
    at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!)),
    JSON.stringify(at),
  );
  assert.ok(found.text.includes('At the crossing'));
});

test('a two-sentence brief named as the article body is an article, however short', () => {
  const brief = 'BREAKING: A ceasefire between the two sides took effect at midnight. Both confirmed it in statements.';
  const found = extract(`<html><body>${CHROME}<div itemprop="articleBody">${P(brief)}</div>${RELATED}</body></html>`)!;
  assert.equal(found.found, 'container');
  assert.equal(found.text, brief);
});

test('a page of headlines has no article: its headlines are its readable text, without the furniture', () => {
  const headlines = [
    'Ferry timetable change for the islands',
    'Bakery marks a century on Market Square',
    'Court adjourns trial',
  ];
  const found = extract(
    `<html><body>${CHROME}<main><ul>${headlines.map((h) => `<li><a href="/x"><h3>${h}</h3></a></li>`).join('')}</ul></main></body></html>`,
  )!;
  assert.equal(found.found, 'page');
  for (const h of headlines) assert.ok(found.text.includes(h), h);
  assert.ok(!found.text.includes('use cookies'));
});

test('hidden elements and what never holds text go; a page with no text at all gives nothing', () => {
  const found = extract(
    `<html><body><article>${P(BODY[0]!)}<p hidden>Secret teaser text that is never shown to readers of the page.</p><div style="display: none">Also hidden from every reader of this page.</div><button>Subscribe now</button></article></body></html>`,
  )!;
  assert.equal(found.text, BODY[0]);
  assert.equal(extract('<html><body><img src="a.png"><script>var x = 1;</script></body></html>'), null);
});
