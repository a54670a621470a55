// File names made from what users typed (a collection's name): safe on Windows, macOS and Linux, never a path.

/** Windows refuses these as a name, with or without an extension (CON.txt is CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Most bytes a name may have: ext4 and APFS allow 255; room is left for " (2)" and a temp prefix. */
const MAX_NAME_BYTES = 200;

/**
 * One file name: no separators or characters Windows forbids (<>:"/\|?*, controls), no leading dots
 * (hidden, or `..`), no trailing dots or spaces (Windows drops them), not a reserved device name,
 * normalized to NFC (macOS would otherwise store a different form), at most MAX_NAME_BYTES of UTF-8.
 */
export function safeFileName(wanted: string, extension: string): string {
  let stem = wanted
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!stem || RESERVED.test(stem.split('.')[0]!)) stem = `newsdesk ${stem}`.trim();
  const room = MAX_NAME_BYTES - Buffer.byteLength(extension);
  while (Buffer.byteLength(stem) > room) stem = [...stem].slice(0, -1).join('').trimEnd();
  return `${stem}${extension}`;
}

/** `report 2024-11-29` from a scope's words and the day: the name an export is offered under. */
export function exportFileName(scope: string, exportedAt: string, extension: string): string {
  return safeFileName(`${scope} ${exportedAt.slice(0, 10)}`, extension);
}
