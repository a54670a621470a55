// archive.json: the small registries (entities, merges, claim groups, collections, saved searches), the settings, and problems found.
import { z } from 'zod';
import { ClaimGroup } from './claim.ts';
import type { ClipperState } from './clipper.ts';
import { Collection } from './collection.ts';
import { Entity, MergeRecord } from './entity.ts';
import { SCHEMA_VERSION } from './primitives.ts';
import { SavedSearch, type SearchStatus } from './search.ts';
import { Subscription } from './subscription.ts';

/** Something found wrong with the data folder; reported, never silently repaired. */
export const Problem = z.object({
  file: z.string(),
  reason: z.string(),
  /** Where the bad file was moved, so nothing the user owned is lost. */
  movedTo: z.string().nullable(),
  /** The backup the archive recovered from, when there was one. */
  recoveredFrom: z.string().nullable(),
});
export type Problem = z.infer<typeof Problem>;

/** Files over this are refused on import unless archive.json's settings.maxImportBytes says otherwise. */
export const DEFAULT_MAX_IMPORT_BYTES = 20_000_000;

/** The clipper's port unless settings, the environment or an option say otherwise (docs/clipper.md). */
export const DEFAULT_CLIPPER_PORT = 47118;

/** Tesseract language codes whose data ships with Newsdesk (npm @tesseract.js-data/eng, fra, ara). */
export const DEFAULT_OCR_LANGUAGES = ['eng', 'fra', 'ara'] as const;

/**
 * The settings in force: archive.json's `settings`, a value that is missing or unusable (a hand edit)
 * replaced by its default. Unknown keys stay in the file untouched, for the Newsdesk that wrote them.
 */
export const Settings = z.object({
  /** Files (and fetched pages) over this many bytes are refused on import. */
  maxImportBytes: z.number().positive().catch(DEFAULT_MAX_IMPORT_BYTES),
  /**
   * The languages scanned PDFs are read in (Tesseract codes, data from the @tesseract.js-data/<code> npm
   * packages). All three shipped by default: a monitor's scans come in any of them, and reading with all
   * three costs ~10% over one on a Latin page while a wrong single guess reads Arabic as nonsense.
   */
  ocrLanguages: z
    .array(z.string().regex(/^[a-z]{3}(_[a-z]+)?$/))
    .min(1)
    .max(10)
    .catch([...DEFAULT_OCR_LANGUAGES]),
  /** Subscriptions are not refreshed on their schedule (a refresh asked for still runs). */
  refreshPaused: z.boolean().catch(false),
  /**
   * Links from feeds and files (feed URLs from OPML lists, item links) may reach loopback, link-local and
   * private addresses, as NEWSDESK_ALLOW_PRIVATE_NETWORK=1 allows them. Off: a feed could otherwise probe
   * the user's network (a router's admin page) through Newsdesk.
   */
  allowPrivateNetwork: z.boolean().catch(false),
  /** Where the clipper listens on 127.0.0.1 (docs/clipper.md); NEWSDESK_CLIPPER_PORT and `serve --clipper-port` override it. */
  clipperPort: z.number().int().min(0).max(65535).catch(DEFAULT_CLIPPER_PORT),
});
export type Settings = z.infer<typeof Settings>;

/** archive.json: the small registries. Entities, collections and saved searches grow here. */
export const Registry = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: z.iso.datetime(),
  collections: z.array(Collection).default([]),
  entities: z.array(Entity).default([]),
  merges: z.array(MergeRecord).default([]),
  claimGroups: z.array(ClaimGroup).default([]),
  savedSearches: z.array(SavedSearch).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Files found damaged and moved aside, until the user deals with them. */
  problems: z.array(Problem).default([]),
  /** The feeds followed (core/monitoring/). */
  subscriptions: z.array(Subscription).default([]),
});
export type Registry = z.infer<typeof Registry>;

export type ArchiveStatus = {
  dataDir: string;
  articles: number;
  trash: number;
  problems: Problem[];
  search: SearchStatus;
  /** The export being written, article by article; null when none is. */
  export: { format: string; done: number; total: number } | null;
  /** The paged document being read on import (a long PDF, a scan being OCR'd), page by page; null when none is. */
  capture: CaptureProgress | null;
  /** The clipper's listener (docs/clipper.md): a port already taken is reported here, the archive works on. */
  clipper: ClipperState;
};

/** Page `page` of `pages` of `item`: its text layer being read, or (ocr) the scanned pages being OCR'd. */
export type CaptureProgress = { item: string; page: number; pages: number; ocr: boolean };
