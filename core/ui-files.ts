// Which file of the built UI a URL path names, and its type: shared by the app:// protocol and `newsdesk serve`.
import { extname, isAbsolute, join, relative, sep } from 'node:path';

/** The file under `root` that a URL path names, or null when it is malformed or escapes `root`. */
export function resolveUiFile(root: string, pathname: string): string | null {
  let path: string;
  try {
    // Decoded here, so an encoded "..%2f" is checked as the ".." it becomes on disk.
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = join(root, path);
  const inside = relative(root, file);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** With nosniff, a wrong type blocks a script or stylesheet, so unknown files get a type nothing will execute. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
