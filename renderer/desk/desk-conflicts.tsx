// The desk's open conflicts: the document, the field, each value with who set it and when, and Keep mine, Take theirs or Edit… to resolve it.
import { useState } from 'react';
import type { DeskConflictView, ResolveChoice } from '../../core/model.ts';
import { formatFullDate, formatLongDate } from '../format.ts';
import { parseEdited, valueText } from './desk-format.ts';

type Props = {
  conflicts: DeskConflictView[];
  /** This analyst's name: their side is marked "you". */
  analyst: string | null;
  onResolve: (id: string, choice: ResolveChoice) => Promise<string | null>;
};

export function DeskConflicts({ conflicts, analyst, onResolve }: Props) {
  if (!conflicts.length) return <p className="muted desk-none">No conflicts: every edit merged.</p>;
  return (
    <ol className="desk-conflicts" aria-label="Conflicts">
      {conflicts.map((conflict) => (
        <ConflictItem key={conflict.id} conflict={conflict} analyst={analyst} onResolve={onResolve} />
      ))}
    </ol>
  );
}

function ConflictItem({ conflict, analyst, onResolve }: { conflict: DeskConflictView } & Omit<Props, 'conflicts'>) {
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function resolve(choice: ResolveChoice): Promise<void> {
    setBusy(true);
    setError(null);
    const failure = await onResolve(conflict.id, choice);
    setBusy(false);
    if (failure) setError(failure);
  }

  function saveEdit(): void {
    const parsed = parseEdited(
      editing ?? '',
      conflict.values.map((side) => side.value),
    );
    if ('error' in parsed) return setError(parsed.error);
    void resolve({ value: parsed.value });
  }

  return (
    <li className="desk-conflict" data-conflict={conflict.id}>
      <div className="desk-conflict-head">
        <bdi dir="auto" className="desk-conflict-title">
          {conflict.title}
        </bdi>
        <bdi dir="auto" className="desk-field">
          {conflict.label}
        </bdi>
      </div>
      <div className="desk-sides">
        {conflict.values.map((side, index) => (
          <div key={index} className="desk-side" aria-label={`Value ${index + 1}`}>
            <pre dir="auto" className="desk-value">
              {valueText(side.value)}
            </pre>
            <span className="desk-who" title={formatFullDate(side.at)}>
              {side.by ?? 'someone'}
              {side.by !== null && side.by === analyst && ' (you)'}
              {side.at && ` · ${formatLongDate(side.at)}`}
              {index === 0 && ' · current value'}
            </span>
          </div>
        ))}
      </div>
      {editing !== null ? (
        <div className="desk-edit">
          <textarea
            className="input"
            aria-label="Resolved value"
            rows={Math.min(8, editing.split('\n').length + 1)}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveEdit();
            }}
            data-autofocus
            autoFocus
          />
          <div className="desk-actions">
            <button type="button" className="button small primary" disabled={busy} onClick={saveEdit}>
              Resolve with this value
            </button>
            <button type="button" className="button small" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="desk-actions">
          <button type="button" className="button small" disabled={busy} onClick={() => void resolve({ take: 'mine' })}>
            Keep mine
          </button>
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={() => void resolve({ take: 'theirs' })}
          >
            Take theirs
          </button>
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={() => setEditing(conflict.values[0]!.value == null ? '' : valueText(conflict.values[0]!.value))}
          >
            Edit…
          </button>
        </div>
      )}
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
