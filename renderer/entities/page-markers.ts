// Where a paged document's page markers ("p. 2") go among the reader's paragraphs and runs; no offset of the text moves.
import type { Range, Segment } from './text-segments.ts';

/** A run that begins one or more pages: their numbers, shown before it. */
export type PagedSegment = Segment & { pages?: number[] };

/**
 * For each paragraph (by its start offset), the pages that begin inside it or in the blank lines before
 * it, each at the offset its marker goes: `[offset, page]`. One page (or none): no markers.
 */
export function pageMarks(paragraphs: Range[], pageStarts: number[]): Map<number, [number, number][]> {
  const marks = new Map<number, [number, number][]>();
  if (pageStarts.length < 2) return marks;
  pageStarts.forEach((start, i) => {
    const paragraph = paragraphs.find((p) => p.end > start);
    if (!paragraph) return;
    marks.set(paragraph.start, [...(marks.get(paragraph.start) ?? []), [Math.max(start, paragraph.start), i + 1]]);
  });
  return marks;
}

/**
 * A paragraph's runs with its page marks placed: a plain run is cut where a page begins, and a mention
 * or date a page begins inside keeps its words whole and takes the marker before it.
 */
export function withPageMarks(segments: Segment[], marks: [number, number][] | undefined): PagedSegment[] {
  if (!marks?.length) return segments;
  const out: PagedSegment[] = [];
  for (const segment of segments) {
    const inside = marks.filter(([at]) => at >= segment.start && at < segment.end);
    if (!inside.length) {
      out.push(segment);
      continue;
    }
    if (segment.mention || segment.date) {
      out.push({ ...segment, pages: inside.map(([, page]) => page) });
      continue;
    }
    let from = segment.start;
    let pages: number[] = [];
    for (const [at, page] of inside) {
      if (at > from) {
        out.push({ ...segment, start: from, end: at, ...(pages.length ? { pages } : {}) });
        from = at;
        pages = [];
      }
      pages.push(page);
    }
    out.push({ ...segment, start: from, end: segment.end, pages });
  }
  return out;
}
