// The article's side of entities: suggestions from the tagger, the user's own tags, and reviews of both (confirming one may create an entity).
import { claimFromSuggestion, foldClaims } from '../claims/claim-ops.ts';
import type { CurrentAnalyst } from '../common/analyst.ts';
import { ArchiveError } from '../errors.ts';
import {
  MAX_CLAIMS,
  MAX_MENTIONS,
  type Article,
  type Entity,
  type Mention,
  type MentionReview,
  type SpanTag,
} from '../model.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { starterAliases } from '../tagging/starter-list.ts';
import type { EntitySuggestion } from '../tagging/suggest-entities.ts';
import type { EntityService } from './entity-service.ts';
import { assertSpan, foldSuggestions, placeUserMention, putBackMentions, type NewMention } from './mentions.ts';
import { cleanName, nameKey, type EntityIndex } from './registry-ops.ts';
import type { SuggestionResult, Tagger } from './tagger.ts';

/** The longest name and mention the model accepts (core/model/). */
const MAX_NAME = 300;
const MAX_QUOTE = 1000;

export class MentionService {
  constructor(
    private readonly store: ArticleStore,
    private readonly entities: EntityService,
    private readonly tagger: Pick<Tagger, 'tag'>,
    private readonly analyst: CurrentAnalyst,
  ) {}

  /**
   * Runs the suggesters on the article's text (in the worker) and folds their suggestions into its
   * mentions, then the claims (claimants link to the mentions), in one write; reviewed ones are kept.
   */
  async suggest(articleId: string): Promise<Article> {
    const before = await this.store.read(articleId);
    const result = await this.tagger.tag(before.text, before.publishedAt, before.source, before.language);
    return this.entities.exclusive.run(() => {
      // Resolved now, not before tagging: entities may have been merged or deleted meanwhile.
      const index = this.entities.entityIndex();
      const suggestions = result.entities
        .map((s) => this.suggestionToMention(s, index))
        .filter((s): s is NewMention => s !== null)
        .slice(0, MAX_MENTIONS);
      return this.store.change(articleId, (article) => {
        // The text cannot change under us (no method edits it), but a hand-edited file could.
        if (article.text !== before.text) return article;
        const mentions = foldSuggestions(article.text, article.mentions, suggestions).slice(0, MAX_MENTIONS);
        const dates = result.dates.slice(0, MAX_MENTIONS);
        return foldSuggestedClaims({ ...article, mentions, dates, taggedAt: new Date().toISOString() }, result);
      });
    });
  }

  /** The user's own tag on a span: an existing entity, or a new one (found by name first). */
  tag(articleId: string, span: SpanTag): Promise<Article> {
    return this.entities.exclusive.run(async () => {
      const article = await this.store.read(articleId);
      assertSpan(article.text, span.start, span.end);
      const text = cleanName(article.text.slice(span.start, span.end));
      const [entity] =
        'entityId' in span
          ? [this.entities.require(span.entityId)]
          : await this.entities.findOrCreate([{ name: cleanName(span.name), type: span.type, text, aliases: [] }]);
      await this.entities.learnAliases([[entity!, text]]);
      const { by, at } = this.analyst.stamp();
      return this.store.change(articleId, (current) => ({
        ...current,
        mentions: placeUserMention(current.text, current.mentions, {
          start: span.start,
          end: span.end,
          entityId: entity!.id,
          name: entity!.name,
          type: entity!.type,
          statusBy: by,
          statusAt: at,
        }),
      }));
    });
  }

  review(articleId: string, review: MentionReview): Promise<Article> {
    return this.entities.exclusive.run(async () => {
      const article = await this.store.read(articleId);
      const wanted = new Set(review.ids);
      const chosen = article.mentions.filter((m) => wanted.has(m.id));
      const missing = review.ids.find((id) => !chosen.some((m) => m.id === id));
      if (missing)
        throw new ArchiveError(
          'not_found',
          `Article ${articleId} has no mention ${missing} (its suggestions were run again).`,
        );
      // Every mention whose status this review changes says who changed it; one already so keeps its first reviewer.
      const { by: statusBy, at: statusAt } = this.analyst.stamp();
      if (review.action !== 'confirm')
        return this.store.change(articleId, (current) => ({
          ...current,
          mentions: current.mentions.flatMap((m) => {
            if (!wanted.has(m.id)) return [m];
            // A rejected suggestion is kept, so it is not offered again; a rejected tag of the user's own just goes.
            if (review.action === 'remove' || m.source === 'user') return [];
            return [m.status === 'rejected' ? m : { ...m, status: 'rejected' as const, statusBy, statusAt }];
          }),
        }));
      // Suggestions of entities the registry does not have yet: found by name, or created, in one write.
      const index = this.entities.entityIndex();
      const linked = new Map<string, Entity>();
      for (const m of chosen) {
        const entity = m.entityId ? index.get(m.entityId) : undefined;
        if (m.entityId && !entity)
          throw new ArchiveError('not_found', `The entity of "${m.quote.exact}" has been deleted.`);
        if (entity) linked.set(m.id, entity);
      }
      const fresh = chosen.filter((m) => !linked.has(m.id));
      const created = await this.entities.findOrCreate(
        fresh.map((m) => ({
          name: m.name,
          type: m.type,
          text: m.quote.exact,
          aliases: starterAliases(m.name),
        })),
      );
      const byName = new Map<string, Entity>();
      fresh.forEach((m, i) => {
        linked.set(m.id, created[i]!);
        byName.set(suggestionKey(m), created[i]!);
      });
      await this.entities.learnAliases(chosen.map((m) => [linked.get(m.id)!, m.quote.exact]));
      return this.store.change(articleId, (current) => ({
        ...current,
        mentions: current.mentions.map((m) => {
          const entity = linked.get(m.id);
          if (entity) {
            const stamp = m.status === 'confirmed' ? {} : { statusBy, statusAt };
            return { ...m, status: 'confirmed', entityId: entity.id, name: entity.name, type: entity.type, ...stamp };
          }
          // Other suggestions of the same new entity now point at it too (still to be reviewed).
          const named = m.status === 'suggested' && !m.entityId ? byName.get(suggestionKey(m)) : undefined;
          return named ? { ...m, entityId: named.id, name: named.name } : m;
        }),
      }));
    });
  }

  /** Undo of a reject or remove: `previous` are the mentions as the reader had them before it. */
  restore(articleId: string, previous: Mention[]): Promise<Article> {
    return this.entities.exclusive.run(async () => {
      // Entities deleted since cannot be pointed at again: say so rather than save a dangling link.
      const index = this.entities.entityIndex();
      const gone = previous.find((m) => m.entityId && !index.get(m.entityId));
      if (gone)
        throw new ArchiveError(
          'not_found',
          `The entity of “${gone.quote.exact}” has been deleted since: tag it again.`,
        );
      return this.store.change(articleId, (current) => ({
        ...current,
        mentions: putBackMentions(current.text, current.mentions, previous),
      }));
    });
  }

  /** A suggestion as a mention; null when it could never be saved (a name too long, control characters). */
  private suggestionToMention(s: EntitySuggestion, index: EntityIndex): NewMention | null {
    const name = cleanName(s.name);
    if (!name || name.length > MAX_NAME || s.end - s.start > MAX_QUOTE) return null;
    // A suggestion named like a registry entity of a fitting type is that entity.
    const entity = s.entityId ? index.get(s.entityId) : index.named(name, s.type)[0];
    return {
      start: s.start,
      end: s.end,
      entityId: entity?.id ?? null,
      name: entity?.name ?? name,
      type: entity?.type ?? s.type,
      status: 'suggested',
      source: s.source,
      confidence: s.confidence,
    };
  }
}

/** The claim suggestions of a run folded into the article, after its mentions (claimants link to them). */
function foldSuggestedClaims(article: Article, result: SuggestionResult): Article {
  const suggested = result.claims.flatMap((s) => claimFromSuggestion(article, s) ?? []);
  return { ...article, claims: foldClaims(article.claims, suggested).slice(0, MAX_CLAIMS) };
}

/** What makes two suggestions of a new entity the same one: its name and type. */
function suggestionKey(m: Mention): string {
  return `${nameKey(m.name)} ${m.type}`;
}
