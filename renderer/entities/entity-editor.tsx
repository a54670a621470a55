// Edits an entity's name, type, aliases, description, external ids and notes; saves only what changed.
import { useState, type FormEvent } from 'react';
import type { Entity, EntityPatch, EntityType } from '../../core/model.ts';
import { TypeOptions } from './entity-types.tsx';

type Props = { entity: Entity; onSave: (patch: EntityPatch) => Promise<void>; onCancel: () => void };

export function EntityEditor({ entity, onSave, onCancel }: Props) {
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState<EntityType>(entity.type);
  const [aliases, setAliases] = useState(entity.aliases.join('\n'));
  const [description, setDescription] = useState(entity.description);
  const [wikidata, setWikidata] = useState(entity.externalIds.wikidata ?? '');
  const [notes, setNotes] = useState(entity.notes);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const nextAliases = aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean);
    const externalIds = { ...entity.externalIds };
    if (wikidata.trim()) externalIds.wikidata = wikidata.trim();
    else delete externalIds.wikidata;
    const patch: EntityPatch = {};
    if (name.trim() !== entity.name) patch.name = name.trim();
    if (type !== entity.type) patch.type = type;
    if (nextAliases.join('\n') !== entity.aliases.join('\n')) patch.aliases = nextAliases;
    if (description !== entity.description) patch.description = description;
    if (JSON.stringify(externalIds) !== JSON.stringify(entity.externalIds)) patch.externalIds = externalIds;
    if (notes !== entity.notes) patch.notes = notes;
    if (Object.keys(patch).length === 0) return onCancel();
    setSaving(true);
    try {
      await onSave(patch);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="entity-editor" onSubmit={(event) => void submit(event)} aria-label="Edit entity">
      <label>
        Name
        <input
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          dir="auto"
          data-autofocus
          required
        />
      </label>
      <label>
        Type
        <select className="input" value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          <TypeOptions />
        </select>
      </label>
      <label>
        Aliases <span className="muted">(one per line: acronyms, transliterations, former names)</span>
        <textarea className="input" rows={4} value={aliases} onChange={(e) => setAliases(e.target.value)} dir="auto" />
      </label>
      <label>
        Description
        <input className="input" value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
      </label>
      <label>
        Wikidata id
        <input className="input" value={wikidata} placeholder="Q123" onChange={(e) => setWikidata(e.target.value)} />
      </label>
      <label>
        Notes
        <textarea className="input" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} dir="auto" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
