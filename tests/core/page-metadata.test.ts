// Page metadata on small invented pages shaped like real ones: headlines, bylines, dates, outlets and wire credits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { captureDocument } from '../../core/capture/capture-document.ts';
import { cleanByline } from '../../core/capture/page-bylines.ts';
import { readPageMetadata, withReadability } from '../../core/capture/page-metadata.ts';

function read(html: string, pageUrl?: string) {
  const { document } = parseHTML(html);
  return readPageMetadata(document as unknown as Document, { pageUrl });
}

const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

test('the headline is the <h1> that agrees with the other titles, without the site name', () => {
  const meta = read(
    page(
      '<title>Floods close the coast road | The Harbour Gazette</title><meta property="og:title" content="Floods close the coast road | The Harbour Gazette"><meta property="og:site_name" content="The Harbour Gazette">',
      '<header><h1 class="logo">The Harbour Gazette</h1></header><article><h1>Floods close the coast road</h1><p>Text.</p></article>',
    ),
  );
  assert.equal(meta.title, 'Floods close the coast road');
});

test('a site or section name in og:title never wins over the headline', () => {
  const siteName = read(
    page(
      '<title>Harbour Gazette</title><meta property="og:title" content="Harbour Gazette"><meta property="og:site_name" content="Harbour Gazette">',
      '<article><h1>Ferry strike enters its third day</h1></article>',
    ),
    'https://harbourgazette.example/2024/05/02/ferry-strike',
  );
  assert.equal(siteName.title, 'Ferry strike enters its third day');
  const section = read(
    page(
      '<title>Politics - Harbour Gazette</title><meta property="og:site_name" content="Harbour Gazette">' +
        ld({ '@type': 'NewsArticle', headline: 'Council approves the harbour budget' }),
      '<article><h1><span class="kicker">Politics</span> Council approves the harbour budget</h1></article>',
    ),
  );
  assert.equal(section.title, 'Council approves the harbour budget');
});

test('"- Breitbart" and "| Aktuálně.cz" go, by og:site_name or by the domain alone', () => {
  const named = read(
    page(
      '<title>Senate passes the border bill - Breitbart</title><meta property="og:site_name" content="Breitbart">',
      '<p>Text.</p>',
    ),
  );
  assert.equal(named.title, 'Senate passes the border bill');
  const byDomain = read(
    page('<title>Vláda schválila rozpočet na příští rok | Aktuálně.cz</title>', '<p>Text.</p>'),
    'https://zpravy.aktualne.cz/domaci/vlada-schvalila-rozpocet/r~1/',
  );
  assert.equal(byDomain.title, 'Vláda schválila rozpočet na příští rok');
});

test('a kicker inside the <h1> is cut when the other titles lack it; spans meet with a space', () => {
  const meta = read(
    page(
      '<title>Interne Unterlagen im Netz: Daten von Rheinmetall gehackt | tagesschau.de</title><meta property="og:title" content="Daten gehackt beim Rüstungskonzern">',
      '<h1><span class="dachzeile">Interne Unterlagen im Netz</span><span class="headline">Daten von Rheinmetall gehackt</span></h1>',
    ),
    'https://www.tagesschau.de/investigativ/rheinmetall-101.html',
  );
  assert.equal(meta.title, 'Daten von Rheinmetall gehackt');
});

test('a headline that names the outlet is still a headline', () => {
  const meta = read(
    page('<title>We are NEOS - NEOS</title><meta property="og:title" content="We are NEOS">', '<h1>We are NEOS</h1>'),
    'https://www.neos.example/we-are-neos',
  );
  assert.equal(meta.title, 'We are NEOS');
});

test('when no title agrees, the visible headline, unless it is a section name; a standfirst in the <h1> is cut', () => {
  const seo = read(
    page(
      '<title>Brexit: Nervenkrieg geht in nächste Runde | NZZ</title><meta property="og:title" content="Brexit: Nervenkrieg geht in nächste Runde">',
      '<article><h1>Der Nervenkrieg um den Brexit geht in die nächste Runde</h1></article>',
    ),
  );
  assert.equal(seo.title, 'Der Nervenkrieg um den Brexit geht in die nächste Runde');
  const section = read(
    page(
      '<meta property="og:title" content="Perturbazione polare al Centro e al Sud">',
      '<h1>Cronaca</h1><h2>Perturbazione polare</h2>',
    ),
  );
  assert.equal(section.title, 'Perturbazione polare al Centro e al Sud');
  const standfirst = read(
    page(
      '<meta property="og:title" content="Dezuka Suisan: fish cakes, hot and fresh">',
      '<h1>Dezuka Suisan: fish cakes, hot and fresh <small>Welcome to the flavour capital of the north</small></h1>',
    ),
  );
  assert.equal(standfirst.title, 'Dezuka Suisan: fish cakes, hot and fresh');
});

test('soft hyphens, furigana and entities are not part of a headline', () => {
  const meta = read(
    page(
      '<title>x</title>',
      '<h1>Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u00ader Raum</h1>',
    ),
  );
  assert.equal(meta.title, 'Messengerdienste sind kein rechtsfreier Raum');
  const ruby = read(
    page('', '<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>'),
  );
  assert.equal(ruby.title, '子どもへの体罰を禁止する法律ができる');
});

test('bylines are cleaned of "By", capitals, dates and "2 hours ago"', () => {
  assert.equal(cleanByline('BY COREY KILGANNON'), 'Corey Kilgannon');
  assert.equal(cleanByline('LUCAS NOLAN22 DEC 2016651'), 'Lucas Nolan');
  assert.equal(cleanByline('ALEŠ VÁVRA PŘED 2 HODINAMI'), 'Aleš Vávra');
  assert.equal(cleanByline('Posted by Jane Doe at 18:52'), 'Jane Doe');
  assert.equal(cleanByline('Von Anna Schmidt am 21. April 2020'), 'Anna Schmidt');
  assert.equal(cleanByline('Par Claire Dubois, le 3 mars 2024 à 10h'), 'Claire Dubois');
  assert.equal(cleanByline('Dezember 10, 2019 · von freeman1984 · in Allgemein'), 'freeman1984');
  assert.equal(cleanByline('Jane Doe\n\t\tMarch 3, 2024\n\t\t4 min read'), 'Jane Doe');
  assert.equal(cleanByline("SADHBH O'SULLIVAN"), "Sadhbh O'Sullivan");
  assert.equal(cleanByline('AuthorAndreas Kalt'), 'Andreas Kalt');
});

test('a named person wins over an agency-only byline, and the agency stays a credit', () => {
  const meta = read(
    page(
      '<meta name="author" content="AFP">' +
        ld({ '@type': 'NewsArticle', headline: 'Port reopens', author: { '@type': 'Person', name: 'Jane Doe' } }),
      '<article><h1>Port reopens</h1><p class="byline">By AFP</p></article>',
    ),
  );
  assert.equal(meta.byline, 'Jane Doe');
  assert.deepEqual(meta.bylineCredits, ['AFP']);
  const markup = read(
    page(
      ld({ '@type': 'NewsArticle', headline: 'Port reopens', author: { '@type': 'Organization', name: 'Reuters' } }),
      '<article><h1>Port reopens</h1><span class="byline">By Maria Ostrova</span></article>',
    ),
  );
  assert.equal(markup.byline, 'Maria Ostrova');
  assert.deepEqual(markup.bylineCredits, ['Reuters']);
});

test('an agency alone is the byline; "Jane Doe, AFP" is Jane Doe with an AFP credit', () => {
  const alone = read(page('<meta name="author" content="Reuters Staff">', '<h1>Oil prices fall</h1>'));
  assert.equal(alone.byline, 'Reuters Staff');
  assert.deepEqual(alone.bylineCredits, ['Reuters']);
  const mixed = read(page('', '<h1>Oil prices fall</h1><p class="byline">By Jane Doe, AFP</p>'));
  assert.equal(mixed.byline, 'Jane Doe');
  assert.deepEqual(mixed.bylineCredits, ['AFP']);
});

test('a named author wins over a user handle; the outlet, a comment author or a caption credit is never the byline', () => {
  const handle = read(
    page('<meta name="author" content="jdoe77">', '<h1>Storm warning</h1><div class="byline">By Jane Doe</div>'),
  );
  assert.equal(handle.byline, 'Jane Doe');
  const outlet = read(
    page(
      '<meta name="author" content="The Harbour Gazette"><meta property="og:site_name" content="The Harbour Gazette">',
      '<h1>Storm warning</h1><div class="comments"><span class="comment-author">Peter Miller</span></div><figure><figcaption class="credit">Photo: Ann Lee</figcaption></figure>',
    ),
  );
  assert.equal(outlet.byline, undefined);
  const several = read(
    page(ld({ '@type': 'NewsArticle', author: [{ name: 'Maria Ostrova' }, { name: 'Jonas Feld' }] }), '<h1>T</h1>'),
  );
  assert.equal(several.byline, 'Maria Ostrova and Jonas Feld');
});

test('dates by trust: JSON-LD, meta, <time>, the URL, then a date written beside the headline', () => {
  const url = 'https://example.org/news/2015/03/18/story';
  const all = page(
    `${ld({ '@type': 'NewsArticle', datePublished: '2015-03-17T10:00:00+01:00' })}<meta property="article:published_time" content="2015-03-16T09:00:00Z">`,
    '<article><h1>Story</h1><time datetime="2015-03-15T08:00:00Z">15 March</time></article>',
  );
  assert.equal(read(all, url).publishedAt, '2015-03-17T10:00:00+01:00');
  const metaAndTime = page(
    '<meta property="article:published_time" content="2015-03-16T09:00:00Z">',
    '<article><h1>Story</h1><time datetime="2015-03-15T08:00:00Z">15 March</time></article>',
  );
  assert.equal(read(metaAndTime, url).publishedAt, '2015-03-16T09:00:00Z');
  assert.equal(
    read(page('', '<article><h1>Story</h1><time datetime="2015-03-15">x</time></article>'), url).publishedAt,
    '2015-03-15',
  );
  assert.equal(read(page('', '<article><h1>Story</h1><p>Text.</p></article>'), url).publishedAt, '2015-03-18');
  assert.equal(
    read(page('', '<h1>Kein Wohngeld ohne Bewerbungen</h1><div>18.02.2022, 10:27 | Recht</div><p>Text.</p>'))
      .publishedAt,
    '2022-02-18',
  );
});

test('dates of comments and sidebars are not the article’s; implausible dates are dropped', () => {
  const meta = read(
    page(
      '',
      '<h1>Story</h1><section class="comments"><time datetime="2019-01-02T10:00:00Z">2 Jan</time></section><aside class="sidebar"><span class="date">1. Januar 2018</span></aside>',
    ),
  );
  assert.equal(meta.publishedAt, undefined);
  assert.equal(
    read(page('<meta property="article:published_time" content="2199-01-01">', '<h1>S</h1>')).publishedAt,
    undefined,
  );
});

test('written-out dates in the languages monitors read, by their day', () => {
  const dated = (text: string, lang = 'en') =>
    read(page('', `<h1>Story</h1><p class="date">${text}</p>`).replace('lang="en"', `lang="${lang}"`)).publishedAt;
  assert.equal(dated('October 19, 2019'), '2019-10-19');
  assert.equal(dated('19. Oktober 2019', 'de'), '2019-10-19');
  assert.equal(dated('Publié le 19 octobre 2019', 'fr'), '2019-10-19');
  assert.equal(dated('19 de octubre de 2019', 'es'), '2019-10-19');
  assert.equal(dated('19 октября 2019 г.', 'ru'), '2019-10-19');
  assert.equal(dated('2019年10月19日', 'zh'), '2019-10-19');
  assert.equal(dated('10/19/2019', 'en-US'), '2019-10-19');
  assert.equal(dated('05/04/2019', 'en-GB'), '2019-04-05');
  assert.equal(dated('31.02.2019', 'de'), undefined);
});

test('ISO dates keep the page’s offset; a time without a zone keeps only its day', () => {
  const at = (value: string) =>
    read(page(`<meta property="article:published_time" content="${value}">`, '<h1>S</h1>')).publishedAt;
  assert.equal(at('2022-01-27T12:45:36+0100'), '2022-01-27T12:45:36+01:00');
  assert.equal(at('2022-01-27T12:45:36.270+01'), '2022-01-27T12:45:36.270+01:00');
  assert.equal(at('2022-01-27 12:45'), '2022-01-27');
  assert.equal(at('Wed, 04 May 2022 00:25:56 GMT'), '2022-05-04T00:25:56.000Z');
  assert.equal(at('Di., 25.01.2022 - 14:45'), '2022-01-25');
});

test('the outlet: a known domain’s name over a section’s og:site_name, else the publisher, else og:site_name', () => {
  assert.equal(
    read(
      page('<meta property="og:site_name" content="Mac &amp; i">', '<h1>T</h1>'),
      'https://www.heise.de/mac-and-i/x.html',
    ).source,
    'heise online',
  );
  assert.equal(read(page('', '<h1>T</h1>'), 'https://edition.cnn.com/2024/01/01/world/x').source, 'CNN');
  assert.equal(
    read(
      page(
        `<meta property="og:site_name" content="Politics">${ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'The Harbour Gazette' } })}`,
        '<h1>T</h1>',
      ),
    ).source,
    'The Harbour Gazette',
  );
  assert.equal(read(page('<meta property="og:site_name" content="Start">', '<h1>T</h1>')).source, undefined);
});

test('JSON-LD: @graph, @id references, lenient parsing and entities', () => {
  const graph = page(
    `<script type="application/ld+json">{"@graph":[{"@type":"Person","@id":"#p","name":"Dmitri Aalto"},
      {"@type":"NewsArticle","headline":"Bridge &amp; tunnel reopen","author":{"@id":"#p"},"datePublished":"2026-02-27T16:10:00+01:00",}]}</script>`,
    '<h1>Bridge &amp; tunnel reopen</h1>',
  );
  const meta = read(graph);
  assert.equal(meta.byline, 'Dmitri Aalto');
  assert.equal(meta.title, 'Bridge & tunnel reopen');
  assert.equal(meta.publishedAt, '2026-02-27T16:10:00+01:00');
});

test('Readability fills only what the page left open, by the same rules', () => {
  const bare = read(page('', '<p>Text only.</p>'));
  const filled = withReadability(bare, {
    title: 'Water rationing extended',
    byline: 'By JANE DOE',
    siteName: 'Drazny Post',
    lang: 'en',
  });
  assert.equal(filled.title, 'Water rationing extended');
  assert.equal(filled.byline, 'Jane Doe');
  assert.equal(filled.source, 'Drazny Post');
});

test('through capture: a byline credit and a "(Reuters) -" lead are wire credits; an unknown domain is its host', () => {
  const html = page(
    ld({ '@type': 'NewsArticle', headline: 'Talks resume in Ostrel', author: { '@type': 'Person', name: 'Jane Doe' } }),
    `<article><h1>Talks resume in Ostrel</h1><p class="byline">By AFP</p>
     <p>OSTREL, March 16 (Reuters) - Talks between the government and the rebels resumed on Monday after a week of delays, officials said.</p>
     <p>${'Negotiators met behind closed doors for most of the day and will meet again on Tuesday. '.repeat(8)}</p></article>`,
  );
  const [item] = captureDocument({
    bytes: new TextEncoder().encode(html),
    name: 'https://ostrel-news.example/2026/03/16/talks',
    mediaType: 'text/html',
    method: 'url',
  }).items;
  assert.ok(item?.ok, item && !item.ok ? item.error : '');
  assert.equal(item.article.byline, 'Jane Doe');
  assert.deepEqual([...item.article.wireCredits].sort(), ['AFP', 'Reuters']);
  assert.equal(item.article.source, 'ostrel-news.example');
  assert.equal(item.article.publishedAt, '2026-03-16');
});
