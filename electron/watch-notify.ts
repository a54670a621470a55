// System notifications for watch alerts in the desktop app (off by default per watch); a click brings the window forward.
import { Notification, type BrowserWindow } from 'electron';
import type { Archive } from '../core/archive.ts';
import { alertNotices } from './alert-notices.ts';

/** Often enough to feel immediate after a refresh; each look is one in-memory read of watches.json. */
const EVERY_MS = 5000;

/** Starts looking for alerts to notify; the function returned stops it (before the archive closes). */
export function notifyWatchAlerts(archive: Archive, window: () => BrowserWindow | null): () => void {
  if (!Notification.isSupported()) return () => undefined;
  const look = alertNotices((query) => archive.listAlerts(query));
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    look()
      .then((notices) => {
        for (const notice of notices) {
          const shown = new Notification({ title: notice.title, body: notice.body });
          shown.on('click', () => {
            const win = window();
            if (!win) return;
            if (win.isMinimized()) win.restore();
            win.focus();
          });
          shown.show();
        }
      })
      .catch((error: unknown) => console.error('Newsdesk: looking for watch alerts failed:', error))
      .finally(() => (busy = false));
  }, EVERY_MS);
  return () => clearInterval(timer);
}
