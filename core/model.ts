// The archive's data as zod schemas and their inferred types, plain JSON the same on every side: one file per domain in core/model/.
export * from './model/primitives.ts';
export * from './model/entity.ts';
export * from './model/mention.ts';
export * from './model/claim.ts';
export * from './model/collection.ts';
export * from './model/article.ts';
export * from './model/search.ts';
export * from './model/registry.ts';
export * from './model/subscription.ts';
export * from './model/capture.ts';
export * from './model/export.ts';
export * from './model/reading.ts';
export * from './model/watch.ts';
export * from './model/clipper.ts';
export * from './model/desk.ts';
