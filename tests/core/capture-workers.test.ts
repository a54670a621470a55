// Page extraction on worker threads: the same results as on the archive's thread, matched to their pages, and in-thread when no thread can run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { captureDocument, type CaptureRequest, type CaptureResult } from '../../core/capture/capture-document.ts';
import { CaptureWorkers } from '../../core/capture/capture-workers.ts';
import { FIXTURES } from './helpers/capture-fixtures.ts';

/** A result as plain data, its bytes as base64: a Buffer sent to a thread comes back a Uint8Array. */
const plain = (result: CaptureResult): unknown =>
  JSON.parse(
    JSON.stringify(result, (_, value) => {
      // JSON.stringify has already turned a Buffer into { type: 'Buffer', data } by the time it gets here.
      if (value?.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data).toString('base64');
      return ArrayBuffer.isView(value) ? Buffer.from(value as Uint8Array).toString('base64') : value;
    }),
  );

const request = async (file: string): Promise<CaptureRequest> => ({
  bytes: await readFile(join(FIXTURES, file)),
  name: file,
  method: 'file',
});

test('pages extracted on threads give what captureDocument gives, each matched to its own page', async (t) => {
  const pool = new CaptureWorkers(2);
  t.after(() => pool.close());
  const files = [
    'jsonld-newsarticle.html',
    'arabic-windows-1256.html',
    'russian-koi8r.html',
    'opengraph-only.html',
    'hostile.html',
    'plain.txt',
    'feed-rss.xml',
  ];
  const requests = await Promise.all(files.map(request));
  // All at once, more than there are threads: replies come back in any order.
  const results = await Promise.all(requests.map((r) => pool.capture(r)));
  for (const [i, result] of results.entries()) assert.deepEqual(plain(result), plain(captureDocument(requests[i]!)));
  assert.ok(results.every((result) => result.items.length > 0 && result.items.every((item) => item.ok)));
});

test('a bad page is a failed item from a thread too, and the thread goes on with the next', async (t) => {
  const pool = new CaptureWorkers(1);
  t.after(() => pool.close());
  const bad: CaptureRequest = { bytes: Buffer.from([0, 1, 2, 255, 0, 0]), name: 'binary.html', method: 'file' };
  const [failed, next] = await Promise.all([pool.capture(bad), pool.capture(await request('plain.txt'))]);
  assert.equal(failed.items[0]?.ok, false);
  assert.deepEqual(plain(failed), plain(captureDocument(bad)));
  assert.equal(next.items[0]?.ok, true);
});

test('with no threads, or once closed, pages are still extracted, on this thread', async () => {
  const page = await request('jsonld-newsarticle.html');
  const none = new CaptureWorkers(0);
  assert.deepEqual(plain(await none.capture(page)), plain(captureDocument(page)));
  const pool = new CaptureWorkers(2);
  await pool.capture(page);
  await pool.close();
  assert.deepEqual(plain(await pool.capture(page)), plain(captureDocument(page)));
});

test('on Linux the extraction threads run at a lower priority than the archive thread that answers the UI', async (t) => {
  if (process.platform !== 'linux') return t.skip('a nice value is per thread only on Linux');
  const nices = () =>
    readdirSync('/proc/self/task').map((task) =>
      Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
    );
  const before = nices().filter((nice) => nice === 10).length;
  const pool = new CaptureWorkers(2);
  t.after(() => pool.close());
  const page = await request('jsonld-newsarticle.html');
  await Promise.all([pool.capture(page), pool.capture(page)]);
  assert.equal(nices().filter((nice) => nice === 10).length - before, 2, 'both extraction threads');
  assert.equal(getPriority(), 0, 'this thread, and so the process, keeps its priority');
});
