// Suggestions in the background for new articles and any left untagged, one at a time, never holding up the call that saved them.
import type { ArticleStore } from '../store/article-store.ts';
import type { MentionService } from './mention-service.ts';
import { TaggingQueue } from './tagging-queue.ts';

export class BackgroundTagging {
  private readonly queue: TaggingQueue;
  /** What `newsdesk import` waits for the suggestions of before it exits: not the whole backlog. */
  private readonly savedThisSession = new Set<string>();

  constructor(store: ArticleStore, mentions: Pick<MentionService, 'suggest'>) {
    this.queue = new TaggingQueue(async (id) => {
      // Gone, or tagged meanwhile (the reader asks for an article's suggestions when it is opened).
      const entry = store.entry(id);
      if (entry && !entry.taggedAt) await mentions.suggest(id);
    });
    store.on('created', (article) => {
      this.savedThisSession.add(article.id);
      this.queue.enqueue([article.id]);
    });
    this.queue.enqueue(untagged(store));
  }

  /** Articles queued for background suggestions. */
  get pending(): number {
    return this.queue.pending;
  }

  /** Waits for the suggestions of the articles saved in this session; the rest of the backlog stays queued. */
  finish(): Promise<void> {
    return this.queue.finish(this.savedThisSession);
  }

  /** Finishes the article under way and drops the rest: they stay untagged and are queued again at the next start. */
  stop(): Promise<void> {
    return this.queue.stop();
  }
}

function* untagged(store: ArticleStore): Iterable<string> {
  for (const entry of store.entries()) if (!entry.taggedAt && !entry.deletedAt) yield entry.id;
}
