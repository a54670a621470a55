// The watchlist in the status bar: unseen alerts counted (asked for every few seconds), an in-app notice when one arrives, and a panel of the watches and what matched.
import { useEffect, useRef, useState } from 'react';
import type { AlertView, WatchSummary } from '../../core/model.ts';
import { archive } from '../api.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';

const POLL_MS = 4000;

type Props = { onAlert: (text: string) => void; onOpenArticle: (id: string) => void };

export function WatchAlerts({ onAlert, onOpenArticle }: Props) {
  const [unseen, setUnseen] = useState<AlertView[]>([]);
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
      setUnseen(alerts);
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
      <button type="button" className="link-button" data-testid="watch-alerts" onClick={() => setOpen(true)}>
        Watchlist{unseen.length ? ` · ${unseen.length} new` : ''}
      </button>
      {open && <WatchPanel onClose={() => setOpen(false)} onOpenArticle={onOpenArticle} />}
    </>
  );
}

function WatchPanel({ onClose, onOpenArticle }: { onClose: () => void; onOpenArticle: (id: string) => void }) {
  const [watches, setWatches] = useState<WatchSummary[]>([]);
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  useEffect(() => {
    void archive.listWatches().then(setWatches);
    void archive.listAlerts({ limit: 200 }).then(setAlerts);
  }, []);
  const markSeen = async () => {
    await archive.markAlertsSeen({});
    setWatches(await archive.listWatches());
    setAlerts(await archive.listAlerts({ limit: 200 }));
  };
  return (
    <ModalDialog title="Watchlist" onClose={onClose} closeOnBackdrop>
      <ul className="watch-list" aria-label="Watches">
        {watches.map((w) => (
          <li key={w.id}>
            <strong>{w.name}</strong> · {w.alerts} alert(s), {w.unseen} unseen
          </li>
        ))}
      </ul>
      <ul className="alert-list" aria-label="Alerts">
        {alerts.map((a) => (
          <li key={a.id} className={a.seen ? 'seen' : 'unseen'}>
            <button type="button" className="link-button" onClick={() => onOpenArticle(a.articleId)}>
              <bdi>{a.article?.title ?? '(article gone)'}</bdi>
            </button>{' '}
            — {a.watchName}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void markSeen()}>
        Mark all seen
      </button>
    </ModalDialog>
  );
}
