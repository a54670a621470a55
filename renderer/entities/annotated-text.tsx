// The article's text with its mentions highlighted by type (suggested ones dashed) and its dates marked.
import { Fragment, memo } from 'react';
import type { DateMention, Mention } from '../../core/model.ts';
import { decidedLabel } from './mention-labels.ts';
import { pageMarks, withPageMarks } from './page-markers.ts';
import { highlightSegments, paragraphRanges, segmentsOf, type Range, type Segment } from './text-segments.ts';

type Props = {
  text: string;
  mentions: Mention[];
  dates: DateMention[];
  lang: string | undefined;
  dir: 'rtl' | undefined;
  /** The mention whose popover is open (or that the keyboard is on). */
  activeId: string | null;
  /** Words to show highlighted: the claim being looked at. */
  highlight: Range | null;
  /** A paged document's page starts: a marker ("p. 2") shows where each page begins. */
  pageStarts?: number[];
};

/** Only the rendering: clicks and selections are read by the reader through data attributes. */
export const AnnotatedText = memo(function AnnotatedText({
  text,
  mentions,
  dates,
  lang,
  dir,
  activeId,
  highlight,
  pageStarts = [],
}: Props) {
  const visible = mentions.filter((m) => m.status !== 'rejected');
  const paragraphs = paragraphRanges(text);
  const marks = pageMarks(paragraphs, pageStarts);
  return (
    <div className="reader-text" data-testid="article-text" lang={lang} dir={dir}>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} dir="auto">
          {withPageMarks(
            highlightSegments(segmentsOf(paragraph, visible, dates), highlight),
            marks.get(paragraph.start),
          ).map((segment) => (
            <Fragment key={segment.start}>
              {segment.pages?.map((page) => (
                <PageMarker key={page} page={page} />
              ))}
              {run(text, segment, activeId)}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
});

/**
 * Outside the runs (no data-offset), so selections and offsets never count it; not selectable, so a copy
 * leaves it out; its own dir, so a right-to-left paragraph's direction is still taken from its text.
 */
function PageMarker({ page }: { page: number }) {
  return (
    <span className="page-marker" data-page={page} dir="ltr" title={`Page ${page} begins here`}>
      p. {page}
    </span>
  );
}

function run(text: string, segment: Segment, activeId: string | null) {
  const content = text.slice(segment.start, segment.end);
  const claimed = segment.highlighted ? ' in-claim' : '';
  if (segment.mention) {
    const m = segment.mention;
    return (
      <mark
        key={segment.start}
        data-offset={segment.start}
        data-mention={m.id}
        className={`mention type-${m.type} ${m.status}${m.id === activeId ? ' active' : ''}${claimed}`}
        title={`${m.name} · ${m.type} · ${m.status === 'suggested' ? `suggested (${m.source}, ${Math.round(m.confidence * 100)}%)` : decidedLabel(m)}`}
      >
        {content}
      </mark>
    );
  }
  if (segment.date)
    return (
      <time
        key={segment.start}
        data-offset={segment.start}
        className={`date-mention${claimed}`}
        dateTime={segment.date.date}
        title={segment.date.date}
      >
        {content}
      </time>
    );
  return (
    <span key={segment.start} data-offset={segment.start} className={claimed.trim() || undefined}>
      {content}
    </span>
  );
}
