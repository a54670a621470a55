// `newsdesk clipper` lists and revokes paired extensions; approving is refused there (requests live in the listening process).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { startClipper } from './helpers/clipper-client.ts';
import { runCli } from './helpers/run-cli.ts';
import { defer } from './helpers/temp-dir.ts';

test('newsdesk clipper lists the paired extensions and revokes one', async (t) => {
  const { archive, dir, pair } = await startClipper(t);
  await pair('Chromium on Linux');
  const [client] = (await archive.getClipper()).clients;
  await archive.close();
  const listed = await runCli(['clipper', '--data-dir', dir]);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, new RegExp(`${client!.id}  Chromium on Linux .* last used never`));
  const revoked = await runCli(['clipper', 'revoke', client!.id, '--data-dir', dir]);
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.match(revoked.stdout, /revoked/);
  const approve = await runCli(['clipper', 'approve', 'pr_x', '--data-dir', dir]);
  assert.equal(approve.code, 2);
  const reopened = await openArchive(dir);
  defer(t, () => reopened.close());
  assert.ok((await reopened.getClipper()).clients[0]!.revokedAt);
});
