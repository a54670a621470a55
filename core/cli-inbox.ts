// `newsdesk inbox` and `newsdesk mark`: the inbox listed by reading state, and articles marked read, unread, starred or archived.
import type { ArchiveApi, MethodName } from './api.ts';
import type { Archive } from './archive.ts';
import { UsageError, type Options } from './cli-usage.ts';
import { invokeMethod } from './gate.ts';
import type { ArticleSummary } from './model.ts';

export async function runInbox(
  archive: Archive,
  command: 'inbox' | 'mark',
  ids: string[],
  values: Options,
): Promise<number> {
  // The options are strings as typed: the gate checks them, as it checks what IPC and HTTP send.
  const call = <K extends MethodName>(method: K, ...args: unknown[]) =>
    invokeMethod(archive, method, args) as ReturnType<ArchiveApi[K]>;
  if (command === 'mark') {
    const result = await call('markArticles', ids, markOf(values));
    if (values.json) console.log(JSON.stringify(result));
    else
      console.log(`Marked ${result.changed} article(s)${result.unchanged ? `; ${result.unchanged} already so` : ''}.`);
    return 0;
  }
  const filters = (['unread', 'starred', 'archived', 'all'] as const).filter((f) => values[f]);
  if (filters.length > 1) throw new UsageError('inbox takes one of --unread, --starred, --archived, --all');
  const page = await call('listInbox', {
    filter: filters[0] ?? 'inbox',
    limit: integer(values.limit, '--limit'),
    offset: integer(values.offset, '--offset'),
  });
  if (values.json) {
    console.log(JSON.stringify(page.items, null, 2));
    return 0;
  }
  for (const item of page.items) console.log(line(item));
  const { unread, starred, archived } = page.counts;
  console.log(
    `${page.items.length} of ${page.total} article(s); ${unread} unread, ${starred} starred, ${archived} archived`,
  );
  return 0;
}

/** --read|--unread|--archived set the state (one of them), --starred|--unstarred the star; both may be given. */
function markOf(values: Options): { state?: 'read' | 'unread' | 'archived'; starred?: boolean } {
  const states = (['read', 'unread', 'archived'] as const).filter((s) => values[s]);
  if (states.length > 1) throw new UsageError('mark takes one of --read, --unread, --archived');
  if (values.starred && values.unstarred) throw new UsageError('mark takes --starred or --unstarred, not both');
  const starred = values.starred ? true : values.unstarred ? false : undefined;
  if (!states.length && starred === undefined)
    throw new UsageError('mark needs --read, --unread, --starred, --unstarred or --archived');
  return { ...(states[0] ? { state: states[0] } : {}), ...(starred === undefined ? {} : { starred }) };
}

function line(a: ArticleSummary): string {
  const mark = a.reading.state === 'unread' ? '●' : a.reading.state === 'archived' ? 'a' : ' ';
  const star = a.reading.starred ? '★' : ' ';
  return `${mark}${star} ${a.id}  ${a.capturedAt.slice(0, 16).replace('T', ' ')}  ${a.feed?.title || a.source || '-'}  ${a.title}`;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}
