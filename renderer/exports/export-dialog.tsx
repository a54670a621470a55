// The export dialog: what to export (a collection, the search results, the article, the library), in which format, how much, and progress.
import { useEffect, useState, type FormEvent } from 'react';
import { REVIEWED_ONLY_BY_DEFAULT } from '../../core/common/vocabulary.ts';
import type { CsvTable, ExportFormat, ExportRequest } from '../../core/model.ts';
import { archive, messageOf } from '../api.ts';
import { ModalDialog } from '../components/modal-dialog.tsx';
import { formatBytes, formatCount, formatNumber } from '../format.ts';
import { useArchiveQuery } from '../use-archive-query.ts';
import { downloadExport } from './download-export.ts';
import type { ScopeOption } from './export-scopes.ts';

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  {
    format: 'html',
    label: 'Report (HTML)',
    hint: 'Self-contained and printable: claims table, sources, highlighted articles.',
  },
  { format: 'pdf', label: 'Report (PDF)', hint: 'The HTML report, printed to PDF by the desktop app.' },
  { format: 'markdown', label: 'Report (Markdown)', hint: 'The same report as text, for a wiki or a document.' },
  { format: 'csv', label: 'Spreadsheet (CSV)', hint: 'Articles, mentions, entities and claims, UTF-8.' },
  { format: 'bundle', label: 'Newsdesk bundle', hint: 'Everything, originals included, for another Newsdesk archive.' },
  { format: 'annotations', label: 'Web Annotations', hint: 'W3C JSON-LD: mentions and claims anchored in the text.' },
  { format: 'csl', label: 'Citations (CSL-JSON)', hint: 'Newspaper articles for Zotero and reference managers.' },
  {
    format: 'ftm',
    label: 'FollowTheMoney',
    hint: 'Entities and articles as JSON lines, for Aleph and investigation tools.',
  },
  { format: 'claimreview', label: 'ClaimReview', hint: 'schema.org JSON-LD for claims with a reviewed status.' },
];

const TABLES: { value: CsvTable | 'all'; label: string }[] = [
  { value: 'all', label: 'All four tables (one zip)' },
  { value: 'articles', label: 'Articles' },
  { value: 'mentions', label: 'Mentions' },
  { value: 'entities', label: 'Entities' },
  { value: 'claims', label: 'Claims' },
];

type Props = {
  scopes: ScopeOption[];
  onClose: () => void;
  onDone: (text: string) => void;
};

/** In the desktop app the preload provides window.archive and a save dialog; in a browser, exports download. */
const desktop = typeof window !== 'undefined' && Boolean(window.archive);

export function ExportDialog({ scopes, onClose, onDone }: Props) {
  const [scopeKey, setScopeKey] = useState(scopes[0]?.key ?? '');
  const [format, setFormat] = useState<ExportFormat>('html');
  const [table, setTable] = useState<CsvTable | 'all'>('all');
  // The user's choice of suggestions, or null for the format's default (reports: reviewed only).
  const [reviewedChoice, setReviewedChoice] = useState<boolean | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; bytes: number } | null>(null);

  const scope = scopes.find((s) => s.key === scopeKey)?.scope ?? scopes[0]!.scope;
  const reviewedOnly = reviewedChoice ?? REVIEWED_ONLY_BY_DEFAULT.includes(format);
  const request: ExportRequest = {
    scope,
    format,
    reviewedOnly,
    ...(format === 'csv' && table !== 'all' ? { table } : {}),
  };
  const requestKey = JSON.stringify(request);
  // The old plan's count and name must not stand for the new request while it is counted.
  const planned = useArchiveQuery(() => archive.planExport(JSON.parse(requestKey) as ExportRequest), [requestKey], {
    initial: null,
    keep: 'nothing',
  });
  const plan = planned.data;
  // Another request clears the last export's failure too.
  useEffect(() => setExportError(null), [requestKey]);
  const error = planned.error ?? exportError;

  // The archive counts articles as it writes them; asked for while the export runs.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void archive.getStatus().then((status) => {
        if (status.export)
          setProgress((p) => ({ bytes: p?.bytes ?? 0, done: status.export!.done, total: status.export!.total }));
      });
    }, 250);
    return () => clearInterval(timer);
  }, [running]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!plan || running) return;
    setRunning(true);
    setExportError(null);
    setProgress({ done: 0, total: plan.articles, bytes: 0 });
    try {
      if (desktop) {
        const result = await archive.saveExport(request);
        if (result) onDone(`Exported ${formatCount(result.articles, 'article', 'articles')} to ${result.path}.`);
        else setRunning(false);
        if (result) onClose();
      } else {
        const { fileName, bytes } = await downloadExport(request, (received) =>
          setProgress((p) => ({ done: p?.done ?? 0, total: p?.total ?? plan.articles, bytes: received })),
        );
        onDone(
          `Exported ${formatCount(plan.articles, 'article', 'articles')} as “${fileName}” (${formatBytes(bytes)}): see your downloads.`,
        );
        onClose();
      }
    } catch (failure) {
      setExportError(messageOf(failure));
      setRunning(false);
    }
  }

  const chosen = FORMATS.find((f) => f.format === format)!;
  // The catalog counts suggestions too: a reviewed-only export holds at most that many.
  const upTo = plan?.reviewedOnly ? 'up to ' : '';
  return (
    <ModalDialog title="Export" onClose={onClose} className="export-dialog">
      <form onSubmit={(event) => void submit(event)}>
        <fieldset className="export-scopes" disabled={running}>
          <legend>What</legend>
          {scopes.map((option) => (
            <label key={option.key}>
              <input
                type="radio"
                name="scope"
                value={option.key}
                checked={option.key === scopeKey}
                onChange={() => setScopeKey(option.key)}
              />
              <bdi>{option.label}</bdi>
            </label>
          ))}
        </fieldset>
        <div className="export-format" aria-disabled={running}>
          <label>
            Format
            <select
              data-autofocus
              value={format}
              disabled={running}
              onChange={(event) => {
                setFormat(event.target.value as ExportFormat);
                // Each format starts from its own default: a report for a client holds only what was confirmed.
                setReviewedChoice(null);
              }}
            >
              {FORMATS.filter((f) => f.format !== 'pdf' || desktop).map((f) => (
                <option key={f.format} value={f.format}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {format === 'csv' && (
            <label>
              Table
              <select
                value={table}
                disabled={running}
                onChange={(event) => setTable(event.target.value as CsvTable | 'all')}
              >
                {TABLES.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="export-hint">{chosen.hint}</p>
        </div>
        <fieldset className="export-review" disabled={running}>
          <legend>Suggestions</legend>
          <label>
            <input type="radio" name="review" checked={reviewedOnly} onChange={() => setReviewedChoice(true)} />
            Only what a person confirmed
          </label>
          <label>
            <input type="radio" name="review" checked={!reviewedOnly} onChange={() => setReviewedChoice(false)} />
            Every suggestion, reviewed or not
          </label>
        </fieldset>
        <p className="export-plan" role="status">
          {plan ? (
            <>
              {formatCount(plan.articles, 'article', 'articles')}, {upTo}
              {formatCount(plan.claims, 'claim', 'claims')}, {upTo}
              {formatCount(plan.entities, 'entity', 'entities')} → <bdi className="export-file">{plan.fileName}</bdi>
              <span className="export-review-note" data-testid="export-review-note">
                {plan.reviewedOnly
                  ? 'Only what a person confirmed: unreviewed suggestions are left out, and a report says how many.'
                  : 'Every suggestion included, reviewed or not.'}
              </span>
            </>
          ) : error ? null : (
            'Counting…'
          )}
        </p>
        {running && progress && (
          <div className="export-progress">
            <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label="Export progress" />
            <span>
              {formatNumber(progress.done)} of {formatNumber(progress.total)} articles
              {progress.bytes ? ` · ${formatBytes(progress.bytes)}` : ''}
            </span>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {running ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button primary" disabled={!plan || running || plan.articles === 0}>
            {running ? 'Exporting…' : desktop ? 'Export…' : 'Export and download'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
