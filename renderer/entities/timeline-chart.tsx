// Articles per month as bars: a picture of when an entity was in the news, with the gaps left visible.
import { formatCount } from '../format.ts';

type Props = { timeline: { month: string; articles: number }[] };

const HEIGHT = 90;
const AXIS = 16;

export function TimelineChart({ timeline }: Props) {
  if (timeline.length === 0) return <p className="muted">No dated articles yet.</p>;
  const max = Math.max(...timeline.map((t) => t.articles));
  // Real pixels, never stretched: a long timeline scrolls sideways instead of squeezing its labels,
  // and a short one keeps thin bars (one wide block reads as a bug, not as a month).
  const bar = timeline.length <= 12 ? 32 : 14;
  const width = Math.max(240, timeline.length * bar);
  // Label a year at its first month, or every month when there are few.
  const labelled = timeline.map((t, i) => timeline.length <= 12 || t.month.endsWith('-01') || i === 0);
  return (
    <figure className="timeline-chart">
      <svg
        role="img"
        aria-label={`Articles per month, ${timeline[0]!.month} to ${timeline.at(-1)!.month}, at most ${max}`}
        width={width}
        height={HEIGHT + AXIS}
      >
        <line x1={0} x2={width} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} className="axis" />
        {timeline.map((t, i) => {
          const h = max ? (t.articles / max) * (HEIGHT - 4) : 0;
          return (
            <g key={t.month}>
              <rect x={i * bar + 1} y={HEIGHT - h} width={Math.max(1, bar - 2)} height={h} className="bar">
                <title>{`${t.month}: ${formatCount(t.articles, 'article', 'articles')}`}</title>
              </rect>
              {labelled[i] && (
                <text x={i * bar + 1} y={HEIGHT + AXIS - 3} className="tick">
                  {timeline.length <= 12 ? t.month.slice(2) : t.month.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Articles per month (by publication date, else capture date); busiest: {max}
      </figcaption>
    </figure>
  );
}
