// The contract's export methods: what an export will hold, saving one where the user chooses, and a bundle's import.
import { z } from 'zod';
import { CaptureInput, ExportRequest } from '../model.ts';
import { method } from './method.ts';

export const exportMethods = {
  /** What an export of a collection, a search or a selection will hold, and the file name it is offered under. */
  planExport: method(z.tuple([ExportRequest]), (s, request) => s.exports.plan(request)),
  /** Asks where to save (the desktop app's save dialog) and writes the export there; null when cancelled. */
  saveExport: method(z.tuple([ExportRequest]), (s, request) => s.exports.save(request)),
  /** Verifies a Newsdesk bundle whole, then merges it in: no duplicate articles, entities matched by id, then name or alias. */
  importBundle: method(z.tuple([CaptureInput]), (s, input) => s.bundles.fromBase64(input.data)),
};
