// The command line's watchlist commands: `newsdesk watch QUERY --name NAME`, `newsdesk alerts [--since ISO]`, `newsdesk digest --out PATH`.
import type { Archive } from './archive.ts';
import { UsageError, type Options } from './cli-usage.ts';
import { invokeMethod } from './gate.ts';
import type { AlertView, Watch } from './model.ts';

export const WATCH_COMMANDS = new Set(['watch', 'alerts', 'digest']);

export async function runWatchCommand(archive: Archive, command: string, rest: string[], values: Options) {
  const json = values.json ?? false;
  if (command === 'watch') {
    if (!values.name) throw new UsageError('watch needs --name NAME');
    const target = { kind: 'search', query: rest.join(' ') };
    // Through the gate, as IPC and HTTP arguments are: a query that does not parse is refused with why.
    const watch = (await invokeMethod(archive, 'createWatch', [{ name: values.name, target }])) as Watch;
    if (json) console.log(JSON.stringify(watch));
    else
      console.log(
        `${watch.id}  watching "${watch.target.kind === 'search' ? watch.target.query : ''}" as ${watch.name}`,
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

function alertLine(alert: AlertView): string {
  const title = alert.article ? `${alert.article.source || '-'}  ${alert.article.title}` : '(article gone)';
  return `${alert.at.slice(0, 16).replace('T', ' ')}  ${alert.seen ? ' ' : '*'} ${alert.watchName}  ${alert.articleId}  ${title}`;
}
