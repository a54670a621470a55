// What an extension may send (protocol v1, docs/clipper.md), as zod schemas: sizes, URLs, and a screenshot that must really be a PNG.
import { z } from 'zod';

/** The page as rendered, in UTF-16 characters (the protocol's 20 MB; the import size limit still applies to its bytes). */
export const MAX_HTML_CHARS = 20_000_000;
export const MAX_SELECTION_CHARS = 200_000;
export const MAX_SCREENSHOT_BYTES = 15_000_000;
const PNG_PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Room for the largest page and screenshot, JSON-escaped: refused while reading beyond this, never buffered whole. */
export const MAX_CLIP_BODY_BYTES = 64 * 1024 * 1024;
export const MAX_PAIR_BODY_BYTES = 16 * 1024;

const WebUrl = z.url({ protocol: /^https?$/, error: 'an http or https URL' }).max(8000);

export const PairBody = z.object({ name: z.string().trim().min(1, 'the name cannot be empty').max(100) });

/** A screenshot: a PNG data URL whose bytes start with PNG's signature, at most 15 MB decoded. */
const Screenshot = z
  .string()
  .max(PNG_PREFIX.length + Math.ceil(MAX_SCREENSHOT_BYTES / 3) * 4)
  .refine((value) => value.startsWith(PNG_PREFIX), 'the screenshot must be a data:image/png;base64 URL')
  .transform((value, context) => {
    const data = value.slice(PNG_PREFIX.length);
    const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(data) && data.length % 4 === 0 ? Buffer.from(data, 'base64') : null;
    if (!bytes || bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
      context.addIssue({ code: 'custom', message: 'the screenshot is not a PNG image' });
      return z.NEVER;
    }
    return bytes;
  });

export const ClipBody = z
  .object({
    kind: z.enum(['page', 'selection', 'link']),
    url: WebUrl,
    title: z.string().max(2000).default(''),
    html: z.string().max(MAX_HTML_CHARS).optional(),
    selection: z.string().max(MAX_SELECTION_CHARS).optional(),
    linkUrl: WebUrl.optional(),
    screenshot: Screenshot.optional(),
    capturedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((clip, context) => {
    if (clip.kind === 'page' && !clip.html?.trim())
      context.addIssue({ code: 'custom', path: ['html'], message: 'a page clip needs the page’s html' });
    if (clip.kind === 'selection' && !clip.selection?.trim())
      context.addIssue({ code: 'custom', path: ['selection'], message: 'a selection clip needs the selected text' });
    if (clip.kind === 'link' && !clip.linkUrl)
      context.addIssue({ code: 'custom', path: ['linkUrl'], message: 'a link clip needs linkUrl' });
  });
export type ClipBody = z.output<typeof ClipBody>;
