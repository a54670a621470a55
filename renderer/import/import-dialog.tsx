// The Import dialog: files (picked or dropped), a web address or pasted HTML/text in, then progress, cancel and per-item results.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ModalDialog } from '../components/modal-dialog.tsx';
import { formatCount, formatNumber } from '../format.ts';
import { ACCEPTED_FILES, looksLikeHtml, pickedFiles } from './read-files.ts';
import { ImportResults } from './import-results.tsx';
import { useCaptureProgress } from './use-capture-progress.ts';
import type { Importer, ImportJob } from './use-import.ts';

type Tab = 'files' | 'url' | 'paste';
const TABS: { id: Tab; label: string }[] = [
  { id: 'files', label: 'Files' },
  { id: 'url', label: 'Web address' },
  { id: 'paste', label: 'Paste' },
];

type Props = {
  importer: Importer;
  /** Files are being dragged over the window: the drop zone lights up. */
  dragging: boolean;
  onOpenArticle: (id: string) => void;
  onClose: () => void;
};

export function ImportDialog({ importer, dragging, onOpenArticle, onClose }: Props) {
  const { run } = importer;
  const busy = run.phase === 'running' || run.phase === 'cancelling';
  /** Done forgets the results; closing (×, Escape, opening an article) keeps them for the next opening. */
  function done(): void {
    importer.clear();
    onClose();
  }
  return (
    <ModalDialog title="Import" onClose={onClose} className="import-dialog">
      {run.phase === 'idle' ? (
        <ImportSources onStart={importer.add} dragging={dragging} />
      ) : (
        <div className="import-body">
          <ImportProgress importer={importer} />
          {run.results.length > 0 && <ImportResults results={run.results} onOpenArticle={onOpenArticle} />}
          <div className="modal-actions">
            {busy ? (
              <>
                <span className="import-hint">Closing this window lets the import go on.</span>
                <button
                  type="button"
                  className="button"
                  onClick={importer.cancel}
                  disabled={run.phase === 'cancelling'}
                >
                  {run.phase === 'cancelling' ? 'Cancelling…' : 'Cancel import'}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button" onClick={importer.clear}>
                  Import more
                </button>
                <button type="button" className="button primary" onClick={done} data-autofocus>
                  Done
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </ModalDialog>
  );
}

function ImportSources({ onStart, dragging }: { onStart: (jobs: ImportJob[]) => void; dragging: boolean }) {
  const [tab, setTab] = useState<Tab>('files');
  const baseId = useId();
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  /** The tabs pattern: arrow keys move between tabs, Tab moves into the panel. */
  function onTabKey(event: KeyboardEvent<HTMLDivElement>): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = (TABS.findIndex((t) => t.id === tab) + step + TABS.length) % TABS.length;
    const next = TABS[index]!.id;
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <div className="import-body">
      <div className="import-tabs" role="tablist" aria-label="What to import" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(element) => {
              tabRefs.current[t.id] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${t.id}-tab`}
            aria-selected={tab === t.id}
            aria-controls={`${baseId}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        className="import-panel"
        role="tabpanel"
        id={`${baseId}-${tab}-panel`}
        aria-labelledby={`${baseId}-${tab}-tab`}
      >
        {tab === 'files' && <FilesPanel onStart={onStart} dragging={dragging} />}
        {tab === 'url' && <UrlPanel onStart={onStart} />}
        {tab === 'paste' && <PastePanel onStart={onStart} />}
      </div>
    </div>
  );
}

function FilesPanel({ onStart, dragging }: { onStart: (jobs: ImportJob[]) => void; dragging: boolean }) {
  function start(files: FileList | null): void {
    if (!files) return;
    onStart(pickedFiles(files).map((picked) => ({ kind: 'file', picked })));
  }
  return (
    <div className={`drop-zone${dragging ? ' active' : ''}`} data-testid="drop-zone">
      <svg className="drop-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path
          d="M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5M4 14v4.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V14"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <p className="drop-title">{dragging ? 'Drop to import' : 'Drop files or a whole folder here'}</p>
      <p className="drop-or">or</p>
      <div className="drop-actions">
        {/* The inputs sit inside their labels, styled as buttons: a real file input, reachable by keyboard. */}
        <label className="button primary file-button">
          <input
            type="file"
            multiple
            accept={ACCEPTED_FILES}
            className="visually-hidden"
            data-autofocus
            onChange={(event) => start(event.target.files)}
          />
          Choose files…
        </label>
        <label className="button file-button">
          <input
            type="file"
            className="visually-hidden"
            // Not in React's typings; Chromium and Electron pick a whole folder with it.
            {...{ webkitdirectory: '' }}
            onChange={(event) => start(event.target.files)}
          />
          Choose a folder…
        </label>
      </div>
      <p className="drop-note">
        Saved web pages (.html, .htm, including “Save page as, complete”), PDFs (scans are read by OCR), text and
        Markdown, RSS and Atom feeds, OPML lists of feeds. Nothing in a page is run or loaded: only its text and
        metadata are kept, with the original bytes as evidence.
      </p>
    </div>
  );
}

function UrlPanel({ onStart }: { onStart: (jobs: ImportJob[]) => void }) {
  const [url, setUrl] = useState('');
  const id = useId();
  function submit(event: FormEvent): void {
    event.preventDefault();
    const trimmed = url.trim();
    if (trimmed) onStart([{ kind: 'url', url: trimmed }]);
  }
  return (
    <form className="import-form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>Address of a page or a feed</label>
        <input
          id={id}
          type="url"
          dir="ltr"
          placeholder="https://…"
          value={url}
          data-autofocus
          onChange={(event) => setUrl(event.target.value)}
        />
        <span className="field-hint">
          A page, a feed or a PDF. Newsdesk fetches it once, keeps the text, metadata and original bytes, and never
          loads anything else from the page. Needs a network connection.
        </span>
      </div>
      <div className="modal-actions">
        <button type="submit" className="button primary" disabled={!url.trim()}>
          Import
        </button>
      </div>
    </form>
  );
}

function PastePanel({ onStart }: { onStart: (jobs: ImportJob[]) => void }) {
  const [text, setText] = useState('');
  const id = useId();
  const html = looksLikeHtml(text);
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!text.trim()) return;
    onStart([
      html
        ? { kind: 'text', name: 'pasted.html', text, mediaType: 'text/html' }
        : { kind: 'text', name: 'pasted.txt', text, mediaType: 'text/plain' },
    ]);
  }
  return (
    <form className="import-form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>A page’s HTML or an article’s text</label>
        <textarea
          id={id}
          dir="auto"
          rows={12}
          value={text}
          spellCheck={false}
          data-autofocus
          onChange={(event) => setText(event.target.value)}
        />
        <span className="field-hint" aria-live="polite">
          {text.trim()
            ? html
              ? 'Looks like HTML: it will be read as a web page (title, byline, date and text found in it).'
              : `Plain text, ${formatCount(text.length, 'character', 'characters')}.`
            : 'HTML is recognised and read as a web page; anything else is kept as plain text.'}
        </span>
      </div>
      <div className="modal-actions">
        <button type="submit" className="button primary" disabled={!text.trim()}>
          Import
        </button>
      </div>
    </form>
  );
}

/** Seconds to one decimal below a minute, then minutes and seconds: how long a batch took. */
function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function ImportProgress({ importer }: { importer: Importer }) {
  const { run } = importer;
  const { saved, duplicate, failed } = run.counts;
  const busy = run.phase === 'running' || run.phase === 'cancelling';
  const heading = busy
    ? `Importing ${formatNumber(Math.min(run.done + 1, run.total))} of ${formatNumber(run.total)}`
    : run.skipped > 0
      ? `Import cancelled after ${formatNumber(run.done)} of ${formatNumber(run.total)}`
      : 'Import finished';
  const paged = useCaptureProgress(busy);
  const pages = paged && paged.item === run.current ? paged : null;
  const percent = run.total ? (run.done / run.total) * 100 : 0;
  const found = run.results.length;
  // The filled part is the items done, split by what they gave: the colours tell the outcome at a glance.
  const segments = (['saved', 'duplicate', 'failed'] as const).map((status) => ({
    status,
    width: found ? (run.counts[status] / found) * percent : 0,
  }));
  return (
    <section className="import-progress" aria-label="Import progress" data-phase={run.phase}>
      <div className="progress-head">
        <h3 aria-live="polite">{heading}</h3>
        <ul className="import-counts" aria-label="Counts">
          <li className="count-saved">{formatNumber(saved)} saved</li>
          <li className="count-duplicate">{formatCount(duplicate, 'duplicate', 'duplicates')}</li>
          <li className="count-failed">{formatNumber(failed)} failed</li>
        </ul>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Items imported"
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={run.done}
        aria-valuetext={`${run.done} of ${run.total}`}
      >
        {segments.map(({ status, width }) => (
          <div key={status} className={`progress-fill ${status}`} style={{ width: `${width}%` }} />
        ))}
      </div>
      <p className="progress-current">
        {busy && run.current ? (
          <>
            <span className="progress-label">{run.phase === 'cancelling' ? 'Finishing' : 'Reading'}</span>{' '}
            <bdi className="progress-file">{run.current}</bdi>
            {pages && (
              <span className="progress-pages" data-testid="page-progress">
                {' '}
                · {pages.ocr ? 'OCR, page' : 'page'} {formatNumber(pages.page)} of {formatNumber(pages.pages)}
              </span>
            )}
          </>
        ) : (
          <>
            Read {formatCount(run.done, 'item', 'items')}
            {found !== run.done && <>, found {formatCount(found, 'article', 'articles')}</>}
            {run.finishedAt && run.startedAt && <> in {formatDuration(run.finishedAt - run.startedAt)}</>}.
            {run.skipped > 0 && <> {formatCount(run.skipped, 'item was', 'items were')} not imported.</>}
            {saved > 0 && <> Click a saved row to read it.</>}
          </>
        )}
      </p>
    </section>
  );
}
