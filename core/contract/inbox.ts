// The contract's inbox methods: list by reading state with counts, mark articles read, unread, starred or archived, and "seen".
import { z } from 'zod';
import { ArticleId, InboxQuery, MarkIds, ReadingMark } from '../model.ts';
import { method } from './method.ts';

export const inboxMethods = {
  /** A page of the inbox (newest capture first) by filter and feed, with unread/starred/archived counts and per feed. */
  listInbox: method(z.tuple([InboxQuery.prefault({})]), (s, query) => s.inbox.list(query)),
  /** Sets the reading state, the star, or both, on up to 5,000 articles; `changed` counts those written. */
  markArticles: method(z.tuple([MarkIds, ReadingMark]), (s, ids, mark) => s.inbox.mark(ids, mark)),
  /** "Mark all above read": the unread articles of this listing from the newest through the given one. */
  markReadThrough: method(z.tuple([InboxQuery.prefault({}), ArticleId]), (s, query, id) =>
    s.inbox.markReadThrough(query, id),
  ),
  /** Records that the inbox was looked at now; answers when it was looked at before (null: never). */
  markInboxSeen: method(z.tuple([]), (s) => s.inbox.markSeen()),
};
