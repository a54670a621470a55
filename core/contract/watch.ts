// The contract's watchlist methods: watches on a search, an entity or a kind of claim in a place, and the alerts newly saved articles raise.
import { z } from 'zod';
import { AlertQuery, SeenSelection, WatchId, WatchInput, WatchPatch } from '../model.ts';
import { method } from './method.ts';

export const watchMethods = {
  /** A watch: every article saved from now on that matches it raises one alert. A query that does not parse is refused. */
  createWatch: method(z.tuple([WatchInput]), (s, input) => s.watches.create(input)),
  /** The watches, by name, each with its number of alerts and of unseen ones. */
  listWatches: method(z.tuple([]), (s) => s.watches.list()),
  /** Renames a watch, or turns its system notification on or off. */
  updateWatch: method(z.tuple([WatchId, WatchPatch]), (s, id, patch) => s.watches.update(id, patch)),
  /** The watch and its alerts go; the articles stay. */
  deleteWatch: method(z.tuple([WatchId]), (s, id) => s.watches.delete(id)),
  /** Alerts, newest first: since an instant, of one watch, or only the unseen ones. */
  listAlerts: method(z.tuple([AlertQuery.default({ limit: 500 })]), (s, query) => s.watches.alerts(query)),
  /** What a digest holds: the alerts since an instant (default: a day ago) and the articles saved since with claims. */
  getDigest: method(z.tuple([z.iso.datetime({ offset: true }).optional()]), (s, since) =>
    s.watches.digest(since ?? new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString()),
  ),
  /** Marks these alerts (or a watch's, or with nothing given all) seen; answers how many changed. */
  markAlertsSeen: method(z.tuple([SeenSelection.default({})]), (s, selection) => s.watches.markSeen(selection)),
};
