// The feed reader on hand-written fixtures: RSS, Atom, OPML, dates, and the documents it must refuse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDate } from '../../core/capture/feed-dates.ts';
import { sniffFeedKind } from '../../core/capture/feed-xml.ts';
import { parseFeed, MAX_FEED_ITEMS } from '../../core/capture/feeds.ts';
import { parseOpml } from '../../core/capture/opml.ts';
import { ArchiveError } from '../../core/errors.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/capture/${name}`, import.meta.url), 'utf8');
const ORIGIN = 'https://www.harrowgate-post.example/region/feed.xml';

function assertInvalid(run: () => unknown, message: RegExp) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ArchiveError, `expected an ArchiveError, got ${String(error)}`);
    assert.equal(error.code, 'invalid');
    assert.match(error.message, message);
    return true;
  });
}

describe('sniffFeedKind', () => {
  it('names the kind from the root element, past the prolog', () => {
    assert.equal(sniffFeedKind(fixture('feed-rss.xml')), 'rss');
    assert.equal(sniffFeedKind(fixture('feed-atom.xml')), 'atom');
    assert.equal(sniffFeedKind(fixture('feeds.opml')), 'opml');
    // The bomb must reach parseFeed (and its clear refusal), not be dismissed as "not a feed".
    assert.equal(sniffFeedKind(fixture('feed-entity-bomb.xml')), 'rss');
    assert.equal(
      sniffFeedKind('\uFEFF<!-- generated --><?xml-stylesheet href="a.xsl"?>\n<rdf:RDF xmlns:rdf="x"/>'),
      'rss',
    );
  });

  it('says null for pages, text and broken prologs', () => {
    assert.equal(sniffFeedKind('<!DOCTYPE html><html><body>hi</body></html>'), null);
    assert.equal(sniffFeedKind('just some text'), null);
    assert.equal(sniffFeedKind('<?xml version="1.0"'), null);
    assert.equal(sniffFeedKind(''), null);
  });
});

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(fixture('feed-rss.xml'), ORIGIN);

  it('reads the channel, not the atom:link beside it', () => {
    assert.equal(feed.title, 'Harrowgate Evening Post - Region');
    assert.equal(feed.siteUrl, 'https://www.harrowgate-post.example/region/');
    assert.equal(feed.items.length, 3);
  });

  it('prefers content:encoded, keeps the name from an e-mail author, converts RFC 822 dates with their offset', () => {
    const [first] = feed.items;
    assert.equal(first!.title, 'Velmora levee breach: 4,000 evacuated as the Drava keeps rising');
    assert.equal(first!.link, 'https://www.harrowgate-post.example/region/2026/03/14/velmora-levee-breach');
    assert.equal(first!.guid, 'hep-region-88213');
    assert.equal(first!.author, 'Lena Marsh');
    assert.equal(first!.publishedAt, '2026-03-14T09:30:00+02:00');
    assert.equal(first!.updatedAt, '');
    assert.match(first!.html, /^<p><strong>VELMORA<\/strong> &mdash; Civil protection crews/);
    assert.match(first!.html, /Read our report on Friday's warnings/);
    assert.doesNotMatch(first!.html, /CDATA/);
  });

  it('falls back to an entity-escaped description, decoded once', () => {
    const second = feed.items[1]!;
    assert.equal(second.author, '');
    assert.equal(second.publishedAt, '2026-03-13T18:05:00+00:00');
    assert.equal(
      second.html,
      '<p>Dockworkers in Ostrel will stay out &amp; the harbour authority says it has <em>no plans</em> to return to the table before the end of the month.</p><p>Forty-one container ships are waiting off the breakwater.</p>',
    );
  });

  it('reads dc:creator and decodes references in titles', () => {
    const third = feed.items[2]!;
    assert.equal(third.author, 'Tomas Rieke');
    assert.equal(third.title, 'Karovsk council approves €12m bridge repair & resurfacing plan');
    assert.equal(third.publishedAt, '2026-03-12T07:15:00-05:00');
    assert.match(third.html, /^<p>The old Tanners' Bridge/);
  });

  it("keeps each item's own XML source for provenance", () => {
    for (const item of feed.items) {
      assert.match(item.raw, /^<item>[\s\S]*<\/item>$/);
      assert.equal(item.raw.match(/<item>/g)!.length, 1);
    }
    assert.match(feed.items[0]!.raw, /<!\[CDATA\[<p><strong>VELMORA/);
  });
});

describe('parseFeed: Atom 1.0', () => {
  const feed = parseFeed(fixture('feed-atom.xml'), 'https://osterfeld-monitor.example/feed.atom');

  it('reads the feed and its alternate link', () => {
    assert.equal(feed.title, 'Osterfeld Monitor');
    assert.equal(feed.siteUrl, 'https://osterfeld-monitor.example/');
    assert.equal(feed.items.length, 2);
  });

  it('reads entries: HTML titles as text, html content, published and updated with their offsets', () => {
    const [first, second] = feed.items;
    assert.equal(first!.title, 'Checkpoint at Drazny crossing reopens after three days');
    assert.equal(first!.link, 'https://osterfeld-monitor.example/2026/03/15/drazny-checkpoint-reopens');
    assert.equal(first!.guid, 'tag:osterfeld-monitor.example,2026:entry-5521');
    assert.equal(first!.author, 'Ines Vollmar');
    assert.equal(first!.publishedAt, '2026-03-15T09:12:00+01:00');
    assert.equal(first!.updatedAt, '2026-03-15T14:03:27+01:00');
    assert.match(first!.html, /^<p>The Drazny crossing reopened to freight at 7 a\.m\. on Sunday/);
    assert.match(first!.html, /&quot;a technical failure in the scanning hall&quot;/);
    assert.match(first!.raw, /^<entry>[\s\S]*<\/entry>$/);

    assert.equal(second!.author, 'Marek Sollinger, Ines Vollmar');
    assert.equal(second!.publishedAt, '2026-03-14T17:45:00-03:30');
    assert.equal(second!.updatedAt, '2026-03-14T18:02:00-03:30');
  });

  it('takes XHTML content from the source, inherits the feed author, resolves relative links', () => {
    const atom = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><author><name>Desk</name></author>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> claim</div></title>
<link href="/a/1"/><id>1</id><updated>2026-03-14T10:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; <em>two</em></p><p>Three</p></div></content></entry>
<entry><title>Text</title><id>2</id><content type="text">Line one &lt;not a tag&gt;

Second paragraph</content></entry>
</feed>`;
    const [first, second] = parseFeed(atom, 'https://monitor.example/feed.atom').items;
    assert.equal(first!.title, 'A bold claim');
    assert.equal(first!.link, 'https://monitor.example/a/1');
    assert.equal(first!.author, 'Desk');
    assert.equal(first!.publishedAt, '');
    assert.equal(first!.updatedAt, '2026-03-14T10:00:00+00:00');
    assert.equal(first!.html, '<p>One &amp; <em>two</em></p><p>Three</p>');
    assert.equal(second!.html, '<p>Line one &lt;not a tag&gt;</p>\n<p>Second paragraph</p>');
    assert.equal(second!.guid, '2');
  });
});

describe('parseFeed: other shapes', () => {
  it('reads RSS 1.0 (RDF) with items beside the channel and dc:date', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old Wire</title><link>https://old.example/</link></channel>
  <item rdf:about="https://old.example/n/1"><title>First</title><link>https://old.example/n/1</link>
    <description>Body one</description><dc:creator>A. Writer</dc:creator><dc:date>2026-03-14T09:30+02:00</dc:date></item>
  <item rdf:about="https://old.example/n/2"><title>Second</title><link>https://old.example/n/2</link><dc:date>2026-03-13</dc:date></item>
</rdf:RDF>`;
    const feed = parseFeed(rdf, 'https://old.example/rss');
    assert.equal(feed.title, 'Old Wire');
    assert.deepEqual(
      feed.items.map((item) => [item.title, item.guid, item.author, item.publishedAt, item.html]),
      [
        ['First', 'https://old.example/n/1', 'A. Writer', '2026-03-14T09:30:00+02:00', 'Body one'],
        ['Second', 'https://old.example/n/2', '', '2026-03-13', ''],
      ],
    );
  });

  it('accepts a DOCTYPE without entities, bare ampersands, CRLF line ends and unescaped markup', () => {
    const rss =
      '<?xml version="1.0"?>\r\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\r\n' +
      '<rss version="0.91"><channel><title>Fish & Chips Weekly</title><link>https://fish.example/</link>\r\n' +
      '<item><title>Cod</title><link>https://fish.example/?a=1&b=2</link><description><p>Batter &amp; <b>salt</b></p></description></item>\r\n' +
      '</channel></rss>';
    const feed = parseFeed(rss, 'https://fish.example/rss');
    assert.equal(feed.title, 'Fish & Chips Weekly');
    const [item] = feed.items;
    assert.equal(item!.link, 'https://fish.example/?a=1&b=2');
    assert.equal(item!.html, '<p>Batter &amp; <b>salt</b></p>');
    assert.equal(item!.raw, rss.slice(rss.indexOf('<item>'), rss.indexOf('</item>') + 7));
  });

  it('uses a permalink guid when an item has no link, and caps the items', () => {
    const items = Array.from(
      { length: MAX_FEED_ITEMS + 5 },
      (_, i) => `<item><guid>https://n.example/${i}</guid><title>${i}</title></item>`,
    ).join('');
    const feed = parseFeed(`<rss><channel><title>Many</title>${items}</channel></rss>`, 'https://n.example/rss');
    assert.equal(feed.items.length, MAX_FEED_ITEMS);
    assert.equal(feed.items[0]!.link, 'https://n.example/0');
    assert.equal(feed.items[0]!.title, '0');
  });

  it('refuses what is not a feed', () => {
    assertInvalid(() => parseFeed('<html><body><p>Hello</p></body></html>', ORIGIN), /not <rss> or <feed>/);
    assertInvalid(
      () => parseFeed(fixture('feeds.opml'), ORIGIN),
      /^Not a valid RSS\/Atom feed: the document is <opml>/,
    );
    assertInvalid(() => parseFeed('', ORIGIN), /^Not a valid RSS\/Atom feed: /);
    assertInvalid(() => parseFeed('Ostrel port strike enters second week', ORIGIN), /^Not a valid RSS\/Atom feed: /);
  });

  it('refuses malformed XML with the reason and the line', () => {
    assertInvalid(
      () => parseFeed('<rss><channel>\n<title>A</channel></rss>', ORIGIN),
      /^Not a valid RSS\/Atom feed: Expected closing tag 'title'.*\(line 2\)\.$/,
    );
    assertInvalid(() => parseFeed('<rss><channel><title>A</title>', ORIGIN), /^Not a valid RSS\/Atom feed: /);
    assertInvalid(() => parseFeed('<rss><channel><item a="1" a="2"/></channel></rss>', ORIGIN), /^Not a valid/);
  });
});

describe('parseFeed: hostile documents', () => {
  it('refuses a billion-laughs bomb at once, in little memory', () => {
    const text = fixture('feed-entity-bomb.xml');
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    assertInvalid(
      () => parseFeed(text, ORIGIN),
      /^The feed declares XML entities \(lol, lol2, lol3 and 7 more\); refused to avoid an entity-expansion attack\.$/,
    );
    assert.ok(performance.now() - started < 100, 'refused in well under a second');
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 20_000_000, 'without expanding anything');
  });

  it('refuses a bomb hidden behind comments, parameter entities or odd spacing', () => {
    const variants = [
      '<!DOCTYPE rss [<!-- ]> --><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>',
      '<!DOCTYPE rss [ <!ENTITY % p "x"> ]><rss/>',
      '<!doctype rss [\n\t<!entity\ta "x">]><rss/>',
    ];
    for (const text of variants) assertInvalid(() => parseFeed(text, ORIGIN), /declares XML entities/);
  });

  it('never resolves an external entity', () => {
    let message = '';
    try {
      parseFeed(fixture('feed-external-entity.xml'), ORIGIN);
    } catch (error) {
      assert.ok(error instanceof ArchiveError);
      message = error.message;
    }
    assert.match(message, /declares XML entities \(xxe, some pointing at outside files or URLs\)/);
    assert.doesNotMatch(message, /root:/);
    // And a reference to an undeclared entity is left as text, never looked up anywhere.
    const feed = parseFeed('<rss><channel><item><title>&xxe;</title></item></channel></rss>', ORIGIN);
    assert.equal(feed.items[0]!.title, '&xxe;');
  });

  it('throws nothing but ArchiveError on arbitrary input, and never hangs', () => {
    const xmlish = fc.stringMatching(/^[<>/?![\]&;#a-z:"'= \n-]{0,200}$/);
    const fragments = fc.constantFrom(
      '<rss>',
      '</rss>',
      '<channel>',
      '</channel>',
      '<item>',
      '</item>',
      '<feed>',
      '<entry>',
      '<title>',
      '</title>',
      '<![CDATA[',
      ']]>',
      '<!DOCTYPE rss [',
      ']>',
      '<!--',
      '-->',
      '&amp;',
      '&#x0;',
      '&#99999999;',
      '<link href="javascript:x"/>',
      '<pubDate>Sat, 14 Mar 2026 25:61:00 +9999</pubDate>',
      '<content type="xhtml"><div>',
      '<a:b:c>',
      '<__proto__>',
      '<constructor>',
    );
    const documents = fc.oneof(
      fc.string(),
      xmlish,
      fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(documents, (text) => {
        const started = performance.now();
        for (const run of [() => parseFeed(text, ORIGIN), () => parseOpml(text), () => sniffFeedKind(text)]) {
          try {
            run();
          } catch (error) {
            if (!(error instanceof ArchiveError)) throw error;
            assert.equal(error.code, 'invalid');
          }
        }
        assert.ok(performance.now() - started < 500, 'no input takes long');
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on a deep or long document', () => {
    const deep = '<rss><channel>' + '<x>'.repeat(5000) + '</x>'.repeat(5000) + '</channel></rss>';
    const started = performance.now();
    try {
      parseFeed(deep, ORIGIN);
    } catch (error) {
      assert.ok(error instanceof ArchiveError);
    }
    const long = `<rss><channel><item><description>${'&lt;p&gt;word &amp; '.repeat(200_000)}</description></item></channel></rss>`;
    assert.equal(parseFeed(long, ORIGIN).items[0]!.html.length, '<p>word & '.length * 200_000 - 1);
    assert.ok(performance.now() - started < 5000);
  });
});

describe('parseOpml', () => {
  it('flattens nested outlines into feeds', () => {
    assert.deepEqual(parseOpml(fixture('feeds.opml')), {
      title: 'Varna valley monitoring',
      feeds: [
        {
          title: 'Harrowgate Evening Post - Region',
          xmlUrl: 'https://www.harrowgate-post.example/region/feed.xml',
          htmlUrl: 'https://www.harrowgate-post.example/region/',
        },
        {
          title: 'Osterfeld Monitor',
          xmlUrl: 'https://osterfeld-monitor.example/feed.atom',
          htmlUrl: 'https://osterfeld-monitor.example/',
        },
        {
          title: 'Karovsk City Hall notices',
          xmlUrl: 'https://karovsk-city.example/notices/rss?lang=en&section=all',
          htmlUrl: 'https://karovsk-city.example/notices/',
        },
      ],
    });
  });

  it('lists each feed once, and refuses feeds, bombs and broken files', () => {
    const twice =
      '<opml><body><outline xmlUrl="https://a.example/f"/><outline><outline xmlUrl="https://a.example/f" text="again"/></outline></body></opml>';
    assert.equal(parseOpml(twice).feeds.length, 1);
    assertInvalid(() => parseOpml(fixture('feed-rss.xml')), /^Not a valid OPML list: the document is <rss>/);
    assertInvalid(() => parseOpml(fixture('feed-entity-bomb.xml')), /declares XML entities/);
    assertInvalid(() => parseOpml('<opml><body><outline></body></opml>'), /^Not a valid OPML list: /);
  });
});

describe('parseDate', () => {
  it('converts RFC 822 and W3C dates to ISO with the offset they gave', () => {
    const cases: [string, string][] = [
      ['Sat, 14 Mar 2026 09:30:00 +0200', '2026-03-14T09:30:00+02:00'],
      ['Sat, 14 Mar 2026 09:30:00 GMT', '2026-03-14T09:30:00+00:00'],
      ['14 Mar 2026 09:30 EST', '2026-03-14T09:30:00-05:00'],
      ['Sat,  4 March 2026 9:05:00 +05:30', '2026-03-04T09:05:00+05:30'],
      ['Sat, 14 Sept 2026 09:30:00 -0330', '2026-09-14T09:30:00-03:30'],
      ['Sat, 14 Mar 26 09:30:00 +0000', '2026-03-14T09:30:00+00:00'],
      ['Sat, 14 Mar 2026 09:30:00 IST', '2026-03-14'],
      ['Sat, 14 Mar 2026', '2026-03-14'],
      ['2026-03-14T09:30:00.250+02:00', '2026-03-14T09:30:00.250+02:00'],
      ['2026-03-14T09:30:00Z', '2026-03-14T09:30:00+00:00'],
      ['2026-03-14 09:30:00+0200', '2026-03-14T09:30:00+02:00'],
      ['2026-03-14T09:30:00', '2026-03-14'],
      ['2026-03-14', '2026-03-14'],
      ['2026-02-30', ''],
      ['Sat, 31 Apr 2026 09:30:00 GMT', ''],
      ['Sat, 14 Mar 2026 24:00:00 GMT', ''],
      ['yesterday', ''],
      ['', ''],
    ];
    for (const [input, expected] of cases) assert.equal(parseDate(input), expected, input);
  });
});
