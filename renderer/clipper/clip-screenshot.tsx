// The screenshot a clip kept beside its article: shown in the reader, loaded when asked for (a tab's PNG is often a megabyte).
import { useState } from 'react';
import type { Article } from '../../core/model.ts';
import { archive } from '../api.ts';
import { formatBytes, formatFullDate } from '../format.ts';
import './clipper.css';

export function ClipScreenshot({ article, onError }: { article: Article; onError: (error: unknown) => void }) {
  const shot = article.attachments.find((a) => a.role === 'screenshot');
  const [source, setSource] = useState<{ for: string; url: string } | null>(null);
  if (!shot) return null;
  const shown = source?.for === `${article.id}/${shot.name}` ? source.url : null;

  async function show(): Promise<void> {
    try {
      const file = await archive.getAttachment(article.id, shot!.name);
      setSource({ for: `${article.id}/${shot!.name}`, url: `data:${file.mediaType};base64,${file.base64}` });
    } catch (error) {
      onError(error);
    }
  }

  return (
    <section className="clip-screenshot" aria-label="Screenshot">
      <h2>Screenshot</h2>
      <p className="muted">
        The browser tab as the clipper saw it, {formatFullDate(shot.capturedAt)} ({formatBytes(shot.bytes)}, sha256{' '}
        <code title={shot.sha256}>{shot.sha256.slice(0, 16)}…</code>)
      </p>
      {shown ? (
        <a href={shown} target="_blank" rel="noreferrer" title="Open the full picture">
          <img src={shown} alt={`Screenshot of “${article.title}” as clipped`} />
        </a>
      ) : (
        <button type="button" className="button small" onClick={() => void show()}>
          Show the screenshot
        </button>
      )}
    </section>
  );
}
