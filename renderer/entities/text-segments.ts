// The article text cut into paragraphs and runs (plain, mention, date), each knowing its offsets into the text.
import type { DateMention, Mention } from '../../core/model.ts';

export type Range = { start: number; end: number };
export type Segment = Range & { mention?: Mention; date?: DateMention; highlighted?: boolean };

/**
 * Blank lines separate paragraphs; text without any (one paragraph per line, as copied from most web
 * pages) is split on its line breaks instead. Each range is trimmed, and offsets stay those of the text.
 */
export function paragraphRanges(text: string): Range[] {
  const separator = /\n\s*\n/.test(text) ? /\n\s*\n/g : /\n/g;
  const ranges: Range[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) ranges.push({ start, end });
  };
  for (const match of text.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return ranges;
}

/** The runs of one paragraph: mentions win over dates where both cover the same characters. */
export function segmentsOf(paragraph: Range, mentions: Mention[], dates: DateMention[]): Segment[] {
  const marks: Segment[] = [];
  const inside = (r: Range) => r.start >= paragraph.start && r.end <= paragraph.end;
  for (const mention of mentions) if (inside(mention)) marks.push({ start: mention.start, end: mention.end, mention });
  for (const date of dates)
    if (inside(date) && !marks.some((m) => m.start < date.end && date.start < m.end))
      marks.push({ start: date.start, end: date.end, date });
  marks.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = paragraph.start;
  for (const mark of marks) {
    if (mark.start < at) continue; // overlapping marks (a hand-edited file): the first one wins
    if (mark.start > at) segments.push({ start: at, end: mark.start });
    segments.push(mark);
    at = mark.end;
  }
  if (at < paragraph.end) segments.push({ start: at, end: paragraph.end });
  return segments;
}

/**
 * The same runs with a highlighted range (the claim being looked at) marked: plain runs are cut at
 * its edges, a mention or date it touches is marked whole.
 */
export function highlightSegments(segments: Segment[], highlight: Range | null): Segment[] {
  if (!highlight) return segments;
  const out: Segment[] = [];
  for (const segment of segments) {
    const touches = segment.start < highlight.end && highlight.start < segment.end;
    if (!touches) out.push(segment);
    else if (segment.mention || segment.date) out.push({ ...segment, highlighted: true });
    else {
      const cuts = [
        segment.start,
        Math.max(segment.start, highlight.start),
        Math.min(segment.end, highlight.end),
        segment.end,
      ];
      for (let i = 0; i < 3; i++)
        if (cuts[i + 1]! > cuts[i]!)
          out.push({ start: cuts[i]!, end: cuts[i + 1]!, highlighted: i === 1 || undefined });
    }
  }
  return out;
}

/**
 * The text offsets of the current selection inside `root`, read from the `data-offset` each run
 * carries; null when the selection is empty or leaves the article text.
 */
export function selectionOffsets(root: HTMLElement): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-offset]');
    return run ? Number(run.dataset.offset) + offset : null;
  }
  // A selection edge on an element (a triple click, say) points between its children.
  const element = node as HTMLElement;
  const runOf = (n: Node | null | undefined) =>
    n instanceof HTMLElement
      ? n.matches('[data-offset]')
        ? n
        : n.querySelector<HTMLElement>('[data-offset]')
      : n?.parentElement?.closest<HTMLElement>('[data-offset]');
  const own = element.closest<HTMLElement>('[data-offset]');
  if (own) return Number(own.dataset.offset) + (offset === 0 ? 0 : (own.textContent?.length ?? 0));
  // The first run from that point on (a page marker between runs is not one).
  for (let child: ChildNode | null | undefined = element.childNodes[offset]; child; child = child.nextSibling) {
    const next = runOf(child);
    if (next) return Number(next.dataset.offset);
  }
  const runs = element.querySelectorAll<HTMLElement>('[data-offset]');
  const last = runs[runs.length - 1];
  return last ? Number(last.dataset.offset) + (last.textContent?.length ?? 0) : null;
}

/**
 * A selection made into a span worth tagging: without the spaces at its ends, and cut at the first
 * line break (a triple click selects into the next paragraph; a name never crosses one). Null if
 * nothing is left.
 */
export function tidyRange(text: string, range: Range): Range | null {
  let { start, end } = range;
  const lineBreak = text.slice(start, end).search(/[\r\n]/);
  if (lineBreak >= 0) end = start + lineBreak;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
