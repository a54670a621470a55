// What a click on a mention offers: who it is, where the suggestion came from, and what to do with it.
import type { Mention } from '../../core/model.ts';
import { TypeBadge } from './entity-types.tsx';
import { decidedLabel } from './mention-labels.ts';

export type MentionAction = 'confirm' | 'reject' | 'remove' | 'confirm-all' | 'reject-all' | 'retag' | 'open-entity';

const SOURCES: Record<Mention['source'], string> = {
  registry: 'your registry',
  starter: 'the starter list',
  model: 'the language model',
  rule: 'a rule',
  user: 'you',
};

type Props = { mention: Mention; sameEntity: number; onAction: (action: MentionAction) => void };

export function MentionCard({ mention, sameEntity, onAction }: Props) {
  const suggested = mention.status === 'suggested';
  return (
    <div className="mention-card">
      <div className="mention-card-head">
        <TypeBadge type={mention.type} />
        <strong dir="auto">{mention.name}</strong>
      </div>
      <p className="mention-card-meta">
        {suggested
          ? `Suggested by ${SOURCES[mention.source]}, ${Math.round(mention.confidence * 100)}% sure`
          : decidedLabel(mention)}
        {!mention.entityId && ' · not in the registry yet'}
      </p>
      <div className="mention-card-actions">
        {suggested && (
          <>
            <button type="button" className="button primary" onClick={() => onAction('confirm')} title="Confirm (a)">
              Confirm
            </button>
            <button type="button" className="button" onClick={() => onAction('reject')} title="Reject (x)">
              Reject
            </button>
          </>
        )}
        {!suggested && (
          <button type="button" className="button" onClick={() => onAction('remove')} title="Remove this tag (x)">
            Remove
          </button>
        )}
        <button type="button" className="button" onClick={() => onAction('retag')} title="Tag as another entity">
          Change…
        </button>
      </div>
      {suggested && sameEntity > 1 && (
        <div className="mention-card-actions">
          <button type="button" className="link-button" onClick={() => onAction('confirm-all')} title="Confirm all (A)">
            Confirm all {sameEntity}
          </button>
          <button type="button" className="link-button" onClick={() => onAction('reject-all')} title="Reject all (X)">
            Reject all {sameEntity}
          </button>
        </div>
      )}
      {mention.entityId && (
        <button type="button" className="link-button" onClick={() => onAction('open-entity')}>
          Open the entity page
        </button>
      )}
    </div>
  );
}
