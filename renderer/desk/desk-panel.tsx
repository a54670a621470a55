// The Desk panel: join a desk (URL, analyst, user; the password never passes here), its state, Sync now with its result, Leave, and the conflicts.
import { useEffect, useState, type FormEvent } from 'react';
import type { DeskPasswordProtection } from '../../core/api.ts';
import type { DeskStatus } from '../../core/model.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';
import { formatCount, formatFullDate, formatLongDate } from '../format.ts';
import { DeskConflicts } from './desk-conflicts.tsx';
import { isOffline, timeAgo } from './desk-format.ts';
import type { Desk } from './use-desk.ts';
import './desk.css';

export function DeskPanel({ desk, onClose }: { desk: Desk; onClose: () => void }) {
  const status = desk.status;
  return (
    <ModalDialog title="Team desk" onClose={onClose} className="desk-dialog">
      {!status ? (
        <p className="muted desk-none">Reading the desk’s state…</p>
      ) : status.joined ? (
        <Joined desk={desk} status={status} />
      ) : (
        <JoinForm onJoin={desk.join} />
      )}
    </ModalDialog>
  );
}

const PASSWORD_NOTE =
  'In the browser the password is never typed here: the server reads it from its environment (NEWSDESK_DESK_USER / NEWSDESK_DESK_PASSWORD).';
const KEYCHAIN_NOTES: Record<DeskPasswordProtection, string> = {
  keychain:
    'The password goes to your system’s keychain, encrypted there; it is never written into the archive nor sent to the desk except to sign in.',
  obfuscated:
    'No keyring answered on this system (Linux without GNOME Keyring or KWallet): the password would be kept only obfuscated, not encrypted, in Newsdesk’s settings folder, so anyone who can read your files can read it. Safer: start a keyring and restart Newsdesk, or leave the password empty and set NEWSDESK_DESK_PASSWORD in the environment Newsdesk starts from.',
  none: 'This system offers no keychain, so the password cannot be kept here: leave it empty and set NEWSDESK_DESK_USER / NEWSDESK_DESK_PASSWORD in the environment Newsdesk starts from.',
};
const OBFUSCATED_WARNING =
  'A password saved by this app is kept only obfuscated on this computer (no keyring answered): anyone who can read your files can read it. Leaving the desk removes it.';

/** How the desktop app would keep a password; null in the browser (no keychain: the server's environment has it) or until known. */
function usePasswordProtection(): DeskPasswordProtection | null {
  const [protection, setProtection] = useState<DeskPasswordProtection | null>(null);
  useEffect(() => {
    let live = true;
    void window.newsdeskDesktop?.deskPasswordProtection().then((value) => live && setProtection(value));
    return () => {
      live = false;
    };
  }, []);
  return protection;
}

function JoinForm({ onJoin }: { onJoin: Desk['join'] }) {
  const [url, setUrl] = useState('');
  const [analyst, setAnalyst] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  // The desktop app keeps a password in the OS keychain; in the browser it comes from the server's environment.
  const keychain = window.newsdeskDesktop;
  const protection = usePasswordProtection();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    if (keychain && password) {
      const saved = await keychain.saveDeskPassword({ url: url.trim(), user: user.trim(), password });
      if (!saved.ok) {
        setBusy(false);
        setError(saved.error.message);
        return;
      }
    }
    const failure = await onJoin({
      url: url.trim(),
      analyst: analyst.trim(),
      ...(user.trim() ? { user: user.trim() } : {}),
    });
    setBusy(false);
    setError(failure);
  }

  return (
    <form className="desk-join" aria-label="Join a desk" onSubmit={(e) => void submit(e)}>
      <p className="desk-intro">
        This archive is on no desk. Join one to share articles, claims, entities and collections with your team; your
        work stays here too, and syncing works offline first.
      </p>
      <label>
        Desk database URL
        <input
          className="input"
          type="url"
          required
          placeholder="https://couch.example.org/desk"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          data-autofocus
        />
      </label>
      <label>
        Your name on the desk
        <input
          className="input"
          required
          maxLength={100}
          placeholder="Shown beside every change you make"
          value={analyst}
          onChange={(e) => setAnalyst(e.target.value)}
        />
      </label>
      <label>
        User name <span className="muted">(optional)</span>
        <input
          className="input"
          placeholder="The desk’s CouchDB user"
          autoComplete="username"
          value={user}
          onChange={(e) => setUser(e.target.value)}
        />
      </label>
      {keychain && (
        <label>
          Password <span className="muted">(with a user name)</span>
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
      )}
      <p className={protection === 'keychain' || !keychain ? 'desk-note' : 'desk-note desk-warning'}>
        {keychain ? KEYCHAIN_NOTES[protection ?? 'keychain'] : PASSWORD_NOTE}
      </p>
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Joining…' : 'Join desk'}
        </button>
      </div>
    </form>
  );
}

function Joined({ desk, status }: { desk: Desk; status: DeskStatus }) {
  const protection = usePasswordProtection();
  const result = desk.lastResult;
  const failure = desk.syncError ?? status.offline;
  return (
    <div className="desk-panel">
      <dl className="desk-state" aria-label="Desk state">
        <dt>Desk</dt>
        <dd>
          <code>{status.url}</code>
        </dd>
        <dt>You</dt>
        <dd>
          <bdi>{status.analyst}</bdi>
          {status.user ? (
            <>
              {' '}
              · user <code>{status.user}</code>
            </>
          ) : (
            ' · no user name (an open desk, or the environment’s)'
          )}
        </dd>
        {protection === 'obfuscated' && status.user && (
          <>
            <dt>Password</dt>
            <dd className="desk-warning">{OBFUSCATED_WARNING}</dd>
          </>
        )}
        <dt>Connection</dt>
        <dd className={failure ? 'desk-offline' : 'desk-online'} data-testid="desk-connection">
          {desk.syncing
            ? 'Syncing…'
            : failure
              ? `${isOffline(failure) ? 'Offline' : 'Last sync failed'}: ${failure}`
              : status.lastSyncAt
                ? 'Online: the last sync worked'
                : 'Not synced yet'}
        </dd>
        <dt>Last sync</dt>
        <dd title={formatFullDate(status.lastSyncAt)}>
          {status.lastSyncAt ? `${timeAgo(status.lastSyncAt)} · ${formatLongDate(status.lastSyncAt)}` : 'never'}
        </dd>
        <dt>Waiting to go up</dt>
        <dd data-testid="desk-pending">{formatCount(status.pendingUp, 'change', 'changes')}</dd>
        <dt>Waiting to come down</dt>
        <dd data-testid="desk-pending-down">
          {status.pendingDown === null
            ? 'not known while offline'
            : formatCount(status.pendingDown, 'change', 'changes')}
        </dd>
        <dt>Conflicts</dt>
        <dd data-testid="desk-conflict-count">{status.conflicts || 'none'}</dd>
      </dl>
      <div className="desk-toolbar" role="toolbar" aria-label="Desk">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard's focus, Enter again must find it. */}
        <button
          type="button"
          className="button primary small"
          aria-disabled={desk.syncing}
          onClick={() => void desk.sync()}
          data-autofocus
        >
          {desk.syncing ? 'Syncing…' : 'Sync now'}
        </button>
        {desk.syncing && <progress aria-label="Syncing" />}
        {!desk.syncing && result && !desk.syncError && (
          <span
            className="desk-result"
            role="status"
            data-testid="desk-result"
            // Which documents, and why: the same lines `newsdesk sync` prints.
            title={
              [...(result.refused ?? []), ...(result.incomplete ?? [])]
                .map(({ id, reason }) => `${id}: ${reason}`)
                .join('\n') || undefined
            }
          >
            Synced: {result.pushed} sent, {result.pulled} received,{' '}
            {formatCount(result.conflicts, 'conflict', 'conflicts')}
            {result.refused?.length ? ` · ${result.refused.length} left out, tried again at the next sync` : ''}
            {result.incomplete?.length ? ` · ${result.incomplete.length} without a file they name` : ''}
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="link-button danger"
          disabled={desk.syncing}
          onClick={() => {
            if (
              window.confirm(
                `Leave the desk at ${status.url}? Nothing in this archive is lost: every article, claim and entity stays here, and you can join again later.`,
              )
            )
              void desk.leave();
          }}
        >
          Leave desk
        </button>
      </div>
      <h3 className="desk-heading">
        Conflicts <span className="muted">— the same field changed on two laptops; pick or edit the value to keep</span>
      </h3>
      <DeskConflicts conflicts={desk.conflicts} analyst={status.analyst} onResolve={desk.resolve} />
    </div>
  );
}
