// The reader's side panel: the article's entities, grouped, with their suggestions to confirm or reject in one go.
import type { Article } from '../../core/model.ts';
import { taggerCoverage } from '../../core/common/tagger-languages.ts';
import { TypeBadge } from './entity-types.tsx';
import { groupMentions, type MentionGroup } from './mention-groups.ts';

type Props = {
  article: Article;
  /** Suggestions are being computed (for an untagged article, or on request). */
  suggesting: boolean;
  busy: boolean;
  onReview: (group: MentionGroup, action: 'confirm' | 'reject') => void;
  onShow: (mentionId: string) => void;
  onOpenEntity: (entityId: string) => void;
  onSuggest: () => void;
};

export function MentionsPanel({ article, suggesting, busy, onReview, onShow, onOpenEntity, onSuggest }: Props) {
  const groups = groupMentions(article.mentions);
  const pending = groups.reduce((n, g) => n + g.suggested.length, 0);
  return (
    <aside className="mentions-panel" aria-label="Entities in this article">
      <div className="mentions-panel-head">
        <h2>Entities</h2>
        <span className="muted">{suggesting ? 'Suggesting…' : pending ? `${pending} to review` : ''}</span>
        <button
          type="button"
          className="link-button"
          onClick={onSuggest}
          disabled={suggesting || busy || article.deletedAt !== null}
          title="Run the suggestions again (s)"
        >
          Suggest again
        </button>
      </div>
      {taggerCoverage(article.language) === 'registry' && (
        <p className="mentions-coverage">
          Only registry names are suggested in {languageName(article.language)} articles.
        </p>
      )}
      {groups.length === 0 && !suggesting && (
        <p className="mentions-empty">No entities yet. Select words in the text to tag them.</p>
      )}
      <ul className="mention-groups">
        {groups.map((group) => (
          <li key={group.key} className={group.suggested.length ? 'has-suggestions' : ''}>
            <TypeBadge type={group.type} />
            <button
              type="button"
              className="mention-group-name"
              dir="auto"
              onClick={() => (group.entityId ? onOpenEntity(group.entityId) : onShow(group.mentions[0]!.id))}
              title={group.entityId ? 'Open the entity page' : 'Show in the text (not in the registry yet)'}
            >
              {group.name}
            </button>
            <button
              type="button"
              className="mention-count"
              onClick={() => onShow(group.mentions[0]!.id)}
              title="Show in the text"
            >
              {group.mentions.length}
            </button>
            {group.suggested.length > 0 ? (
              <span className="mention-group-actions">
                <button
                  type="button"
                  className="icon-button accept"
                  aria-label={`Confirm ${group.name}`}
                  title={`Confirm all ${group.suggested.length} suggested`}
                  disabled={busy}
                  onClick={() => onReview(group, 'confirm')}
                >
                  ✓
                </button>
                <button
                  type="button"
                  className="icon-button reject"
                  aria-label={`Reject ${group.name}`}
                  title={`Reject all ${group.suggested.length} suggested`}
                  disabled={busy}
                  onClick={() => onReview(group, 'reject')}
                >
                  ✕
                </button>
              </span>
            ) : (
              <span className="confirmed-mark" title="Confirmed">
                ✓
              </span>
            )}
          </li>
        ))}
      </ul>
      {pending > 0 && (
        <p className="popover-hint">
          Dashed: suggested. [ and ] move between mentions, a confirms, x rejects, A / X all of one entity, z undoes a
          rejection.
        </p>
      )}
    </aside>
  );
}

/** "Turkish" for "tr"; the code itself when the runtime has no name for it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
