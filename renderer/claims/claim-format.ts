// How claims read in the UI: kinds, statuses, figures and chains in a monitor's words.
import {
  CLAIM_KIND_LABELS,
  CLAIM_STATUS_LABELS,
  type ClaimKind,
  type ClaimStatus,
} from '../../core/common/vocabulary.ts';
import type { Quantity } from '../../core/model.ts';

export { CLAIM_KINDS, CLAIM_STATUSES, QUALIFIERS } from '../../core/common/vocabulary.ts';

export function kindLabel(kind: ClaimKind): string {
  return CLAIM_KIND_LABELS[kind] ?? kind;
}

export function statusLabel(status: ClaimStatus): string {
  return CLAIM_STATUS_LABELS[status] ?? status;
}

/** "at least 27 civilians killed", "4 killed". */
export function formatQuantity(q: Pick<Quantity, 'value' | 'qualifier' | 'category' | 'outcome'>): string {
  const qualifier =
    q.qualifier === 'exactly'
      ? ''
      : q.qualifier === 'dozens' || q.qualifier === 'hundreds' || q.qualifier === 'thousands'
        ? `${q.qualifier} of`
        : q.qualifier;
  const value = qualifier.endsWith(' of') ? '' : q.value.toLocaleString();
  return [qualifier, value, q.category, q.outcome].filter(Boolean).join(' ');
}

/** "a UN official → Reuters → MENAFN", or "the outlet itself" for an unattributed statement. */
export function formatChain(claimant: { name: string } | null, via: string[]): string {
  return [claimant?.name ?? 'the outlet itself', ...via].join(' → ');
}
