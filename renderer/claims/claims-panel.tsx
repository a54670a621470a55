// The reader's claims panel: every claim of the article to jump to, review, edit and group with other articles' claims.
import type { Article } from '../../core/model.ts';
import { claimDayLabel } from '../format.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';
import { ClaimEditor } from './claim-editor.tsx';
import { ClaimRow } from './claim-row.tsx';
import type { useClaims } from './use-claims.ts';

type Props = { article: Article; claims: ReturnType<typeof useClaims>; suggesting: boolean };

export function ClaimsPanel({ article, claims, suggesting }: Props) {
  const visible = article.claims.filter((c) => c.review !== 'rejected');
  const pending = visible.filter((c) => c.review === 'suggested').length;
  const readOnly = article.deletedAt !== null;
  return (
    <aside className="claims-panel" aria-label="Claims in this article">
      <div className="mentions-panel-head">
        <h2>Claims</h2>
        <span className="muted">{suggesting ? 'Suggesting…' : pending ? `${pending} to review` : ''}</span>
      </div>
      {visible.length === 0 && !suggesting && (
        <p className="mentions-empty">No claims yet. Select words in the text and press c to make one.</p>
      )}
      <ul className="claim-list">
        {visible.map((claim) => (
          <li key={claim.id} className={claim.id === claims.activeId ? 'active' : ''}>
            <button
              type="button"
              className="claim-open"
              aria-label={`Claim: ${claim.text.slice(0, 60)}`}
              onClick={() => claims.show(claim.id)}
            >
              <ClaimRow claim={claim} />
            </button>
            {!readOnly && claim.id === claims.activeId && claims.editingId !== claim.id && (
              <div className="claim-actions">
                {claim.review === 'suggested' && (
                  <>
                    <button
                      type="button"
                      className="button primary"
                      disabled={claims.busy}
                      onClick={() => void claims.review([claim.id], 'confirm')}
                    >
                      Confirm
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={claims.busy}
                      onClick={() => void claims.review([claim.id], 'reject')}
                    >
                      Reject
                    </button>
                  </>
                )}
                <button type="button" className="button" onClick={() => claims.edit(claim.id)}>
                  Edit
                </button>
                <button type="button" className="button" onClick={() => void claims.findMatches(claim.id)}>
                  Same claim elsewhere…
                </button>
                {claim.groupId && (
                  <button type="button" className="link-button" onClick={() => void claims.ungroup(claim.id)}>
                    Leave group
                  </button>
                )}
                {claim.review !== 'suggested' && (
                  <button
                    type="button"
                    className="link-button danger"
                    onClick={() => void claims.review([claim.id], 'remove')}
                  >
                    Remove
                  </button>
                )}
              </div>
            )}
            {claims.editingId === claim.id && (
              // A dialog, not the side panel: the editor's two-column rows and figure table need the room.
              <ModalDialog title="Edit claim" className="claim-editor-dialog" onClose={() => claims.edit(null)}>
                <ClaimEditor
                  claim={claim}
                  onSave={(patch) => claims.save(claim.id, patch)}
                  onCancel={() => claims.edit(null)}
                />
              </ModalDialog>
            )}
            {claims.matches?.claimId === claim.id && (
              <div className="claim-matches" role="region" aria-label="Matching claims">
                {claims.matches.list === null && <p className="muted">Looking through the archive…</p>}
                {claims.matches.list?.length === 0 && <p className="muted">No claim elsewhere looks like this one.</p>}
                <ul>
                  {claims.matches.list?.map((match) => (
                    <li key={`${match.claim.articleId} ${match.claim.claimId}`}>
                      <ClaimRow
                        claim={match.claim}
                        meta={`${match.claim.outlet || 'Unknown outlet'} · ${claimDayLabel({ ...match.claim, eventDate: null })} · ${match.reasons.join(', ')}`}
                      />
                      <button type="button" className="button" onClick={() => void claims.groupWith(claim.id, match)}>
                        Group with this
                      </button>
                    </li>
                  ))}
                </ul>
                <button type="button" className="link-button" onClick={claims.closeMatches}>
                  Close
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
