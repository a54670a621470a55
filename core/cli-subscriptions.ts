// The command line's subscriptions: `newsdesk follow URL|OPML_FILE`, `subscriptions [ID] [--opml]`, `unfollow ID`, `refresh|pause|resume [ID ...]`.
import { readFile, stat } from 'node:fs/promises';
import type { ArchiveApi, MethodName } from './api.ts';
import type { Archive } from './archive.ts';
import { UsageError, type Options } from './cli-usage.ts';
import { ArchiveError } from './errors.ts';
import { invokeMethod } from './gate.ts';
import type { SubscriptionView } from './model.ts';

export const SUBSCRIPTION_COMMANDS = new Set(['follow', 'subscriptions', 'unfollow', 'refresh', 'pause', 'resume']);

/** The positional arguments and options each command needs, checked before the archive is opened. */
export function checkSubscriptionArgs(command: string, rest: string[], values: Options): void {
  if ((command === 'follow' || command === 'unfollow') && rest.length !== 1)
    throw new UsageError(command === 'follow' ? 'follow needs one feed URL or OPML file' : 'unfollow needs one ID');
  if (command !== 'subscriptions') return;
  const changes = values.folder !== undefined || values.every !== undefined || values.title !== undefined;
  if (rest.length > 1) throw new UsageError('subscriptions takes at most one ID (to show or change that one)');
  if (values.opml && (rest.length || changes))
    throw new UsageError('--opml lists them all: it takes no ID, --folder, --every or --title');
  if (changes && !rest.length)
    throw new UsageError('--folder, --every and --title change one subscription: give its ID');
  minutes(values.every);
}

/** Prints one line per item (JSON lines with --json); 1 when a refresh failed or found no network. */
export async function runSubscriptions(
  archive: Archive,
  command: string,
  rest: string[],
  values: Options,
): Promise<number> {
  const call = <K extends MethodName>(method: K, ...args: unknown[]) =>
    invokeMethod(archive, method, args) as ReturnType<ArchiveApi[K]>;
  const json = values.json ?? false;
  const line = (value: object, text: string) => console.log(json ? JSON.stringify(value) : text);
  switch (command) {
    case 'follow': {
      const target = await followTarget(rest[0]!);
      const result = await call('followFeeds', target, { folder: values.folder, everyMinutes: minutes(values.every) });
      for (const sub of result.followed) line({ status: 'followed', ...sub }, `followed ${sub.id}  ${sub.url}`);
      for (const skip of result.skipped) line({ status: 'skipped', ...skip }, `skipped ${skip.url}: ${skip.reason}`);
      return 0;
    }
    case 'subscriptions': {
      if (values.opml) {
        process.stdout.write(await call('subscriptionsAsOpml'));
        return 0;
      }
      const [id] = rest;
      const patch = { folder: values.folder, everyMinutes: minutes(values.every), title: values.title };
      const changed = Object.values(patch).some((value) => value !== undefined);
      if (id && changed) {
        const sub = await call('updateSubscription', id, patch);
        line(sub, describe(sub));
        return 0;
      }
      const all = await call('listSubscriptions');
      if (id && !all.some((sub) => sub.id === id)) throw new ArchiveError('not_found', `No subscription ${id}.`);
      for (const sub of all.filter((s) => !id || s.id === id)) line(sub, describe(sub));
      return 0;
    }
    case 'pause':
    case 'resume': {
      const paused = command === 'pause';
      // Without IDs, the schedule (a refresh asked for still runs); with IDs, those subscriptions (left out of every refresh of all).
      if (!rest.length) {
        const result = await call('pauseRefreshing', paused);
        line(result, paused ? 'refreshing on schedule is paused' : 'refreshing on schedule resumed');
        return 0;
      }
      for (const id of rest) {
        const sub = await call('updateSubscription', id, { paused });
        line(sub, `${command === 'pause' ? 'paused' : 'resumed'} ${sub.id}  ${sub.url}`);
      }
      return 0;
    }
    case 'unfollow': {
      const sub = await call('unfollowFeed', rest[0]);
      line(sub, `unfollowed ${sub.id}  ${sub.url}`);
      return 0;
    }
    default: {
      const results = await call('refreshSubscriptions', rest.length ? rest : undefined);
      for (const r of results)
        line(
          r,
          `${r.status.padEnd(12)} ${String(r.new).padStart(4)} new  ${r.url}${r.errors.map((e) => `\n    ${e}`).join('')}`,
        );
      return results.some((r) => r.status === 'failed' || r.status === 'offline') ? 1 : 0;
    }
  }
}

/** --every as a number, or a usage error: the gate would say only "expected a number". */
function minutes(every: string | undefined): number | undefined {
  if (every === undefined) return undefined;
  if (!/^\d+$/.test(every)) throw new UsageError(`--every must be a whole number of minutes, not "${every}"`);
  return Number(every);
}

/** A file is read as an OPML list; anything else is the URL itself, typed by the user. */
async function followTarget(arg: string): Promise<string> {
  if (/^https?:\/\//i.test(arg)) return arg;
  const isFile = await stat(arg).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) return arg;
  const text = (await readFile(arg, 'utf8')).trim();
  // A URL inside a file was not typed: passed on alone, it would be followed as typed (allowed private addresses).
  if (!text.startsWith('<')) throw new ArchiveError('invalid', `${arg} is not an OPML list (it should start with <).`);
  return text;
}

function describe(sub: SubscriptionView): string {
  const health = sub.failures
    ? `failing ×${sub.failures}: ${sub.lastError ?? ''}`
    : sub.lastCheckedAt
      ? `checked ${sub.lastCheckedAt}`
      : 'not checked yet';
  return `${sub.id}  ${sub.paused ? '[paused] ' : ''}${sub.title || '(untitled)'}  ${sub.url}  every ${sub.everyMinutes} min  ${health}${sub.folder ? `  in ${sub.folder}` : ''}`;
}
