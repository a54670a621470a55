// "Also published by …": the other outlets that ran the same wire story, each a link to that copy in the archive.
import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../core/model.ts';
import { archive, messageOf } from '../api.ts';
import { formatFullDate, formatShortDate } from '../format.ts';

type Props = { articleId: string; storyId: string; onOpenArticle: (id: string) => void };

export function StoryLinks({ articleId, storyId, onOpenArticle }: Props) {
  const [others, setOthers] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setOthers(null);
    setError(null);
    archive.getStory(articleId).then(
      (story) => current && setOthers(story.filter((other) => other.id !== articleId)),
      (caught: unknown) => current && setError(messageOf(caught)),
    );
    return () => {
      current = false;
    };
    // A new story id (an edit, a re-import) may bring other copies: fetch again.
  }, [articleId, storyId]);

  if (error)
    return (
      <section className="story" aria-label="Also published by">
        <p className="story-error">The other copies of this story could not be listed: {error}</p>
      </section>
    );
  if (!others || others.length === 0) return null;
  const outlets = [...new Set(others.map((other) => other.source || 'an unnamed source'))];
  return (
    <section className="story" aria-label="Also published by">
      <h2>
        Also published by <bdi>{outlets.join(', ')}</bdi>
      </h2>
      <ul>
        {others.map((other) => (
          <li key={other.id}>
            <span className="story-source" dir="auto">
              {other.source || 'Unknown source'}
            </span>
            <button type="button" className="story-link" dir="auto" onClick={() => onOpenArticle(other.id)}>
              {other.title}
            </button>
            {other.publishedAt && (
              <time className="story-date" dateTime={other.publishedAt} title={formatFullDate(other.publishedAt)}>
                {formatShortDate(other.publishedAt)}
              </time>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
