// Turning what the user hands us (dropped folders, picked files, pasted text) into files to import, and files into base64.

/** A file to import and the path it had inside whatever was dropped ("reports/2024/page.html"). */
export type PickedFile = { file: File; path: string };

/** What the file picker offers; a drop takes anything, and the archive explains what it cannot read. */
export const ACCEPTED_FILES = '.html,.htm,.pdf,.txt,.md,.xml,.rss,.atom,.opml,.zip';

/** Dot files (.DS_Store, .git) are the system's, never something the user meant to archive. */
function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/**
 * A browser's "Save page as, complete" writes `Page.html` beside `Page_files/` (its images, scripts and
 * styles): the page is the capture, and its assets are not articles.
 */
function savedPageAssetFolders(names: string[]): Set<string> {
  const pages = new Set(names.filter((name) => /\.html?$/i.test(name)).map((name) => name.replace(/\.html?$/i, '')));
  return new Set(names.filter((name) => name.endsWith('_files') && pages.has(name.slice(0, -'_files'.length))));
}

/** readEntries hands out a folder's entries in batches (100 in Chromium) until it returns none. */
async function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const entries: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return entries;
    entries.push(...batch);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entries: FileSystemEntry[], into: PickedFile[]): Promise<void> {
  const assetFolders = savedPageAssetFolders(entries.map((entry) => entry.name));
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of sorted) {
    if (isHidden(entry.name)) continue;
    if (entry.isDirectory) {
      if (assetFolders.has(entry.name)) continue;
      await walk(await readAllEntries(entry as FileSystemDirectoryEntry), into);
    } else if (entry.isFile) {
      into.push({ file: await fileOf(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\//, '') });
    }
  }
}

/**
 * Everything a drop carries, folders walked recursively. The entries must be taken during the drop
 * event itself (the DataTransfer is emptied once it returns), so call this synchronously from the
 * handler and await the walk afterwards.
 */
export function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    // Files made by a script (or by some platforms' drags) have no entry: take the File itself.
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(transfer.files));
  return (async () => {
    const picked: PickedFile[] = [];
    await walk(entries, picked);
    for (const file of loose) if (!isHidden(file.name)) picked.push({ file, path: file.name });
    return picked;
  })();
}

/** Files from an `<input type=file>`; a folder picked with webkitdirectory keeps its relative paths. */
export function pickedFiles(files: FileList | File[]): PickedFile[] {
  const list = Array.from(files).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  const paths = new Set(list.map(({ path }) => path));
  return list.filter(({ path }) => {
    const parts = path.split('/');
    if (parts.some(isHidden)) return false;
    // Each folder on the way: "a/Page_files" is skipped when "a/Page.html" (or .htm) was picked too.
    for (let i = 0; i < parts.length - 1; i++) {
      const folder = parts[i]!;
      if (!folder.endsWith('_files')) continue;
      const page = [...parts.slice(0, i), folder.slice(0, -'_files'.length)].join('/');
      if (paths.has(`${page}.html`) || paths.has(`${page}.htm`)) return false;
    }
    return true;
  });
}

/** Whether a DataTransfer carries files (text or links dragged from a page do not). */
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return !!transfer && Array.from(transfer.types).includes('Files');
}

type WithToBase64 = Uint8Array & { toBase64?: () => string };

/**
 * Bytes as base64. `String.fromCharCode(...bytes)` on a whole file overflows the call stack past a few
 * hundred KB, so the binary string is built a chunk at a time (or natively, where the browser can).
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as WithToBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  return btoa(parts.join(''));
}

export async function fileToBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** Markup a person would paste from a page's source or a rich-text copy, as opposed to prose with a stray "<". */
export function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|head|body|article|main|div|p|h[1-6]|span|a|br|meta|section|table|ul|ol|li)\b[^>]*>/i.test(
    text,
  );
}
