// The app's own files, found from here both in core/ (run from source) and in dist/ (built): its name and version, its shipped samples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of sample articles offered on an empty archive. */
export const SHIPPED_SAMPLES = fileURLToPath(new URL('../assets/samples', import.meta.url));

/** The app's name and version, written into bundles' manifests. */
export function appInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as {
      version?: string;
    };
    return { name: 'Newsdesk', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'Newsdesk', version: '0.0.0' };
  }
}
