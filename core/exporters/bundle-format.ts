// The Newsdesk bundle: the layout of its zip and its manifest, shared by the writer and the reader.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'newsdesk-bundle';
export const BUNDLE_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const ENTITIES = 'entities.json';
export const CLAIM_GROUPS = 'claim-groups.json';
export const COLLECTIONS = 'collections.json';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Every name a bundle may hold; anything else (a path leaving the folder, an absolute path) is refused. */
export const ARTICLE_ENTRY = new RegExp(`^articles/(${UUID})\\.json$`);
export const ORIGINAL_ENTRY = new RegExp(`^originals/(${UUID})\\.capture(\\.[a-z0-9]{1,10})$`);
export const REGISTRY_ENTRIES = [ENTITIES, CLAIM_GROUPS, COLLECTIONS];

export const articleEntry = (id: string) => `articles/${id}.json`;
export const originalEntry = (attachment: string) => `originals/${attachment}`;

export const Manifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_VERSION, { error: `this Newsdesk reads bundles of format ${BUNDLE_VERSION}` }),
  /** The article documents' schema version (model.ts SCHEMA_VERSION). */
  schemaVersion: z.number().int(),
  app: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.iso.datetime(),
  scope: z.string(),
  counts: z.object({
    articles: z.number().int().nonnegative(),
    originals: z.number().int().nonnegative(),
    entities: z.number().int().nonnegative(),
    claimGroups: z.number().int().nonnegative(),
    collections: z.number().int().nonnegative(),
  }),
  /** Every other entry, with its size and SHA-256: a bundle that differs in any byte is refused. */
  files: z
    .array(
      z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    )
    .max(1_000_000),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * What a bundle records of where an article came from: a URL as it is, a local path (or a file:
 * URL) as its file name only, so the exporter's folders and user name do not travel with it.
 */
export function originName(origin: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin) && !/^file:/i.test(origin)) return origin;
  let name = origin.split(/[\\/]/).pop() ?? '';
  try {
    if (/^file:/i.test(origin)) name = decodeURIComponent(name);
  } catch {
    // A malformed escape stays as it was written.
  }
  return name;
}
