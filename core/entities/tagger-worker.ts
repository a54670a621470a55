// The tagging worker thread: runs the entity, date and claim suggesters off the archive's event loop (see tagger.ts).
import { parentPort } from 'node:worker_threads';
import { suggestClaims } from '../attribution/suggest-claims.ts';
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
    const tagged = suggestEntities(request.text, {
      registry,
      publishedAt: request.publishedAt,
      language: request.language,
    });
    // Claims with the entities just found: claimants and pronouns resolve to them.
    const claims = suggestClaims(request.text, {
      entities: tagged.entities,
      outlet: request.outlet || undefined,
      publishedAt: request.publishedAt,
      // The article's language picks the claim rules (French, Spanish, Arabic, English); empty: detected.
      language: request.language,
    });
    response = { id: request.id, result: { ...tagged, claims } };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
