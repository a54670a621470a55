// Methods for the processes that own the data folder (the CLI, the HTTP server's downloads): they take paths and bytes or return streams, so IPC and HTTP never reach them by name.
import { z } from 'zod';
import { ArticleInput, ExportRequest } from '../model.ts';
import { method } from './method.ts';

const Bytes = z.instanceof(Uint8Array, { error: 'expected bytes' });
const Path = z.string().min(1, 'a path cannot be empty').max(4096);

export const localMethods = {
  /** The CLI's `add --text-file`: the file's exact bytes are the evidence, its decoded text the article. */
  addFromFile: method(z.tuple([ArticleInput.omit({ text: true }), Bytes, Path]), (s, metadata, bytes, name) =>
    s.articles.addTextFile(metadata, bytes, name),
  ),
  /** The CLI's import of one file it has read: the same import as a dropped file's, without a base64 round trip; `maxBytes` overrides the setting. */
  importFile: method(
    z.tuple([Bytes, Path, z.string().max(4096).optional(), z.number().positive().optional()]),
    (s, bytes, name, origin, maxBytes) => s.importer.fromBytes({ bytes, name, origin, method: 'file' }, maxBytes),
  ),
  /** Writes an export to `out` (a new file, or a folder to put it in), never over an existing file. */
  exportToFile: method(z.tuple([ExportRequest, Path]), (s, request, out) => s.exports.toFile(request, out)),
  /** The export as chunks, for a download (browser mode); what it holds is known before the first chunk. */
  exportStream: method(z.tuple([ExportRequest]), (s, request) => s.exports.stream(request)),
  /** Verifies a bundle at `path` whole, then merges it in (the CLI's `newsdesk import BUNDLE.zip`). */
  importBundleFile: method(z.tuple([Path]), (s, path) => s.bundles.fromFile(path)),
};
