// Capture: a file's bytes as they cross a transport, and what importing each item came to.
import { z } from 'zod';

/** One thing to capture, as it crosses a transport: a file's bytes (base64) and its name. */
export const CaptureInput = z
  .object({
    name: z.string().min(1).max(1000),
    /** The bytes, base64-encoded. */
    data: z.base64({ error: 'data must be base64' }),
    /** A hint (from a browser drop or an HTTP header); the bytes decide when it is absent. */
    mediaType: z.string().max(200).optional(),
    /** Where it came from (a URL or a path), recorded in the provenance. */
    origin: z.string().max(2000).optional(),
  })
  .strict();
export type CaptureInput = z.input<typeof CaptureInput>;

export { failedImport, type ImportResult } from '../common/import-result.ts';
