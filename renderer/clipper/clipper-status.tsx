// The clipper in the status bar: its state, a prompt when an extension asks to pair, and the paired extensions with Revoke.
import { useState } from 'react';
import type { ClipperOverview, PairingRequestView } from '../../core/model.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';
import { formatFullDate, formatShortDate } from '../format.ts';
import { useClipper } from './use-clipper.ts';
import './clipper.css';

export function ClipperStatus({ onError }: { onError: (error: unknown) => void }) {
  const clipper = useClipper(onError);
  const [open, setOpen] = useState(false);
  const overview = clipper.overview;
  if (!overview || overview.server.state === 'off') return null;
  const active = overview.clients.filter((c) => !c.revokedAt).length;
  const request = overview.pending[0];
  return (
    <>
      <button
        type="button"
        className={`link-button clipper-button${overview.server.state === 'failed' ? ' failed' : ''}`}
        title={overview.server.state === 'failed' ? overview.server.message : `Listening at ${overview.server.url}`}
        onClick={() => setOpen(true)}
      >
        Clipper{overview.server.state === 'failed' ? ': off' : active ? ` · ${active} paired` : ''}
      </button>
      {request && (
        <PairingPrompt
          // A new request is a new dialog: its code is read afresh, focus starts again on Refuse.
          key={request.id}
          request={request}
          more={overview.pending.length - 1}
          onApprove={() => void clipper.approve(request.id)}
          onRefuse={() => void clipper.refuse(request.id)}
        />
      )}
      {open && !request && (
        <ClipperDialog overview={overview} onRevoke={(id) => void clipper.revoke(id)} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

type PromptProps = { request: PairingRequestView; more: number; onApprove: () => void; onRefuse: () => void };

/** Asked once per request: the code must match the one the extension's popup shows. */
function PairingPrompt({ request, more, onApprove, onRefuse }: PromptProps) {
  return (
    <ModalDialog title="Pair a browser clipper?" onClose={onRefuse} className="clipper-dialog">
      <div className="clipper-prompt">
        <p>
          <bdi>{request.name || 'A browser extension'}</bdi> asks to save pages into this archive.
        </p>
        <p className="clipper-code" aria-label="Pairing code">
          {request.code}
        </p>
        <p className="muted">
          Approve only if the extension's popup shows this same code. It asked at {formatShortDate(request.requestedAt)}
          {request.origin && (
            <>
              {' '}
              from <code>{request.origin}</code>
            </>
          )}
          ; the request expires at {formatFullDate(request.expiresAt)}.
          {more > 0 && ` ${more} more request(s) wait after this one.`}
        </p>
        <div className="modal-actions">
          {/* Focus on Refuse: a key pressed by chance (Enter while typing elsewhere) must not approve. */}
          <button type="button" className="button" onClick={onRefuse} data-autofocus>
            Refuse
          </button>
          <button type="button" className="button primary" onClick={onApprove}>
            Approve
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

type DialogProps = { overview: ClipperOverview; onRevoke: (id: string) => void; onClose: () => void };

function ClipperDialog({ overview, onRevoke, onClose }: DialogProps) {
  const { server, clients } = overview;
  return (
    <ModalDialog title="Browser clipper" onClose={onClose} className="clipper-dialog" closeOnBackdrop>
      <div className="clipper-panel">
        <p>
          {server.state === 'listening' ? (
            <>
              Listening for the clipper at <code>{server.url}</code>. Load the extension from <code>dist/clipper/</code>{' '}
              (README, “Browser clipper”) and press <em>Pair</em> in its popup.
            </>
          ) : server.state === 'failed' ? (
            <>The clipper is off: {server.message}</>
          ) : null}
        </p>
        <table className="clipper-clients" aria-label="Paired extensions">
          <thead>
            <tr>
              <th>Extension</th>
              <th>Paired</th>
              <th>Last used</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {clients.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No extension paired yet.
                </td>
              </tr>
            )}
            {clients.map((client) => (
              <tr key={client.id} className={client.revokedAt ? 'revoked' : ''}>
                <td>
                  <bdi>{client.name || 'Unnamed extension'}</bdi>
                  {client.origin && <span className="clipper-origin">{client.origin}</span>}
                </td>
                <td title={formatFullDate(client.createdAt)}>{formatShortDate(client.createdAt)}</td>
                <td title={formatFullDate(client.lastUsedAt)}>
                  {client.lastUsedAt ? formatShortDate(client.lastUsedAt) : '—'}
                </td>
                <td>
                  {client.revokedAt ? (
                    <span className="muted">Revoked {formatShortDate(client.revokedAt)}</span>
                  ) : (
                    <button
                      type="button"
                      className="link-button danger"
                      onClick={() => {
                        if (window.confirm(`Revoke “${client.name}”? It stops saving at once and must pair again.`))
                          onRevoke(client.id);
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ModalDialog>
  );
}
