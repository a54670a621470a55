// The pre-parse chrome cutter: it removes exactly the asides and footers that the DOM-level removal would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { withoutOuterAsidesAndFooters } from '../../core/capture/page-chrome.ts';

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
