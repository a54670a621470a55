// The reading pane: one article as plain text paragraphs, with its metadata, notes and provenance.
import type { Ref } from 'react';
import type { Article } from '../../core/model.ts';
import { ProvenanceBox } from '../components/provenance-box.tsx';
import { StoryLinks } from '../components/story-links.tsx';
import { formatFullDate, formatLongDate } from '../format.ts';

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
};

/** Scripts written right to left, by ISO 639-1 or 639-3 code (the language detector gives either). */
const RTL_LANGUAGES = new Set(
  ['ar ara arb', 'fa fas pes prs', 'he heb', 'ur urd', 'ps pus', 'yi yid', 'ckb', 'sd snd', 'ug uig', 'dv div']
    .join(' ')
    .split(' '),
);

export function isRightToLeft(language: string): boolean {
  return RTL_LANGUAGES.has(language.toLowerCase().split(/[-_]/)[0] ?? '');
}

/**
 * Blank lines separate paragraphs; text pasted without any (one paragraph per line, as copied from
 * most web pages) is split on its line breaks instead.
 */
export function paragraphsOf(text: string): string[] {
  const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
  return blocks.map((block) => block.trim()).filter(Boolean);
}

export function ReaderPane(props: Props) {
  const { article, placeholder, position, ref, onEdit, onDelete, onRestore, onOpenArticle } = props;
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
        </header>
        {article.storyId && (
          <StoryLinks articleId={article.id} storyId={article.storyId} onOpenArticle={onOpenArticle} />
        )}
        {/* Text only, never the captured HTML: nothing from a page can run or load here. */}
        <div className="reader-text" data-testid="article-text" lang={lang} dir={textDir}>
          {paragraphsOf(article.text).map((paragraph, i) => (
            <p key={i} dir="auto">
              {paragraph}
            </p>
          ))}
        </div>
        {article.notes && (
          <section className="notes" aria-label="Notes">
            <h2>Notes</h2>
            <p dir="auto">{article.notes}</p>
          </section>
        )}
        <ProvenanceBox provenance={article.provenance} />
      </div>
    </article>
  );
}
