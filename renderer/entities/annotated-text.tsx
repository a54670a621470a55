// The article's text with its mentions highlighted by type (suggested ones dashed) and its dates marked.
import { memo } from 'react';
import type { DateMention, Mention } from '../../core/model.ts';
import { highlightSegments, paragraphRanges, segmentsOf, type Range } from './text-segments.ts';

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
}: Props) {
  const visible = mentions.filter((m) => m.status !== 'rejected');
  return (
    <div className="reader-text" data-testid="article-text" lang={lang} dir={dir}>
      {paragraphRanges(text).map((paragraph) => (
        <p key={paragraph.start} dir="auto">
          {highlightSegments(segmentsOf(paragraph, visible, dates), highlight).map((segment) => {
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
                  title={`${m.name} · ${m.type}${m.status === 'suggested' ? ` · suggested (${m.source}, ${Math.round(m.confidence * 100)}%)` : ''}`}
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
          })}
        </p>
      ))}
    </div>
  );
});
