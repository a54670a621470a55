// The pre-parse cut of code and styles: it saves parsing work and never takes text Readability would keep.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { withoutCodeAndStyles } from '../../core/capture/page-chrome.ts';
import { parsePage } from '../../core/capture/parse-page.ts';

/** The paragraphs Readability keeps from a page, as normalized text. */
function paragraphsKept(html: string): string[] {
  const document = parsePage(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
  const result = new Readability(document, { charThreshold: 0 }).parse();
  if (!result?.content) return [];
  const kept = parsePage(`<body>${result.content}</body>`);
  return [...kept.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean);
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

test('on random pages, every paragraph Readability keeps is still kept after the cut', () => {
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
  fc.assert(
    fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (nodes) => {
      const html = nodes.join('');
      const before = paragraphsKept(html);
      const after = new Set(paragraphsKept(withoutCodeAndStyles(html)));
      for (const paragraph of before) if (!/not shown/.test(paragraph)) assert.ok(after.has(paragraph), paragraph);
    }),
    { numRuns: 200 },
  );
});
