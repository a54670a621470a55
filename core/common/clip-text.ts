// Cutting text to a length or a window without cutting a character in two: the one truncation every stored string goes through.

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `end` as the end of a cut, moved back one unit when it would fall between the two halves of a
 * surrogate pair (an emoji, a rare CJK character): a lone half is not text, JSON keeps it as an
 * escape, and every reader after us shows it as "�".
 */
export function wholeCharEnd(text: string, end: number): number {
  return end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))
    ? end - 1
    : end;
}

/** `start` as the start of a cut, moved on one unit when it would fall inside a surrogate pair. */
export function wholeCharStart(text: string, start: number): number {
  return start > 0 && start < text.length && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))
    ? start + 1
    : start;
}

/** `text.slice(start, end)`, narrowed to whole characters at both ends. */
export function sliceWhole(text: string, start: number, end: number): string {
  const from = wholeCharStart(text, Math.max(0, start));
  return text.slice(from, Math.max(from, wholeCharEnd(text, Math.min(end, text.length))));
}

/** At most `max` UTF-16 units of `text`, from its start, never half a character. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, wholeCharEnd(text, Math.max(0, max)));
}

/** `text` in at most `max` units, ending "…" when it was shortened (spaces before the ellipsis dropped). */
export function shortenText(text: string, max: number): string {
  return text.length <= max ? text : `${clipText(text, max - 1).trimEnd()}…`;
}
