// The capture fixtures (tests/fixtures/capture) and what a careful monitor expects of each (expected.json).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureDocument, type CapturedItem } from '../../../core/capture/capture-document.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/capture/', import.meta.url));

export type Expected = {
  title?: string | null;
  source?: string | null;
  byline?: string | null;
  publishedAt?: string | null;
  modifiedAt?: string | null;
  url?: string | null;
  language?: string | null;
  dateline?: string | null;
  wireCredits?: string[];
  textIncludes?: string[];
  textExcludes?: string[];
  mustNotContain?: string[];
  /** How the text was got, when it is not an article found in the page ('fallback'). */
  extraction?: string;
};

export async function expectations(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(FIXTURES, 'expected.json'), 'utf8'));
}

export async function capture(name: string): Promise<CapturedItem[]> {
  const bytes = await readFile(join(FIXTURES, name));
  return captureDocument({ bytes, name, method: 'file' }).items;
}
