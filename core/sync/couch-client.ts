// A small client of a CouchDB database over fetch: Basic auth, JSON either way, timeouts, and failures as ArchiveErrors a user can act on.
import { readCapped } from '../capped-body.ts';
import { ArchiveError } from '../errors.ts';

export type Credentials = { user: string; password: string };

/** Hosts plain HTTP may reach: this machine only. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The one spelling of a desk's database URL (what desk.json keeps, what its sync records' folder is
 * named after): the host lowercased, the default port dropped, no trailing slash, query or fragment.
 */
export function normalizeDeskUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** HTTPS, or plain HTTP to this machine: a password and a desk's documents never cross a network in clear. */
export function checkDeskUrl(url: string): URL {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopback(parsed)))
    throw new ArchiveError(
      'invalid',
      `The desk at ${url} must be reached over HTTPS (plain HTTP only to this machine): the password and the documents would cross the network in clear.`,
    );
  return parsed;
}

/** Raised when the server answered with an error status; `status` and CouchDB's `error` kept for callers that expect some. */
export class CouchError extends ArchiveError {
  constructor(
    code: ConstructorParameters<typeof ArchiveError>[0],
    message: string,
    readonly status: number,
    readonly error: string,
  ) {
    super(code, message);
  }
}

/** A JSON answer larger than this is refused: a 200-document `_bulk_get` of long articles stays far below it. */
export const MAX_JSON_BYTES = 256_000_000;

export type CouchLimits = {
  /** The largest JSON answer read (default MAX_JSON_BYTES). */
  maxJsonBytes?: number;
  /** The largest attachment downloaded (default MAX_JSON_BYTES): the archive's own import limit in a sync. */
  maxAttachmentBytes?: number;
};

export class CouchClient {
  readonly url: string;
  private readonly authorization: string | null;
  private readonly maxJsonBytes: number;
  private readonly maxAttachmentBytes: number;

  constructor(
    url: string,
    private readonly credentials: Credentials | null,
    private readonly timeoutMs = 30_000,
    limits: CouchLimits = {},
  ) {
    this.url = url.replace(/\/+$/, '');
    this.authorization = credentials
      ? `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`
      : null;
    this.maxJsonBytes = limits.maxJsonBytes ?? MAX_JSON_BYTES;
    this.maxAttachmentBytes = limits.maxAttachmentBytes ?? MAX_JSON_BYTES;
  }

  /** A JSON request to `path` under the database; a 404 answers null when `missingOk`. */
  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    { missingOk = false, timeoutMs = this.timeoutMs } = {},
  ): Promise<T> {
    const response = await this.request(method, path, body, timeoutMs);
    // PouchDB Server sends its JSON (errors included) as text/plain: parsed whatever the content type.
    const text = (await this.read(response, path, this.maxJsonBytes, 'answer')).toString('utf8');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { error: 'bad_response', reason: text.slice(0, 200) };
    }
    if (response.ok) return parsed as T;
    if (response.status === 404 && missingOk) return null as T;
    throw this.failure(method, path, response.status, parsed as { error?: string; reason?: string } | null);
  }

  /** The bytes of an attachment at a revision. */
  async bytes(path: string): Promise<Buffer> {
    // A captured PDF may be tens of MB: a slow link gets longer than a JSON call.
    const response = await this.request('GET', path, undefined, Math.max(this.timeoutMs, 120_000));
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw this.failure('GET', path, response.status, null);
    }
    return this.read(response, path, this.maxAttachmentBytes, 'file');
  }

  /**
   * The body, read as it comes and given up past `max` bytes (a hostile or broken desk cannot fill
   * the memory); a connection dropped while it comes is the same 'unavailable' as a failed connect.
   */
  private async read(response: Response, path: string, max: number, what: 'answer' | 'file'): Promise<Buffer> {
    const tooLarge = () => {
      const megabytes = (max / 1e6).toFixed(1);
      return new ArchiveError(
        'too_large',
        what === 'file'
          ? `The desk sent ${describePath(path)} larger than this archive's import limit (${megabytes} MB, settings.maxImportBytes): it was not saved.`
          : `The desk at ${this.url} answered ${describePath(path)} with more than ${megabytes} MB: refused.`,
      );
    };
    try {
      return await readCapped(response, max, tooLarge);
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError('unavailable', `Cannot reach the desk at ${this.url}: ${reasonOf(error)}`);
    }
  }

  private async request(method: string, path: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<Response> {
    // On every request, not only at join: a desk.json edited by hand must not send the password in clear.
    checkDeskUrl(this.url);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.authorization) headers.Authorization = this.authorization;
    let response: Response;
    try {
      response = await fetch(this.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        // Never followed: a redirect would take the credentials or a _bulk_docs body to another host, or over plain HTTP.
        redirect: 'manual',
      });
    } catch (error) {
      throw new ArchiveError('unavailable', `Cannot reach the desk at ${this.url}: ${reasonOf(error)}`);
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      const target = location ? withoutCredentials(new URL(location, this.url + path)) : 'another address';
      throw new CouchError(
        'unreachable',
        `The desk at ${this.url} answered ${method} ${path.split('?')[0] || '/'} with a redirect to ${target}; give the final URL (the database's own address): leave the desk and join it there.`,
        response.status,
        'redirect',
      );
    }
    return response;
  }

  private failure(
    method: string,
    path: string,
    status: number,
    body: { error?: string; reason?: string } | null,
  ): CouchError {
    const said = [body?.error, body?.reason].filter(Boolean).join(': ');
    // PouchDB Server says 401 to a wrong password or a non-member; CouchDB 3 says 401 to the first, 403 to the second.
    if (status === 401 || status === 403)
      return new CouchError(
        'unauthorized',
        this.credentials
          ? `The desk at ${this.url} refused user "${this.credentials.user}" (${status}${said ? ` ${said}` : ''}): ${
              status === 403
                ? "the user is not a member of the desk; ask its administrator to add them (the database's _security), or check the user name."
                : 'check the user name and password, and that the user is a member of the desk.'
            }`
          : `The desk at ${this.url} wants a user and password (${status}): set NEWSDESK_DESK_USER and NEWSDESK_DESK_PASSWORD, or put them in the URL when joining.`,
        status,
        body?.error ?? '',
      );
    const code = status === 404 ? 'not_found' : 'unreachable';
    return new CouchError(
      code,
      `The desk at ${this.url} answered ${method} ${path.split('?')[0]} with ${status}${said ? ` (${said})` : ''}.`,
      status,
      body?.error ?? '',
    );
  }
}

/** A request's path as a person reads it: the document and its file when it names them (`article:… › original.pdf`), else the endpoint. */
function describePath(path: string): string {
  const [id, file] = (path.split('?')[0] ?? '').replace(/^\//, '').split('/').map(decodeURIComponent);
  if (!id) return 'the database';
  if (id.startsWith('_')) return id;
  return file ? `the file ${file} of ${id}` : `the document ${id}`;
}

const withoutCredentials = (url: URL) => {
  url.username = '';
  url.password = '';
  return url.href;
};

function reasonOf(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(error);
}
