// The reader's claims state: which claim is active or being edited, its matches in other articles, and the calls that change claims.
import { useEffect, useRef, useState } from 'react';
import type { Article, ClaimMatch, ClaimPatch } from '../../core/model.ts';
import { archive } from '../api.ts';
import type { Range } from '../entities/text-segments.ts';

type Options = {
  onChange: (article: Article) => void;
  onError: (error: unknown) => void;
  onNotice: (text: string) => void;
};

export function useClaims(article: Article | null, { onChange, onError, onNotice }: Options) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [matches, setMatches] = useState<{ claimId: string; list: ClaimMatch[] | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(article);
  latest.current = article;

  useEffect(() => {
    setActiveId(null);
    setEditingId(null);
    setMatches(null);
  }, [article?.id]);

  async function apply(call: (id: string) => Promise<Article>): Promise<Article | null> {
    const open = latest.current;
    if (!open) return null;
    setBusy(true);
    try {
      const updated = await call(open.id);
      if (latest.current?.id === updated.id) onChange(updated);
      return updated;
    } catch (error) {
      onError(error);
      return null;
    } finally {
      setBusy(false);
    }
  }

  /** Selects a claim: its words are highlighted and scrolled to. */
  function show(id: string): void {
    setActiveId(id);
    requestAnimationFrame(() =>
      document.querySelector('.reader-text .in-claim')?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
    );
  }

  async function addFromRange(range: Range): Promise<void> {
    window.getSelection()?.removeAllRanges();
    const before = new Set(latest.current?.claims.map((c) => c.id));
    const updated = await apply((id) => archive.addClaim(id, range));
    const made = updated?.claims.find((c) => !before.has(c.id));
    if (made) {
      setActiveId(made.id);
      setEditingId(made.id);
    }
  }

  async function findMatches(claimId: string): Promise<void> {
    const open = latest.current;
    if (!open) return;
    setMatches({ claimId, list: null });
    try {
      const list = await archive.findClaimMatches(open.id, claimId);
      setMatches((m) => (m?.claimId === claimId ? { claimId, list } : m));
    } catch (error) {
      setMatches(null);
      onError(error);
    }
  }

  async function groupWith(claimId: string, match: ClaimMatch): Promise<void> {
    const open = latest.current;
    if (!open) return;
    try {
      const members = [
        { articleId: open.id, claimId },
        { articleId: match.claim.articleId, claimId: match.claim.claimId },
      ];
      const group = await archive.groupClaims({ members, groupId: match.claim.groupId ?? undefined });
      onNotice(
        `Grouped: ${group.claims.length} claims from ${group.independentSources} independent source${group.independentSources === 1 ? '' : 's'}.`,
      );
      onChange(await archive.getArticle(open.id));
      setMatches(null);
    } catch (error) {
      onError(error);
    }
  }

  return {
    activeId,
    editingId,
    matches,
    busy,
    show,
    edit: setEditingId,
    closeMatches: () => setMatches(null),
    review: (ids: string[], action: 'confirm' | 'reject' | 'remove') =>
      apply((id) => archive.reviewClaims(id, { ids, action })),
    save: async (claimId: string, patch: ClaimPatch) => {
      const open = latest.current;
      if (!open) return;
      // Errors go back to the form, which shows them beside the fields.
      const updated = await archive.updateClaim(open.id, claimId, patch);
      if (latest.current?.id === updated.id) onChange(updated);
      setEditingId(null);
    },
    ungroup: (claimId: string) => apply((id) => archive.ungroupClaim(id, claimId)),
    addFromRange,
    findMatches,
    groupWith,
  };
}
