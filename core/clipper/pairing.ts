// Pairing extensions with the archive: requests waiting in memory for the user's yes or no, a token handed over once, and tokens checked in constant time.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ArchiveError } from '../errors.ts';
import type { ClipperClient, ClipperClientView, PairingRequestView } from '../model.ts';
import { sha256 } from '../store/article-store.ts';
import { ClipperError } from './clipper-error.ts';
import type { ClientStore } from './client-store.ts';

/** A request is answered within this, or it expires (the protocol's 5 minutes). */
export const PAIRING_TTL_MS = 5 * 60_000;
/** More waiting requests than a person can tell apart is a page (or a loop) asking: refused with 429. */
export const MAX_PENDING = 5;
/** A decided or expired request still answers its poll this long, then is forgotten (404). */
const FORGET_AFTER_MS = 3 * PAIRING_TTL_MS;
/** lastUsedAt is rewritten at most this often: a clip is not worth a second durable write each time. */
const TOUCH_EVERY_MS = 60_000;
/** After a refusal, the same origin waits this long before it may ask again. */
export const REFUSAL_COOLDOWN_MS = 30_000;

type PairingRequest = PairingRequestView & {
  createdMs: number;
  /** `deciding`: approved, its client being written; neither a second answer nor a poll may take it meanwhile. */
  decision: 'pending' | 'deciding' | 'approved' | 'refused';
  /** The token, between approval and the first poll after it; then only its hash remains (in clipper.json). */
  token: string | null;
};

export type PollAnswer = { state: 'pending' | 'approved' | 'refused' | 'expired'; token?: string };

export class Pairing {
  private readonly requests = new Map<string, PairingRequest>();
  /** When the user last refused each origin: it may not ask again at once (a prompt that keeps coming back). */
  private readonly refusedAt = new Map<string, number>();

  constructor(private readonly store: ClientStore) {}

  /** A new request from an extension: its id (to poll) and the code both sides show. */
  request(name: string, origin: string): { requestId: string; code: string } {
    this.prune();
    // One waiting request per origin (a second Pair press replaces the first), so one extension or one
    // local process cannot fill the queue and keep the app's prompt up.
    for (const r of this.requests.values())
      if (r.origin === origin && r.decision === 'pending' && this.stateOf(r) === 'pending') r.decision = 'refused';
    const pending = [...this.requests.values()].filter((r) => this.stateOf(r) === 'pending');
    if (pending.length >= MAX_PENDING)
      throw new ClipperError(
        429,
        'too_many',
        `${MAX_PENDING} pairing requests are already waiting for an answer in Newsdesk.`,
      );
    const now = Date.now();
    if (now - (this.refusedAt.get(origin) ?? -Infinity) < REFUSAL_COOLDOWN_MS)
      throw new ClipperError(
        429,
        'too_many',
        'Newsdesk refused this extension a moment ago: wait before asking again.',
      );
    const id = `pr_${randomBytes(16).toString('base64url')}`;
    const code = String(randomInt(0, 10_000)).padStart(4, '0');
    this.requests.set(id, {
      id,
      name,
      origin,
      code,
      requestedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + PAIRING_TTL_MS).toISOString(),
      createdMs: now,
      decision: 'pending',
      token: null,
    });
    return { requestId: id, code };
  }

  /** The extension's poll: the token comes with the first answer after approval, never again. */
  poll(id: string): PollAnswer {
    this.prune();
    const request = this.requests.get(id);
    if (!request) throw new ClipperError(404, 'not_found', 'There is no such pairing request (or it is long gone).');
    const state = this.stateOf(request);
    if (state !== 'approved' || !request.token) return { state };
    const token = request.token;
    request.token = null;
    return { state, token };
  }

  pending(): PairingRequestView[] {
    this.prune();
    return [...this.requests.values()]
      .filter((r) => this.stateOf(r) === 'pending')
      .map(({ id, name, origin, code, requestedAt, expiresAt }) => ({
        id,
        name,
        origin,
        code,
        requestedAt,
        expiresAt,
      }));
  }

  clients(): ClipperClientView[] {
    return this.store.data.clients.map(viewOf);
  }

  /** The user said yes: the client is stored (its token's hash only) and the token waits for the extension's poll. */
  async approve(id: string): Promise<ClipperClientView> {
    const request = this.waiting(id);
    const token = randomBytes(32).toString('base64url');
    const client: ClipperClient = {
      id: `cc_${randomBytes(12).toString('base64url')}`,
      name: request.name,
      origin: request.origin,
      tokenSha256: sha256(token),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    request.decision = 'deciding';
    try {
      await this.store.update((draft) => void draft.clients.push(client));
    } catch (error) {
      request.decision = 'pending';
      throw error;
    }
    request.decision = 'approved';
    request.token = token;
    return viewOf(client);
  }

  refuse(id: string): void {
    const request = this.waiting(id);
    request.decision = 'refused';
    this.refusedAt.set(request.origin, Date.now());
  }

  /** The token stops working once this returns (the change is durable and in memory). */
  async revoke(clientId: string): Promise<ClipperClientView> {
    const now = new Date().toISOString();
    const client = await this.store.update((draft) => {
      const found = draft.clients.find((c) => c.id === clientId);
      if (!found) throw new ArchiveError('not_found', `There is no paired extension with id ${clientId}.`);
      found.revokedAt ??= now;
      return found;
    });
    return viewOf(client);
  }

  /**
   * The client whose token this is, if paired and not revoked. Every stored hash is compared, in
   * constant time, so the time taken says nothing about which or how much of a token matched.
   */
  authenticate(authorization: string | undefined, origin: string | undefined): ClipperClient | null {
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
    if (!match) return null;
    const presented = Buffer.from(sha256(match[1]!), 'hex');
    let found: ClipperClient | null = null;
    for (const client of this.store.data.clients) {
      const equal = timingSafeEqual(presented, Buffer.from(client.tokenSha256, 'hex'));
      if (equal && !client.revokedAt) found = client;
    }
    // A token paired by one extension is not another extension's (when both say who they are).
    if (found && origin && found.origin && origin !== found.origin) return null;
    return found;
  }

  /** Records that a client clipped, at most once a minute. */
  async touch(client: ClipperClient): Promise<void> {
    if (client.lastUsedAt && Date.now() - Date.parse(client.lastUsedAt) < TOUCH_EVERY_MS) return;
    const now = new Date().toISOString();
    await this.store.update((draft) => {
      const found = draft.clients.find((c) => c.id === client.id);
      if (found) found.lastUsedAt = now;
    });
  }

  private waiting(id: string): PairingRequest {
    this.prune();
    const request = this.requests.get(id);
    if (!request) throw new ArchiveError('not_found', `There is no pairing request ${id}.`);
    if (request.decision === 'deciding')
      throw new ArchiveError('invalid', 'That pairing request is being approved already.');
    const state = this.stateOf(request);
    if (state !== 'pending')
      throw new ArchiveError('invalid', `That pairing request is ${state}: the extension must ask again.`);
    return request;
  }

  private stateOf(request: PairingRequest): PollAnswer['state'] {
    if (request.decision === 'deciding') return 'pending';
    if (request.decision !== 'pending') return request.decision;
    return Date.now() - request.createdMs >= PAIRING_TTL_MS ? 'expired' : 'pending';
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, request] of this.requests) if (now - request.createdMs >= FORGET_AFTER_MS) this.requests.delete(id);
  }
}

/** What the UI sees of a client: everything but its token's hash. */
function viewOf({ id, name, origin, createdAt, lastUsedAt, revokedAt }: ClipperClient): ClipperClientView {
  return { id, name, origin, createdAt, lastUsedAt, revokedAt };
}
