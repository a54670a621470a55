// The command line's team desk: `newsdesk desk join URL --name NAME | status | leave`, `sync`, `conflicts`, `resolve ID --take mine|theirs|VALUE`.
import type { Archive } from './archive.ts';
import { UsageError, type Options } from './cli-usage.ts';
import { invokeMethod } from './gate.ts';
import type { DeskConflictView, DeskFailure, DeskStatus, SyncResult } from './model.ts';
import type { CredentialsProvider } from './sync/desk-service.ts';

export const DESK_COMMANDS = new Set(['desk', 'sync', 'conflicts', 'resolve']);

/** Checked before the archive opens: a mistyped command never touches the folder. */
export function checkDeskArgs(command: string, rest: string[], values: Options): void {
  if (command === 'desk') {
    const [sub, ...more] = rest;
    if (sub === 'join') {
      if (more.length !== 1) throw new UsageError('desk join needs the desk database URL (https://host/database)');
      if (!values.name) throw new UsageError('desk join needs --name NAME (how the desk shows your changes)');
      deskUrl(more[0]!);
    } else if ((sub === 'status' || sub === 'leave') && !more.length) {
      if (values.name) throw new UsageError(`desk ${sub} does not take --name`);
    } else throw new UsageError('desk takes `join URL --name NAME`, `status` or `leave`');
  } else if (command === 'resolve') {
    if (rest.length !== 1)
      throw new UsageError('resolve needs exactly one conflict ID (as `newsdesk conflicts` lists them)');
    if (values.take === undefined) throw new UsageError('resolve needs --take mine, --take theirs or --take VALUE');
  } else if (rest.length) throw new UsageError(`${command} takes no arguments`);
}

/** The URL without its user and password, and those apart (decoded). */
function deskUrl(raw: string): { url: string; user: string | null; password: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // Said without what may be a password in it.
    throw new UsageError(`"${raw.replace(/\/\/[^@]*@/, '//…@')}" is not a URL (https://host/database)`);
  }
  const user = parsed.username ? decodeURIComponent(parsed.username) : null;
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), user, password };
}

/** The user and password: from the URL given to `desk join`, else NEWSDESK_DESK_USER / NEWSDESK_DESK_PASSWORD. Never stored. */
export function deskCredentials(command: string, rest: string[], env = process.env): CredentialsProvider {
  const given = command === 'desk' && rest[0] === 'join' && rest[1] ? deskUrl(rest[1]) : null;
  return ({ user }) => {
    const name = given?.user ?? env.NEWSDESK_DESK_USER ?? user;
    const password = given?.password ?? env.NEWSDESK_DESK_PASSWORD;
    return name && password ? { user: name, password } : null;
  };
}

export async function runDesk(archive: Archive, command: string, rest: string[], values: Options): Promise<number> {
  const json = values.json ?? false;
  const call = (method: string, ...args: unknown[]) => invokeMethod(archive, method, args);
  if (command === 'desk') {
    const sub = rest[0];
    if (sub === 'join') {
      const { url, user } = deskUrl(rest[1]!);
      const status = (await call('joinDesk', { url, analyst: values.name, ...(user ? { user } : {}) })) as DeskStatus;
      if (json) print(status);
      else
        console.log(
          `Joined the desk at ${status.url} as ${status.analyst}${status.user ? ` (user ${status.user})` : ''}. \`newsdesk sync\` brings it in.`,
        );
    } else if (sub === 'leave') {
      const before = (await call('getDesk')) as DeskStatus;
      const status = await call('leaveDesk');
      if (json) print(status);
      else
        console.log(
          before.joined
            ? `Left the desk at ${before.url}; everything stays in this archive.`
            : 'This archive is on no desk.',
        );
    } else {
      const status = (await call('getDesk')) as DeskStatus;
      if (json) print(status);
      else if (!status.joined) console.log('On no desk (`newsdesk desk join URL --name NAME`).');
      else
        console.log(
          [
            `Desk: ${status.url} as ${status.analyst}${status.user ? ` (user ${status.user})` : ''}`,
            `Last sync: ${status.lastSyncAt ?? 'never'}`,
            `Changes waiting to go up: ${status.pendingUp}`,
            `Changes waiting to come down: ${status.pendingDown ?? 'unknown (the desk cannot be reached)'}`,
            `Open conflicts: ${status.conflicts}`,
            ...(status.lastFailure ? [failureLine(status.lastFailure)] : []),
          ].join('\n'),
        );
    }
    return 0;
  }
  if (command === 'sync') {
    const result = (await call('syncDesk')) as SyncResult;
    if (json) print(result);
    else {
      console.log(`Pulled ${result.pulled}, pushed ${result.pushed}; ${result.conflicts} open conflict(s).`);
      for (const { id, reason } of result.refused ?? []) console.log(`Left out ${id}: ${reason}`);
      for (const { id, reason } of result.incomplete ?? []) console.log(`Incomplete ${id}: ${reason}`);
    }
    return 0;
  }
  if (command === 'conflicts') {
    const conflicts = (await call('listDeskConflicts')) as DeskConflictView[];
    if (json) print(conflicts);
    else {
      for (const c of conflicts) {
        console.log(`${c.id}  ${c.title}: ${c.label}`);
        for (const side of c.values)
          console.log(`    ${side.by ?? '?'} at ${side.at ?? '?'}: ${JSON.stringify(side.value)}`);
      }
      console.log(`${conflicts.length} open conflict(s)`);
    }
    return 0;
  }
  const take = values.take!;
  const choice = take === 'mine' || take === 'theirs' ? { take } : { value: parseValue(take) };
  const left = (await call('resolveDeskConflict', rest[0], choice)) as DeskConflictView[];
  if (json) print(left);
  else
    console.log(`Resolved ${rest[0]}; ${left.length} open conflict(s) left. \`newsdesk sync\` sends it to the desk.`);
  return 0;
}

/** "Offline since …" while the desk cannot be reached, else when and why the last sync failed. */
function failureLine(failure: DeskFailure): string {
  return failure.kind === 'unavailable'
    ? `Offline since ${failure.since} (last try ${failure.at}): ${failure.message}`
    : `Last sync failed at ${failure.at}${failure.since !== failure.at ? ` (failing since ${failure.since})` : ''}: ${failure.message}`;
}

/** A typed value is JSON when it parses as JSON (a number, a list, "quoted"), else the text as typed. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
