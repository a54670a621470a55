// The bar along the bottom: what just happened or went wrong, the search index's progress, where the data lives, and files that needed attention.
import { useState, type ReactNode } from 'react';
import type { ArchiveStatus } from '../../core/model.ts';
import { formatCount, formatNumber } from '../format.ts';
import { ModalDialog } from './modal-dialog.tsx';

export type Notice = {
  kind: 'info' | 'error';
  /** Put article titles in <bdi>, so a right-to-left title does not scramble the sentence around it. */
  text: ReactNode;
  action?: { label: string; run: () => void };
};

type Props = {
  notice: Notice | null;
  status: ArchiveStatus | null;
  onDismiss: () => void;
  /** More of the bar: the watchlist's button. */
  children?: ReactNode;
};

export function StatusBar({ notice, status, onDismiss, children }: Props) {
  const [showProblems, setShowProblems] = useState(false);
  const problems = status?.problems ?? [];
  return (
    <footer className="status-bar">
      <div className={`notice ${notice?.kind ?? ''}`} role="status" aria-live="polite">
        {notice && (
          <>
            <span className="notice-text" title={typeof notice.text === 'string' ? notice.text : undefined}>
              {notice.text}
            </span>
            {notice.action && (
              <button type="button" className="link-button" onClick={notice.action.run}>
                {notice.action.label}
              </button>
            )}
            <button type="button" className="link-button dismiss" aria-label="Dismiss message" onClick={onDismiss}>
              ×
            </button>
          </>
        )}
      </div>
      {status && (status.search.state === 'building' || status.search.state === 'updating') && (
        <span className="index-status" aria-live="polite" data-testid="index-status">
          {status.search.state === 'building' ? 'Building the search index' : 'Updating the search index'}:{' '}
          {formatNumber(status.search.done)} of {formatNumber(status.search.total)}
          <progress max={status.search.total || 1} value={status.search.done} />
        </span>
      )}
      {status?.search.state === 'unavailable' && (
        <span className="index-status" title={status.search.message ?? ''}>
          Search unavailable
        </span>
      )}
      {problems.length > 0 && (
        <button type="button" className="problems-button" onClick={() => setShowProblems(true)}>
          ⚠ {formatCount(problems.length, 'file', 'files')} moved aside
        </button>
      )}
      {children}
      {status && (
        <span className="data-dir" title={status.dataDir}>
          Data folder: <span className="path">{status.dataDir}</span>
        </span>
      )}
      {showProblems && (
        <ModalDialog title="Files that needed attention" onClose={() => setShowProblems(false)} closeOnBackdrop>
          <p className="help-footnote">
            These files could not be read. Nothing was deleted: each was moved aside so you can inspect or restore it.
          </p>
          <ul className="problem-list">
            {problems.map((problem) => (
              <li key={problem.file}>
                <code>{problem.file}</code>
                <div>{problem.reason}</div>
                {problem.movedTo && (
                  <div>
                    Moved to <code>{problem.movedTo}</code>
                  </div>
                )}
                {problem.recoveredFrom && (
                  <div>
                    Recovered from <code>{problem.recoveredFrom}</code>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </ModalDialog>
      )}
    </footer>
  );
}
