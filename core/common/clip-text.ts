// Shortening text to a length without cutting a character in two: the one truncation every stored string goes through.

/**
 * At most `max` UTF-16 units of `text`. A cut that would fall between the two halves of a surrogate
 * pair (an emoji, a rare CJK character) drops the whole character: a lone half is not text, JSON
 * keeps it as an escape and every reader after us shows it as "�".
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** `text` in at most `max` units, ending "…" when it was shortened (spaces before the ellipsis dropped). */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${clipText(text, max - 1).trimEnd()}…`;
}
