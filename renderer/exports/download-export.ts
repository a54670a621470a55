// Browser mode's save location: the export streamed from POST /export and handed to the browser as a download.
import type { ExportRequest } from '../../core/model.ts';
import { ArchiveCallError } from '../api.ts';
import { tokenHeaders } from '../server-token.ts';

/** The name the server offered (RFC 5987 `filename*`, else the plain one). */
function fileNameOf(disposition: string | null): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (encoded) return decodeURIComponent(encoded[1]!);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'newsdesk-export';
}

/** Streams the export, reporting bytes as they arrive, then saves it through an <a download>. */
export async function downloadExport(
  request: ExportRequest,
  onBytes: (bytes: number) => void,
): Promise<{ fileName: string; bytes: number }> {
  let response: Response;
  try {
    response = await fetch('./export', {
      method: 'POST',
      // An authenticated fetch, then a Blob saved below: a plain link could not carry the header.
      headers: { 'Content-Type': 'application/json', ...tokenHeaders() },
      body: JSON.stringify(request),
      credentials: 'omit',
    });
  } catch {
    throw new ArchiveCallError('unreachable', 'Cannot reach the Newsdesk server: is `newsdesk serve` still running?');
  }
  if (!response.ok || !response.body) {
    const reply = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ArchiveCallError(
      reply?.error?.code ?? 'internal',
      reply?.error?.message ?? `The export failed (${response.status}).`,
    );
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ArchiveCallError('internal', 'The export was cut off before it was complete: nothing was saved.');
    });
    if (done) break;
    parts.push(value);
    bytes += value.length;
    onBytes(bytes);
  }
  const fileName = fileNameOf(response.headers.get('Content-Disposition'));
  const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get('Content-Type') ?? '' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it has started; the blob can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName, bytes };
}
