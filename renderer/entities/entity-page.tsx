// One entity: its names, its articles, who appears with it, its mentions over time; edit, merge, delete.
import { useEffect, useState } from 'react';
import type { EntityPatch, MergeRecord } from '../../core/model.ts';
import { archive } from '../api.ts';
import { PublishedDate } from '../components/published-date.tsx';
import { WatchButton } from '../monitoring/watch-button.tsx';
import { formatCount } from '../format.ts';
import { useArchiveQuery } from '../use-archive-query.ts';
import { EntityEditor } from './entity-editor.tsx';
import { TypeBadge, typeLabel } from './entity-types.tsx';
import { TagPicker } from './tag-picker.tsx';
import { TimelineChart } from './timeline-chart.tsx';

type Props = {
  entityId: string;
  /** Bumped by the registry view after a change elsewhere, to load the page again. */
  revision: number;
  onOpenArticle: (id: string) => void;
  onOpenEntity: (id: string) => void;
  onChanged: (what: { merged?: MergeRecord; deleted?: string }) => void;
  onError: (error: unknown) => void;
  onNotice: (text: string) => void;
};

export function EntityPage({ entityId, revision, onOpenArticle, onOpenEntity, onChanged, onError, onNotice }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'merge'>('view');
  const {
    data: detail,
    error: loadError,
    setData: setDetail,
  } = useArchiveQuery(() => archive.getEntity(entityId), [entityId, revision], { initial: null });
  useEffect(() => setMode('view'), [entityId, revision]);

  if (loadError)
    return (
      <section className="entity-page reader-empty">
        <p>This entity could not be opened: {loadError}</p>
      </section>
    );
  if (!detail) return <section className="entity-page" aria-busy="true" />;
  const { entity } = detail;

  async function save(patch: EntityPatch): Promise<void> {
    const updated = await archive.updateEntity(entity.id, patch);
    setDetail((d) => d && { ...d, entity: updated });
    setMode('view');
    onChanged({});
  }

  async function merge(otherId: string): Promise<void> {
    try {
      const record = await archive.mergeEntities(entity.id, otherId);
      setMode('view');
      setDetail(await archive.getEntity(entity.id));
      onChanged({ merged: record });
    } catch (error) {
      onError(error);
    }
  }

  async function remove(): Promise<void> {
    if (!window.confirm(`Delete “${entity.name}” from the registry and remove its tags from every article?`)) return;
    try {
      await archive.deleteEntity(entity.id);
      onChanged({ deleted: entity.name });
    } catch (error) {
      onError(error);
    }
  }

  return (
    <section className="entity-page" aria-label={`Entity ${entity.name}`}>
      <header className="entity-head">
        <TypeBadge type={entity.type} />
        <h1 dir="auto">{entity.name}</h1>
        <span className="spacer" />
        <WatchButton
          describe={`${entity.name} (or any of its aliases)`}
          defaultName={entity.name}
          target={{ kind: 'entity', entityId: entity.id }}
          onCreated={(name) => onNotice(`Watching “${name}”: new articles that mention it raise an alert.`)}
          onError={onError}
          className="button"
        />
        <button type="button" className="button" onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>
          Edit
        </button>
        <button type="button" className="button" onClick={() => setMode(mode === 'merge' ? 'view' : 'merge')}>
          Merge…
        </button>
        <button type="button" className="button danger" onClick={() => void remove()}>
          Delete
        </button>
      </header>
      <p className="entity-sub">
        {typeLabel(entity.type)}
        {entity.description && (
          <>
            {' '}
            · <span dir="auto">{entity.description}</span>
          </>
        )}
        {entity.externalIds.wikidata && (
          <>
            {' '}
            · Wikidata <code>{entity.externalIds.wikidata}</code>
          </>
        )}
      </p>
      {mode === 'edit' && <EntityEditor entity={entity} onSave={save} onCancel={() => setMode('view')} />}
      {mode === 'merge' && (
        <div className="merge-box">
          <p>
            Merge another entity into <strong dir="auto">{entity.name}</strong>: its names become aliases and its
            mentions point here. It can be undone.
          </p>
          <TagPicker
            text=""
            allowNew={false}
            excludeId={entity.id}
            onPick={(target) => 'entityId' in target && void merge(target.entityId)}
          />
        </div>
      )}
      {entity.aliases.length > 0 && (
        <ul className="alias-list" aria-label="Aliases">
          {entity.aliases.map((alias) => (
            <li key={alias} className="tag" dir="auto">
              {alias}
            </li>
          ))}
        </ul>
      )}
      {entity.notes && (
        <p className="entity-notes" dir="auto">
          {entity.notes}
        </p>
      )}

      <h2>Mentions over time</h2>
      <TimelineChart timeline={detail.timeline} />

      <div className="entity-columns">
        <div>
          <h2>
            Articles <span className="muted">{formatCount(detail.articles.length, 'article', 'articles')}</span>
          </h2>
          <ul className="entity-articles">
            {detail.articles.map((a) => (
              <li key={a.id}>
                <button type="button" className="link-button" dir="auto" onClick={() => onOpenArticle(a.id)}>
                  {a.title}
                </button>
                <span className="muted" dir="auto">
                  {a.source} <PublishedDate item={a} />
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2>Appears with</h2>
          {detail.cooccurring.length === 0 && <p className="muted">No other entities in its articles yet.</p>}
          <ul className="cooccurring">
            {detail.cooccurring.map((other) => (
              <li key={other.id}>
                <TypeBadge type={other.type} />
                <button type="button" className="link-button" dir="auto" onClick={() => onOpenEntity(other.id)}>
                  {other.name}
                </button>
                <span className="muted">{other.articles}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
