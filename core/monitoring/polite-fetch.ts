// Fetching feeds and their pages politely: conditional GET, a timeout, a clear User-Agent, capped size, checked redirects.
import { networkInterfaces } from 'node:os';
import { readCapped } from '../capped-body.ts';
import { ArchiveError } from '../errors.ts';
import { assertPublicUrl, privateNetworkAllowed } from './private-network.ts';
import type { RequestLimits } from './request-limits.ts';

export const USER_AGENT = 'Newsdesk/0.1 (offline news archive; feed reader; +https://github.com/newsdesk)';

export type Validators = { etag: string | null; lastModified: string | null };

export type PoliteResponse =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; mediaType: string; url: string; validators: Validators };

export type PoliteOptions = {
  limits: RequestLimits;
  maxBytes: number;
  timeoutMs?: number;
  validators?: Validators;
  accept?: string;
  /** The user allowed private networks (the setting, or NEWSDESK_ALLOW_PRIVATE_NETWORK=1): every hop may reach them. */
  allowPrivate?: boolean;
  /**
   * The URL is one the user typed: it may reach a private address, and so may a redirect on its own
   * origin (scheme, host, port). A redirect elsewhere is the server's choice, not the user's: guarded.
   */
  typed?: boolean;
};

/** A refresh stops at once when the machine has no network: nothing is worth trying after these. */
const OFFLINE_CODES = new Set(['EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const MAX_REDIRECTS = 5;

/** Raised when the network itself is missing, as opposed to one server failing. */
export class OfflineError extends ArchiveError {
  constructor(message: string) {
    super('unreachable', message);
  }
}

/** Whether any interface but loopback is up: without one, no feed outside this machine can be reached. */
export function hasNetwork(): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((net) => !net.internal));
}

export async function fetchPolitely(url: string, options: PoliteOptions): Promise<PoliteResponse> {
  let current = url;
  const allowed = options.allowPrivate ?? privateNetworkAllowed();
  const typedOrigin = options.typed ? originOf(url) : null;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    // Every hop is checked: a public feed may redirect to a private address or another scheme.
    await guarded(current, allowed || originOf(current) === typedOrigin);
    const host = new URL(current).host;
    const response = await options.limits.run(host, () => request(current, host, options));
    if (response === 'not-modified') return { status: 'not-modified' };
    if ('location' in response) {
      current = new URL(response.location, current).href;
      continue;
    }
    return response;
  }
  throw new ArchiveError('unreachable', `${url} redirects more than ${MAX_REDIRECTS} times (a loop?).`);
}

/** undefined for a string that is no URL: it never matches, and assertPublicUrl says what is wrong with it. */
function originOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).origin : undefined;
}

async function guarded(url: string, allowPrivate: boolean): Promise<void> {
  try {
    await assertPublicUrl(url, allowPrivate);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw networkError(url, error);
  }
}

async function request(
  url: string,
  host: string,
  options: PoliteOptions,
): Promise<'not-modified' | { location: string } | Extract<PoliteResponse, { status: 'ok' }>> {
  const headers: Record<string, string> = {
    'User-Agent': USER_AGENT,
    Accept:
      options.accept ??
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
  };
  if (options.validators?.etag) headers['If-None-Match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['If-Modified-Since'] = options.validators.lastModified;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal, headers });
  } catch (error) {
    throw networkError(url, error);
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return 'not-modified';
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (!location) throw new ArchiveError('unreachable', `${host} answered ${response.status} without a Location.`);
    return { location };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ArchiveError('unreachable', `${host} answered ${response.status} ${response.statusText}.`.trim());
  }
  let bytes: Buffer;
  try {
    bytes = await readCapped(response, options.maxBytes, (size) => tooLarge(url, size, options.maxBytes));
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw networkError(url, error);
  }
  return {
    status: 'ok',
    bytes,
    mediaType: response.headers.get('content-type') ?? '',
    url,
    validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
  };
}

function networkError(url: string, error: unknown): ArchiveError {
  const host = new URL(url).host;
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? (error as Error).name;
  if (code === 'TimeoutError' || code === 'AbortError')
    return new ArchiveError('unreachable', `${host} did not answer in time.`);
  if (OFFLINE_CODES.has(code ?? ''))
    return new OfflineError(`Could not reach ${host} (${code}): you seem to be offline.`);
  return new ArchiveError('unreachable', `Could not fetch from ${host} (${code ?? (error as Error).message}).`);
}

function tooLarge(url: string, size: number, max: number): ArchiveError {
  return new ArchiveError(
    'too_large',
    `${url} is over the size limit (${(size / 1e6).toFixed(1)} MB > ${(max / 1e6).toFixed(1)} MB).`,
  );
}
