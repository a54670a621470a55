// Casualty figures by event date, one series per source: where outlets agree, and where their numbers part.
import type { ClaimSummary } from '../../core/model.ts';
import { formatQuantity } from './claim-format.ts';

type Props = { claims: ClaimSummary[]; outcome: string };

/** Drawn at about the width it is shown at (the claims view), so its labels keep their size. */
const WIDTH = 1000;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };
/** Distinct and readable on white, in order of first appearance. */
const COLOURS = ['#1f5fbf', '#b3261e', '#1d7a3e', '#8a5a00', '#7a3fb0', '#0f766e', '#c2410c', '#475569'];

type Point = { day: number; date: string; value: number; label: string; source: string };

export function CasualtyTimeline({ claims, outcome }: Props) {
  const points: Point[] = [];
  // A figure whose claim has no event date and whose article no publication date is left out, not
  // put at the day the page was saved: counted, and said under the chart.
  let undated = 0;
  for (const claim of claims) {
    const figures = claim.quantities.filter((q) => q.outcome === outcome);
    const known = claim.eventDate ?? claim.publishedAt;
    const day = known ? dayOf(known.slice(0, 10)) : null;
    if (day === null) {
      undated += figures.length;
      continue;
    }
    for (const q of figures)
      points.push({
        day,
        date: known!.slice(0, 10),
        value: q.value,
        label: formatQuantity(q),
        source: claim.outlet || 'Unknown outlet',
      });
  }
  const leftOut = undated ? (
    <p className="muted timeline-undated" data-testid="timeline-undated">
      {undated === 1 ? '1 figure' : `${undated} figures`} not plotted: no event or publication date.
    </p>
  ) : null;
  if (points.length === 0)
    return (
      <>
        <p className="muted">No dated {outcome} figures in these claims.</p>
        {leftOut}
      </>
    );
  const sources = [...new Set(points.map((p) => p.source))];
  const [minDay, maxDay] = [Math.min(...points.map((p) => p.day)), Math.max(...points.map((p) => p.day))];
  const maxValue = Math.max(...points.map((p) => p.value), 1);
  const x = (day: number) =>
    PAD.left + (maxDay === minDay ? 0.5 : (day - minDay) / (maxDay - minDay)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / maxValue) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [0, maxValue / 2, maxValue].map((v) => Math.round(v));
  return (
    <figure className="casualty-timeline">
      <svg
        role="img"
        aria-label={`${outcome} figures by event date, ${sources.length} sources`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 6} y={y(t) + 3} className="tick" textAnchor="end">
              {t.toLocaleString()}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} className="tick">
          {dateOf(minDay)}
        </text>
        {maxDay !== minDay && (
          <text x={WIDTH - PAD.right} y={HEIGHT - 8} className="tick" textAnchor="end">
            {dateOf(maxDay)}
          </text>
        )}
        {sources.map((source, i) => {
          const series = points.filter((p) => p.source === source).sort((a, b) => a.day - b.day);
          const colour = COLOURS[i % COLOURS.length];
          return (
            <g key={source} className="series" data-source={source}>
              {series.length > 1 && (
                <polyline
                  fill="none"
                  stroke={colour}
                  strokeWidth={1.5}
                  points={series.map((p) => `${x(p.day)},${y(p.value)}`).join(' ')}
                />
              )}
              {series.map((p, j) => (
                <circle key={j} cx={x(p.day)} cy={y(p.value)} r={4} fill={colour}>
                  <title>{`${p.source}, ${p.date}: ${p.label}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="timeline-legend">
        {sources.map((source, i) => (
          <span key={source}>
            <span className="swatch" style={{ background: COLOURS[i % COLOURS.length] }} aria-hidden="true" /> {source}
          </span>
        ))}
      </figcaption>
      {leftOut}
    </figure>
  );
}

function dayOf(date: string): number | null {
  const ms = Date.parse(`${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms / 86_400_000;
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
