// Pages as real sites write them, parsed into the shape a browser builds: one <head>, one <body> holding everything that shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePage } from '../../core/capture/parse-page.ts';

const ARTICLE = '<article><p>Shelling hit the river port of Karovsk overnight.</p></article>';

function shape(document: Document): string {
  return [...document.documentElement.children].map((el) => el.tagName).join(',');
}

test('badly formed pages end up with one body holding the article, and document.body is that body', () => {
  for (const html of [
    // A style before <html> (seen on a real page: the parser made it the document element).
    `<style>.x{color:red}</style><!doctype html><html><head><title>t</title></head><body>${ARTICLE}</body></html>`,
    // Scripts between </head> and <body>.
    `<!doctype html><html><head><title>t</title></head><script>var a = 1;</script><body>${ARTICLE}</body></html>`,
    // Two bodies.
    `<html><head></head><body><p>Lead.</p></body><body>${ARTICLE}</body></html>`,
    // No html, head or body tags at all.
    `<title>t</title>${ARTICLE}`,
  ]) {
    const document = parsePage(html);
    assert.equal(shape(document), 'HEAD,BODY', html);
    assert.match(document.body.textContent ?? '', /Shelling hit the river port/, html);
    assert.equal(document.body, document.documentElement.children[1], html);
  }
});

test('a well-formed page keeps its tree as written', () => {
  const document = parsePage(
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>t</title></head>\n<body class="x">${ARTICLE}</body>\n</html>\n`,
  );
  assert.equal(shape(document), 'HEAD,BODY');
  assert.equal(document.body.getAttribute('class'), 'x');
  assert.equal(document.documentElement.getAttribute('lang'), 'en');
});
