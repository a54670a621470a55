// Counts of what matched by source, entity, type, language and month; a click narrows the query (the query stays the one truth, so it can be saved).
import type { FacetCount, SearchFacets } from '../../core/model.ts';
import type { EntityType } from '../../core/model.ts';
import { typeLabel } from '../entities/entity-types.tsx';
import { formatNumber } from '../format.ts';

type Props = { facets: SearchFacets; onRefine: (term: string) => void };

/** A field value as the query language writes it: quoted when it has spaces or quotes. */
export function fieldTerm(field: string, value: string): string {
  return /^[^\s"]+$/.test(value) ? `${field}:${value}` : `${field}:"${value.replace(/"/g, '')}"`;
}

export function FacetPanel({ facets, onRefine }: Props) {
  return (
    <div className="facets">
      <MonthBars months={facets.month} onPick={(month) => onRefine(`published:${month}`)} />
      <Facet title="Source" counts={facets.source} onPick={(f) => onRefine(fieldTerm('source', f.value))} />
      <Facet title="Entity" counts={facets.entity} onPick={(f) => onRefine(fieldTerm('entity', f.label))} />
      <Facet
        title="Type"
        counts={facets.type.map((f) => ({ ...f, label: typeLabel(f.value as EntityType) }))}
        onPick={(f) => onRefine(fieldTerm('type', f.value))}
      />
      <Facet title="Language" counts={facets.language} onPick={(f) => onRefine(fieldTerm('lang', f.value))} />
    </div>
  );
}

function Facet({ title, counts, onPick }: { title: string; counts: FacetCount[]; onPick: (f: FacetCount) => void }) {
  if (!counts.length) return null;
  return (
    <section className="facet" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {counts.map((f) => (
          <li key={f.value}>
            <button type="button" className="facet-value" onClick={() => onPick(f)} title={`Only ${f.label}`}>
              <span className="facet-label" dir="auto">
                {f.label}
              </span>
              <span className="facet-count">{formatNumber(f.count)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Matches per month as bars, oldest on the left: where the story peaked shows at a glance. */
function MonthBars({ months, onPick }: { months: FacetCount[]; onPick: (month: string) => void }) {
  if (months.length < 2) return null;
  const shown = [...months].reverse().slice(-24);
  const max = Math.max(...shown.map((m) => m.count));
  return (
    <section className="facet month-bars" aria-label="Month">
      <h3>By month</h3>
      <div className="bars" role="list">
        {shown.map((m) => (
          <button
            key={m.value}
            type="button"
            role="listitem"
            className="bar"
            title={`${m.value}: ${formatNumber(m.count)}`}
            aria-label={`${m.value}: ${m.count}`}
            onClick={() => onPick(m.value)}
          >
            <span style={{ height: `${Math.max(4, (100 * m.count) / max)}%` }} />
          </button>
        ))}
      </div>
      <div className="bars-axis">
        <span>{shown[0]!.value}</span>
        <span>{shown.at(-1)!.value}</span>
      </div>
    </section>
  );
}
