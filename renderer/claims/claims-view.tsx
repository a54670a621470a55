// Claims across the archive: filters, a casualty timeline, a virtualized list to select and group, and the groups with their sources and conflicts.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ClaimKind, ClaimQuery, ClaimStatus, ClaimSummary, EntitySummary } from '../../core/model.ts';
import { archive } from '../api.ts';
import { claimDayLabel } from '../format.ts';
import { useArchiveQuery } from '../use-archive-query.ts';
import { CasualtyTimeline } from './casualty-timeline.tsx';
import { CLAIM_KINDS, CLAIM_STATUSES, kindLabel, statusLabel } from './claim-format.ts';
import { ClaimRow } from './claim-row.tsx';

const ROW_HEIGHT = 96;

type Props = {
  onOpenArticle: (id: string) => void;
  onNotice: (text: string) => void;
  onError: (error: unknown) => void;
};

const key = (c: Pick<ClaimSummary, 'articleId' | 'claimId'>) => `${c.articleId} ${c.claimId}`;

export function ClaimsView({ onOpenArticle, onNotice, onError }: Props) {
  const [filters, setFilters] = useState<ClaimQuery>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState('killed');
  const [places, setPlaces] = useState<EntitySummary[]>([]);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    archive.listEntities({ type: 'location', limit: 1000 }).then(setPlaces, () => undefined);
  }, []);

  const listed = useArchiveQuery(
    () => Promise.all([archive.listClaims({ ...filters, limit: 10_000 }), archive.listClaimGroups()]),
    [filters],
    { initial: null, delayMs: 80 },
  );
  const [page, groups] = listed.data ?? [null, []];
  const { error } = listed;

  const rows = page?.items ?? [];
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const set = (change: Partial<ClaimQuery>) => setFilters((f) => ({ ...f, ...change }));
  const openGroup = groups.find((g) => g.group.id === filters.groupId) ?? null;

  async function groupSelected(): Promise<void> {
    const members = rows
      .filter((c) => selected.has(key(c)))
      .map((c) => ({ articleId: c.articleId, claimId: c.claimId }));
    const existing = rows.find((c) => selected.has(key(c)) && c.groupId)?.groupId ?? undefined;
    try {
      const group = await archive.groupClaims({ members, groupId: existing });
      onNotice(
        `Grouped ${group.claims.length} claims: ${group.independentSources} independent source${group.independentSources === 1 ? '' : 's'}.`,
      );
      setSelected(new Set());
      listed.reload();
    } catch (caught) {
      onError(caught);
    }
  }

  function toggle(claim: ClaimSummary): void {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key(claim))) next.delete(key(claim));
      else next.add(key(claim));
      return next;
    });
  }

  return (
    <div className="claims-view">
      <section className="claims-main" aria-label="Claims across the archive">
        <div className="registry-filters claims-filters">
          <input
            className="input"
            type="search"
            placeholder="Words of the claim"
            aria-label="Filter by words"
            onChange={(e) => set({ text: e.target.value || undefined })}
          />
          <input
            className="input"
            type="search"
            placeholder="Claimant"
            aria-label="Filter by claimant"
            onChange={(e) => set({ claimant: e.target.value || undefined })}
          />
          <select
            className="input"
            aria-label="Kind"
            onChange={(e) => set({ kind: (e.target.value || undefined) as ClaimKind | undefined })}
          >
            <option value="">All kinds</option>
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
          <select
            className="input"
            aria-label="Status"
            onChange={(e) => set({ status: (e.target.value || undefined) as ClaimStatus | undefined })}
          >
            <option value="">Any status</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
          <select className="input" aria-label="Place" onChange={(e) => set({ placeId: e.target.value || undefined })}>
            <option value="">Anywhere</option>
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <input
            className="input date"
            placeholder="from 2024-11"
            aria-label="From date"
            onChange={(e) =>
              set({ from: /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.target.value) ? e.target.value : undefined })
            }
          />
          <input
            className="input date"
            placeholder="to 2024-12"
            aria-label="To date"
            onChange={(e) => set({ to: /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.target.value) ? e.target.value : undefined })}
          />
        </div>
        <div className="claims-chart">
          <div className="claims-chart-head">
            <h2>Figures by event date</h2>
            <select className="input" aria-label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              {['killed', 'injured', 'displaced', 'detained', 'missing'].map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </div>
          <CasualtyTimeline claims={rows} outcome={outcome} />
        </div>
        <div className="claims-toolbar">
          <span className="muted" data-testid="claim-count">
            {page ? `${page.total} claim${page.total === 1 ? '' : 's'}` : 'Loading…'}
            {error && ` · ${error}`}
          </span>
          {filters.groupId && (
            <button type="button" className="link-button" onClick={() => set({ groupId: undefined })}>
              Show all claims
            </button>
          )}
          <button
            type="button"
            className="button primary"
            disabled={selected.size < 2}
            onClick={() => void groupSelected()}
          >
            Group {selected.size || ''} selected
          </button>
        </div>
        <div ref={scrollRef} className="claims-list" role="list" aria-label="Claims">
          {page && rows.length === 0 && (
            <p className="list-empty">
              No claims match. Claims are suggested when articles are read, or made from selected words (c).
            </p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const claim = rows[item.index]!;
              return (
                <div
                  key={key(claim)}
                  role="listitem"
                  className="claims-list-row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <input
                    type="checkbox"
                    aria-label={`Select: ${claim.text.slice(0, 60)}`}
                    checked={selected.has(key(claim))}
                    onChange={() => toggle(claim)}
                  />
                  <button
                    type="button"
                    className="claim-open"
                    onClick={() => onOpenArticle(claim.articleId)}
                    title="Open the article"
                  >
                    <ClaimRow
                      claim={claim}
                      meta={`${claim.outlet || 'Unknown outlet'} · ${claimDayLabel(claim)} · ${claim.title}`}
                    />
                  </button>
                </div>
              );
            })}
          </div>
        </div>
      </section>
      <aside className="claim-groups" aria-label="Claim groups">
        <h2>Groups</h2>
        {groups.length === 0 && (
          <p className="muted">No groups yet: select claims that report the same thing and group them.</p>
        )}
        <ul>
          {groups.map((g) => (
            <li key={g.group.id} className={g.group.id === filters.groupId ? 'active' : ''}>
              <button type="button" className="link-button" dir="auto" onClick={() => set({ groupId: g.group.id })}>
                {g.group.label}
              </button>
              <span className="muted">
                {g.claims.length} claims · {g.independentSources} independent source
                {g.independentSources === 1 ? '' : 's'}
              </span>
              {g.conflicts.length > 0 && <span className="conflict">conflicting figures</span>}
            </li>
          ))}
        </ul>
        {openGroup && (
          <section className="group-detail" aria-label="Group detail">
            <h3 dir="auto">{openGroup.group.label}</h3>
            <p>
              <strong>{openGroup.independentSources}</strong> independent source
              {openGroup.independentSources === 1 ? '' : 's'}:
            </p>
            <ul>
              {openGroup.sources.map((s) => (
                <li key={s.key} dir="auto">
                  {s.label}{' '}
                  <span className="muted">
                    ({s.claims} claim{s.claims === 1 ? '' : 's'})
                  </span>
                </li>
              ))}
            </ul>
            {openGroup.conflicts.map((c, i) => (
              <p key={i} className="conflict">
                Conflicting figures for {[c.category, c.outcome].filter(Boolean).join(' ')}:{' '}
                {c.values.join(' against ')}
              </p>
            ))}
          </section>
        )}
      </aside>
    </div>
  );
}
