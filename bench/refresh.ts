// `npm run bench:refresh -- [--feeds N] [--items M]`: follows N local feeds of M items (a server in another process) and refreshes them all; prints time, items/s, peak memory and the longest stall of this thread.
import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openArchive } from '../core/archive.ts';

const { values } = parseArgs({
  options: {
    feeds: { type: 'string', default: '500' },
    items: { type: 'string', default: '20' },
    // Each stall over 50 ms as {at: µs on the monotonic clock a --cpu-prof profile uses, ms}.
    'stall-log': { type: 'string' },
  },
});
const feeds = Number(values.feeds);
const items = Number(values.items);
process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK = '1';

const server = fork(fileURLToPath(new URL('./refresh-server.ts', import.meta.url)), [String(items)], {
  execArgv: ['--import', 'tsx'],
});
// The server stands in for the web: on this machine it must not take the archive's CPU (it builds 100-300 KB pages).
server.once('spawn', () => setPriority(server.pid!, 19));
const { port, hosts } = await new Promise<{ port: number; hosts: number }>((resolve) =>
  server.once('message', (m) => resolve(m as { port: number; hosts: number })),
);
const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-refresh-'));
const archive = await openArchive(join(dir, 'data'));
const opml = `<opml version="2.0"><body>${Array.from(
  { length: feeds },
  (_, n) => `<outline text="Feed ${n}" xmlUrl="http://127.0.0.${1 + (n % hosts)}:${port}/feed/${n}.xml"/>`,
).join('')}</body></opml>`;
await archive.followFeeds(opml);
console.log(
  `Newsdesk refresh benchmark: ${feeds} feeds x ${items} items on ${hosts} local hosts (node ${process.version}; pages extracted on worker threads)`,
);

// This thread answers the UI's calls in the desktop app (the main process): its stalls are what the UI waits for.
const stalls = monitorEventLoopDelay({ resolution: 10 });
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
// A second, plainer probe: a 10 ms timer's lateness, each one over 50 ms kept with its time.
const late: { at: number; ms: number }[] = [];
let tick = process.hrtime.bigint();
const probe = setInterval(() => {
  const now = process.hrtime.bigint();
  const ms = Number(now - tick) / 1e6 - 10;
  if (ms > 50) late.push({ at: Number(now / 1000n), ms: Math.round(ms) });
  tick = now;
}, 10);
stalls.enable();
const started = performance.now();
const results = await archive.refreshSubscriptions();
const seconds = (performance.now() - started) / 1000;
stalls.disable();
clearInterval(sampler);
clearInterval(probe);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const saved = results.reduce((sum, r) => sum + r.new, 0);
const byStatus: Record<string, number> = {};
for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
const errors = results.flatMap((r) => r.errors);
console.log(`refreshed ${results.length} feeds in ${seconds.toFixed(1)} s: ${JSON.stringify(byStatus)}`);
console.log(
  `items saved: ${saved} of ${feeds * items} (${(saved / seconds).toFixed(1)} items/s); item errors: ${errors.length}`,
);
if (errors.length) console.log(`  first: ${errors[0]}`);
console.log(`peak RSS: ${(peakRss / 1e6).toFixed(0)} MB`);
// The histogram records each whole interval between its 10 ms timer's runs: the stall is what exceeds 10 ms.
const lateMs = (ns: number) => Math.max(0, ns / 1e6 - 10).toFixed(0);
console.log(
  `longest stall of this thread: ${lateMs(stalls.max)} ms (p99 ${lateMs(stalls.percentile(99))} ms) (monitorEventLoopDelay, less its 10 ms interval)`,
);
console.log(
  `stalls over 50 ms (a 10 ms timer's lateness): ${late.length}${late.length ? `, longest ${Math.max(...late.map((l) => l.ms))} ms` : ''}`,
);
if (values['stall-log']) await writeFile(values['stall-log'], JSON.stringify(late));
await archive.close();
server.disconnect();
await rm(dir, { recursive: true, force: true });
