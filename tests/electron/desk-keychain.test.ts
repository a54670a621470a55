// The desktop app's desk password: kept encrypted in one file, given back only for its desk and user, never when the keychain cannot decrypt it; how it is kept said plainly; forgotten when the desk is left.
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { answerArchiveCall } from '../../electron/archive-call.ts';
import { DeskKeychain, type Cipher } from '../../electron/desk-keychain.ts';
import { startCouch } from '../core/helpers/couch-server.ts';
import { openFor, tempDir } from '../core/helpers/temp-dir.ts';

/** A real cipher standing in for the OS keychain (Electron's safeStorage cannot run here): AES-256-GCM under a key of its own. */
function keychain(available = true): Cipher {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const DESK = 'https://couch.example.org/desk';

test('the password is kept encrypted and given back for its desk and user only', async (t) => {
  const file = join(await tempDir(t), 'desk-password.json');
  const chain = new DeskKeychain(file, keychain());
  await chain.save({ url: `${DESK}/`, user: 'alice', password: 'correct horse battery' });
  assert.doesNotMatch(await readFile(file, 'utf8'), /correct horse/, 'not in clear on disk');
  assert.deepEqual(await chain.credentials({ url: DESK, user: 'alice' }), {
    user: 'alice',
    password: 'correct horse battery',
  });
  assert.deepEqual(await chain.credentials({ url: DESK, user: null }), {
    user: 'alice',
    password: 'correct horse battery',
  });
  assert.equal(await chain.credentials({ url: DESK, user: 'bob' }), null, 'another user');
  assert.equal(await chain.credentials({ url: 'https://evil.example/desk', user: 'alice' }), null, 'another desk');
  await chain.forget();
  assert.equal(await chain.credentials({ url: DESK, user: 'alice' }), null);
});

test('no keychain: refused with a clear message and nothing written; a file from another keychain reads as none', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'desk-password.json');
  await assert.rejects(
    new DeskKeychain(file, keychain(false)).save({ url: DESK, user: 'alice', password: 'pw' }),
    /no keychain.*NEWSDESK_DESK_PASSWORD/,
  );
  await assert.rejects(readFile(file), { code: 'ENOENT' });
  await new DeskKeychain(file, keychain()).save({ url: DESK, user: 'alice', password: 'pw' });
  assert.equal(await new DeskKeychain(file, keychain()).credentials({ url: DESK, user: 'alice' }), null);
  await writeFile(file, 'not json');
  assert.equal(await new DeskKeychain(file, keychain()).credentials({ url: DESK, user: 'alice' }), null);
});

test('what the renderer sends is checked: a URL, a user with the password, nothing else', async (t) => {
  const chain = new DeskKeychain(join(await tempDir(t), 'p.json'), keychain());
  for (const bad of [
    null,
    'pw',
    { url: 'not a url', user: 'a', password: 'pw' },
    { url: DESK, user: '', password: 'pw' },
    { url: DESK, user: 'a', password: '' },
    { url: DESK, user: 'a', password: 'pw', extra: 1 },
  ])
    await assert.rejects(chain.save(bad), (error: Error) => {
      assert.match(error.message, /^The desk password was not saved: /, JSON.stringify(bad));
      assert.doesNotMatch(error.message, /\[\s*\{|"code"/, 'a sentence, not zod’s JSON');
      return true;
    });
});

test('how the password is kept: the keychain, only obfuscated on Linux with no keyring (safeStorage’s basic_text), or not at all', async (t) => {
  const file = join(await tempDir(t), 'desk-password.json');
  const backend = (name: string): Cipher => ({ ...keychain(), getSelectedStorageBackend: () => name });
  assert.equal(new DeskKeychain(file, backend('gnome_libsecret'), 'linux').protection(), 'keychain');
  assert.equal(new DeskKeychain(file, backend('kwallet5'), 'linux').protection(), 'keychain');
  assert.equal(new DeskKeychain(file, backend('basic_text'), 'linux').protection(), 'obfuscated');
  assert.equal(new DeskKeychain(file, keychain(), 'darwin').protection(), 'keychain');
  assert.equal(new DeskKeychain(file, keychain(), 'win32').protection(), 'keychain');
  assert.equal(new DeskKeychain(file, keychain(false), 'linux').protection(), 'none');
});

test('leaving the desk from the window removes the saved password; a failed leave or another call keeps it', async (t) => {
  const server = await startCouch(t);
  const file = join(await tempDir(t), 'desk-password.json');
  const chain = new DeskKeychain(file, keychain());
  const archive = await openFor(t, await tempDir(t));
  await chain.save({ url: server.url, user: 'ana', password: 'pw' });
  const call = async (method: string, args: unknown[] = []) => {
    const reply = await answerArchiveCall(archive, true, method, args);
    await chain.afterArchiveCall(method, reply);
    return reply;
  };
  assert.equal((await call('joinDesk', [{ url: server.url, analyst: 'Ana' }])).ok, true);
  await call('getDesk');
  assert.ok(await chain.credentials({ url: server.url, user: 'ana' }), 'kept while on the desk');
  assert.equal((await call('leaveDesk', ['unexpected'])).ok, false);
  await readFile(file);
  assert.equal((await call('leaveDesk')).ok, true);
  await assert.rejects(readFile(file), { code: 'ENOENT' }, 'the file is gone');
  assert.equal(await chain.credentials({ url: server.url, user: 'ana' }), null);
});
