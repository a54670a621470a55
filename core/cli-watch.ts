// The command line's watchlist commands: `newsdesk watch QUERY|--entity ID|--claim KIND --place ID --name NAME`, `alerts`, `digest --out PATH`.
import type { Archive } from './archive.ts';
import { UsageError, type Options } from './cli-usage.ts';
import { CLAIM_KINDS } from './common/vocabulary.ts';
import { invokeMethod } from './gate.ts';
import { EntityId, type AlertView, type Watch, type WatchTarget } from './model.ts';

export const WATCH_COMMANDS = new Set(['watch', 'alerts', 'digest']);

/** What `watch` watches for: exactly one of a query, --entity ID, or --claim KIND with --place ID. Checked before the archive opens. */
export function watchTarget(rest: string[], values: Options): WatchTarget {
  const given = [rest.length > 0, values.entity !== undefined, values.claim !== undefined].filter(Boolean).length;
  if (given !== 1)
    throw new UsageError(
      given
        ? 'watch takes one of a QUERY, --entity ID or --claim KIND --place ID, not several'
        : 'watch needs a QUERY (in quotes if it has spaces), --entity ID, or --claim KIND --place ID',
    );
  if (values.place !== undefined && values.claim === undefined)
    throw new UsageError('--place goes with --claim KIND (a kind of claim in that place)');
  if (!values.name) throw new UsageError('watch needs --name NAME');
  if (rest.length) return { kind: 'search', query: rest.join(' ') };
  if (values.entity !== undefined) return { kind: 'entity', entityId: entityId(values.entity, '--entity') };
  const claimKind = CLAIM_KINDS.find((kind) => kind === values.claim);
  if (!claimKind) throw new UsageError(`--claim must be one of ${CLAIM_KINDS.join(', ')}`);
  if (values.place === undefined)
    throw new UsageError('--claim needs --place ID (a place entity: `newsdesk entities --type location`)');
  return { kind: 'claims', claimKind, placeId: entityId(values.place, '--place') };
}

function entityId(value: string, option: string): string {
  if (!EntityId.safeParse(value).success)
    throw new UsageError(
      `${option} takes an entity id (ent_ and 16 letters or digits, as \`newsdesk entities\` lists them), not "${value}"`,
    );
  return value;
}

export async function runWatchCommand(archive: Archive, command: string, rest: string[], values: Options) {
  const json = values.json ?? false;
  if (command === 'watch') {
    const target = watchTarget(rest, values);
    // Through the gate, as IPC and HTTP arguments are: a query that does not parse, or an unknown entity, is refused with why.
    const input = { name: values.name, target, notify: values.notify ?? false };
    const watch = (await invokeMethod(archive, 'createWatch', [input])) as Watch;
    if (json) console.log(JSON.stringify(watch));
    else
      console.log(
        `${watch.id}  watching ${describeTarget(watch.target)} as ${watch.name}${watch.notify ? ' (notify)' : ''}`,
      );
  } else if (command === 'alerts') {
    const alerts = (await invokeMethod(archive, 'listAlerts', [{ since: values.since, limit: 10_000 }])) as AlertView[];
    if (json) for (const alert of alerts) console.log(JSON.stringify(alert));
    else {
      for (const alert of alerts) console.log(alertLine(alert));
      console.log(`${alerts.length} alert(s)`);
    }
  } else await runDigest(archive, values);
  return 0;
}

/** The last day's alerts and the articles saved that day with claims, as a report (Markdown, or HTML for .html or --format html). */
async function runDigest(archive: Archive, values: Options): Promise<void> {
  if (!values.out) throw new UsageError('digest needs --out PATH (a new file, or a folder)');
  const format = values.format ?? (/\.html?$/i.test(values.out) ? 'html' : 'markdown');
  if (format !== 'html' && format !== 'markdown') throw new UsageError('--format must be markdown or html');
  const { alerts, articleIds } = await archive.getDigest();
  if (!articleIds.length) {
    console.log('Nothing to report: no alerts and no new claims in the last day. No digest was written.');
    return;
  }
  // Every suggestion: a digest is read the morning after, before anyone has reviewed the day's claims.
  const result = await archive.exportToFile({ scope: { articleIds }, format, reviewedOnly: false }, values.out);
  if (values.json) console.log(JSON.stringify({ path: result.path, articles: result.articles, alerts: alerts.length }));
  else
    console.log(`${result.path}: ${alerts.length} alert(s), ${result.articles} article(s), ${result.claims} claim(s)`);
}

function describeTarget(target: WatchTarget): string {
  if (target.kind === 'search') return `"${target.query}"`;
  if (target.kind === 'entity') return `entity ${target.entityId} and its aliases`;
  return `${target.claimKind} claims in ${target.placeId}`;
}

function alertLine(alert: AlertView): string {
  const title = alert.article ? `${alert.article.source || '-'}  ${alert.article.title}` : '(article gone)';
  return `${alert.at.slice(0, 16).replace('T', ' ')}  ${alert.seen ? ' ' : '*'} ${alert.watchName}  ${alert.articleId}  ${title}`;
}
