// Which watch alerts deserve a system notification: new ones (since the app started) of watches with notify on, one notice per watch per look.
import type { AlertView } from '../core/model.ts';

export type AlertNotice = { title: string; body: string; articleId: string };

type ListAlerts = (query: { since: string; limit: number }) => Promise<AlertView[]>;

/** Alerts remembered as notified; older ones fall out (they are older than `since` by then anyway). */
const REMEMBERED = 2000;

/**
 * Asks for alerts recorded since the last look and turns the unnotified ones whose watch has notify on
 * into notices: one per watch, so a refresh that brings 40 matches raises one notification, not 40.
 */
export function alertNotices(listAlerts: ListAlerts, startedAt = new Date()) {
  let since = startedAt.toISOString();
  const notified = new Set<string>();

  return async function look(): Promise<AlertNotice[]> {
    const alerts = await listAlerts({ since, limit: 500 });
    const fresh = alerts.filter((a) => !notified.has(a.id));
    for (const alert of fresh) notified.add(alert.id);
    // Alerts share a millisecond with others still being recorded: look again from the newest one seen.
    if (alerts[0]) since = alerts[0].at;
    if (notified.size > REMEMBERED)
      for (const id of [...notified].slice(0, notified.size - REMEMBERED)) notified.delete(id);

    const byWatch = new Map<string, AlertView[]>();
    for (const alert of fresh.filter((a) => a.notify && a.article)) {
      byWatch.set(alert.watchId, [...(byWatch.get(alert.watchId) ?? []), alert]);
    }
    return [...byWatch.values()].map((group) => {
      // Newest first, as listAlerts answers.
      const newest = group[0]!;
      const more = group.length > 1 ? ` (and ${group.length - 1} more)` : '';
      return {
        title: `Watch: ${newest.watchName}`,
        body: `${newest.article!.title}${newest.article!.source ? ` · ${newest.article!.source}` : ''}${more}`,
        articleId: newest.articleId,
      };
    });
  };
}
