// The pre-parse cuts: code and styles, and the asides and footers around the article; they save parsing work and never take away text Readability would keep.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { withoutCodeAndStyles, withoutOuterAsidesAndFooters } from '../../core/capture/page-chrome.ts';
import { extractArticle } from '../../core/capture/extract-article.ts';
import { parsePage } from '../../core/capture/parse-page.ts';

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The paragraphs Readability keeps from a page, as folded text. */
function paragraphsKept(html: string): string[] {
  const document = parsePage(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
  const result = new Readability(document, { charThreshold: 0 }).parse();
  if (!result?.content) return [];
  const kept = parsePage(`<body>${result.content}</body>`);
  return [...kept.querySelectorAll('p')].map((p) => fold(p.textContent)).filter(Boolean);
}

/** All the text of a page, as folded text. */
function pageText(html: string): string {
  return fold(
    parsePage(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).body.textContent,
  );
}

test('scripts, styles, SVG, templates, noscript and comments go; JSON-LD and text stay', () => {
  const html =
    '<head><style>p{}</style><script>var a = "</p>";</script>' +
    '<script type="application/ld+json">{"headline":"H"}</script></head>' +
    '<body><!-- <p>hidden</p> --><svg><text>icon</text></svg><noscript>Enable JS</noscript>' +
    '<template><p>later</p></template><p>Body text.</p><SCRIPT src="x.js"></SCRIPT ></body>';
  assert.equal(
    withoutCodeAndStyles(html),
    '<head><script type="application/ld+json">{"headline":"H"}</script></head><body><p>Body text.</p></body>',
  );
});

test('navigation, asides and footers are left for the parsed page to judge', () => {
  const html = '<nav>Menu</nav><aside>Related</aside><article><p>Text</p></article><footer>Site</footer>';
  assert.equal(withoutCodeAndStyles(html), html);
});

/** Random pages of containers, paragraphs, code and links, as the properties below draw them. */
const randomPage = (() => {
  const containers = ['article', 'aside', 'footer', 'div', 'section', 'main', 'nav'];
  const hidden = ['script', 'style', 'svg', 'template', 'noscript'];
  const sentence = fc
    .array(fc.constantFrom('the', 'minister', 'said', 'on', 'Monday', 'that', 'forces', 'had', 'withdrawn,'), {
      minLength: 8,
      maxLength: 30,
    })
    .map((words) => `<p>${words.join(' ')}.</p>`);
  const tree = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      sentence,
      fc.constantFrom(...hidden).map((tag) => `<${tag}>code <p>not shown</p></${tag}>`),
      fc.constantFrom('<!-- a comment <p>x</p> -->', '<a href="/x">Link</a>'),
      fc
        .tuple(fc.constantFrom(...containers), fc.array(tie('node'), { maxLength: 4 }))
        .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
    ),
  })).node;
  return fc.array(tree, { minLength: 1, maxLength: 5 }).map((nodes) => nodes.join(''));
})();

test('on random pages, every paragraph Readability keeps is still on the page after the cut of code and styles', () => {
  // Not "Readability keeps it after the cut": its choice of container shifts with any change to the
  // page (a paragraph less and it may keep nothing); what the cut must not do is take the text away.
  fc.assert(
    fc.property(randomPage, (html) => {
      const after = pageText(withoutCodeAndStyles(html));
      for (const paragraph of paragraphsKept(html))
        if (!/not shown/.test(paragraph)) assert.ok(after.includes(paragraph), paragraph);
    }),
    { numRuns: 300 },
  );
});

test('Readability may keep an aside outside any article, so the pages it reads keep them', () => {
  // Why extract-article.ts gives Readability the page without only the first cut: it renames the
  // siblings it takes to <div>, and an aside's text then survives its own removal of asides.
  const html = '<aside><p>The minister said on Monday that forces had withdrawn from the town.</p></aside>';
  assert.deepEqual(paragraphsKept(html), ['The minister said on Monday that forces had withdrawn from the town.']);
  assert.deepEqual(paragraphsKept(withoutOuterAsidesAndFooters(html)), []);
  const page = `<!doctype html><html><head><title>Withdrawal</title></head><body>${html}</body></html>`;
  assert.match(extractArticle(page).text, /forces had withdrawn from the town/);
});

test('on random pages, whatever Readability would keep, the page is saved with text', () => {
  fc.assert(
    fc.property(randomPage, (html) => {
      // Text drawn inside code and styles is not a page's text (a <p> breaks out of an <svg>, as in browsers).
      if (paragraphsKept(html).every((paragraph) => /not shown/.test(paragraph))) return;
      const article = extractArticle(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
      assert.ok(article.text.trim().length > 0);
    }),
    { numRuns: 200 },
  );
});

/** What extract-article.ts removes after parsing, for these two tags: the reference behaviour. */
function textAfterDomRemoval(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll('aside:not(article aside), footer:not(article footer)'))
    element.remove();
  return document.body.textContent.replace(/\s+/g, ' ').trim();
}

test('asides and footers outside articles go; those inside an article stay', () => {
  const html =
    '<div>lead</div><aside>related <footer>x</footer></aside><article>body<aside>quote</aside>' +
    '<footer>credits</footer></article><footer>site <aside>y</aside> footer</footer><p>end</p>';
  assert.equal(
    withoutOuterAsidesAndFooters(html),
    '<div>lead</div><article>body<aside>quote</aside><footer>credits</footer></article><p>end</p>',
  );
});

test('nesting of the same tag is followed, and teaser articles inside an aside go with it', () => {
  const html = '<aside>a<aside>b</aside>c<article>teaser</article></aside>kept';
  assert.equal(withoutOuterAsidesAndFooters(html), 'kept');
});

test('custom elements, raw text and unclosed elements are left alone', () => {
  assert.equal(withoutOuterAsidesAndFooters('<footer-links>x</footer-links>'), '<footer-links>x</footer-links>');
  const jsonLd = '<script type="application/ld+json">{"a":"<footer>"}</script><title><aside></title>text';
  assert.equal(withoutOuterAsidesAndFooters(jsonLd), jsonLd);
  // Never closed: cutting to the end of the page could take the article with it.
  assert.equal(withoutOuterAsidesAndFooters('<aside>menu <p>all the rest'), '<aside>menu <p>all the rest');
});

test('on any nesting of articles, asides, footers and divs, the text left is the same as the DOM removal leaves', () => {
  const tags = ['article', 'aside', 'footer', 'div', 'section'];
  const tree = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('alpha', 'beta', 'gamma'),
      fc
        .tuple(fc.constantFrom(...tags), fc.array(tie('node'), { maxLength: 4 }))
        .map(([tag, children]) => `<${tag}>${children.join(' ')}</${tag}>`),
    ),
  })).node;
  fc.assert(
    fc.property(fc.array(tree, { maxLength: 5 }), (nodes) => {
      const html = nodes.join(' ');
      assert.equal(textAfterDomRemoval(withoutOuterAsidesAndFooters(html)), textAfterDomRemoval(html));
    }),
    { numRuns: 500 },
  );
});
