// One claim in a list: who, through whom, what kind, the figures, and where it stands.
import type { ClaimKind, ClaimStatus, MentionStatus, Quantity } from '../../core/model.ts';
import { formatChain, formatQuantity, kindLabel, statusLabel } from './claim-format.ts';

type Props = {
  claim: {
    text: string;
    kind: ClaimKind;
    status: ClaimStatus;
    review: MentionStatus;
    claimant: { name: string } | null;
    via: string[];
    hedged: boolean;
    quantities: Pick<Quantity, 'value' | 'qualifier' | 'category' | 'outcome'>[];
    groupId: string | null;
  };
  /** Extra line under the text (the claims view puts the outlet and date there). */
  meta?: string;
};

export function ClaimRow({ claim, meta }: Props) {
  return (
    <div className={`claim-row ${claim.review}`}>
      <div className="claim-row-head">
        <span className={`claim-kind kind-${claim.kind}`}>{kindLabel(claim.kind)}</span>
        <span className="claim-chain" dir="auto">
          {formatChain(claim.claimant, claim.via)}
        </span>
        {claim.status !== 'unverified' && (
          <span className={`claim-status status-${claim.status}`}>{statusLabel(claim.status)}</span>
        )}
      </div>
      <p className="claim-text" dir="auto">
        {claim.text}
      </p>
      {(claim.quantities.length > 0 || claim.hedged || claim.groupId) && (
        <p className="claim-facts">
          {claim.quantities.map((q, i) => (
            <span key={i} className="figure">
              {formatQuantity(q)}
            </span>
          ))}
          {claim.hedged && <span className="hedge">hedged</span>}
          {claim.groupId && <span className="grouped">grouped</span>}
        </p>
      )}
      {meta && <p className="claim-meta muted">{meta}</p>}
    </div>
  );
}
