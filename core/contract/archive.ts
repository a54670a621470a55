// The contract's methods about the archive as a whole: its status, its settings, and the shipped samples.
import { z } from 'zod';
import type { ArchiveStatus } from '../model.ts';
import { settingsOf } from '../store/settings.ts';
import { method } from './method.ts';

export const archiveMethods = {
  /** Counts, damaged files found, the search index's state, the export under way and the PDF being read (the status bar, the import dialog). */
  getStatus: method(z.tuple([]), (s): ArchiveStatus => {
    let trash = 0;
    for (const entry of s.store.entries()) if (entry.deletedAt) trash++;
    const progress = s.exports.progress;
    return {
      dataDir: s.store.dataDir,
      articles: s.store.size - trash,
      trash,
      problems: [...s.registry.data.problems],
      search: s.search.state,
      export: progress ? { ...progress } : null,
      capture: s.importer.progress ? { ...s.importer.progress } : null,
      clipper: { ...s.clipper.state },
    };
  }),
  /** The settings in force (archive.json's, each missing or unusable value replaced by its default). */
  getSettings: method(z.tuple([]), (s) => settingsOf(s.registry)),
  /** Add the sample articles shipped with the app (skipping ones already there). */
  loadSamples: method(z.tuple([]), (s) => s.samples.load()),
};
