// Following a feed: a URL typed or pasted (or an OPML file chosen), a folder and how often to check; says what was followed and what was not.
import { useRef, useState, type FormEvent } from 'react';
import { formatCount } from '../format.ts';
import type { FollowResult } from './use-subscriptions.ts';

/** The intervals offered; the contract takes any number of minutes up to a week (the CLI's --every). */
const INTERVALS = [
  [15, '15 min'],
  [30, '30 min'],
  [60, '1 hour'],
  [180, '3 hours'],
  [720, '12 hours'],
  [1440, 'daily'],
] as const;

type Props = {
  folders: string[];
  onFollow: (target: string, options: { folder: string; everyMinutes: number }) => Promise<FollowResult | undefined>;
};

export function FollowForm({ folders, onFollow }: Props) {
  const [url, setUrl] = useState('');
  const [folder, setFolder] = useState('');
  const [every, setEvery] = useState(30);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function follow(target: string): Promise<void> {
    setBusy(true);
    const result = await onFollow(target, { folder: folder.trim(), everyMinutes: every });
    setBusy(false);
    if (!result) return;
    setOutcome(describe(result));
    if (result.followed.length) setUrl('');
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (url.trim()) await follow(url.trim());
  }

  async function importOpml(file: File | undefined): Promise<void> {
    if (!file) return;
    // OPML lists are small (a few hundred outlines); the contract refuses anything over 5 MB.
    if (file.size > 5_000_000) return setOutcome(`“${file.name}” is over 5 MB: that is not a list of feeds.`);
    await follow(await file.text());
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <form className="follow-form" onSubmit={(event) => void submit(event)} aria-label="Follow a feed">
      <input
        className="input follow-url"
        type="url"
        aria-label="Feed URL"
        placeholder="Feed URL (RSS, Atom or JSON Feed)"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        spellCheck={false}
        data-autofocus
      />
      <input
        className="input follow-folder"
        aria-label="Folder"
        placeholder="Folder"
        list="feed-folders"
        value={folder}
        onChange={(e) => setFolder(e.target.value)}
      />
      <datalist id="feed-folders">
        {folders.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <select
        className="input"
        aria-label="Check every"
        value={every}
        onChange={(e) => setEvery(Number(e.target.value))}
      >
        {INTERVALS.map(([minutes, label]) => (
          <option key={minutes} value={minutes}>
            every {label}
          </option>
        ))}
      </select>
      <button type="submit" className="button primary" disabled={busy || !url.trim()}>
        Follow
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
        Import OPML…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".opml,.xml,text/xml,application/xml"
        hidden
        aria-label="OPML file"
        onChange={(e) => void importOpml(e.target.files?.[0])}
      />
      {outcome && (
        <p className="follow-outcome" aria-live="polite">
          {outcome}
        </p>
      )}
    </form>
  );
}

function describe(result: FollowResult): string {
  const parts: string[] = [];
  if (result.followed.length) parts.push(`Following ${formatCount(result.followed.length, 'feed', 'feeds')}.`);
  if (result.skipped.length) {
    const first = result.skipped[0]!;
    const more = result.skipped.length > 1 ? ` (and ${result.skipped.length - 1} more)` : '';
    parts.push(`Not followed: ${first.url}: ${first.reason}${more}.`);
  }
  return parts.join(' ') || 'That list holds no feeds.';
}
