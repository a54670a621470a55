// The reader's tagging state: the active mention, the open popover, and the archive calls that review and tag.
import { useEffect, useRef, useState } from 'react';
import type { Article, EntityType, Mention } from '../../core/model.ts';
import { archive, ArchiveCallError } from '../api.ts';
import { groupKey, type MentionGroup } from './mention-groups.ts';
import type { Range } from './text-segments.ts';

export type Anchor = { left: number; top: number; bottom: number };
export type OpenPopover =
  | { kind: 'mention'; id: string; anchor: Anchor }
  | { kind: 'tag'; range: Range; anchor: Anchor; initialType?: EntityType };

export type MentionKeyAction =
  | 'next-mention'
  | 'previous-mention'
  | 'accept-mention'
  | 'reject-mention'
  | 'accept-entity'
  | 'reject-entity'
  | 'tag-selection'
  | 'suggest'
  | 'undo-review';

/** A button beside a notice: what undoes the step it reports. */
export type NoticeAction = { label: string; run: () => void };

type Options = {
  onChange: (article: Article) => void;
  onError: (error: unknown) => void;
  onNotice: (text: string, action?: NoticeAction) => void;
};

/** The last reject or remove, with the mentions exactly as they were before it: what undo puts back. */
type Undoable = { articleId: string; mentions: Mention[] };

export function useMentionReview(article: Article | null, { onChange, onError, onNotice }: Options) {
  const [busy, setBusy] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [popover, setPopover] = useState<OpenPopover | null>(null);
  const latest = useRef(article);
  latest.current = article;
  const lastRejection = useRef<Undoable | null>(null);

  const visible = (article?.mentions ?? []).filter((m) => m.status !== 'rejected');
  const active = visible.find((m) => m.id === activeId) ?? null;

  /** Runs a call that returns the article, and shows the result only if that article is still open. */
  async function apply(call: () => Promise<Article>): Promise<boolean> {
    setBusy(true);
    try {
      const updated = await call();
      if (latest.current?.id === updated.id) onChange(updated);
      return true;
    } catch (error) {
      onError(error);
      // The article changed under us (suggestions re-run elsewhere): show it as it is now.
      const open = latest.current;
      if (open && error instanceof ArchiveCallError && error.code === 'not_found')
        await archive.getArticle(open.id).then(
          (fresh) => latest.current?.id === fresh.id && onChange(fresh),
          () => undefined,
        );
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function suggest(): Promise<void> {
    const current = latest.current;
    if (!current || current.deletedAt) return;
    setSuggesting(true);
    await apply(() => archive.runSuggestions(current.id));
    setSuggesting(false);
  }

  useEffect(() => {
    setActiveId(null);
    setPopover(null);
    // An article nobody has run the suggesters on yet gets them when it is first read.
    if (article && !article.taggedAt && !article.deletedAt) void suggest();
  }, [article?.id]);

  async function review(ids: string[], action: 'confirm' | 'reject' | 'remove'): Promise<void> {
    const current = latest.current;
    setPopover(null);
    if (!current || ids.length === 0) return;
    const wanted = new Set(ids);
    // Copies as they are now: a rejection changes the status, a removal deletes the mention outright.
    const before = current.mentions.filter((m) => wanted.has(m.id));
    const done = await apply(() => archive.reviewMentions(current.id, { ids, action }));
    if (!done || action === 'confirm' || before.length === 0) return;
    lastRejection.current = { articleId: current.id, mentions: before };
    onNotice(rejectionNotice(before, action), { label: 'Undo', run: () => void undo() });
  }

  /** Puts back the mentions of the last reject or remove, exactly as they were. */
  async function undo(): Promise<void> {
    const last = lastRejection.current;
    if (!last) return;
    lastRejection.current = null;
    const done = await apply(() => archive.restoreMentions(last.articleId, last.mentions));
    const what =
      last.mentions.length === 1 ? `“${last.mentions[0]!.quote.exact}” is` : `${last.mentions.length} mentions are`;
    if (done) onNotice(`Undone: ${what} back.`);
  }

  function reviewGroup(group: MentionGroup, action: 'confirm' | 'reject'): Promise<void> {
    return review(
      group.suggested.map((m) => m.id),
      action,
    );
  }

  /** The suggested mentions of the same entity as `m` (itself included). */
  function sameEntity(m: Mention): Mention[] {
    const key = groupKey(m);
    return visible.filter((other) => other.status === 'suggested' && groupKey(other) === key);
  }

  async function tag(range: Range, target: { entityId: string } | { name: string; type: EntityType }): Promise<void> {
    const current = latest.current;
    setPopover(null);
    window.getSelection()?.removeAllRanges();
    if (!current) return;
    await apply(() => archive.tagSpan(current.id, { ...range, ...target }));
  }

  /** Moves the keyboard to the next (or previous) mention and scrolls it into view. */
  function move(delta: 1 | -1): void {
    if (visible.length === 0) return;
    const at = visible.findIndex((m) => m.id === activeId);
    const next =
      visible[at < 0 ? (delta > 0 ? 0 : visible.length - 1) : (at + delta + visible.length) % visible.length]!;
    show(next.id);
  }

  function show(id: string): void {
    setActiveId(id);
    document.querySelector(`[data-mention="${id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  function handleKey(action: MentionKeyAction, selection: Range | null, anchor: Anchor | null): void {
    switch (action) {
      case 'next-mention':
        return move(1);
      case 'previous-mention':
        return move(-1);
      case 'accept-mention':
        if (active?.status === 'suggested') void review([active.id], 'confirm');
        return;
      case 'reject-mention':
        if (active) void review([active.id], active.status === 'suggested' ? 'reject' : 'remove');
        return;
      case 'accept-entity':
      case 'reject-entity':
        if (active)
          void review(
            sameEntity(active).map((m) => m.id),
            action === 'accept-entity' ? 'confirm' : 'reject',
          );
        return;
      case 'tag-selection':
        if (selection && anchor) setPopover({ kind: 'tag', range: selection, anchor });
        return;
      case 'suggest':
        return void suggest();
      case 'undo-review':
        return void undo();
    }
  }

  return {
    busy,
    suggesting,
    activeId,
    active,
    popover,
    setPopover,
    review,
    reviewGroup,
    sameEntity,
    tag,
    show,
    handleKey,
    suggest,
    undo,
  };
}

/** "Rejected “Karovsk”." or "Rejected 3 mentions of “Varnian Relief Council”." */
function rejectionNotice(mentions: Mention[], action: 'reject' | 'remove'): string {
  const [first] = mentions;
  const verb = action === 'remove' || first!.status !== 'suggested' ? 'Removed' : 'Rejected';
  const name = first!.name;
  return mentions.length === 1
    ? `${verb} “${first!.quote.exact}”.`
    : `${verb} ${mentions.length} mentions of “${name}”.`;
}
