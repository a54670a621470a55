// An article's publication day in a list, or "date unknown" (the capture day only in the tooltip, labelled).
import { publishedLabel } from '../format.ts';

export function PublishedDate({ item }: { item: { publishedAt: string | null; capturedAt: string } }) {
  const label = publishedLabel(item);
  return (
    <span className={label.known ? 'published-date' : 'published-date unknown'} title={label.title}>
      {label.text}
    </span>
  );
}
