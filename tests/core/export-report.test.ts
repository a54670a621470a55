// The HTML and Markdown reports on a real data folder: what they hold, nesting that holds up, and hostile data kept as text.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import type { Archive } from '../../core/archive.ts';
import type { Article, ClaimPatch } from '../../core/model.ts';
import { fitSpan, formatDate, formatRange } from '../../core/exporters/report-survey.ts';
import { escapeMarkdown } from '../../core/exporters/report-markdown.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

// Our own invented reports: a wire story, a local paper with another toll, and a post full of markup.
const WIRE =
  'VELMORA, 12 March (Reuters) - At least 14 civilians were killed when artillery struck the market in Velmora ' +
  'on Wednesday, a UN official told Reuters. The Ostrava Brigade denied responsibility for the strike.\n\n' +
  'Dr Lena Markovic, who runs the Velmora district hospital, said 40 wounded people had been admitted overnight. ' +
  'The brigade reportedly moved two batteries closer to the river.';
const LOCAL =
  'Regional authorities said 19 people died in the market strike in Velmora, a higher toll than the United Nations gave.\n' +
  'A second line of the same paragraph.\n\n' +
  'Residents queued for water near the old bridge on Thursday.';
const HOSTILE =
  'Posts shared *widely* claimed that _Velmora_ had # fallen; one linked [here](javascript:alert(1)) and ' +
  'another showed <img src=x onerror=alert(1)> then </mark> and </span> text & more, see www.example.org or ' +
  'https://example.org/x.\n\n' +
  '- not a list\n1. not a list either\n# not a heading\n> not a quote\n| not | a table |';

const span = (text: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return { start, end: start + words.length };
};

type Fixture = { archive: Archive; dir: string; wire: Article; local: Article; hostile: Article };

async function fixture(t: Parameters<typeof tempDir>[0]): Promise<Fixture> {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const velmora = await archive.createEntity({ name: 'Velmora', type: 'location' });
  const brigade = await archive.createEntity({ name: 'Ostrava Brigade', type: 'group' });
  const markovic = await archive.createEntity({ name: 'Lena Markovic', type: 'person', aliases: ['Dr Markovic'] });
  const un = await archive.createEntity({ name: 'United Nations', type: 'organization', aliases: ['UN'] });
  const evil = await archive.createEntity({ name: '<script>alert("entity")</script>', type: 'other' });

  // Imported as a file, not pasted: imports read the wire credits ("(Reuters)") from the text.
  const [imported] = await archive.importDocument({
    name: 'velmora.txt',
    data: Buffer.from(WIRE).toString('base64'),
    mediaType: 'text/plain',
  });
  await archive.updateArticle(imported!.id!, {
    title: 'Artillery strike on Velmora market kills at least 14',
    source: 'Harbour Gazette',
    byline: 'By Staff and Reuters',
    publishedAt: '2026-03-13T08:30:00+02:00',
    url: 'https://harbour-gazette.example/velmora-market',
    language: 'en',
    tags: ['velmora', 'casualties'],
  });
  let wire = await archive.getArticle(imported!.id!);
  assert.equal(wire.text, WIRE);
  let local = await archive.addArticle({
    title: 'Velmora toll rises to 19, authorities say',
    source: 'Coastal Courier',
    publishedAt: '2026-03-14',
    text: LOCAL,
    notes: 'Toll differs from the UN figure; ask the hospital.',
  });
  let hostile = await archive.addArticle({
    title: '<script>alert(1)</script> & "quotes"',
    source: 'Rumour <i>Mill</i>',
    byline: '**bold** [x](javascript:alert(2))',
    publishedAt: '2026-03-09',
    text: HOSTILE,
    tags: ['<b>tag</b>', 'rumour'],
    notes: 'Checked: <img src=x onerror=alert(3)> </mark></aside><script>alert(4)</script>\n\n# no heading *here*',
  });

  // Mentions, one inside each claim and one across a claim's end.
  for (const [a, words, entityId, from] of [
    [wire, 'Velmora', velmora.id, 60],
    [wire, 'UN', un.id, 0],
    [wire, 'Ostrava Brigade', brigade.id, 0],
    [wire, 'Lena Markovic', markovic.id, 0],
    [wire, 'Velmora', velmora.id, 200],
    [local, 'Velmora', velmora.id, 0],
    [local, 'United Nations', un.id, 0],
    [hostile, 'Velmora', evil.id, 0],
  ] as const) {
    const updated = await archive.tagSpan(a.id, { ...span(a.text, words, from), entityId });
    if (a === wire) wire = updated;
  }

  const claim = async (a: Article, words: string, patch: ClaimPatch) => {
    const made = await archive.addClaim(a.id, span(a.text, words));
    const added = made.claims.find((c) => !a.claims.some((old) => old.id === c.id))!;
    return archive.updateClaim(a.id, added.id, patch);
  };
  const party = (name: string) => ({ text: '', start: null, end: null, name, entityId: null });
  wire = await claim(wire, 'At least 14 civilians were killed when artillery struck the market in Velmora', {
    status: 'disputed',
    claimant: party('a UN official'),
    via: ['Reuters', 'Harbour Gazette'],
    reviewNote: 'Coastal Courier has 19.',
  });
  // Ends inside "Ostrava Brigade": the mention must be split, not the markup broken.
  wire = await claim(wire, 'a UN official told Reuters. The Ostrava', {
    kind: 'statement',
    status: 'unverified',
    claimant: party('a UN official'),
    via: ['Reuters'],
  });
  // Across the paragraph break.
  wire = await claim(wire, 'denied responsibility for the strike.\n\nDr Lena Markovic', {
    kind: 'denial',
    status: 'corroborated',
    claimant: party('Ostrava Brigade'),
    via: [],
    hedged: true,
  });
  local = await claim(local, '19 people died in the market strike in Velmora', {
    status: 'unverified',
    claimant: party('Regional authorities'),
    via: ['Coastal Courier'],
  });
  hostile = await claim(hostile, 'another showed <img src=x onerror=alert(1)> then </mark>', {
    kind: 'other',
    status: 'false',
    claimant: party('<script>alert(5)</script>'),
    via: ['</td></tr></table><b>x</b>', '| pipe |'],
    reviewNote: '<img src=x onerror=alert(6)>',
  });
  const collection = await archive.createCollection({ name: 'Weekly <report>' });
  await archive.addToCollection(collection.id, [wire.id, local.id, hostile.id]);
  return { archive, dir, wire, local, hostile };
}

async function exported(f: Fixture, format: 'html' | 'markdown'): Promise<string> {
  const result = await f.archive.exportToFile({ scope: { library: true }, format }, f.dir);
  return readFile(result.path, 'utf8');
}

/** Every element and attribute the HTML writer makes: anything else came from the data. */
const OUR_ELEMENTS = new Set(
  'html head meta title style body main header div h1 h2 h3 h4 p ul ol li b i a span section table thead tbody tr th td br dl dt dd mark sup article aside footer'.split(
    ' ',
  ),
);
const OUR_ATTRIBUTES = new Set(
  'lang charset http-equiv content name class id href rel title dir scope data-claim aria-label'.split(' '),
);

test('the HTML report is one safe page: a strict CSP, no scripts, nothing from the data as markup', async (t) => {
  const f = await fixture(t);
  const html = await exported(f, 'html');
  assert.match(html, /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
  const { document } = new JSDOM(html).window;
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  assert.match(csp ?? '', /^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
  assert.equal(document.querySelectorAll('script, img, iframe, object, embed, link, form, base').length, 0);
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    assert.ok(OUR_ELEMENTS.has(tag), `<${tag}> was not made by the writer`);
    for (const { name, value } of element.attributes) {
      assert.ok(OUR_ATTRIBUTES.has(name), `${name}="${value}" on <${tag}> was not made by the writer`);
      assert.ok(!/^on/i.test(name));
    }
    const href = element.getAttribute('href');
    if (href) assert.match(href, /^(#[\w-]+|https?:\/\/)/, `href ${href}`);
  }
  assert.ok(document.title.startsWith('Newsdesk report: library'));
  const titles = [...document.querySelectorAll('article h3')].map((h) => h.textContent);
  assert.ok(titles.includes('<script>alert(1)</script> & "quotes"'), 'the hostile title is shown as text');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(document.body.textContent!.includes('Checked: <img src=x onerror=alert(3)> </mark></aside>'));
  const style = document.querySelector('style')!.textContent!;
  assert.ok(!style.includes('</'), 'no end tag can close the style element early');
  assert.match(style, /print-color-adjust: exact/);
  assert.match(style, /@media print/);
});

test('the HTML claims table lists every kept claim with its chain, figures and status, linked both ways', async (t) => {
  const f = await fixture(t);
  const { document } = new JSDOM(await exported(f, 'html')).window;
  const rows = [...document.querySelectorAll('table.claims tbody tr')];
  assert.equal(rows.length, 5);
  const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());
  const first = rows.find((r) => r.textContent!.includes('At least 14 civilians'))!;
  const [n, text, chain, kind, figures, hedged, status, outlet, published] = cells(first);
  assert.match(n!, /^c\d+$/);
  assert.ok(text!.includes('Coastal Courier has 19.'), 'the review note is shown');
  assert.equal(chain, 'a UN official→Reuters→Harbour Gazette');
  assert.equal(kind, 'casualties');
  assert.equal(figures, 'at least 14 civilians killed');
  assert.equal(hedged, '—');
  assert.equal(status, 'disputed');
  assert.equal(outlet, 'Harbour Gazette');
  assert.equal(published, '13 Mar 2026');
  // The number links to the words in the text, and the words' number back to the row.
  const target = document.getElementById(`${first.id}-text`)!;
  assert.ok(target.classList.contains('claim'));
  assert.ok(target.textContent!.startsWith('At least 14 civilians'));
  const outletLink = first.querySelector('a.outlet')!.getAttribute('href')!;
  assert.equal(document.querySelector(outletLink)!.querySelector('h3')!.textContent, f.wire.title);
  assert.ok(document.querySelector(`sup.claim-ref a[href="#${first.id}"]`));
  const hostileRow = rows.find((r) => r.textContent!.includes('another showed'))!;
  assert.equal(cells(hostileRow)[2], '<script>alert(5)</script>→</td></tr></table><b>x</b>→| pipe |');
  // Heading and sources.
  assert.match(document.querySelector('.facts')!.textContent!, /3articles.*5claims/);
  assert.match(document.querySelector('.dateline')!.textContent!, /articles published 9–14 March 2026/);
  const sources = [...document.querySelectorAll('.tally tr')].map((r) => r.textContent);
  assert.ok(sources.includes('Harbour Gazette1 article'));
  assert.ok(sources.includes('Reuters1 article'), `the wire credit from the dateline: ${sources.join(' / ')}`);
});

test('mentions nested in claims, claims across paragraphs and spans cut by others give well-formed markup', async (t) => {
  const f = await fixture(t);
  const { document } = new JSDOM(await exported(f, 'html')).window;
  const articles = [...document.querySelectorAll('article.item')];
  assert.equal(articles.length, 3);
  for (const [article, a] of [f.wire, f.local, f.hostile].map((a) => [articleFor(articles, a.title), a] as const)) {
    const body = article.querySelector('.text')!.cloneNode(true) as Element;
    for (const ref of body.querySelectorAll('sup.claim-ref')) ref.remove();
    assert.equal(body.textContent, a.text, `the text of "${a.title}" survives the markup whole`);
  }
  const wire = articleFor(articles, f.wire.title);
  assert.equal(wire.querySelectorAll('.text p').length, 2, 'paragraphs');
  assert.equal(wire.querySelectorAll('.text > p').length, 2, 'nothing escaped its paragraph');
  // The claim ending inside "Ostrava Brigade" splits the mark in two pieces with the same entity.
  const brigade = [...wire.querySelectorAll('mark')].filter((m) => m.getAttribute('title')?.startsWith('Ostrava'));
  assert.deepEqual(
    brigade.map((m) => m.textContent),
    ['Ostrava', ' Brigade'],
  );
  assert.ok(brigade[0]!.closest('.claim'), 'the first piece is inside the claim');
  const velmora = wire.querySelector('.claim mark.t-location')!;
  assert.equal(velmora.textContent, 'Velmora');
  assert.equal(velmora.getAttribute('title'), 'Velmora · location');
  // The claim across the paragraph break: a piece in each paragraph, one number, after the last piece.
  const denial = [...wire.querySelectorAll('.claim.s-corroborated')];
  assert.equal(denial.length, 2);
  assert.notEqual(denial[0]!.closest('p'), denial[1]!.closest('p'));
  assert.ok(denial[1]!.nextElementSibling?.matches('sup.claim-ref'));
  assert.equal(wire.querySelectorAll('sup.claim-ref').length, 3, 'one number per claim');
  const meta = wire.querySelector('.meta-list')!.textContent!;
  assert.ok(meta.includes('13 March 2026, 08:30 (UTC+02:00)'), meta);
  assert.ok(meta.includes('https://harbour-gazette.example/velmora-market'));
  assert.ok(meta.includes('Weekly <report>'), 'the collection');
  assert.equal(wire.querySelector('a.bare')!.getAttribute('href'), 'https://harbour-gazette.example/velmora-market');
  const notes = articleFor(articles, f.local.title).querySelector('.notes')!.textContent!;
  assert.ok(notes.includes('ask the hospital'));
});

function articleFor(articles: Element[], title: string): Element {
  const article = articles.find((a) => a.querySelector('h3')!.textContent === title);
  assert.ok(article, title);
  return article;
}

test('the Markdown report renders with marked to no HTML from the data, with names in bold where they are', async (t) => {
  const f = await fixture(t);
  const markdown = await exported(f, 'markdown');
  assert.match(markdown, /^# Newsdesk report: library\n/);
  assert.match(markdown, /\| # \| Claim \| Claimant → via \|/);
  const html = await marked.parse(markdown, { gfm: true });
  const { document } = new JSDOM(html).window;
  const elements = new Set([...document.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
  for (const tag of elements)
    assert.ok(
      [
        'h1',
        'h2',
        'h3',
        'p',
        'ul',
        'ol',
        'li',
        'strong',
        'em',
        'a',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'hr',
        'br',
        'blockquote',
      ].includes(tag),
      `<${tag}> in the rendered Markdown`,
    );
  for (const a of document.querySelectorAll('a')) assert.match(a.getAttribute('href')!, /^https:\/\/harbour-gazette/);
  assert.equal(document.querySelectorAll('table').length, 1, 'only the claims table (no table from the data)');
  assert.equal(document.querySelectorAll('table tbody tr').length, 5);
  for (const row of document.querySelectorAll('table tbody tr')) assert.equal(row.querySelectorAll('td').length, 9);
  const text = document.body.textContent!;
  for (const words of [
    '<script>alert(1)</script> & "quotes"',
    'Posts shared *widely* claimed that _Velmora_ had # fallen; one linked [here](javascript:alert(1))',
    '<img src=x onerror=alert(1)> then </mark>',
    '- not a list',
    '1. not a list either',
    '# not a heading',
    '> not a quote',
    '| not | a table |',
    'www.example.org or https://example.org/x.',
    '<img src=x onerror=alert(3)> </mark></aside><script>alert(4)</script>',
    '# no heading *here*',
    '**bold** [x](javascript:alert(2))',
  ])
    assert.ok(text.includes(words), `"${words}" is text`);
  const h3 = [...document.querySelectorAll('h3')].map((h) => h.textContent);
  assert.ok(h3.includes(`1. ${f.local.title}`), 'newest first, numbered');

  // Bold mentions where they are, italics for claims with their numbers, in the wire story.
  const wireHeading = [...document.querySelectorAll('h3')].find((h) => h.textContent!.endsWith(f.wire.title))!;
  const paragraphs: Element[] = [];
  for (let e = wireHeading.nextElementSibling; e && e.tagName !== 'HR' && e.tagName !== 'H3'; e = e.nextElementSibling)
    if (e.tagName === 'P') paragraphs.push(e);
  assert.equal(paragraphs.length, 2);
  const strong = paragraphs.flatMap((p) => [...p.querySelectorAll('strong')].map((s) => s.textContent));
  assert.deepEqual(strong, ['Velmora', 'UN', 'Ostrava', 'Brigade', 'Lena Markovic', 'Velmora']);
  const em = paragraphs[0]!.querySelector('em')!;
  assert.ok(em.textContent!.startsWith('At least 14 civilians were killed'));
  assert.equal(em.querySelector('strong')?.textContent, 'Velmora', 'the mention is bold inside the claim');
  assert.match(paragraphs[0]!.textContent!, /in Velmora\[c\d+\] on Wednesday/, 'the number follows the claim');
  assert.equal(
    paragraphs
      .map((p) => p.textContent)
      .join('\n\n')
      .replace(/\[c\d+\]/g, ''),
    f.wire.text,
  );
});

test('spans that do not fit are clamped or dropped, never splitting a character; dates read as the outlet gave them', () => {
  assert.deepEqual(fitSpan('abc', 1, 99), { start: 1, end: 3 });
  assert.equal(fitSpan('abc', 5, 9), null);
  assert.equal(fitSpan('abc', 2, 2), null);
  assert.deepEqual(fitSpan('a😀b', 2, 3), { start: 1, end: 3 }, 'widened to the whole emoji');
  assert.equal(formatDate('2026-03-13'), '13 March 2026');
  assert.equal(formatDate('2026-03-13T23:30:00-05:00'), '13 March 2026, 23:30 (UTC-05:00)');
  assert.equal(formatDate('2026-03-13T08:30:00.000Z'), '13 March 2026, 08:30 UTC');
  assert.equal(formatDate('not a date'), 'not a date');
  assert.equal(formatRange('2026-02-28', '2026-03-03'), '28 February – 3 March 2026');
  assert.equal(escapeMarkdown('a *b* <c> [d](e) | f_g'), 'a \\*b\\* \\<c\\> \\[d\\](e) \\| f\\_g');
});

test('claim and article numbers agree between the tables and the texts, counted in reading order in every pass', async (t) => {
  const f = await fixture(t);
  const claimsOf = (a: Article) => a.claims.filter((c) => c.review !== 'rejected').sort((x, y) => x.start - y.start);
  // Newest first: the local paper's one claim, the wire's three, then the hostile post's.
  const expected = [f.local, f.wire, f.hostile].flatMap((a, i) =>
    claimsOf(a).map((c) => ({ article: a, n: i + 1, c })),
  );
  assert.equal(expected.length, 5);

  const { document } = new JSDOM(await exported(f, 'html')).window;
  const rows = [...document.querySelectorAll('table.claims tbody tr')];
  assert.deepEqual(
    rows.map((r) => r.id),
    expected.map((_, i) => `claim-${i + 1}`),
  );
  const squash = (text: string) => text.replace(/\s+/g, '');
  expected.forEach(({ article, n, c }, i) => {
    const row = rows[i]!;
    const id = `claim-${i + 1}`;
    assert.equal(row.querySelector('td.n a')!.getAttribute('href'), `#${id}-text`);
    assert.equal(row.querySelector('td.claim-text')!.firstChild!.textContent, c.text);
    assert.equal(row.querySelector('a.outlet')!.getAttribute('href'), `#article-${n}`);
    // The link target is the first piece of this claim's words, inside the article the row names.
    const target = document.getElementById(`${id}-text`)!;
    assert.equal(target.getAttribute('data-claim'), String(i + 1));
    assert.equal(target.closest('article.item')!.id, `article-${n}`);
    assert.equal(target.closest('article.item')!.querySelector('h3')!.textContent, article.title);
    const pieces = [...document.querySelectorAll(`.claim[data-claim="${i + 1}"]`)].map((e) => e.textContent);
    assert.equal(squash(pieces.join('')), squash(c.text), `c${i + 1} marks its own words`);
    const refs = document.querySelectorAll(`sup.claim-ref a[href="#${id}"]`);
    assert.equal(refs.length, 1);
    assert.equal(refs[0]!.textContent, `c${i + 1}`);
  });
  // The numbers in the texts come in reading order, and each links to a row that exists.
  const refs = [...document.querySelectorAll('sup.claim-ref a')].map((a) => a.getAttribute('href')!);
  assert.deepEqual(
    refs,
    expected.map((_, i) => `#claim-${i + 1}`),
  );
  const contents = [...document.querySelectorAll('.contents a')].map((a) => [a.getAttribute('href'), a.textContent]);
  assert.deepEqual(contents, [
    ['#article-1', f.local.title],
    ['#article-2', f.wire.title],
    ['#article-3', f.hostile.title],
  ]);
  assert.match(document.querySelector('.contents li:nth-child(2) .meta')!.textContent!, /3 claims$/);

  // Markdown: the row's number follows the end of the same claim's words, in the article the row names.
  const markdown = await exported(f, 'markdown');
  const rendered = new JSDOM(await marked.parse(markdown, { gfm: true })).window.document;
  const mdRows = [...rendered.querySelectorAll('table tbody tr')].map((r) =>
    [...r.querySelectorAll('td')].map((td) => td.textContent!),
  );
  const headings = [...rendered.querySelectorAll('hr + h3')];
  expected.forEach(({ article, n, c }, i) => {
    const [number, text, , , , , , outlet] = mdRows[i]!;
    assert.equal(number, `c${i + 1}`);
    assert.ok(text!.startsWith(c.text.replace(/\s*\n\s*/g, ' ')), text);
    assert.ok(outlet!.endsWith(`(art. ${n})`), outlet);
    const heading = headings[n - 1]!;
    assert.equal(heading.textContent, `${n}. ${article.title}`);
    let body = '';
    for (let e = heading.nextElementSibling; e && e.tagName !== 'HR'; e = e.nextElementSibling) body += e.textContent;
    const ending = c.text.trimEnd().slice(-10);
    assert.ok(body.includes(`${ending}[c${i + 1}]`), `[c${i + 1}] follows "${ending}" in article ${n}`);
  });
});
