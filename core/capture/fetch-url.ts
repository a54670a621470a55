// Fetching a page or feed by URL: fails at once and clearly when offline, caps size and time, keeps the bytes as sent.
import { readCapped } from '../capped-body.ts';
import { ArchiveError } from '../errors.ts';

export type Fetched = { bytes: Uint8Array; mediaType: string; url: string };

export type FetchOptions = { maxBytes: number; timeoutMs?: number };

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
]);

export async function fetchUrl(url: string, options: FetchOptions): Promise<Fetched> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      headers: {
        'User-Agent': 'Newsdesk/0.1 (news archive)',
        Accept:
          'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/xml;q=0.9, */*;q=0.5',
      },
    });
  } catch (error) {
    throw new ArchiveError('unreachable', offlineMessage(host, error));
  }
  if (!response.ok)
    throw new ArchiveError(
      'unreachable',
      `${host} answered ${response.status} ${response.statusText}: nothing was saved.`,
    );
  const bytes = await readCapped(response, options.maxBytes, (size) => tooLarge(url, size, options.maxBytes));
  return {
    bytes,
    mediaType: response.headers.get('content-type') ?? '',
    url: response.url || url,
  };
}

function offlineMessage(host: string, error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as Error).name;
  if (code === 'TimeoutError') return `${host} did not answer in time: nothing was saved.`;
  const offline = NETWORK_CODES.has(code ?? '');
  return offline
    ? `Could not reach ${host} (${code}): you may be offline. Nothing was saved; save the page from your browser and import the file instead.`
    : `Could not fetch from ${host}: ${(error as Error).message}. Nothing was saved.`;
}

function tooLarge(url: string, size: number, max: number): ArchiveError {
  return new ArchiveError(
    'too_large',
    `${url} is over the import size limit (${Math.round(size / 1e6)} MB > ${Math.round(max / 1e6)} MB).`,
  );
}
