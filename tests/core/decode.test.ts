// Page bytes to text: a BOM, then valid multi-byte UTF-8 whatever is declared, then the declarations, then detection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeMarkup, encodingName, utf8Shape } from '../../core/capture/decode.ts';

/** Bytes of `text` in a legacy encoding, by inverting the runtime's own decoder (one and two-byte codes). */
function encodeLegacy(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number[]>();
  for (let b = 0; b < 256; b++) {
    const char = decoder.decode(new Uint8Array([b]));
    if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [b]);
  }
  if ([...text].some((char) => !table.has(char)))
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
      }
  return new Uint8Array(
    [...text].flatMap((char) => {
      const bytes = table.get(char);
      if (!bytes) throw new Error(`${encoding} cannot encode ${char}`);
      return bytes;
    }),
  );
}

const concat = (...parts: (string | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((part) => [...(typeof part === 'string' ? new TextEncoder().encode(part) : part)]));

const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

const CHINESE = '国务院新闻办公室今天举行发布会，介绍防汛抗旱工作进展情况。';
const ARABIC = 'أعلنت السلطات المحلية إغلاق الطريق الساحلي بسبب الفيضانات.';
const RUSSIAN = 'Власти города объявили о временном закрытии моста через реку.';

test('a page declared gb2312 whose bytes are valid UTF-8 Chinese is UTF-8 (a saved page keeps its old declaration)', () => {
  const bytes = new TextEncoder().encode(
    page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', CHINESE),
  );
  const decoded = decodeMarkup(bytes);
  assert.equal(decoded.encoding, 'UTF-8');
  assert.ok(decoded.text.includes(CHINESE));
});

test('a real gb2312 page is decoded by its declaration', () => {
  const bytes = concat(page('<meta charset="gb2312">', ''), encodeLegacy(CHINESE, 'gbk'));
  const decoded = decodeMarkup(bytes);
  assert.equal(decoded.encoding, 'GBK');
  assert.ok(decoded.text.includes(CHINESE));
});

test('a windows-1256 Arabic page and a KOI8-R Russian page are decoded by their declarations', () => {
  const arabic = concat(
    '<html><head><meta charset="windows-1256"></head><body><p>',
    encodeLegacy(ARABIC, 'windows-1256'),
  );
  assert.deepEqual(decodeMarkup(arabic).encoding, 'windows-1256');
  assert.ok(decodeMarkup(arabic).text.includes(ARABIC));
  const russian = concat(
    '<html><head><meta http-equiv="content-type" content="text/html; charset=koi8-r"></head><body><p>',
    encodeLegacy(RUSSIAN, 'koi8-r'),
  );
  assert.equal(decodeMarkup(russian).encoding, 'KOI8-R');
  assert.ok(decodeMarkup(russian).text.includes(RUSSIAN));
});

test('a BOM wins over a wrong declaration, and is not part of the text', () => {
  const bytes = concat(
    new Uint8Array([0xef, 0xbb, 0xbf]),
    page('<meta charset="windows-1252">', 'Zürich, «café» — 10 €'),
  );
  const decoded = decodeMarkup(bytes, { declared: 'iso-8859-1' });
  assert.equal(decoded.encoding, 'UTF-8');
  assert.ok(decoded.text.startsWith('<!doctype'));
  assert.ok(decoded.text.includes('Zürich, «café» — 10 €'));
});

test('the transport charset comes before the page’s own <meta> for legacy bytes', () => {
  const bytes = concat(
    '<html><head><meta charset="windows-1252"></head><body><p>',
    encodeLegacy(RUSSIAN, 'windows-1251'),
  );
  const decoded = decodeMarkup(bytes, { declared: 'windows-1251' });
  assert.equal(decoded.encoding, 'windows-1251');
  assert.ok(decoded.text.includes(RUSSIAN));
});

test('a <meta charset> past the first 1,024 bytes still counts, as browsers re-decode on it', () => {
  const bytes = concat(
    `<html><head><script>${'var x = 1;\n'.repeat(200)}</script><meta charset="windows-1256"></head><body><p>`,
    encodeLegacy(ARABIC, 'windows-1256'),
  );
  assert.equal(decodeMarkup(bytes).encoding, 'windows-1256');
});

test('a declared UTF-8 that the bytes contradict gives way to the next declaration (a web archive around a gb2312 page)', () => {
  const bytes = concat(
    '<html><head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>',
    encodeLegacy(CHINESE, 'gbk'),
  );
  const decoded = decodeMarkup(bytes);
  assert.equal(decoded.encoding, 'GBK');
  assert.ok(decoded.text.includes(CHINESE));
});

test('UTF-8 with one stray Latin-1 byte stays UTF-8 when declared so', () => {
  const bytes = concat(
    page('<meta charset="utf-8">', 'Добро пожаловать в Москву, Zürich'),
    new Uint8Array([0xe9]),
    ' fin',
  );
  const decoded = decodeMarkup(bytes);
  assert.equal(decoded.encoding, 'UTF-8');
  assert.ok(decoded.text.includes('Добро пожаловать в Москву, Zürich'));
});

test('undeclared legacy pages are detected: windows-1251 Russian, GBK Chinese', () => {
  const russian = concat('<html><body><p>', encodeLegacy(RUSSIAN.repeat(3), 'windows-1251'), '</p></body></html>');
  assert.equal(decodeMarkup(russian).encoding, 'windows-1251');
  const chinese = concat('<html><body><p>', encodeLegacy(CHINESE.repeat(3), 'gbk'), '</p></body></html>');
  assert.ok(decodeMarkup(chinese).text.includes(CHINESE));
});

test('plain ASCII is UTF-8 whatever it declares (it reads the same); ISO-2022-JP, all 7-bit, goes by its declaration', () => {
  assert.equal(decodeMarkup(new TextEncoder().encode(page('<meta charset="iso-8859-1">', 'plain'))).encoding, 'UTF-8');
  assert.equal(decodeMarkup(new TextEncoder().encode(page('', 'plain'))).encoding, 'UTF-8');
  const japanese = concat(
    page('<meta charset="iso-2022-jp">', ''),
    new Uint8Array([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]),
  );
  const decoded = decodeMarkup(japanese);
  assert.equal(decoded.encoding, 'ISO-2022-JP');
  assert.ok(decoded.text.includes('日本'));
});

test('an XML feed is decoded by its XML declaration', () => {
  const bytes = concat(
    '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>',
    encodeLegacy('Café Zürich', 'windows-1252'),
  );
  const decoded = decodeMarkup(bytes, { xml: true });
  assert.equal(decoded.encoding, 'windows-1252');
  assert.ok(decoded.text.includes('Café Zürich'));
});

test('encoding labels get their standard names; unknown labels none', () => {
  assert.equal(encodingName('gb2312'), 'GBK');
  assert.equal(encodingName(' KOI8-R '), 'KOI8-R');
  assert.equal(encodingName('latin1'), 'windows-1252');
  assert.equal(encodingName('utf-16'), 'UTF-8');
  assert.equal(encodingName('x-no-such-charset'), null);
});

test('utf8Shape counts well-formed sequences and stray bytes (no overlongs, no surrogates)', () => {
  assert.deepEqual(utf8Shape(new TextEncoder().encode('aé€😀')), { sequences: 3, errors: 0 });
  assert.deepEqual(utf8Shape(new Uint8Array([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x41])), { sequences: 0, errors: 5 });
});
