// The reading pane: one article as plain text with its mentions, its entities beside it, metadata, notes and provenance.
import { useRef, useState, type MouseEvent, type ReactNode, type Ref, type RefObject } from 'react';
import type { Article } from '../../core/model.ts';
import { ClipScreenshot } from '../clipper/clip-screenshot.tsx';
import { ProvenanceBox } from '../components/provenance-box.tsx';
import { StoryLinks } from '../components/story-links.tsx';
import { ClaimsPanel } from '../claims/claims-panel.tsx';
import { useClaims } from '../claims/use-claims.ts';
import { AnnotatedText } from '../entities/annotated-text.tsx';
import { MentionCard, type MentionAction } from '../entities/mention-card.tsx';
import { MentionsPanel } from '../entities/mentions-panel.tsx';
import { Popover } from '../entities/popover.tsx';
import { TagPicker } from '../entities/tag-picker.tsx';
import { selectionOffsets, tidyRange } from '../entities/text-segments.ts';
import {
  useMentionReview,
  type Anchor,
  type MentionKeyAction,
  type NoticeAction,
} from '../entities/use-mention-review.ts';
import { formatFullDate, formatLongDate } from '../format.ts';
import { ExtractionMark } from './extraction-mark.tsx';

type Props = {
  article: Article | null;
  /** What to say while there is no article to show (nothing selected, or it failed to open). */
  placeholder: string;
  /** Where the article sits in the list, e.g. "3 of 120", when it is in the list. */
  position: string | null;
  ref?: Ref<HTMLElement>;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: () => void;
  /** Opens another article (a copy of the same story) in the reader. */
  onOpenArticle: (id: string) => void;
  /** A review or a tag changed the article. */
  onArticleChange: (article: Article) => void;
  onOpenEntity: (entityId: string) => void;
  onError: (error: unknown) => void;
  /** A step the user may take back (a rejection) comes with its undo. */
  onNotice: (text: string, action?: NoticeAction) => void;
  /** Set by the reader: the app's shortcut handler passes the mention and claim keys on through it. */
  keysRef: RefObject<((action: ReaderKeyAction) => void) | null>;
  /** Under the metadata: the collections the article is in, and adding it to one. */
  collections?: ReactNode;
};

export type ReaderKeyAction = MentionKeyAction | 'claim-selection';

/** Scripts written right to left, by ISO 639-1 or 639-3 code (the language detector gives either). */
const RTL_LANGUAGES = new Set(
  ['ar ara arb', 'fa fas pes prs', 'he heb', 'ur urd', 'ps pus', 'yi yid', 'ckb', 'sd snd', 'ug uig', 'dv div']
    .join(' ')
    .split(' '),
);

export function isRightToLeft(language: string): boolean {
  return RTL_LANGUAGES.has(language.toLowerCase().split(/[-_]/)[0] ?? '');
}

export function ReaderPane(props: Props) {
  const { article, placeholder, position, ref, onEdit, onDelete, onRestore, onOpenArticle } = props;
  const textRef = useRef<HTMLDivElement>(null);
  const tagging = useMentionReview(article, {
    onChange: props.onArticleChange,
    onError: props.onError,
    onNotice: props.onNotice,
  });
  const claims = useClaims(article, {
    onChange: props.onArticleChange,
    onError: props.onError,
    onNotice: props.onNotice,
  });
  const [side, setSide] = useState<'entities' | 'claims'>('entities');
  /** The selected words as a span to tag, if the selection is in the text. */
  function selectedSpan() {
    const range = textRef.current ? selectionOffsets(textRef.current) : null;
    return range && article ? tidyRange(article.text, range) : null;
  }

  props.keysRef.current = (action) => {
    // A trashed article is read-only: restore it to tag it.
    if (!article || article.deletedAt) return;
    const range = selectedSpan();
    if (action === 'claim-selection') {
      if (range) {
        setSide('claims');
        void claims.addFromRange(range);
      }
      return;
    }
    tagging.handleKey(action, range, range ? selectionAnchor() : null);
  };

  function onTextMouseUp(): void {
    const range = selectedSpan();
    if (range && !article?.deletedAt) tagging.setPopover({ kind: 'tag', range, anchor: selectionAnchor()! });
  }

  function onTextClick(event: MouseEvent<HTMLDivElement>): void {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>('[data-mention]');
    if (!mark) return;
    tagging.show(mark.dataset.mention!);
    if (!article?.deletedAt)
      tagging.setPopover({
        kind: 'mention',
        id: mark.dataset.mention!,
        anchor: anchorOf(mark.getBoundingClientRect()),
      });
  }

  function onMentionAction(action: MentionAction, id: string): void {
    const mention = article?.mentions.find((m) => m.id === id);
    if (!mention) return;
    if (action === 'confirm' || action === 'reject' || action === 'remove') void tagging.review([id], action);
    else if (action === 'confirm-all' || action === 'reject-all')
      void tagging.review(
        tagging.sameEntity(mention).map((m) => m.id),
        action === 'confirm-all' ? 'confirm' : 'reject',
      );
    else if (action === 'open-entity' && mention.entityId) {
      tagging.setPopover(null);
      props.onOpenEntity(mention.entityId);
    } else if (action === 'retag' && tagging.popover)
      tagging.setPopover({ kind: 'tag', range: mention, anchor: tagging.popover.anchor, initialType: mention.type });
  }

  if (!article)
    return (
      <section className="reader reader-empty" aria-label="Reader">
        <p>{placeholder}</p>
      </section>
    );

  const inTrash = article.deletedAt !== null;
  const byline = [article.source, article.byline].filter(Boolean).join(' · ');
  const lang = article.language || undefined;
  // The whole text runs right to left for an RTL language; each paragraph still finds its own direction (dir=auto).
  const textDir = isRightToLeft(article.language) ? 'rtl' : undefined;
  const popover = tagging.popover;
  const activeClaim = article.claims.find((c) => c.id === claims.activeId) ?? null;
  const popoverMention = popover?.kind === 'mention' ? article.mentions.find((m) => m.id === popover.id) : undefined;
  return (
    <article className="reader" aria-label="Reader" ref={ref} tabIndex={-1}>
      <div className="reader-toolbar" role="toolbar" aria-label="Article actions">
        <span className="reader-place">
          {position && <span className="reader-position">{position}</span>}
          {inTrash && <span className="trash-note">In the trash since {formatLongDate(article.deletedAt)}</span>}
        </span>
        {inTrash ? (
          <>
            <button type="button" className="button" onClick={onRestore} aria-keyshortcuts="r" title="Restore (r)">
              Restore
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onEdit} aria-keyshortcuts="e" title="Edit (e)">
              Edit
            </button>
            <button type="button" className="button" onClick={onDelete} aria-keyshortcuts="Delete" title="Delete (Del)">
              Delete
            </button>
          </>
        )}
      </div>
      <div className="reader-body">
        <div className="reader-column">
          <header className="reader-header">
            {byline && (
              <p className="reader-source" dir="auto">
                {byline}
              </p>
            )}
            <h1 dir="auto" lang={lang}>
              {article.title}
            </h1>
            {article.wireCredits.length > 0 && (
              <p className="wire-credits">
                <span className="wire-label">Wire</span>
                <span className="wire-list" role="list" aria-label="Wire credits">
                  {article.wireCredits.map((credit) => (
                    <span key={credit} role="listitem" className="wire-chip" dir="auto">
                      {credit}
                    </span>
                  ))}
                </span>
              </p>
            )}
            <p className="reader-dates">
              {article.publishedAt ? (
                <span title={formatFullDate(article.publishedAt)}>Published {formatLongDate(article.publishedAt)}</span>
              ) : (
                <span>Publication date unknown</span>
              )}
              {article.modifiedAt && article.modifiedAt !== article.publishedAt && (
                <span title={formatFullDate(article.modifiedAt)}>Updated {formatLongDate(article.modifiedAt)}</span>
              )}
              <span title={formatFullDate(article.capturedAt)}>Captured {formatLongDate(article.capturedAt)}</span>
            </p>
            <ExtractionMark article={article} />
            {article.dateline && (
              <p className="reader-dateline">
                <span className="meta-label">Dateline</span>{' '}
                <bdi className="dateline" lang={lang}>
                  {article.dateline}
                </bdi>
              </p>
            )}
            {article.url && (
              <p className="reader-url">
                {/* Shown as text and opened only on a click: nothing remote ever loads by itself. */}
                <a href={article.url} target="_blank" rel="noreferrer noopener" dir="ltr">
                  {article.url}
                </a>
              </p>
            )}
            {article.tags.length > 0 && (
              <ul className="tags" aria-label="Tags">
                {article.tags.map((tag) => (
                  <li key={tag} className="tag" dir="auto">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
            {props.collections}
          </header>
          {article.storyId && (
            <StoryLinks articleId={article.id} storyId={article.storyId} onOpenArticle={onOpenArticle} />
          )}
          {/* Text only, never the captured HTML: nothing from a page can run or load here. */}
          <div ref={textRef} onMouseUp={onTextMouseUp} onClick={onTextClick}>
            <AnnotatedText
              text={article.text}
              mentions={article.mentions}
              dates={article.dates}
              lang={lang}
              dir={textDir}
              activeId={tagging.activeId}
              highlight={activeClaim}
              pageStarts={article.pageStarts}
            />
          </div>
          {article.notes && (
            <section className="notes" aria-label="Notes">
              <h2>Notes</h2>
              <p dir="auto">{article.notes}</p>
            </section>
          )}
          <ClipScreenshot article={article} onError={props.onError} />
          <ProvenanceBox provenance={article.provenance} />
        </div>
        <div className="side-panel">
          <div className="side-tabs" role="tablist" aria-label="Beside the text">
            <button type="button" role="tab" aria-selected={side === 'entities'} onClick={() => setSide('entities')}>
              Entities
            </button>
            <button type="button" role="tab" aria-selected={side === 'claims'} onClick={() => setSide('claims')}>
              Claims <span className="badge">{article.claims.filter((c) => c.review !== 'rejected').length}</span>
            </button>
          </div>
          {side === 'entities' ? (
            <MentionsPanel
              article={article}
              suggesting={tagging.suggesting}
              busy={tagging.busy}
              onReview={(group, action) => void tagging.reviewGroup(group, action)}
              onShow={tagging.show}
              onOpenEntity={props.onOpenEntity}
              onSuggest={() => void tagging.suggest()}
            />
          ) : (
            <ClaimsPanel article={article} claims={claims} suggesting={tagging.suggesting} />
          )}
        </div>
      </div>
      {popover?.kind === 'tag' && (
        <Popover anchor={popover.anchor} label="Tag as an entity" onClose={() => tagging.setPopover(null)}>
          <TagPicker
            text={article.text.slice(popover.range.start, popover.range.end).trim()}
            initialType={popover.initialType}
            onPick={(target) => void tagging.tag(popover.range, target)}
          />
        </Popover>
      )}
      {popoverMention && popover && (
        <Popover anchor={popover.anchor} label="Mention" onClose={() => tagging.setPopover(null)}>
          <MentionCard
            mention={popoverMention}
            sameEntity={tagging.sameEntity(popoverMention).length}
            onAction={(action) => onMentionAction(action, popoverMention.id)}
          />
        </Popover>
      )}
    </article>
  );
}

function anchorOf(rect: DOMRect): Anchor {
  return { left: rect.left, top: rect.top, bottom: rect.bottom };
}

/** The selection's box on screen, for placing the tag picker under it. */
function selectionAnchor(): Anchor | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return anchorOf(selection.getRangeAt(0).getBoundingClientRect());
}
