// "Also published by …": the other outlets that ran the same wire story, each a link to that copy in the archive.
import { archive } from '../api.ts';
import { formatFullDate, formatShortDate } from '../format.ts';
import { useArchiveQuery } from '../use-archive-query.ts';

type Props = { articleId: string; storyId: string; onOpenArticle: (id: string) => void };

export function StoryLinks({ articleId, storyId, onOpenArticle }: Props) {
  // A new story id (an edit, a re-import) may bring other copies: ask again.
  const story = useArchiveQuery(() => archive.getStory(articleId), [articleId, storyId], {
    initial: null,
    keep: 'nothing',
  });
  const { error } = story;
  const others = story.data?.filter((other) => other.id !== articleId);

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
