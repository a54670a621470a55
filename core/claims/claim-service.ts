// The archive's claim methods: claims in each article, the claims index across them, and groups in archive.json.
import { parseQuantities } from '../attribution/parse-quantities.ts';
import type { CurrentAnalyst } from '../common/analyst.ts';
import { nameKey } from '../entities/registry-ops.ts';
import { ArchiveError } from '../errors.ts';
import { newClaimGroupId } from '../ids.ts';
import {
  MAX_CLAIMS,
  type Article,
  type Claim,
  type ClaimGroup,
  type ClaimGroupDetail,
  type ClaimInput,
  type ClaimMatch,
  type ClaimPage,
  type ClaimPatch,
  type ClaimQuery,
  type ClaimReview,
  type ClaimSummary,
} from '../model.ts';
import { SerialQueue } from '../serial.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import type { LazyClaimIndex } from './claim-index.ts';
import { countSources, findConflicts, matchClaims, SUGGEST_AT } from './claim-groups.ts';
import { claimFromInput, cleanQuantities, joinArticle } from './claim-ops.ts';
import { shortenText } from '../common/clip-text.ts';

export type GroupMembers = { members: { articleId: string; claimId: string }[]; groupId?: string; label?: string };

const OUTCOMES_OF_CASUALTIES = new Set(['killed', 'injured', 'wounded', 'dead']);

export class ClaimService {
  /** Claim changes one at a time: a group must not be dropped as empty while claims are being put in it. */
  private readonly exclusive = new SerialQueue();

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
    private readonly index: LazyClaimIndex,
    private readonly analyst: CurrentAnalyst,
  ) {}

  add(articleId: string, input: ClaimInput): Promise<Article> {
    return this.exclusive.run(async () => {
      const article = await this.store.read(articleId);
      this.checkLinks(input);
      if (article.claims.length >= MAX_CLAIMS)
        throw new ArchiveError('invalid', `An article keeps at most ${MAX_CLAIMS} claims.`);
      const words = article.text.slice(input.start, input.end);
      const quantities = cleanQuantities(parseQuantities(words, input.start, article.language));
      const casualties = quantities.some((q) => q.outcome && OUTCOMES_OF_CASUALTIES.has(q.outcome));
      const made = claimFromInput(article, input, { quantities, kind: casualties ? 'casualties' : 'statement' });
      // The user's own claim is confirmed by whoever made it; its status is theirs when they gave one.
      const { by, at } = this.analyst.stamp();
      const claim: Claim = {
        ...made,
        reviewBy: by,
        reviewAt: at,
        ...(input.status !== undefined && { statusBy: by, statusAt: at }),
      };
      return this.store.change(articleId, (current) => ({
        ...current,
        claims: [...current.claims, claim].sort((a, b) => a.start - b.start || a.end - b.end),
      }));
    });
  }

  /** An edit of a suggested claim is a review: it confirms it, so running the suggesters again keeps the edit. */
  update(articleId: string, claimId: string, patch: ClaimPatch): Promise<Article> {
    return this.exclusive.run(async () => {
      this.checkLinks(patch);
      const { by, at } = this.analyst.stamp();
      return this.store.change(articleId, (article) => {
        this.require(article, claimId);
        return {
          ...article,
          claims: article.claims.map((c): Claim => {
            if (c.id !== claimId) return c;
            // The editor sends every field: only a status that changes is attributed anew.
            const status = patch.status !== undefined && patch.status !== c.status && { statusBy: by, statusAt: at };
            const review = c.review === 'suggested' && { review: 'confirmed' as const, reviewBy: by, reviewAt: at };
            return { ...c, ...stripUndefined(patch), ...status, ...review };
          }),
        };
      });
    });
  }

  review(articleId: string, review: ClaimReview): Promise<Article> {
    return this.exclusive.run(async () => {
      const wanted = new Set(review.ids);
      const { by: reviewBy, at: reviewAt } = this.analyst.stamp();
      const updated = await this.store.change(articleId, (article) => {
        for (const id of review.ids) this.require(article, id);
        return {
          ...article,
          claims: article.claims.flatMap((c): Claim[] => {
            if (!wanted.has(c.id)) return [c];
            // A claim already so keeps its first reviewer.
            if (review.action === 'confirm')
              return [c.review === 'confirmed' ? c : { ...c, review: 'confirmed', reviewBy, reviewAt }];
            // A rejected suggestion stays, so the same words are not suggested again; a claim of the user's own just goes.
            if (review.action === 'remove' || c.source === 'user') return [];
            return [
              { ...c, ...(c.review !== 'rejected' && { reviewBy, reviewAt }), review: 'rejected', groupId: null },
            ];
          }),
        };
      });
      if (review.action !== 'confirm') await this.dropEmptyGroups();
      return updated;
    });
  }

  async list(query: ClaimQuery & { offset: number; limit: number }): Promise<ClaimPage> {
    const claimant = query.claimant ? nameKey(query.claimant) : '';
    const text = query.text ? nameKey(query.text) : '';
    const all = (await this.summaries()).filter(
      (c) =>
        (query.review ? c.review === query.review : c.review !== 'rejected') &&
        (!query.status || c.status === query.status) &&
        (!query.kind || c.kind === query.kind) &&
        (!query.groupId || c.groupId === query.groupId) &&
        (!query.placeId || c.placeIds.includes(query.placeId)) &&
        (!claimant || nameKey(c.claimant?.name ?? '').includes(claimant)) &&
        (!text || nameKey(c.text).includes(text)) &&
        inRange(whenOf(c), query.from, query.to),
    );
    // Newest first; claims with no event or publication date after all dated ones ("0000" sorts below any year), newest capture first.
    const key = (c: ClaimSummary) => whenOf(c) ?? `0000 ${c.capturedAt}`;
    all.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    return { total: all.length, offset: query.offset, items: all.slice(query.offset, query.offset + query.limit) };
  }

  /** Claims of other articles that may report the same thing, best first. */
  async findMatches(articleId: string, claimId: string): Promise<ClaimMatch[]> {
    const article = await this.store.read(articleId);
    this.require(article, claimId);
    const all = await this.summaries();
    const claim = all.find((c) => c.articleId === articleId && c.claimId === claimId);
    if (!claim) throw new ArchiveError('not_found', `Claim ${claimId} is not in the claims index yet.`);
    return all
      .filter((other) => other.articleId !== articleId && other.review !== 'rejected')
      .map((other) => ({ claim: other, ...matchClaims(claim, other) }))
      .filter((match) => match.score >= SUGGEST_AT)
      .sort((a, b) => b.score - a.score)
      .slice(0, 20);
  }

  /**
   * Puts claims into one group (a new one, or `groupId`); a claim already in another group moves. Every
   * member is checked before anything is written, so a wrong one leaves no group and moves no claim.
   */
  group(input: GroupMembers): Promise<ClaimGroupDetail> {
    return this.exclusive.run(async () => {
      let group = input.groupId ? this.requireGroup(input.groupId) : null;
      const byArticle = new Map<string, Set<string>>();
      for (const m of input.members)
        byArticle.set(m.articleId, (byArticle.get(m.articleId) ?? new Set()).add(m.claimId));
      const first = input.members[0]!;
      let firstText = '';
      for (const [articleId, claimIds] of byArticle) {
        const article = await this.store.read(articleId);
        for (const claimId of claimIds) this.require(article, claimId);
        if (articleId === first.articleId) firstText = this.require(article, first.claimId).text;
      }
      if (!group) {
        const label = input.label ?? shortenText(firstText, 120);
        const now = new Date().toISOString();
        const created: ClaimGroup = { id: newClaimGroupId(), label, note: '', createdAt: now, updatedAt: now };
        await this.registry.update((draft) => void draft.claimGroups.push(created));
        group = created;
      }
      const id = group.id;
      for (const [articleId, claimIds] of byArticle)
        await this.store.change(articleId, (article) => {
          for (const claimId of claimIds) this.require(article, claimId);
          return { ...article, claims: article.claims.map((c) => (claimIds.has(c.id) ? { ...c, groupId: id } : c)) };
        });
      await this.dropEmptyGroups();
      return this.getGroup(id);
    });
  }

  ungroup(articleId: string, claimId: string): Promise<Article> {
    return this.exclusive.run(async () => {
      const updated = await this.store.change(articleId, (article) => {
        this.require(article, claimId);
        return { ...article, claims: article.claims.map((c) => (c.id === claimId ? { ...c, groupId: null } : c)) };
      });
      await this.dropEmptyGroups();
      return updated;
    });
  }

  updateGroup(id: string, patch: { label?: string; note?: string }): Promise<ClaimGroupDetail> {
    return this.exclusive.run(async () => {
      this.requireGroup(id);
      await this.registry.update((draft) => {
        const at = draft.claimGroups.findIndex((g) => g.id === id);
        draft.claimGroups[at] = {
          ...draft.claimGroups[at]!,
          ...stripUndefined(patch),
          updatedAt: new Date().toISOString(),
        };
      });
      return this.getGroup(id);
    });
  }

  async getGroup(id: string): Promise<ClaimGroupDetail> {
    const group = this.requireGroup(id);
    const claims = (await this.summaries()).filter((c) => c.groupId === id);
    return detail(group, claims);
  }

  async listGroups(): Promise<ClaimGroupDetail[]> {
    const byGroup = new Map<string, ClaimSummary[]>();
    for (const claim of await this.summaries())
      if (claim.groupId) {
        const members = byGroup.get(claim.groupId);
        if (members) members.push(claim);
        else byGroup.set(claim.groupId, [claim]);
      }
    return this.registry.data.claimGroups.map((group) => detail(group, byGroup.get(group.id) ?? []));
  }

  /** Every indexed claim with its article's outlet, dates and story; trashed articles left out. */
  private async summaries(): Promise<ClaimSummary[]> {
    const index = await this.index.get();
    const out: ClaimSummary[] = [];
    for (const { articleId, claims } of index.claims()) {
      const entry = this.store.entry(articleId);
      if (!entry || entry.deletedAt) continue;
      for (const claim of claims) out.push(joinArticle(entry, claim));
    }
    return out;
  }

  /**
   * Groups whose last claim has left are removed: a group is its claims. Claims in the trash count, so
   * a restored article finds its group again. The index keeps each group's size, so this looks up
   * every group (which also clears one a re-run of the suggesters emptied) but scans no claims.
   */
  private async dropEmptyGroups(): Promise<void> {
    const index = await this.index.get();
    const empty = new Set(this.registry.data.claimGroups.filter((g) => index.groupSize(g.id) === 0).map((g) => g.id));
    if (empty.size === 0) return;
    await this.registry.update((draft) => {
      draft.claimGroups = draft.claimGroups.filter((g) => !empty.has(g.id));
    });
  }

  private requireGroup(id: string): ClaimGroup {
    const group = this.registry.data.claimGroups.find((g) => g.id === id);
    if (!group) throw new ArchiveError('not_found', `There is no claim group with id ${id}.`);
    return group;
  }

  private require(article: Article, claimId: string): Claim {
    const claim = article.claims.find((c) => c.id === claimId);
    if (!claim) throw new ArchiveError('not_found', `Article ${article.id} has no claim ${claimId}.`);
    return claim;
  }

  /** A claimant, target or place must be an entity of the registry (or free text, without an id). */
  private checkLinks(fields: Pick<ClaimPatch, 'claimant' | 'target' | 'placeIds'>): void {
    const ids = [fields.claimant?.entityId, fields.target?.entityId, ...(fields.placeIds ?? [])].filter(
      (id): id is string => typeof id === 'string',
    );
    const missing = ids.find((id) => !this.registry.data.entities.some((e) => e.id === id));
    if (missing) throw new ArchiveError('not_found', `There is no entity with id ${missing}.`);
  }
}

function detail(group: ClaimGroup, claims: ClaimSummary[]): ClaimGroupDetail {
  const sources = countSources(claims);
  return { group, claims, independentSources: sources.length, sources, conflicts: findConflicts(claims) };
}

/**
 * When a claim happened, as far as we know: its event date, else its article's publication day; null
 * when neither is known (the capture day says when the page was saved, not when anything happened).
 */
function whenOf(claim: ClaimSummary): string | null {
  return (claim.eventDate ?? claim.publishedAt)?.slice(0, 10) ?? null;
}

/** Partial dates compare as text ("2024-11" covers every day of November 2024); an unknown date is in no range. */
function inRange(when: string | null, from?: string, to?: string): boolean {
  if (when === null) return !from && !to;
  if (from && when.slice(0, from.length) < from) return false;
  if (to && when.slice(0, to.length) > to) return false;
  return true;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
