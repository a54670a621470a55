// A PDF's positioned text runs made into reading text: lines, paragraphs, hyphenation undone, running heads dropped, page starts kept.

/** One run of text as pdf.js gives it, in content-stream order: x/y of its baseline start, w its width, h its font size. */
export type TextRun = { str: string; x: number; y: number; w: number; h: number };

export type Line = { text: string; left: number; right: number; y: number; h: number };

export type PagedText = {
  text: string;
  /** Where each page starts in `text` (UTF-16 offsets), page 1 first. */
  pageStarts: number[];
};

/** Letters, an optional hyphen-like end: the word fragment a line ends with. */
const HYPHENATED_END = /(\p{L}+)([-\u2010\u00AD])$/u;
const LOWER_START = /^(\p{Ll}[\p{L}\p{M}]*)/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SENTENCE_END = /[.!?:;"'”’»)\]]$/;
const LIST_ITEM = /^([•▪◦●■◆–—]|-\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)/;
const PAGE_NUMBER = /^(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|\/|sur|de)\s*\d{1,4})?$/i;

/**
 * Runs on one baseline (within half a font size) become one line; a space goes where runs leave a gap
 * (Chromium and Word draw ligatures and kerned words as several runs, with no space between them).
 */
export function linesOf(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const run of runs) {
    const str = run.str.replace(/\u00AD(?=.)/gu, '');
    if (!str) continue;
    const h = Math.abs(run.h) || 1;
    const left = Math.min(run.x, run.x + run.w);
    const right = Math.max(run.x, run.x + run.w);
    const sameLine = line && Math.abs(run.y - line.y) <= 0.5 * Math.max(h, line.h);
    if (!line || !sameLine) {
      if (line) lines.push(line);
      line = { text: str, left, right, y: run.y, h };
      continue;
    }
    // A gap on either side (right-to-left runs go leftwards); a negative one means the runs touch or overlap.
    const gap = Math.max(left - line.right, line.left - right);
    const spaced = /\s$/.test(line.text) || /^\s/.test(str);
    line.text += gap > 0.15 * h && !spaced ? ` ${str}` : str;
    line.left = Math.min(line.left, left);
    line.right = Math.max(line.right, right);
    line.h = Math.max(line.h, h);
  }
  if (line) lines.push(line);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text.length > 0);
}

/**
 * Lines at the top or bottom of pages that repeat on at least half of them (digits aside: "Page 3 of 9"),
 * and lone page numbers there, are running heads and feet, not text.
 */
export function dropRunningHeads(pages: Line[][]): Line[][] {
  const EDGE = 2;
  const keyOf = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#');
  const edges = (lines: Line[]) => new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)]);
  const seen = new Map<string, number>();
  for (const lines of pages)
    for (const key of new Set([...edges(lines)].map(keyOf))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const edge = edges(lines);
    return lines.filter(
      (line) => !edge.has(line) || ((seen.get(keyOf(line)) ?? 0) < threshold && !PAGE_NUMBER.test(line.text)),
    );
  });
}

/** The document's own words, to tell a hyphenated line end ("infor-/mation") from a compound ("cross-/border"). */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly compounds = new Set<string>();

  constructor(lines: Iterable<Line>) {
    for (const { text } of lines) {
      // A fragment cut by a line-end hyphen is not a word of the document.
      const body = text.replace(HYPHENATED_END, '');
      for (const [token] of body.matchAll(/\p{L}+(?:[-\u2010]\p{L}+)*/gu)) {
        const lower = token.toLowerCase();
        if (/[-\u2010]/.test(lower)) {
          this.compounds.add(lower.replace(/\u2010/g, '-'));
          for (const part of lower.split(/[-\u2010]/)) this.words.add(part);
        } else this.words.add(lower);
      }
    }
  }

  /** Whether "prefix-" at a line end and "suffix" on the next line are one word broken by hyphenation. */
  isHyphenation(prefix: string, suffix: string, mark: string): boolean {
    if (mark === '\u00AD') return true;
    const [p, s] = [prefix.toLowerCase(), suffix.toLowerCase()];
    if (this.words.has(p + s)) return true;
    if (this.compounds.has(`${p}-${s}`)) return false;
    // Two words the document uses on their own: a compound ("well-known"); otherwise a broken word.
    return !(this.words.has(p) && this.words.has(s));
  }
}

/** Two lines of one paragraph made one: a hyphenated word rejoined, else a space (none between CJK characters). */
export function joinLines(before: string, after: string, vocabulary: Vocabulary): string {
  const end = HYPHENATED_END.exec(before);
  const start = LOWER_START.exec(after);
  if (end && start) {
    const [, prefix, mark] = end;
    if (vocabulary.isHyphenation(prefix!, start[1]!, mark!)) return before.slice(0, -1) + after;
    return before.slice(0, -1) + '-' + after;
  }
  if (/[-\u2010]$/.test(before) && /^\d/.test(after)) return before + after;
  if (CJK.test(before.slice(-1)) && CJK.test(after[0] ?? '')) return before + after;
  return `${before} ${after}`;
}

/**
 * A page's lines grouped into paragraphs: a new one where the line spacing opens up, the font size
 * changes, the text jumps back up (a new column or block), a list item starts, or a line that ends a
 * sentence stops well short of the lines above it.
 */
export function paragraphsOf(lines: Line[]): Line[][] {
  const pitches = lines
    .slice(1)
    .map((line, i) => ({ pitch: lines[i]!.y - line.y, h: line.h, sameSize: similar(lines[i]!.h, line.h) }))
    .filter((p) => p.sameSize && p.pitch > 0 && p.pitch < 3 * p.h)
    .map((p) => p.pitch / p.h)
    .sort((a, b) => a - b);
  // The usual line spacing, as a multiple of the font size.
  const usual = pitches.length ? pitches[Math.floor(pitches.length / 3)]! : 1.2;
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const last = current[current.length - 1];
    if (last && !breaksBefore(last, line, current, usual)) current.push(line);
    else {
      if (current.length) paragraphs.push(current);
      current = [line];
    }
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

function breaksBefore(last: Line, line: Line, paragraph: Line[], usual: number): boolean {
  const pitch = last.y - line.y;
  if (pitch < -0.5 * line.h) return true; // back up the page: another column or block
  if (!similar(last.h, line.h)) return true;
  if (pitch > Math.max(usual * 1.3, usual + 0.25) * line.h) return true;
  if (LIST_ITEM.test(line.text)) return true;
  const columnRight = Math.max(...paragraph.slice(0, -1).map((l) => l.right));
  return paragraph.length > 1 && SENTENCE_END.test(last.text) && last.right < columnRight - 3 * last.h;
}

function similar(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.15 * Math.max(a, b);
}

/**
 * The pages' paragraphs as one text: paragraphs apart by a blank line, a paragraph that runs on over a
 * page break (no sentence end, the next page going on in lower case) kept whole, and where each page starts.
 */
export function pagedText(pages: Line[][][], vocabulary: Vocabulary): PagedText {
  let text = '';
  const pageStarts: number[] = [];
  for (const paragraphs of pages) {
    const texts = paragraphs.map((lines) =>
      lines.slice(1).reduce((joined, line) => joinLines(joined, line.text, vocabulary), lines[0]!.text),
    );
    if (!texts.length) {
      pageStarts.push(text.length);
      continue;
    }
    const first = texts[0]!;
    const runsOn = text.length > 0 && !SENTENCE_END.test(text) && LOWER_START.test(first);
    if (runsOn) {
      const joined = joinLines(text, first, vocabulary);
      // Where the next page's first word begins in the joined text (a rejoined word starts on the page before).
      pageStarts.push(joined.length - first.length);
      text = joined;
    } else {
      if (text) text += '\n\n';
      pageStarts.push(text.length);
      text += first;
    }
    for (const paragraph of texts.slice(1)) text += `\n\n${paragraph}`;
  }
  return { text, pageStarts };
}
