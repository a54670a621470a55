// How claims read in the UI: kinds, statuses, figures and chains in a monitor's words.
import type { ClaimKind, ClaimStatus, Quantity } from '../../core/model.ts';

export const CLAIM_KINDS: { kind: ClaimKind; label: string }[] = [
  { kind: 'casualties', label: 'Casualties' },
  { kind: 'territorial-control', label: 'Territorial control' },
  { kind: 'attack', label: 'Attack' },
  { kind: 'military-action', label: 'Military action' },
  { kind: 'accusation', label: 'Accusation' },
  { kind: 'denial', label: 'Denial' },
  { kind: 'statement', label: 'Statement' },
  { kind: 'other', label: 'Other' },
];

export const CLAIM_STATUSES: { status: ClaimStatus; label: string }[] = [
  { status: 'unverified', label: 'Unverified' },
  { status: 'corroborated', label: 'Corroborated' },
  { status: 'disputed', label: 'Disputed' },
  { status: 'false', label: 'False' },
  { status: 'retracted', label: 'Retracted' },
];

export const QUALIFIERS: Quantity['qualifier'][] = [
  'exactly',
  'at least',
  'more than',
  'up to',
  'at most',
  'about',
  'nearly',
  'dozens',
  'hundreds',
  'thousands',
];

export function kindLabel(kind: ClaimKind): string {
  return CLAIM_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

export function statusLabel(status: ClaimStatus): string {
  return CLAIM_STATUSES.find((s) => s.status === status)?.label ?? status;
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
