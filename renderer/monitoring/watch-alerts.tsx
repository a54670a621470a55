// The watchlist in the status bar: unseen alerts counted (asked for every few seconds), an in-app notice when one arrives, and a panel of the watches and what matched.
import { useEffect, useRef, useState } from 'react';
import type { AlertView, WatchSummary, WatchTarget } from '../../core/model.ts';
import { archive } from '../api.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';
import { formatCount, formatFullDate, formatShortDate } from '../format.ts';
import './monitoring.css';

const POLL_MS = 4000;

type Props = {
  onAlert: (text: string) => void;
  onOpenArticle: (id: string) => void;
  onError: (error: unknown) => void;
  /** Opens the export dialog on the last day's digest (its alerts' articles and those with new claims). */
  onExportDigest: (digest: { articleIds: string[]; alerts: number }) => void;
};

export function WatchAlerts({ onAlert, onOpenArticle, onError, onExportDigest }: Props) {
  const [unseen, setUnseen] = useState(0);
  const [open, setOpen] = useState(false);
  const known = useRef<Set<string> | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const alerts = await archive.listAlerts({ unseenOnly: true, limit: 200 }).catch(() => null);
      if (stopped || !alerts) return;
      // The first answer is what was already there; later ones announce what is new.
      const fresh = known.current ? alerts.filter((a) => !known.current!.has(a.id)) : [];
      known.current = new Set(alerts.map((a) => a.id));
      setUnseen(alerts.length);
      if (fresh.length)
        onAlert(
          `${fresh[0]!.watchName}: ${fresh[0]!.article?.title ?? 'a new article'}${fresh.length > 1 ? ` (+${fresh.length - 1})` : ''}`,
        );
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [onAlert]);

  return (
    <>
      <button
        type="button"
        className={`link-button watch-alerts-button${unseen ? ' has-new' : ''}`}
        data-testid="watch-alerts"
        onClick={() => setOpen(true)}
      >
        Watchlist{unseen ? ` · ${unseen >= 200 ? '200+' : unseen} new` : ''}
      </button>
      {open && (
        <WatchPanel
          onClose={() => setOpen(false)}
          onOpenArticle={onOpenArticle}
          onError={onError}
          onSeen={() => setUnseen(0)}
          onExportDigest={(digest) => {
            setOpen(false);
            onExportDigest(digest);
          }}
        />
      )}
    </>
  );
}

type PanelProps = {
  onClose: () => void;
  onOpenArticle: (id: string) => void;
  onError: (error: unknown) => void;
  onSeen: () => void;
  onExportDigest: Props['onExportDigest'];
};

/** The watches on the left (counts, notification switch, delete); the alerts of the one chosen, or of all, on the right. */
function WatchPanel({ onClose, onOpenArticle, onError, onSeen, onExportDigest }: PanelProps) {
  const [watches, setWatches] = useState<WatchSummary[] | null>(null);
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [watchId, setWatchId] = useState<string | undefined>(undefined);

  async function reload(chosen = watchId): Promise<void> {
    const [w, a] = await Promise.all([archive.listWatches(), archive.listAlerts({ watchId: chosen, limit: 500 })]);
    setWatches(w);
    setAlerts(a);
  }
  useEffect(() => void reload().catch(onError), []);

  const run = (change: () => Promise<unknown>) => () =>
    void change()
      .then(() => reload())
      .catch(onError);
  const choose = (id: string | undefined) => {
    setWatchId(id);
    void reload(id).catch(onError);
  };

  return (
    <ModalDialog title="Watchlist" onClose={onClose} className="subscriptions-dialog" closeOnBackdrop>
      <div className="watch-panel">
        <ul className="watch-list" aria-label="Watches">
          <li aria-current={watchId === undefined}>
            <button type="button" className="link-button watch-name" onClick={() => choose(undefined)}>
              All watches
            </button>
          </li>
          {watches?.length === 0 && (
            <li className="muted">No watches yet. Use “Watch…” beside a search’s results or on an entity’s page.</li>
          )}
          {watches?.map((w) => (
            <li key={w.id} aria-current={watchId === w.id} data-watch={w.name}>
              <button type="button" className="link-button watch-name" dir="auto" onClick={() => choose(w.id)}>
                {w.name}
              </button>
              <span className="badge">{w.unseen || ''}</span>
              <span className="watch-meta">
                <span title={describeTarget(w.target)}>{formatCount(w.alerts, 'alert', 'alerts')}</span>
                <label title="A system notification for each new alert (desktop app)">
                  <input
                    type="checkbox"
                    checked={w.notify}
                    onChange={run(() => archive.updateWatch(w.id, { notify: !w.notify }))}
                  />{' '}
                  notify
                </label>
                <button
                  type="button"
                  className="link-button danger"
                  onClick={() => {
                    if (!window.confirm(`Delete the watch “${w.name}” and its alerts? The articles stay.`)) return;
                    if (watchId === w.id) setWatchId(undefined);
                    run(() => archive.deleteWatch(w.id))();
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
        <ul className="alert-list" aria-label="Alerts">
          {alerts.length === 0 && <li className="muted">No alerts.</li>}
          {alerts.map((a) => (
            <li key={a.id} className={a.seen ? 'seen' : 'unseen'}>
              <button
                type="button"
                className="link-button alert-title"
                dir="auto"
                disabled={!a.article}
                onClick={() => {
                  void archive.markAlertsSeen({ ids: [a.id] }).catch(onError);
                  onClose();
                  onOpenArticle(a.articleId);
                }}
              >
                {a.article?.title ?? '(article deleted)'}
              </button>
              <span className="muted" title={formatFullDate(a.at)}>
                {formatShortDate(a.at)}
              </span>
              <span className="alert-meta" dir="auto">
                {a.watchName}
                {a.article?.source ? ` · ${a.article.source}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div className="watch-panel-actions">
        <button
          type="button"
          className="button"
          title="The last day's alerts and the articles saved that day with claims, as a report"
          onClick={() =>
            void archive
              .getDigest()
              .then(({ alerts: recent, articleIds }) =>
                articleIds.length
                  ? onExportDigest({ articleIds, alerts: recent.length })
                  : onError(new Error('Nothing for a digest: no alerts and no new claims in the last day.')),
              )
              .catch(onError)
          }
        >
          Digest of the last day…
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button"
          onClick={run(async () => {
            await archive.markAlertsSeen(watchId ? { watchId } : {});
            if (!watchId) onSeen();
          })}
        >
          {watchId ? 'Mark this watch’s alerts seen' : 'Mark all seen'}
        </button>
      </div>
    </ModalDialog>
  );
}

function describeTarget(target: WatchTarget): string {
  if (target.kind === 'search') return `Search: ${target.query}`;
  if (target.kind === 'entity') return 'An entity, with all its aliases';
  return `${target.claimKind} claims in a place`;
}
