// The contract's entity methods: the registry (list, page, create, edit, delete, merge, undo) and the mentions in an article.
import { z } from 'zod';
import {
  ArticleId,
  EntityId,
  EntityInput,
  EntityPatch,
  EntityQuery,
  Mention,
  MentionReview,
  MergeId,
  SpanTag,
} from '../model.ts';
import { method } from './method.ts';

export const entityMethods = {
  /** The registry, filtered by name or alias and type, most mentioned first, with article counts. */
  listEntities: method(z.tuple([EntityQuery.prefault({})]), (s, query) => s.entities.list(query)),
  /** An entity's page: its articles (newest first), co-occurring entities, mentions per month. */
  getEntity: method(z.tuple([EntityId]), (s, id) => s.entities.get(id)),
  createEntity: method(z.tuple([EntityInput]), (s, input) => s.entities.create(input)),
  /** Rename (the old name stays as an alias), retype, edit aliases, description, external ids, notes. */
  updateEntity: method(z.tuple([EntityId, EntityPatch]), (s, id, patch) => s.entities.update(id, patch)),
  /** Out of the registry, and its mentions out of every article. */
  deleteEntity: method(z.tuple([EntityId]), (s, id) => s.entities.remove(id)),
  /** The second entity goes into the first: names become aliases, mentions are re-pointed; undoable. */
  mergeEntities: method(z.tuple([EntityId, EntityId]), (s, keptId, mergedId) => s.entities.merge(keptId, mergedId)),
  undoMerge: method(z.tuple([MergeId]), (s, mergeId) => s.entities.undo(mergeId)),
  /** Runs the entity, date and claim suggesters on an article again; reviewed mentions and claims are kept. */
  runSuggestions: method(z.tuple([ArticleId]), (s, id) => s.mentions.suggest(id)),
  /** The user tags a span as an existing entity or a new one. */
  tagSpan: method(z.tuple([ArticleId, SpanTag]), (s, id, span) => s.mentions.tag(id, span)),
  /** Confirm, reject or remove mentions of one article. */
  reviewMentions: method(z.tuple([ArticleId, MentionReview]), (s, id, review) => s.mentions.review(id, review)),
  /** Undoes a reject or remove: the mentions exactly as they were before it, put back. */
  restoreMentions: method(z.tuple([ArticleId, z.array(Mention).min(1).max(10_000)]), (s, id, mentions) =>
    s.mentions.restore(id, mentions),
  ),
};
