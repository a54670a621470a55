// The contract on the command line: `newsdesk import|add|list|show|update|delete|restore|status|tag|claims|entities|search|collections|export|follow|subscriptions|unfollow|refresh|pause|resume|inbox|mark|watch|alerts|digest|clipper|desk|sync|conflicts|resolve|serve`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ArchiveApi, MethodName } from './api.ts';
import { openArchive, type Archive } from './archive.ts';
import { checkClipperArgs, runClipper } from './cli-clipper.ts';
import { checkDeskArgs, DESK_COMMANDS, deskCredentials, runDesk } from './cli-desk.ts';
import { runBundleImport, runImport } from './cli-import.ts';
import { checkSubscriptionArgs, runSubscriptions, SUBSCRIPTION_COMMANDS } from './cli-subscriptions.ts';
import { runInbox } from './cli-inbox.ts';
import { runClaims, runTag } from './cli-suggest.ts';
import { runWatchCommand, WATCH_COMMANDS, watchTarget } from './cli-watch.ts';
import { ALLOWED, GLOBAL, OPTIONS, TAKES_ID, USAGE, UsageError, type Options } from './cli-usage.ts';
import { defaultDataDir } from './data-dir.ts';
import { ArchiveError, toErrorBody } from './errors.ts';
import { invokeMethod } from './gate.ts';
import { CsvTable, ExportFormat, type Article, type ArticleSummary, type ExportRequest } from './model.ts';
import { serveArchive } from './serve.ts';

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(new UsageError((error as Error).message.split('\n')[0]));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    if (!command) throw new UsageError('no command given (try `newsdesk --help`)');
    // Own keys only: `newsdesk constructor` would otherwise find Object's and fail with a TypeError.
    const allowed = Object.hasOwn(ALLOWED, command) ? ALLOWED[command] : undefined;
    if (!allowed) throw new UsageError(`unknown command "${command}" (try \`newsdesk --help\`)`);
    const stray = (Object.keys(values) as (keyof Options)[]).find((k) => !allowed.includes(k) && !GLOBAL.includes(k));
    if (stray) throw new UsageError(`${command} does not take --${stray}`);
    const expected = TAKES_ID.has(command) ? 1 : 0;
    if (SUBSCRIPTION_COMMANDS.has(command)) checkSubscriptionArgs(command, rest, values);
    else if (command === 'watch') watchTarget(rest, values);
    else if (command === 'clipper') checkClipperArgs(rest);
    else if (DESK_COMMANDS.has(command)) checkDeskArgs(command, rest, values);
    else if (command === 'search') {
      if (!rest.length) throw new UsageError(`${command} needs a query (in quotes if it has spaces or quotes)`);
    } else if (command === 'import' || command === 'tag' || command === 'claims') {
      if (!rest.length)
        throw new UsageError(`${command} needs at least one ${command === 'import' ? 'file, folder or URL' : 'file'}`);
    } else if (command === 'mark') {
      if (!rest.length) throw new UsageError('mark needs at least one article ID');
    } else if (rest.length !== expected)
      throw new UsageError(expected ? `${command} needs exactly one article ID` : `${command} takes no arguments`);
    const maxMb = values['max-size'] === undefined ? undefined : Number(values['max-size']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError('--max-size must be a positive number of megabytes');
    // Tagging files only reads a registry, and only the one it is pointed at.
    if (command === 'tag' || command === 'claims')
      return await (command === 'tag' ? runTag : runClaims)(rest, {
        json: values.json ?? false,
        dataDir: values['data-dir'] ?? process.env.NEWSDESK_DATA_DIR,
        publishedAt: values.published,
        outlet: values.source,
      });
    // Long-lived or bulk: suggestions for new articles run in the background (a worker thread).
    const tagInBackground = command === 'serve' || command === 'import';
    const clipperPort = integer(values['clipper-port'], '--clipper-port');
    if (clipperPort !== undefined && clipperPort > 65535)
      throw new UsageError('--clipper-port must be between 0 and 65535');
    const archive = await openArchive(values['data-dir'] ?? defaultDataDir(), {
      tagInBackground,
      refreshInBackground: command === 'serve',
      // NEWSDESK_DESK_AUTOSYNC=0: only when asked (Sync now, `newsdesk sync`), as the desk e2e test needs.
      syncInBackground: command === 'serve' && process.env.NEWSDESK_DESK_AUTOSYNC !== '0',
      clipper: command === 'serve' && { port: clipperPort },
      deskCredentials: deskCredentials(command, rest),
    });
    let finishTagging = false;
    try {
      if (command === 'serve') return await serve(archive, values);
      if (command === 'import') {
        finishTagging = true;
        const bundles = rest.filter((target) => /\.zip$/i.test(target));
        const others = rest.filter((target) => !bundles.includes(target));
        let code = bundles.length ? await runBundleImport(archive, bundles, values.json ?? false) : 0;
        if (others.length)
          code = Math.max(
            code,
            await runImport(archive, others, { json: values.json ?? false, maxBytes: maxMb && maxMb * 1e6 }),
          );
        return code;
      }
      if (SUBSCRIPTION_COMMANDS.has(command)) return await runSubscriptions(archive, command, rest, values);
      if (command === 'search') return await runSearch(archive, rest.join(' '), values);
      if (command === 'export') return await runExport(archive, values);
      if (command === 'inbox' || command === 'mark') return await runInbox(archive, command, rest, values);
      if (WATCH_COMMANDS.has(command)) return await runWatchCommand(archive, command, rest, values);
      if (command === 'clipper') return await runClipper(archive, rest, values.json ?? false);
      if (DESK_COMMANDS.has(command)) return await runDesk(archive, command, rest, values);
      await run(archive, command, rest[0] ?? '', values);
      return 0;
    } finally {
      // Also when serve fails to start (a port in use): the folder must not stay locked. An import
      // waits for the suggestions of what it saved, so `show` finds them.
      if (finishTagging && archive.taggingPending && process.stderr.isTTY)
        process.stderr.write(`Suggesting entities for ${archive.taggingPending} article(s)…\n`);
      await archive.close({ finishTagging });
    }
  } catch (error) {
    return fail(error);
  }
}

async function run(archive: Archive, command: string, id: string, values: Options): Promise<void> {
  // The options are strings as typed: the gate checks them, as it checks what IPC and HTTP send.
  const call = <K extends MethodName>(method: K, ...args: unknown[]) =>
    invokeMethod(archive, method, args) as ReturnType<ArchiveApi[K]>;
  const json = values.json ?? false;
  switch (command) {
    case 'add': {
      if (!values['text-file']) throw new UsageError('add needs --text-file FILE');
      const file = values['text-file'];
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new ArchiveError(
          'invalid',
          `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
        );
      });
      return printArticle(await archive.addFromFile({ ...metadata(values) }, bytes, file), json);
    }
    case 'list': {
      const page = await call('listArticles', {
        sort: values.sort,
        order: values.order,
        limit: integer(values.limit, '--limit'),
        offset: integer(values.offset, '--offset'),
        trash: values.trash,
      });
      if (json) return print(page.items);
      for (const a of page.items) console.log(summaryLine(a));
      console.log(`${page.items.length} of ${page.total} article(s)`);
      return;
    }
    case 'show':
      return printArticle(await archive.getArticle(id), json);
    case 'update':
      return printArticle(await archive.updateArticle(id, metadata(values)), json);
    case 'delete':
    case 'restore': {
      const summary = await (command === 'delete' ? archive.deleteArticle(id) : archive.restoreArticle(id));
      return json
        ? print(summary)
        : console.log(`${command === 'delete' ? 'Trashed' : 'Restored'}: ${summaryLine(summary)}`);
    }
    case 'entities': {
      const entities = await call('listEntities', {
        text: values.search,
        type: values.type,
        limit: integer(values.limit, '--limit'),
      });
      if (json) return print(entities);
      for (const e of entities)
        console.log(
          `${e.id}  ${e.type.padEnd(12)} ${String(e.articles).padStart(5)}  ${e.name}${e.aliases.length ? `  (${e.aliases.join(', ')})` : ''}`,
        );
      console.log(`${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}`);
      return;
    }
    case 'collections': {
      const collections = await archive.listCollections();
      if (json) return print(collections);
      for (const c of collections)
        console.log(
          `${c.id}  ${String(c.articles ?? '?').padStart(6)}  ${c.name}${c.query === null ? '' : `  (smart: ${c.query})`}`,
        );
      console.log(`${collections.length} collection(s)`);
      return;
    }
    case 'status': {
      const status = await archive.getStatus();
      if (json) return print(status);
      console.log(`${status.dataDir}: ${status.articles} article(s), ${status.trash} in the trash`);
      for (const p of status.problems) console.log(`damaged: ${p.file} (${p.reason}) moved to ${p.movedTo}`);
    }
  }
}

/** Waits for the index to be current (built, or caught up with changes made while no app ran), then searches. */
async function runSearch(archive: Archive, query: string, values: Options): Promise<number> {
  const sort = values.sort ?? 'relevance';
  if (!['relevance', 'newest', 'oldest'].includes(sort))
    throw new UsageError('--sort must be relevance, newest or oldest');
  const timer =
    process.stderr.isTTY &&
    setInterval(() => {
      const { state, done, total } = archive.searchService.state;
      if (state !== 'ready') process.stderr.write(`\rBuilding the search index: ${done} of ${total} articles…`);
    }, 500);
  try {
    await archive.searchService.ready();
  } finally {
    if (timer) clearInterval(timer);
  }
  const result = await archive.search({
    query,
    sort: sort as 'relevance',
    limit: integer(values.limit, '--limit') ?? 20,
    offset: integer(values.offset, '--offset') ?? 0,
    facets: true,
  });
  const hits = result.hits.map(({ id, title, source, publishedAt, score, snippet }) => ({
    id,
    title,
    source,
    publishedAt,
    score,
    snippet,
  }));
  if (values.json) {
    print({ total: result.total, hits, facets: result.facets, notices: result.notices });
    return 0;
  }
  for (const notice of result.notices) console.error(`note: ${notice}`);
  for (const hit of hits) {
    console.log(`${hit.id}  ${(hit.publishedAt ?? '').slice(0, 10).padEnd(10)}  ${hit.source || '-'}  ${hit.title}`);
    console.log(`    ${hit.snippet}`);
  }
  console.log(`${result.total} article${result.total === 1 ? '' : 's'} (${result.tookMs} ms)`);
  return 0;
}

/** `newsdesk export`: the scope by name or query, written to --out with progress on a terminal. */
async function runExport(archive: Archive, values: Options): Promise<number> {
  if (!values.format) throw new UsageError(`export needs --format (${ExportFormat.options.join(', ')})`);
  const format = ExportFormat.safeParse(values.format);
  if (!format.success) throw new UsageError(`--format must be one of ${ExportFormat.options.join(', ')}`);
  if (!values.out) throw new UsageError('export needs --out PATH (a new file, or a folder to put it in)');
  if (values.collection !== undefined && values.query !== undefined)
    throw new UsageError('export takes --collection or --query, not both');
  const table = values.table === undefined ? undefined : CsvTable.safeParse(values.table);
  if (table && !table.success) throw new UsageError(`--table must be one of ${CsvTable.options.join(', ')}`);
  if (table && format.data !== 'csv') throw new UsageError('--table is for --format csv');
  if (values['reviewed-only'] && values['all-suggestions'])
    throw new UsageError('export takes --reviewed-only or --all-suggestions, not both');
  // Neither: the format's default (reports reviewed only), which the gate applies.
  const reviewedOnly = values['reviewed-only'] ? true : values['all-suggestions'] ? false : undefined;
  let scope: ExportRequest['scope'] = { library: true };
  if (values.collection !== undefined) {
    const wanted = values.collection;
    const all = await archive.listCollections();
    const found = all.find((c) => c.name.localeCompare(wanted, undefined, { sensitivity: 'base' }) === 0);
    if (!found)
      throw new ArchiveError(
        'not_found',
        `There is no collection called "${wanted}"${all.length ? ` (there are: ${all.map((c) => c.name).join(', ')})` : ''}.`,
      );
    scope = { collectionId: found.id };
  }
  if (values.query !== undefined) scope = { query: values.query };
  // A query, or a smart collection, needs the index current: the CLI may be the first to open the folder in a while.
  const smart =
    'collectionId' in scope && (await archive.listCollections()).some((c) => c.id === scope.collectionId && c.query);
  if ('query' in scope || smart) await archive.searchService.ready();
  const timer =
    process.stderr.isTTY &&
    setInterval(() => {
      void archive.getStatus().then(({ export: progress }) => {
        if (progress) process.stderr.write(`\rExporting: ${progress.done} of ${progress.total} articles…`);
      });
    }, 500);
  let result;
  try {
    result = await archive.exportToFile({ scope, format: format.data, table: table?.data, reviewedOnly }, values.out);
  } finally {
    if (timer) {
      clearInterval(timer);
      process.stderr.write('\r\x1b[K');
    }
  }
  if (values.json) print(result);
  else
    console.log(
      `Wrote ${result.articles} article(s), ${result.claims} claim(s), ${result.entities} entit${result.entities === 1 ? 'y' : 'ies'} (${result.scope}) to ${result.path}: ${result.bytes} bytes in ${result.tookMs} ms\n` +
        (result.leftOut
          ? `Only what a person confirmed: ${result.leftOut.claims} unreviewed claim(s) and ${result.leftOut.mentions} mention(s) left out (--all-suggestions to include them).`
          : 'Every suggestion included, reviewed or not (--reviewed-only for only what a person confirmed).'),
    );
  return 0;
}

async function serve(archive: Archive, values: Options): Promise<number> {
  const port = integer(values.port, '--port') ?? 0;
  if (port < 0 || port > 65535) throw new UsageError('--port must be between 0 and 65535');
  // Built, this file is dist/cli.js beside dist/renderer; run from source, it is core/cli.ts.
  const uiDir = fileURLToPath(
    new URL(import.meta.url.endsWith('.ts') ? '../dist/renderer' : './renderer', import.meta.url),
  );
  const server = await serveArchive({ archive, port, uiDir, exportStream: archive.exportStream });
  const clipper = archive.clipper;
  if (values.json) print({ url: server.url, port: server.port, dataDir: archive.dataDir, clipper });
  else {
    console.log(`Newsdesk is serving ${archive.dataDir} at ${server.url}  (Ctrl+C to stop)`);
    // Its own line, for the extension's tests to read: "Clipper: http://127.0.0.1:N/clipper/v1/".
    console.log(clipper.state === 'listening' ? `Clipper: ${clipper.url}` : `Clipper: off. ${stateMessage(clipper)}`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}

function metadata(values: Options) {
  const fields = {
    title: values.title,
    source: values.source,
    url: values.url,
    publishedAt: values.published,
    byline: values.byline,
    language: values.language,
    notes: values.notes,
    tags: values.tag,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function stateMessage(state: Archive['clipper']): string {
  return state.state === 'failed' ? state.message : 'Not asked for.';
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}

function summaryLine(a: ArticleSummary): string {
  const date = (a.publishedAt ?? a.capturedAt).slice(0, 10);
  return `${a.id}  ${date}  ${a.source || '-'}  ${a.title}`;
}

function printArticle(article: Article, json: boolean): void {
  if (json) return print(article);
  console.log(`${article.title}\n${[article.source, article.byline, article.publishedAt].filter(Boolean).join(' · ')}`);
  console.log(`id ${article.id} · captured ${article.capturedAt} · sha256 ${article.provenance.sha256}\n`);
  console.log(article.text);
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** The options that carry an article's fields (add, update), by field: what a refused field is called here. */
const OPTION_OF: Record<string, string> = { publishedAt: '--published', tags: '--tag', text: '--text-file' };

function fail(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`newsdesk: ${error.message}`);
    return 2;
  }
  const body = toErrorBody(error);
  // Arguments refused at the gate are said by the option the user typed, not by their place in the call.
  const named = body.issues?.map(({ path: [, field], message }) =>
    typeof field === 'string' ? `${OPTION_OF[field] ?? `--${field}`}: ${message}` : null,
  );
  const byOption = named?.length && named.every((line) => line !== null) ? named.join('; ') : null;
  console.error(`newsdesk: ${byOption ?? body.message}`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
