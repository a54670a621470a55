// The IPC handler's answer, in Node on a real archive: every call gets a Reply, whatever the renderer sends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerArchiveCall } from '../../electron/archive-call.ts';
import { openFor, tempDir } from '../core/helpers/temp-dir.ts';

test('a trusted call reaches the gate; an untrusted one is refused without touching the archive', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const status = await answerArchiveCall(archive, true, 'getStatus', []);
  assert.equal(status.ok, true);
  const refused = await answerArchiveCall(archive, false, 'addArticle', [{ text: 'x' }]);
  assert.deepEqual(refused, {
    ok: false,
    error: { code: 'unauthorized', message: 'Only the Newsdesk window may use the archive.' },
  });
  assert.equal((await archive.listArticles()).total, 0);
});

test('what is not a contract method name gets a not_found reply, never a throw or a conversion', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const hostile = { toString: 1, valueOf: 1 };
  for (const method of [hostile, ['getStatus'], 42, null, '__proto__', 'constructor', 'exportToFile']) {
    const reply = await answerArchiveCall(archive, true, method, []);
    assert.equal(reply.ok, false, String(JSON.stringify(method)));
    if (!reply.ok) assert.equal(reply.error.code, 'not_found');
  }
  const badArgs = await answerArchiveCall(archive, true, 'getArticle', { 0: 'x' });
  assert.equal(!badArgs.ok && badArgs.error.code, 'invalid');
});
