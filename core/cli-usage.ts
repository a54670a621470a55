// The command line's grammar: the usage text, the options, and which command takes which.
import type { ParseArgsConfig, parseArgs } from 'node:util';

export const USAGE = `Usage: newsdesk <command> [options]

Commands:
  import PATH|URL ...  pages (.html), texts (.txt, .md), feeds (RSS, Atom), OPML lists, folders, URLs
                       [--max-size MB]; one result per item (JSON lines with --json); exit 1 if any failed;
                       a Newsdesk bundle (.zip) is verified whole, then merged in (what was merged is printed)
  add --text-file FILE [--title T] [--source S] [--url U] [--published ISO] [--byline B] [--tag T]...
  list [--sort capturedAt|publishedAt|title|source] [--order asc|desc] [--limit N] [--offset N] [--trash]
  show ID
  update ID [--title T] [--source S] [--url U] [--published ISO] [--byline B] [--notes N] [--tag T]...
  delete ID            move to the trash
  restore ID           bring back from the trash
  status               the data folder, counts and any damaged files found
  tag FILE ...         suggested entities and dates in plain-text files (one JSON line per file with --json);
                       the registry of --data-dir when given, else only the shipped starter list [--published ISO]
  claims FILE ...      who claimed what, through whom, in plain-text files (one JSON line per file with --json);
                       [--source OUTLET] ends each chain with the outlet; [--published ISO]; --data-dir as for tag
  entities [--search TEXT] [--type T]   the entity registry, most mentioned first
  search QUERY         full-text search in the query language (docs/search.md) [--limit N] [--offset N]
                       [--sort relevance|newest|oldest]; with --json: {total, hits, facets}
  collections          the collections, with how many articles each holds
  export --format bundle|csv|markdown|html|annotations|csl|ftm|claimreview --out PATH (pdf: the desktop app only)
                       [--collection NAME | --query Q] (default: the whole library) [--table articles|
                       mentions|entities|claims] (CSV: one table; without it all four in one zip);
                       PATH is a new file or a folder; an existing file is never overwritten;
                       --reviewed-only: only what a person confirmed (the default for html, markdown
                       and pdf reports), --all-suggestions: every suggestion too (the default otherwise)
  follow URL|OPML_FILE [--folder F] [--every MINUTES]   follow a feed, or every feed of an OPML list
                       (a URL you type may be on this machine or your network; an OPML list's may not)
  subscriptions [ID]   the followed feeds with their health: title, url, checked, failures (one JSON line each
                       with --json); --opml: all of them as an OPML list, for another reader
  subscriptions ID [--folder F] [--every MINUTES] [--title T]   move, reschedule or rename one
  unfollow ID          stop following (what was saved stays)
  refresh [ID ...]     refresh now (all unpaused without IDs): one line per subscription,
                       {subscription, url, status: ok|not-modified|failed|offline, new, errors}; exit 1 if any failed
  pause [ID ...]       without IDs: stop refreshing on schedule (kept across restarts; refresh still works);
                       with IDs: those subscriptions, left out of every refresh of all
  resume [ID ...]      the opposite of pause
  inbox [--unread|--starred|--archived|--all] [--limit N] [--offset N]   the inbox, newest first
                       (not archived unless --archived or --all); with --json: a JSON array
  mark ID... --read|--unread|--archived [--starred|--unstarred]   set the reading state, the star or both
  watch QUERY --name NAME   alert on every article saved from now on that the query finds (docs/monitoring.md)
  watch --entity ID --name NAME               ... that mentions the entity or names it or an alias
  watch --claim KIND --place ID --name NAME   ... with a claim of that kind in that place (casualties in Idlib)
                       [--notify]: a system notification from the desktop app too
  alerts [--since ISO] what watches matched, newest first (one JSON line per alert with --json)
  digest --out PATH    the last day's alerts and new claims as a report: Markdown, or HTML for a .html PATH
                       or --format html
  serve [--port N] [--clipper-port N]   browser mode: serves the UI on 127.0.0.1 and prints its URL with a
                       token; the browser clipper listens too (default port 47118, 0: any free port)
  clipper              the paired browser extensions; \`clipper revoke ID\` stops one's token at once
  desk join URL --name NAME   join a team desk: its CouchDB database URL (https; http only to this machine)
                       and your name as the desk shows it; the user and password from the URL
                       (https://user:pw@host/db, not stored) or NEWSDESK_DESK_USER / NEWSDESK_DESK_PASSWORD
  desk status          the desk, the last sync, changes waiting to go up, open conflicts, why offline
  desk leave           off the desk; everything stays in this archive
  sync                 pull the desk's changes then push this archive's (docs/sync.md); {pushed, pulled,
                       conflicts} with --json
  conflicts            fields both sides changed (or an edit against a delete), with each value, who and when
  resolve ID --take mine|theirs|VALUE   settle one conflict (VALUE: JSON, or text as typed); resolved for
                       everyone at the next sync

Options for every command:
  --data-dir DIR       the archive folder (default: $NEWSDESK_DATA_DIR, else the desktop app's folder)
  --json               machine-readable output
  --help`;

export const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'text-file': { type: 'string' },
  title: { type: 'string' },
  source: { type: 'string' },
  url: { type: 'string' },
  published: { type: 'string' },
  byline: { type: 'string' },
  language: { type: 'string' },
  notes: { type: 'string' },
  tag: { type: 'string', multiple: true },
  sort: { type: 'string' },
  order: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  trash: { type: 'boolean' },
  port: { type: 'string' },
  'clipper-port': { type: 'string' },
  'max-size': { type: 'string' },
  search: { type: 'string' },
  type: { type: 'string' },
  format: { type: 'string' },
  collection: { type: 'string' },
  query: { type: 'string' },
  table: { type: 'string' },
  out: { type: 'string' },
  'reviewed-only': { type: 'boolean' },
  'all-suggestions': { type: 'boolean' },
  folder: { type: 'string' },
  every: { type: 'string' },
  read: { type: 'boolean' },
  unread: { type: 'boolean' },
  starred: { type: 'boolean' },
  unstarred: { type: 'boolean' },
  archived: { type: 'boolean' },
  all: { type: 'boolean' },
  name: { type: 'string' },
  since: { type: 'string' },
  opml: { type: 'boolean' },
  entity: { type: 'string' },
  claim: { type: 'string' },
  place: { type: 'string' },
  notify: { type: 'boolean' },
  take: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Which options each command takes; anything else is a usage error, not silently ignored. */
export const ALLOWED: Record<string, (keyof Options)[]> = {
  import: ['max-size'],
  add: ['text-file', 'title', 'source', 'url', 'published', 'byline', 'language', 'notes', 'tag'],
  list: ['sort', 'order', 'limit', 'offset', 'trash'],
  show: [],
  update: ['title', 'source', 'url', 'published', 'byline', 'language', 'notes', 'tag'],
  delete: [],
  restore: [],
  status: [],
  serve: ['port', 'clipper-port'],
  clipper: [],
  tag: ['published'],
  claims: ['published', 'source'],
  entities: ['search', 'type', 'limit'],
  search: ['limit', 'offset', 'sort'],
  collections: [],
  export: ['format', 'collection', 'query', 'table', 'out', 'reviewed-only', 'all-suggestions'],
  follow: ['folder', 'every'],
  subscriptions: ['opml', 'folder', 'every', 'title'],
  unfollow: [],
  refresh: [],
  pause: [],
  resume: [],
  inbox: ['unread', 'starred', 'archived', 'all', 'limit', 'offset'],
  mark: ['read', 'unread', 'starred', 'unstarred', 'archived'],
  watch: ['name', 'entity', 'claim', 'place', 'notify'],
  alerts: ['since'],
  digest: ['out', 'format'],
  desk: ['name'],
  sync: [],
  conflicts: [],
  resolve: ['take'],
};
export const GLOBAL: (keyof Options)[] = ['data-dir', 'json', 'help'];
export const TAKES_ID = new Set(['show', 'update', 'delete', 'restore']);

/** A command line that does not say what the user meant: exit 2, with how to say it. */
export class UsageError extends Error {}
