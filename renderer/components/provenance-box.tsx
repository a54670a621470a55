// Where an article came from and a fingerprint of exactly what was captured, for citing and verifying it later.
import { useState } from 'react';
import type { Provenance } from '../../core/model.ts';
import { formatBytes, formatFullDate, formatLongDate } from '../format.ts';

const METHODS: Record<Provenance['method'], string> = {
  pasted: 'Pasted text',
  file: 'Saved file',
  url: 'Fetched from a URL',
  feed: 'Feed item',
  sample: 'Sample shipped with Newsdesk',
  bundle: 'Imported bundle',
  clipper: 'Saved from the browser (clipper)',
};

/** Methods that capture bytes (whose type and decoding matter); pasted text and samples are just text. */
const CAPTURED = new Set<Provenance['method']>(['file', 'url', 'feed', 'clipper']);

export function ProvenanceBox({ provenance }: { provenance: Provenance }) {
  const [copied, setCopied] = useState(false);
  async function copyHash(): Promise<void> {
    try {
      await navigator.clipboard.writeText(provenance.sha256);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard permission: the hash is selectable text, so nothing is lost.
    }
  }
  return (
    <section className="provenance" aria-label="Provenance">
      <h2>Provenance</h2>
      <dl>
        <dt>Method</dt>
        <dd>{METHODS[provenance.method]}</dd>
        <dt>Captured</dt>
        <dd title={formatFullDate(provenance.capturedAt)}>{formatLongDate(provenance.capturedAt)}</dd>
        {provenance.origin && (
          <>
            <dt>Origin</dt>
            <dd className="origin" dir="auto">
              {provenance.origin}
            </dd>
          </>
        )}
        <dt>Size</dt>
        <dd>{formatBytes(provenance.bytes)}</dd>
        {CAPTURED.has(provenance.method) && provenance.mediaType && (
          <>
            <dt>Type</dt>
            <dd>
              <code>{provenance.mediaType}</code>
              {provenance.encoding && (
                <>
                  {' '}
                  <span className="muted">decoded as</span> <code>{provenance.encoding}</code>
                </>
              )}
            </dd>
          </>
        )}
        {provenance.producer && (
          <>
            <dt>Made by</dt>
            <dd dir="auto">{provenance.producer}</dd>
          </>
        )}
        {provenance.attachment && (
          <>
            <dt>Original</dt>
            {/* Only the file's name: the captured bytes are evidence, never opened or rendered by the app. */}
            <dd className="attachment">
              <code title="The captured bytes, unchanged, in the data folder beside the article: evidence, never opened or rendered">
                {provenance.attachment}
              </code>
            </dd>
          </>
        )}
        <dt>SHA-256</dt>
        <dd className="hash-row">
          <code className="hash" data-testid="sha256">
            {provenance.sha256}
          </code>
          <button type="button" className="link-button" onClick={() => void copyHash()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </dd>
      </dl>
    </section>
  );
}
