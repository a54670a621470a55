// Before a link leaves the app the user sees its full address and real host; Cancel is the default, and non-web links are never offered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { externalLinkPrompt, OPEN_BUTTON } from '../../electron/external-link.ts';

test('a web link is offered with its full address, its site and Cancel as the default', () => {
  const prompt = externalLinkPrompt('https://www.reuters.com/world/middle-east/story-2024?id=7#top')!;
  assert.equal(prompt.url, 'https://www.reuters.com/world/middle-east/story-2024?id=7#top');
  assert.match(prompt.detail, /^https:\/\/www\.reuters\.com\/world\/middle-east\/story-2024\?id=7#top$/m);
  assert.match(prompt.detail, /^Site: www\.reuters\.com$/m);
  assert.equal(prompt.buttons[OPEN_BUTTON], 'Open in browser');
  assert.equal(prompt.defaultId, prompt.cancelId);
  assert.notEqual(prompt.defaultId, OPEN_BUTTON, 'Enter does not open it');
});

test('a user name in front of the host does not pass one site off as another', () => {
  const prompt = externalLinkPrompt('https://www.reuters.com@evil.example/world')!;
  assert.match(prompt.detail, /^Site: evil\.example$/m);
  assert.match(prompt.detail, /carries a user name/);
});

test('an international host is shown both as xn-- and in its letters, so a look-alike shows', () => {
  // "аpple.com" with a Cyrillic а.
  const prompt = externalLinkPrompt('https://\u0430pple.com/login')!;
  assert.equal(prompt.url, 'https://xn--pple-43d.com/login');
  assert.match(prompt.detail, /^Site: xn--pple-43d\.com \(\u0430pple\.com\)$/m);
  assert.match(externalLinkPrompt('http://example.org/')!.detail, /Not encrypted/);
});

test('file:, javascript:, custom handlers and malformed addresses get no prompt at all', () => {
  for (const url of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-settings:',
    'smb://host/s',
    'https:',
    'not a url',
  ])
    assert.equal(externalLinkPrompt(url), null, url);
});
