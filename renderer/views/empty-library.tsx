// What a first-time user sees: what Newsdesk is for, and two ways to put something in it.
type Props = { onLoadSamples: () => void; onNew: () => void; onImport: () => void; loading: boolean };

export function EmptyLibrary({ onLoadSamples, onNew, onImport, loading }: Props) {
  return (
    <section className="empty-library" aria-labelledby="empty-title">
      <div className="empty-card">
        <h1 id="empty-title">Your archive is empty</h1>
        <p>
          Newsdesk keeps the articles you monitor, offline and on your own disk: the text exactly as you captured it,
          where it came from, a fingerprint to prove it has not changed, and your tags and notes.
        </p>
        <ul className="empty-points">
          <li>Import saved web pages, text files, feeds or whole folders: drop them anywhere on this window.</li>
          <li>Paste an article's text with its source, URL and date.</li>
          <li>Sort and skim thousands of articles with the keyboard: j and k move, ? lists every shortcut.</li>
          <li>Everything is plain JSON in your data folder, readable without Newsdesk.</li>
        </ul>
        <div className="empty-actions">
          <button type="button" className="button primary" onClick={onLoadSamples} disabled={loading}>
            {loading ? 'Loading samples…' : 'Load sample articles'}
          </button>
          <button type="button" className="button" onClick={onImport}>
            Import…
          </button>
          <button type="button" className="button" onClick={onNew}>
            New article
          </button>
        </div>
      </div>
    </section>
  );
}
