// The tagging worker thread: runs the entity and date suggester off the archive's event loop (see tagger.ts).
import { parentPort } from 'node:worker_threads';
import { suggestEntities, type GazetteerEntry } from '../tagging/suggest-entities.ts';
import type { TaggerRequest, TaggerResponse } from './tagger.ts';

let registry: GazetteerEntry[] = [];

parentPort?.on('message', (request: TaggerRequest) => {
  if (request.kind === 'registry') {
    registry = request.entries;
    return;
  }
  let response: TaggerResponse;
  try {
    response = {
      id: request.id,
      result: suggestEntities(request.text, { registry, publishedAt: request.publishedAt }),
    };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
