// A small client of a CouchDB database over fetch: Basic auth, JSON either way, timeouts, and failures as ArchiveErrors a user can act on.
import { ArchiveError } from '../errors.ts';

export type Credentials = { user: string; password: string };

/** Hosts plain HTTP may reach: this machine only. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
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

export class CouchClient {
  readonly url: string;
  private readonly authorization: string | null;

  constructor(
    url: string,
    private readonly credentials: Credentials | null,
    private readonly timeoutMs = 30_000,
  ) {
    this.url = url.replace(/\/+$/, '');
    this.authorization = credentials
      ? `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`
      : null;
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
    const text = await this.read(() => response.text());
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
    if (!response.ok) throw this.failure('GET', path, response.status, null);
    return Buffer.from(await this.read(() => response.arrayBuffer()));
  }

  /** The body, or the same 'unavailable' as a failed connect when the connection drops while it comes. */
  private async read<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      throw new ArchiveError('unavailable', `Cannot reach the desk at ${this.url}: ${reasonOf(error)}`);
    }
  }

  private async request(method: string, path: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.authorization) headers.Authorization = this.authorization;
    try {
      return await fetch(this.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ArchiveError('unavailable', `Cannot reach the desk at ${this.url}: ${reasonOf(error)}`);
    }
  }

  private failure(
    method: string,
    path: string,
    status: number,
    body: { error?: string; reason?: string } | null,
  ): CouchError {
    const said = [body?.error, body?.reason].filter(Boolean).join(': ');
    if (status === 401 || status === 403)
      return new CouchError(
        'unauthorized',
        this.credentials
          ? `The desk at ${this.url} refused user "${this.credentials.user}" (${status}${said ? ` ${said}` : ''}): check the user name and password, and that the user is a member of the desk.`
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

function reasonOf(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(error);
}
