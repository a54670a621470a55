// The results of an import, one row per article found: saved rows open the article, duplicates name the one kept, failures say why.
import type { ImportResult } from '../../core/model.ts';
import { formatFullDate, formatShortDate } from '../format.ts';
import type { ImportRow } from './use-import.ts';

const STATUS_LABEL: Record<ImportResult['status'], string> = {
  saved: 'Saved',
  duplicate: 'Duplicate',
  failed: 'Failed',
};

type Props = { results: ImportRow[]; onOpenArticle: (id: string) => void };

export function ImportResults({ results, onOpenArticle }: Props) {
  return (
    <div className="import-results">
      <table aria-label="Import results">
        <thead>
          <tr>
            <th scope="col" className="col-status">
              Status
            </th>
            <th scope="col" className="col-item">
              Item
            </th>
            <th scope="col" className="col-article">
              Article
            </th>
            <th scope="col" className="col-source">
              Source
            </th>
            <th scope="col" className="col-published">
              Published
            </th>
          </tr>
        </thead>
        <tbody>
          {results.map((result, i) => (
            <ResultRow key={i} result={result} onOpenArticle={onOpenArticle} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResultRow({ result, onOpenArticle }: { result: ImportRow; onOpenArticle: (id: string) => void }) {
  const openable = result.status === 'saved' && result.id ? result.id : null;
  return (
    <tr
      className={`result-row status-${result.status}${openable ? ' openable' : ''}`}
      data-status={result.status}
      // The title's button is the keyboard's way in; a click anywhere on the row is the mouse's.
      onClick={openable ? () => onOpenArticle(openable) : undefined}
    >
      <td className="col-status">
        <span className={`status-pill ${result.status}`}>{STATUS_LABEL[result.status]}</span>
      </td>
      <td className="col-item" title={result.item}>
        <bdi>{result.item}</bdi>
      </td>
      <td className="col-article">
        {result.status === 'failed' ? (
          <span className="result-error" dir="auto">
            {result.error ?? 'Could not be imported.'}
          </span>
        ) : (
          <>
            {openable ? (
              <button
                type="button"
                className="result-title"
                dir="auto"
                onClick={(event) => {
                  // The row opens it too: one open per click.
                  event.stopPropagation();
                  onOpenArticle(openable);
                }}
              >
                {result.title ?? 'Untitled'}
              </button>
            ) : (
              <span className="result-title-text" dir="auto">
                {result.title ?? 'Untitled'}
              </span>
            )}
            {result.warning && (
              <span className="result-note result-warning" dir="auto">
                {result.warning}
              </span>
            )}
            {result.status === 'duplicate' && (
              <span className="result-note">
                {/* Named when the kept copy reads differently; otherwise the title above already names it. */}
                {result.existing &&
                (result.existing.title !== result.title || result.existing.source !== (result.source ?? '')) ? (
                  <>
                    Already in the archive as “<bdi>{result.existing.title}</bdi>”
                    {result.existing.source && (
                      <>
                        {' '}
                        (<bdi>{result.existing.source}</bdi>)
                      </>
                    )}
                  </>
                ) : (
                  'Already in the archive'
                )}
                {result.duplicateOf && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onOpenArticle(result.duplicateOf!)}
                      data-article-id={result.duplicateOf}
                    >
                      Open existing
                    </button>
                  </>
                )}
              </span>
            )}
          </>
        )}
      </td>
      <td className="col-source" dir="auto">
        {result.source ?? ''}
      </td>
      <td className="col-published" title={formatFullDate(result.publishedAt)}>
        {formatShortDate(result.publishedAt)}
      </td>
    </tr>
  );
}
