// A quiet line saying who confirmed a mention or set a claim's status, and when: the team desk's "who did what".
import { attributionLabel, formatFullDate } from '../format.ts';

type Props = { done: string; by: string | null | undefined; at: string | undefined; className?: string };

export function AttributionNote({ done, by, at, className = '' }: Props) {
  const label = attributionLabel(done, by, at);
  if (!label) return null;
  const who = by ?? 'an archive on no desk (no analyst name)';
  return (
    <span className={`attribution muted ${className}`} title={`${who}, ${formatFullDate(at ?? null)}`}>
      {label}
    </span>
  );
}
