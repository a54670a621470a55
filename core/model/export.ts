// Exports: which articles and in what format, what an export will hold before it is written, and what a bundle's import merged.
import { z } from 'zod';
import { ArticleIds, CollectionId, CsvTable, ExportFormat } from './primitives.ts';

/** Which articles: a collection (hand-made or smart), what a query finds, a selection, or the whole library. */
export const ExportScope = z.union([
  z.object({ collectionId: CollectionId }).strict(),
  z.object({ query: z.string().trim().min(1, 'the query is empty').max(2000) }).strict(),
  z.object({ articleIds: ArticleIds }).strict(),
  z.object({ library: z.literal(true) }).strict(),
]);
export type ExportScope = z.input<typeof ExportScope>;

export const ExportRequest = z
  .object({
    scope: ExportScope,
    format: ExportFormat,
    /** CSV: one table, or (absent) all four in one zip. */
    table: CsvTable.optional(),
    /**
     * Only what a person confirmed (mentions confirmed; claims confirmed or given a verdict), leaving
     * unreviewed suggestions out; or every suggestion. Absent: reviewed only for the reports (HTML,
     * Markdown, PDF), everything for the other formats (REVIEWED_ONLY_BY_DEFAULT).
     */
    reviewedOnly: z.boolean().optional(),
  })
  .strict();
export type ExportRequest = z.input<typeof ExportRequest>;

/** What an export will write, before it is written: for the dialog's count and the file's name. */
export type ExportPlan = {
  format: ExportFormat;
  /** Whether the export holds only what a person confirmed (the request's choice, or the format's default). */
  reviewedOnly: boolean;
  /** The scope in words: "collection Weekly report", "search: casualties", "3 selected articles". */
  scope: string;
  articles: number;
  /**
   * Claims that are not rejected, and the registry entities the articles point at: counted from the
   * catalog before anything is read, so a reviewed-only export may hold fewer (its report says how many).
   */
  claims: number;
  entities: number;
  /** A safe file name on every system, with its extension. */
  fileName: string;
  mediaType: string;
};

/** Where an export went and what it held. */
export type ExportResult = ExportPlan & {
  path: string;
  bytes: number;
  tookMs: number;
  /** Articles whose file was gone by the time it was read (deleted by hand): not in the export. */
  skipped: number;
  /** A reviewed-only export's unreviewed suggestions left out; null when every suggestion was written. */
  leftOut: { claims: number; mentions: number } | null;
};

/** A bundle's import, reported to the user: what was added, what was already here, what was matched. */
export type BundleImportReport = {
  articles: { added: number; alreadyHere: number; ids: string[] };
  entities: {
    added: number;
    /** Bundle entities found here under the same id or a name or alias; their mentions now point here. */
    matched: { bundleName: string; localName: string; localId: string; by: 'id' | 'name' | 'alias' }[];
  };
  claimGroups: { added: number; matched: number };
  collections: { added: string[]; matched: string[] };
  originals: number;
};
