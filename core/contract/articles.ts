// The contract's article methods: add, list, read, edit, trash and restore, capture files and URLs, stories.
import { z } from 'zod';
import { ArticleId, ArticleInput, ArticlePatch, CaptureInput, HttpUrl, ListQuery } from '../model.ts';
import { method } from './method.ts';

export const articleMethods = {
  /** Save pasted text and its metadata as a new article. */
  addArticle: method(z.tuple([ArticleInput]), (s, input) => s.articles.addPasted(input)),
  /** One page of the library (or the trash), sorted. */
  listArticles: method(z.tuple([ListQuery.prefault({})]), (s, query) => s.articles.list(query)),
  getArticle: method(z.tuple([ArticleId]), (s, id) => s.articles.get(id)),
  updateArticle: method(z.tuple([ArticleId, ArticlePatch]), (s, id, patch) => s.articles.update(id, patch)),
  /** Move to the trash; restoreArticle brings it back. */
  deleteArticle: method(z.tuple([ArticleId]), (s, id) => s.articles.trash(id)),
  restoreArticle: method(z.tuple([ArticleId]), (s, id) => s.articles.restore(id)),
  /**
   * Capture a file's bytes: an HTML page, a text or Markdown file, an RSS/Atom feed (one result per
   * entry) or an OPML list of feeds (each fetched). Duplicates are not saved twice.
   */
  importDocument: method(z.tuple([CaptureInput]), (s, { data, name, mediaType, origin }) =>
    s.importer.fromBytes({ bytes: Buffer.from(data, 'base64'), name, mediaType, origin, method: 'file' }),
  ),
  /** Fetch a page or feed and capture it; offline it fails at once and saves nothing. */
  importUrl: method(z.tuple([HttpUrl]), (s, url) => s.importer.fromUrl(url)),
  /** The other articles of this article's story (the same wire story republished), oldest first. */
  getStory: method(z.tuple([ArticleId]), (s, id) => s.articles.storyOf(id)),
};
