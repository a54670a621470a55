// The contract's collection methods: hand-made and smart collections, and adding articles to them.
import { z } from 'zod';
import { CollectionId, CollectionInput, CollectionMembers, CollectionPatch } from '../model.ts';
import { method } from './method.ts';

export const collectionMethods = {
  /** Collections, by name, with how many articles each holds. */
  listCollections: method(z.tuple([]), (s) => s.collections.list()),
  /** A hand-made collection, or (with a query) a smart one: its articles are what the query finds. */
  createCollection: method(z.tuple([CollectionInput]), (s, input) => s.collections.create(input)),
  updateCollection: method(z.tuple([CollectionId, CollectionPatch]), (s, id, patch) => s.collections.update(id, patch)),
  /** The collection goes; its articles stay. */
  deleteCollection: method(z.tuple([CollectionId]), (s, id) => s.collections.delete(id)),
  /** Adds a selection, or everything a query finds; `changed` counts the articles that were not in it yet. */
  addToCollection: method(z.tuple([CollectionId, CollectionMembers]), (s, id, members) =>
    s.collections.add(id, members),
  ),
  removeFromCollection: method(z.tuple([CollectionId, CollectionMembers]), (s, id, members) =>
    s.collections.remove(id, members),
  ),
};
