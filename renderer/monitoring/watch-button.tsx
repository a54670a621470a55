// "Watch…": names a watch on what is in front of the monitor (a search, an entity) and whether it raises a system notification.
import { useState, type FormEvent } from 'react';
import type { WatchTarget } from '../../core/model.ts';
import { archive } from '../api.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';
import './monitoring.css';

type Props = {
  /** What the dialog says is watched, e.g. the query or the entity's name. */
  describe: string;
  defaultName: string;
  target: WatchTarget;
  onCreated: (name: string) => void;
  onError: (error: unknown) => void;
  /** The button's look where it sits: "button small" in a toolbar, "button" in a page header. */
  className?: string;
};

export function WatchButton(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'button small'}
        title="Be alerted when a newly saved article matches"
        onClick={() => setOpen(true)}
      >
        Watch…
      </button>
      {open && <WatchDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function WatchDialog({ describe, defaultName, target, onCreated, onError, onClose }: Props & { onClose: () => void }) {
  const [name, setName] = useState(defaultName.slice(0, 200));
  const [notify, setNotify] = useState(false);
  const [busy, setBusy] = useState(false);
  const desktop = Boolean(window.archive);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    try {
      const watch = await archive.createWatch({ name, target, notify });
      onCreated(watch.name);
      onClose();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog title="Watch" onClose={onClose}>
      <form className="watch-form" onSubmit={(event) => void submit(event)}>
        <p className="watch-target">
          Every article saved from now on that matches <bdi>{describe}</bdi> raises an alert in the watchlist.
        </p>
        <div className="field">
          <label htmlFor="watch-name">Name</label>
          <input
            id="watch-name"
            className="input"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            data-autofocus
            required
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
          {desktop
            ? 'Also raise a system notification'
            : 'Also raise a system notification (in the desktop app; here alerts show in the status bar)'}
        </label>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !name.trim()}>
            Watch
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
