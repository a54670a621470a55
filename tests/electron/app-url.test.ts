// The desktop shell's URL rules, tested in plain Node: which app:// URL names which file, what may load, what may open.
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  isAllowedRequest,
  isAppUrl,
  isExternalLink,
  resolveAppFile,
} from '../../electron/app-url.ts';

const root = resolve('/srv/newsdesk/dist/renderer');

test('an app:// URL names a file inside the UI folder', () => {
  assert.equal(resolveAppFile(root, APP_ENTRY_URL), join(root, 'index.html'));
  assert.equal(resolveAppFile(root, 'app://newsdesk/'), join(root, 'index.html'));
  assert.equal(resolveAppFile(root, 'app://newsdesk/assets/index-3f2a.js?v=1#x'), join(root, 'assets/index-3f2a.js'));
  assert.equal(resolveAppFile(root, 'app://newsdesk/assets/a%20b.css'), join(root, 'assets/a b.css'));
  assert.equal(resolveAppFile(root, 'app://newsdesk/..foo.js'), join(root, '..foo.js'));
});

test('dot segments stay inside the UI folder, encoded ones are refused', () => {
  // The URL parser resolves plain and %2e dot segments before we see them; what is left cannot climb out.
  assert.equal(resolveAppFile(root, 'app://newsdesk/../secret'), join(root, 'secret'));
  assert.equal(resolveAppFile(root, 'app://newsdesk/%2e%2e/secret'), join(root, 'secret'));
  // An encoded slash survives parsing and becomes a real ".." on disk once decoded.
  assert.equal(resolveAppFile(root, 'app://newsdesk/assets/..%2f..%2fsecret'), null);
  assert.equal(resolveAppFile(root, 'app://newsdesk/%2e%2e%2f%2e%2e%2fetc/passwd'), null);
});

test('other hosts, other schemes and malformed paths are not served', () => {
  for (const url of [
    'app://newsdesk/a%00.js',
    'app://newsdesk/%E0%A4%A',
    'app://other/index.html',
    'app://newsdesk.evil/index.html',
    'app://newsdesk:8080/index.html',
    'file:///srv/newsdesk/dist/renderer/index.html',
    'https://newsdesk/index.html',
    'not a url',
  ])
    assert.equal(resolveAppFile(root, url), null, url);
});

test('only our own origin is ours', () => {
  assert.ok(isAppUrl('app://newsdesk/index.html'));
  assert.ok(isAppUrl('app://newsdesk'));
  assert.ok(!isAppUrl('app://other/index.html'));
  assert.ok(!isAppUrl('http://newsdesk/index.html'));
  assert.ok(!isAppUrl('about:blank'));
  assert.ok(!isAppUrl(''));
});

test('the window may load our files and inline data, never the network or the disk', () => {
  for (const url of [
    'app://newsdesk/assets/x.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,AA==',
    'blob:app://newsdesk/1d2c',
  ])
    assert.ok(isAllowedRequest(url), url);
  for (const url of [
    'https://example.org/',
    'http://127.0.0.1:8080/',
    'ws://localhost/',
    'file:///etc/passwd',
    'app://other/x',
    'ftp://x/',
  ])
    assert.ok(!isAllowedRequest(url), url);
});

test('only web pages open in the browser', () => {
  assert.ok(isExternalLink('https://www.reuters.com/world/'));
  assert.ok(isExternalLink('http://example.org'));
  for (const url of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'app://newsdesk/',
    'mailto:a@b.c',
    'https:',
    '',
  ])
    assert.ok(!isExternalLink(url), url);
});

test('files get a type that nosniff will accept, unknown ones a type nothing executes', () => {
  assert.equal(contentTypeFor('/x/index.html'), 'text/html; charset=utf-8');
  assert.equal(contentTypeFor('/x/app.JS'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeFor('/x/font.woff2'), 'font/woff2');
  assert.equal(contentTypeFor('/x/README'), 'application/octet-stream');
});
