// The PDF printer's page: its one address answers with the report under a CSP that loads nothing, every other address is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowedRequest } from '../../electron/app-url.ts';
import { isPrintRequest, PRINT_CSP, PRINT_URL, printResponse } from '../../electron/print-page.ts';

const REPORT = new TextEncoder().encode(
  '<!doctype html><title>Report</title><style>h1{color:red}</style><h1>Karovsk</h1>',
);

test('the print URL answers with the report, as HTML, under a CSP that allows inline styles and nothing else', async () => {
  const response = printResponse(PRINT_URL, REPORT);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(response.headers.get('content-security-policy'), PRINT_CSP);
  assert.match(PRINT_CSP, /default-src 'none'/);
  assert.doesNotMatch(PRINT_CSP, /script-src|connect-src|\*/);
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), REPORT);
  assert.doesNotMatch(PRINT_URL, /^file:|^data:/, 'no file: and no data: URL');
});

test('any other address in the printing session is refused: other paths, hosts, schemes, the local disk', () => {
  for (const url of [
    'newsdesk-print://report/other.css',
    'newsdesk-print://evil/index.html',
    'file:///etc/passwd',
    'https://example.org/',
    'data:text/html,<h1>x</h1>',
  ]) {
    assert.equal(isPrintRequest(url), false, url);
    assert.equal(printResponse(url, REPORT).status, 404, url);
  }
  assert.equal(isPrintRequest(PRINT_URL), true);
  assert.equal(isAllowedRequest(PRINT_URL), false, 'the app window itself never loads the print page');
});
