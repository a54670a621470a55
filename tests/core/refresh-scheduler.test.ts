// The schedule: what fell due while the archive was closed refreshes at open; paused, nothing is fetched.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { feedServer } from './helpers/feed-server.ts';
import { tempDir } from './helpers/temp-dir.ts';

process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK = '1';

const body =
  'Rescue teams reached the flooded district on Tuesday after the waters began to fall, the local council said in a statement.\nResidents who had spent two nights on rooftops were taken to schools turned into shelters, where doctors treated dozens for exposure.';

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(100);
  }
}

test('a subscription that fell due while the archive was closed is refreshed at open, not again before its time', async (t) => {
  const server = await feedServer(t, [{ id: 'flood', title: 'Rescue teams reach flooded district', body }]);
  const dir = await tempDir(t);
  const first = await openArchive(dir);
  await first.followFeeds(`${server.base}/feed.xml`);
  await first.close();

  // A tick too long to come: only the check at start can refresh it.
  const opened = await openArchive(dir, { refreshInBackground: { tickMs: 3_600_000 } });
  await until(async () => (await opened.listArticles()).total === 1);
  await opened.close();

  server.requests.length = 0;
  const again = await openArchive(dir, { refreshInBackground: { tickMs: 50 } });
  await sleep(300);
  await again.close();
  assert.equal(server.requests.length, 0, 'not due again for 30 minutes');
});

test('paused, the schedule fetches nothing, across a restart; resumed, it refreshes', async (t) => {
  const server = await feedServer(t, [{ id: 'flood', title: 'Rescue teams reach flooded district', body }]);
  const dir = await tempDir(t);
  const first = await openArchive(dir);
  await first.followFeeds(`${server.base}/feed.xml`);
  await first.pauseRefreshing(true);
  await first.close();

  const paused = await openArchive(dir, { refreshInBackground: { tickMs: 50 } });
  await sleep(400);
  assert.equal(server.requests.length, 0, 'paused: no request');
  await paused.pauseRefreshing(false);
  await until(async () => (await paused.listArticles()).total === 1);
  await paused.close();
});
