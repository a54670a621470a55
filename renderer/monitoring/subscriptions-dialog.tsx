// The followed feeds: follow one (or an OPML list), see each feed's health, refresh now, pause, unfollow, export as OPML.
import type { RefreshResult, SubscriptionView } from '../../core/model.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';
import { formatCount, formatFullDate, formatShortDate } from '../format.ts';
import { FollowForm } from './follow-form.tsx';
import { useSubscriptions } from './use-subscriptions.ts';
import './monitoring.css';

type Props = { onClose: () => void; onError: (error: unknown) => void; onRefreshed: () => void };

export function SubscriptionsDialog({ onClose, onError, onRefreshed }: Props) {
  const subs = useSubscriptions(onError);
  const list = subs.list ?? [];
  const failing = list.filter((s) => s.failures > 0).length;
  const folders = [...new Set(list.map((s) => s.folder).filter(Boolean))].sort();

  async function refresh(id?: string): Promise<void> {
    const results = await subs.refresh(id);
    if (results?.some((r) => r.new > 0)) onRefreshed();
  }

  async function exportOpml(): Promise<void> {
    try {
      const text = await subs.opml();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/x-opml' }));
      link.download = 'newsdesk-subscriptions.opml';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      onError(error);
    }
  }

  return (
    <ModalDialog title="Subscriptions" onClose={onClose} className="subscriptions-dialog">
      <FollowForm
        folders={folders}
        onFollow={async (target, options) => {
          const result = await subs.follow(target, options);
          // Read at once, not at the scheduler's next tick: the monitor wants to see what the feed holds.
          if (result?.followed.length) await refresh(result.followed.length === 1 ? result.followed[0]!.id : undefined);
          return result;
        }}
      />
      <div className="subs-toolbar" role="toolbar" aria-label="All subscriptions">
        <span>
          {formatCount(list.length, 'feed', 'feeds')}
          {failing > 0 && <span className="subs-failing"> · {failing} failing</span>}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="button small"
          disabled={subs.refreshing !== null || list.length === 0}
          onClick={() => void refresh()}
        >
          {subs.refreshing === 'all' ? 'Refreshing…' : 'Refresh all now'}
        </button>
        <button type="button" className="button small" onClick={() => void subs.setSchedulePaused(!subs.paused)}>
          {subs.paused ? 'Resume refreshing' : 'Pause refreshing'}
        </button>
        <button type="button" className="button small" disabled={list.length === 0} onClick={() => void exportOpml()}>
          Export OPML
        </button>
      </div>
      {subs.paused && (
        <p className="subs-paused">Refreshing on schedule is paused: feeds are read only when you ask.</p>
      )}
      {subs.lastRun && <RunSummary results={subs.lastRun} />}
      <div className="subs-table-wrap">
        <table className="subs-table" aria-label="Followed feeds">
          <thead>
            <tr>
              <th>Feed</th>
              <th>Folder</th>
              <th>Every</th>
              <th>Last checked</th>
              <th>Last new item</th>
              <th>Health</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {subs.list && list.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  No feeds followed yet: paste a feed's URL above, or import an OPML list.
                </td>
              </tr>
            )}
            {list.map((sub) => (
              <SubscriptionRow
                key={sub.id}
                sub={sub}
                refreshing={subs.refreshing === sub.id || subs.refreshing === 'all'}
                onRefresh={() => void refresh(sub.id)}
                onPause={() => void subs.setFeedPaused(sub.id, !sub.paused)}
                onUnfollow={() => {
                  if (window.confirm(`Stop following “${sub.title || sub.url}”? What was saved from it stays.`))
                    void subs.unfollow(sub.id);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </ModalDialog>
  );
}

type RowProps = {
  sub: SubscriptionView;
  refreshing: boolean;
  onRefresh: () => void;
  onPause: () => void;
  onUnfollow: () => void;
};

function SubscriptionRow({ sub, refreshing, onRefresh, onPause, onUnfollow }: RowProps) {
  return (
    <tr data-id={sub.id} className={sub.failures > 0 ? 'failing' : sub.paused ? 'paused' : ''}>
      <td className="subs-title">
        <bdi dir="auto">{sub.title || sub.url}</bdi>
        <span className="subs-url" title={sub.url}>
          {sub.url}
        </span>
      </td>
      <td dir="auto">{sub.folder}</td>
      <td>{everyLabel(sub.everyMinutes)}</td>
      <td title={formatFullDate(sub.lastCheckedAt)}>{sub.lastCheckedAt ? formatShortDate(sub.lastCheckedAt) : '—'}</td>
      <td title={formatFullDate(sub.lastNewAt)}>{sub.lastNewAt ? formatShortDate(sub.lastNewAt) : '—'}</td>
      <td className="subs-health" title={sub.lastError ?? `Next check ${formatFullDate(sub.nextCheckAt)}`}>
        {health(sub)}
      </td>
      <td className="subs-actions">
        <button type="button" className="link-button" disabled={refreshing} onClick={onRefresh}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        <button type="button" className="link-button" onClick={onPause}>
          {sub.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="link-button danger" onClick={onUnfollow}>
          Unfollow
        </button>
      </td>
    </tr>
  );
}

function health(sub: SubscriptionView): string {
  if (sub.failures > 0) return `⚠ ${formatCount(sub.failures, 'failure', 'failures')}: ${sub.lastError ?? ''}`;
  if (sub.paused) return 'Paused';
  if (!sub.lastCheckedAt) return 'Not read yet';
  return 'OK';
}

function everyLabel(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? 'daily' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

/** What the last refresh asked for came to: counts, and the first failures with their reasons. */
function RunSummary({ results }: { results: RefreshResult[] }) {
  if (results.some((r) => r.status === 'offline'))
    return (
      <p className="subs-run failed" aria-live="polite">
        Offline: no feed could be reached, and nothing changed.
      </p>
    );
  const saved = results.reduce((sum, r) => sum + r.new, 0);
  const failed = results.filter((r) => r.status === 'failed');
  const problems = results.filter((r) => r.errors.length > 0);
  return (
    <div className={`subs-run${failed.length ? ' failed' : ''}`} aria-live="polite">
      Refreshed {formatCount(results.length, 'feed', 'feeds')}: {formatCount(saved, 'new article', 'new articles')}
      {failed.length > 0 && `, ${failed.length} failed`}.
      {problems.length > 0 && (
        <ul>
          {problems.slice(0, 5).map((r) => (
            <li key={r.subscription}>
              <span className="subs-url">{r.url}</span>: {r.errors.slice(0, 2).join('; ')}
              {r.errors.length > 2 && ` (+${r.errors.length - 2})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
