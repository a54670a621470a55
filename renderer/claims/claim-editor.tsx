// Edits every field of a claim: its words, claimant and chain, target, kind, hedge, figures, date, status and note.
import { useState, type FormEvent } from 'react';
import type { Claim, ClaimKind, ClaimPatch, ClaimStatus, Quantity } from '../../core/model.ts';
import { archive } from '../api.ts';
import { AttributionNote } from '../components/attribution-note.tsx';
import { TagPicker } from '../entities/tag-picker.tsx';
import { useArchiveQuery } from '../use-archive-query.ts';
import { CLAIM_KINDS, CLAIM_STATUSES, kindLabel, QUALIFIERS, statusLabel } from './claim-format.ts';

type Props = { claim: Claim; onSave: (patch: ClaimPatch) => Promise<void>; onCancel: () => void };

type Figure = { value: string; qualifier: Quantity['qualifier']; category: string; outcome: string };

export function ClaimEditor({ claim, onSave, onCancel }: Props) {
  const [text, setText] = useState(claim.text);
  const [claimant, setClaimant] = useState(claim.claimant?.name ?? '');
  const [via, setVia] = useState(claim.via.join(', '));
  const [target, setTarget] = useState(claim.target?.name ?? '');
  const [kind, setKind] = useState<ClaimKind>(claim.kind);
  const [hedged, setHedged] = useState(claim.hedged);
  const [figures, setFigures] = useState<Figure[]>(
    claim.quantities.map((q) => ({
      value: String(q.value),
      qualifier: q.qualifier,
      category: q.category ?? '',
      outcome: q.outcome ?? '',
    })),
  );
  const [eventDate, setEventDate] = useState(claim.eventDate ?? '');
  const [status, setStatus] = useState<ClaimStatus>(claim.status);
  const [reviewNote, setReviewNote] = useState(claim.reviewNote);
  const [addingPlace, setAddingPlace] = useState(false);
  // The places' names, for showing them (the claim keeps only their ids).
  const { data: places, setData: setPlaces } = useArchiveQuery(
    () =>
      Promise.all(
        claim.placeIds.map((id) =>
          archive.getEntity(id).then(
            (detail) => ({ id, name: detail.entity.name }),
            () => ({ id, name: id }),
          ),
        ),
      ),
    [claim.placeIds],
    { initial: claim.placeIds.map((id) => ({ id, name: id })) },
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function party(name: string, before: Claim['claimant']): Claim['claimant'] {
    const trimmed = name.trim();
    if (!trimmed) return null;
    // Unchanged: keep the link to the words and the entity; retyped: a free-text party.
    if (before && before.name === trimmed) return before;
    return { text: trimmed, start: null, end: null, name: trimmed, entityId: null };
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const quantities: Quantity[] = [];
    for (const f of figures) {
      const value = Number(f.value.replace(/[,\s]/g, ''));
      if (!Number.isFinite(value) || value < 0) return setError(`"${f.value}" is not a figure.`);
      const old = claim.quantities.find((q) => q.value === value);
      quantities.push({
        start: old?.start ?? claim.start,
        end: old?.end ?? claim.start + 1,
        text: old?.text ?? f.value,
        value,
        qualifier: f.qualifier,
        category: f.category.trim() || null,
        outcome: f.outcome.trim() || null,
      });
    }
    const patch: ClaimPatch = {
      text,
      claimant: party(claimant, claim.claimant),
      via: via
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
      target: party(target, claim.target),
      kind,
      hedged,
      quantities,
      eventDate: eventDate.trim() || null,
      placeIds: places.map((p) => p.id),
      status,
      reviewNote,
    };
    setSaving(true);
    try {
      await onSave(patch);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  }

  const setFigure = (i: number, change: Partial<Figure>) =>
    setFigures((list) => list.map((f, j) => (j === i ? { ...f, ...change } : f)));

  return (
    <form className="claim-editor" aria-label="Edit claim" onSubmit={(event) => void submit(event)}>
      <label>
        Claim
        <textarea
          className="input"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          dir="auto"
          data-autofocus
        />
      </label>
      <div className="claim-editor-row">
        <label>
          Claimant <span className="muted">(empty: the outlet itself)</span>
          <input className="input" value={claimant} onChange={(e) => setClaimant(e.target.value)} dir="auto" />
        </label>
        <label>
          Via <span className="muted">(nearest first, commas)</span>
          <input className="input" value={via} onChange={(e) => setVia(e.target.value)} dir="auto" />
        </label>
      </div>
      <div className="claim-editor-row">
        <label>
          Kind
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)}>
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Target <span className="muted">(of an accusation)</span>
          <input className="input" value={target} onChange={(e) => setTarget(e.target.value)} dir="auto" />
        </label>
      </div>
      <fieldset className="figures">
        <legend>Figures</legend>
        {figures.map((f, i) => (
          <div key={i} className="figure-row">
            <select
              className="input"
              aria-label="Qualifier"
              value={f.qualifier}
              onChange={(e) => setFigure(i, { qualifier: e.target.value as Quantity['qualifier'] })}
            >
              {QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
            <input
              className="input"
              aria-label="Value"
              value={f.value}
              inputMode="numeric"
              onChange={(e) => setFigure(i, { value: e.target.value })}
            />
            <input
              className="input"
              aria-label="Who"
              placeholder="civilians"
              value={f.category}
              onChange={(e) => setFigure(i, { category: e.target.value })}
            />
            <input
              className="input"
              aria-label="Outcome"
              placeholder="killed"
              value={f.outcome}
              onChange={(e) => setFigure(i, { outcome: e.target.value })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label="Remove figure"
              onClick={() => setFigures((list) => list.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            setFigures((list) => [...list, { value: '', qualifier: 'exactly', category: '', outcome: 'killed' }])
          }
        >
          Add a figure
        </button>
      </fieldset>
      <div className="claim-editor-row">
        <label className="checkbox">
          <input type="checkbox" checked={hedged} onChange={(e) => setHedged(e.target.checked)} /> Hedged (“reportedly”,
          “could not be verified”)
        </label>
        <label>
          Event date
          <input
            className="input"
            value={eventDate}
            placeholder="2024-11-27"
            onChange={(e) => setEventDate(e.target.value)}
          />
        </label>
      </div>
      <fieldset className="figures">
        <legend>Places</legend>
        <ul className="alias-list" aria-label="Places">
          {places.map((p) => (
            <li key={p.id} className="tag" dir="auto">
              {p.name}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${p.name}`}
                onClick={() => setPlaces((list) => list.filter((x) => x.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {addingPlace ? (
          <TagPicker
            text=""
            allowNew={false}
            onlyType="location"
            onPick={(target) => {
              if ('entityId' in target)
                void archive
                  .getEntity(target.entityId)
                  .then((d) =>
                    setPlaces((list) =>
                      list.some((p) => p.id === d.entity.id)
                        ? list
                        : [...list, { id: d.entity.id, name: d.entity.name }],
                    ),
                  );
              setAddingPlace(false);
            }}
          />
        ) : (
          <button type="button" className="link-button" onClick={() => setAddingPlace(true)}>
            Add a place from the registry
          </button>
        )}
      </fieldset>
      <div className="claim-editor-row">
        <label>
          Status
          <select className="input" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)}>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reviewer note
          <input className="input" value={reviewNote} onChange={(e) => setReviewNote(e.target.value)} dir="auto" />
        </label>
      </div>
      {(claim.statusAt || claim.reviewAt) && (
        <p className="claim-attribution" data-testid="claim-attribution">
          <AttributionNote done="Status set" by={claim.statusBy} at={claim.statusAt} />
          <AttributionNote done={reviewDone(claim)} by={claim.reviewBy} at={claim.reviewAt} />
        </p>
      )}
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
          {saving ? 'Saving…' : 'Save claim'}
        </button>
      </div>
    </form>
  );
}

/** What the review of a claim was: made by hand, or a suggestion confirmed or rejected. */
function reviewDone(claim: Claim): string {
  if (claim.source === 'user') return 'Claim made';
  return claim.review === 'rejected' ? 'Suggestion rejected' : 'Suggestion confirmed';
}
