// The team desk: join and leave a CouchDB database, sync both ways on demand, and list and resolve the conflicts merges left.
import { createHash, randomUUID } from 'node:crypto';
import { ArchiveError } from '../errors.ts';
import type {
  DeskConfig,
  DeskConflictView,
  DeskFailure,
  DeskStatus,
  JoinDeskInput,
  ResolveChoice,
  SyncResult,
} from '../model.ts';
import type { WatchStore } from '../monitoring/watch-store.ts';
import type { LazyClaimIndex } from '../claims/claim-index.ts';
import { SerialQueue } from '../serial.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { settingsOf } from '../store/settings.ts';
import { checkDeskUrl, CouchClient, normalizeDeskUrl, type Credentials } from './couch-client.ts';
import { DeskConfigFile, SyncRecords } from './desk-files.ts';
import { fieldLabel, resolveConflict, titleOf } from './resolve.ts';
import { LocalDocs } from './local-docs.ts';
import { pull } from './pull.ts';
import { reconcile } from './reconcile.ts';
import { countPendingDown } from './pending.ts';
import { outgoing, push } from './push.ts';
import { openConflicts, type SyncContext } from './sync-context.ts';

/**
 * Where the desk's password comes from: the CLI's environment or URL, the desktop app's safeStorage.
 * Core never writes it anywhere. null: no credentials (a desk open to all, as in tests).
 */
export type CredentialsProvider = (desk: {
  url: string;
  user: string | null;
}) => Credentials | null | Promise<Credentials | null>;

/** How long the status waits for the desk to count its pending changes. */
const STATUS_TIMEOUT_MS = 5_000;

export class DeskService {
  private readonly queue = new SerialQueue();
  private readonly config: DeskConfigFile;
  private records: SyncRecords | null = null;
  private running: Promise<SyncResult> | null = null;
  /** The count of the desk's pending changes under way. */
  private down: Promise<number | null> | null = null;
  /** Bumped when the sync records change (a sync, a resolution, a join or leave): the counts below are then recounted. */
  private recordsVersion = 0;
  /** pendingUp and conflicts as last counted, and the state of the archive they were counted in. */
  private counted: { at: string; pendingUp: number; conflicts: number } | null = null;

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
    private readonly watches: WatchStore,
    private readonly credentials: CredentialsProvider = () => null,
    private readonly timeoutMs = 30_000,
    /** Which claim groups claims name (a group deleted elsewhere while a claim here joined it comes back). */
    private readonly claimIndex: LazyClaimIndex | null = null,
  ) {
    this.config = new DeskConfigFile(store.dataDir);
  }

  async status(): Promise<DeskStatus> {
    const config = await this.config.read();
    if (!config)
      return {
        joined: false,
        url: null,
        user: null,
        analyst: null,
        lastSyncAt: null,
        pendingUp: 0,
        conflicts: 0,
        offline: null,
        pendingDown: null,
        lastFailure: null,
        syncing: false,
      };
    const ctx = await this.context(config, null);
    return {
      joined: true,
      url: config.url,
      user: config.user,
      analyst: config.analyst,
      lastSyncAt: config.lastSyncAt,
      ...(await this.counts(ctx)),
      offline: config.lastFailure?.message ?? null,
      pendingDown: await this.pendingDown(config, ctx),
      lastFailure: config.lastFailure,
      syncing: this.syncing,
    };
  }

  /**
   * Changes waiting to go up and open conflicts: a full count reads every document written since its
   * record (and hashes the registry), too much for a panel that asks every 5 s at 100,000 articles; so
   * counted again only once an article, the registry, the watches or the records changed since the last count.
   */
  private async counts(ctx: SyncContext): Promise<{ pendingUp: number; conflicts: number }> {
    // Taken before counting: a write while it counts leaves the count stale under an older key, so it is recounted.
    const at = [
      ctx.records.url,
      ctx.analyst,
      this.store.version,
      this.registry.changes,
      this.watches.watchChanges,
      this.recordsVersion,
    ].join('|');
    if (this.counted?.at === at) return { pendingUp: this.counted.pendingUp, conflicts: this.counted.conflicts };
    const counts = { pendingUp: (await outgoing(ctx)).out.length, conflicts: this.conflictCount(ctx) };
    this.counted = { at, ...counts };
    return counts;
  }

  /** Counted on the desk's `_changes` since our checkpoint (one short request; calls at the same time share it); null when it cannot be asked. */
  private pendingDown(config: DeskConfig, ctx: SyncContext): Promise<number | null> {
    this.down ??= (async () => {
      try {
        const credentials = await this.credentials({ url: config.url, user: config.user });
        const couch = new CouchClient(config.url, credentials, Math.min(this.timeoutMs, STATUS_TIMEOUT_MS));
        return await countPendingDown(couch, config.pullSince, ctx.records, config.analyst);
      } catch {
        // Offline or refused: null; the status tells why through lastFailure once a sync has tried.
        return null;
      } finally {
        this.down = null;
      }
    })();
    return this.down;
  }

  join(given: JoinDeskInput & { url: string; analyst: string }): Promise<DeskStatus> {
    return this.queue.run(async () => {
      // One spelling per desk (…/desk/ and …/desk are one): desk.json and the records' folder are keyed by it.
      const input = { ...given, url: normalizeDeskUrl(given.url) };
      const current = await this.config.read();
      if (current && normalizeDeskUrl(current.url) !== input.url)
        throw new ArchiveError(
          'exists',
          `This archive is on the desk at ${current.url}: leave it first (nothing local is lost).`,
        );
      checkDeskUrl(input.url);
      const credentials = await this.credentials({ url: input.url, user: input.user ?? null });
      const couch = new CouchClient(input.url, credentials, this.timeoutMs);
      let info: { db_name?: unknown } | null;
      try {
        info = await couch.json<{ db_name?: unknown } | null>('GET', '');
      } catch (error) {
        if (error instanceof ArchiveError && error.code === 'not_found')
          throw new ArchiveError(
            'not_found',
            `There is no database at ${input.url}: the desk's administrator creates it (docs/sync.md).`,
          );
        throw offline(error, 'nothing changed');
      }
      if (typeof info?.db_name !== 'string')
        throw new ArchiveError(
          'invalid',
          `${input.url} is not a CouchDB database: give the desk's database (https://host/<database>).`,
        );
      await this.config.write({
        // Joined again: the spelling desk.json has (one written before URLs were normalized keeps its records).
        url: current?.url ?? input.url,
        user: credentials?.user ?? input.user ?? null,
        analyst: input.analyst,
        replicaId: current?.replicaId ?? randomUUID(),
        joinedAt: current?.joinedAt ?? new Date().toISOString(),
        pullSince: current?.pullSince ?? 0,
        pullRetry: current?.pullRetry ?? [],
        lastSyncAt: current?.lastSyncAt ?? null,
        lastFailure: null,
      });
      return this.status();
    });
  }

  /** Off the desk: desk.json goes, every document stays here (and the sync records, for coming back). */
  leave(): Promise<DeskStatus> {
    return this.queue.run(async () => {
      await this.config.remove();
      this.records = null;
      this.recordsVersion++;
      return this.status();
    });
  }

  /** A sync asked for while one runs joins it (the same result): never two at once. */
  sync(): Promise<SyncResult> {
    this.running ??= this.syncOnce().finally(() => {
      this.running = null;
      this.recordsVersion++;
    });
    return this.running;
  }

  /** A sync is under way (its own writes are not local edits to sync again). */
  get syncing(): boolean {
    return this.running !== null;
  }

  /**
   * Settles what a sync killed mid-merge left (an intent: desk-files.ts) as the archive opens, before
   * any edit here can make a document's content look written when it was not. Only then are the
   * records loaded: an archive whose last sync ended well pays one short folder listing.
   */
  async settleKilledSync(): Promise<void> {
    const config = await this.config.read();
    if (config && (await this.recordsOf(config).hasIntents())) await this.context(config, null);
  }

  /** Whether this archive is on a desk (desk.json read). */
  async isJoined(): Promise<boolean> {
    return (await this.config.read()) !== null;
  }

  /** Local documents changed since the last sync; 0 off a desk. */
  async pendingUp(): Promise<number> {
    const config = await this.config.read();
    return config ? (await this.counts(await this.context(config, null))).pendingUp : 0;
  }

  private syncOnce(): Promise<SyncResult> {
    return this.queue.run(async () => {
      const config = await this.joined();
      const credentials = await this.credentials({ url: config.url, user: config.user });
      const ctx = await this.context(config, credentials);
      await ctx.records.settleIntents((id) => ctx.local.read(id));
      const checkpointId = `_local/newsdesk-${createHash('md5').update(`${config.replicaId}|${config.url}`).digest('hex')}`;
      try {
        const remote = await ctx.couch.json<{ _rev: string } | null>('GET', `/${checkpointId}`, undefined, {
          missingOk: true,
        });
        // The desk still knows our checkpoint: same database, so our own sequence holds. Else from the start.
        const since = remote ? config.pullSince : 0;
        let remoteRev = remote?._rev;
        const pulled = await pull(ctx, since, config.pullRetry, async (seq, retry) => {
          await this.config.write({ ...(await this.joined()), pullSince: seq, pullRetry: retry });
          const saved = await ctx.couch.json<{ rev: string }>('PUT', `/${checkpointId}`, {
            ...(remoteRev ? { _rev: remoteRev } : {}),
            since: seq,
            replica: config.replicaId,
            at: new Date().toISOString(),
          });
          remoteRev = saved.rev;
        });
        // What the pull left inconsistent across documents (an entity merged both ways, …), made whole before the push sends it.
        await reconcile(ctx, { store: this.store, registry: this.registry, claimIndex: this.claimIndex });
        const pushed = await push(ctx);
        await this.config.write({ ...(await this.joined()), lastSyncAt: new Date().toISOString(), lastFailure: null });
        const result: SyncResult = { pushed, pulled, conflicts: this.conflictCount(ctx) };
        return {
          ...result,
          ...(ctx.refused.length ? { refused: ctx.refused } : {}),
          ...(ctx.incomplete.length ? { incomplete: ctx.incomplete } : {}),
        };
      } catch (error) {
        const failure = offline(
          error,
          ctx.written
            ? 'what this sync brought so far is kept; the next sync resumes from its checkpoint'
            : 'nothing changed',
        );
        await this.noteFailure(failure);
        throw failure;
      }
    });
  }

  /** The open conflicts; none when on no desk. */
  async conflicts(): Promise<DeskConflictView[]> {
    const config = await this.config.read();
    if (!config) return [];
    const ctx = await this.context(config, null);
    const views: DeskConflictView[] = [];
    for (const record of ctx.records.all()) {
      if (!record.conflicts.length) continue;
      const content = await ctx.local.read(record.id);
      // The base is read from the record's file only when the document is gone here.
      const shown = content ?? (await ctx.records.bodies(record.id))?.base ?? {};
      const title = titleOf(record.id, content, shown);
      for (const conflict of openConflicts(ctx, record.id, record, content))
        views.push({
          ...conflict,
          id: `${record.id}#${conflict.field}`,
          docId: record.id,
          title,
          label: fieldLabel(conflict.field, shown),
        });
    }
    return views;
  }

  resolve(conflictId: string, choice: ResolveChoice): Promise<DeskConflictView[]> {
    return this.queue.run(async () => {
      const config = await this.joined();
      try {
        await resolveConflict(await this.context(config, null), conflictId, choice);
      } finally {
        this.recordsVersion++;
      }
      return this.conflicts();
    });
  }

  /** desk.json's lastFailure: the sync status, not data (the data of a failed sync is untouched). */
  private async noteFailure(failure: Error): Promise<void> {
    const now = new Date().toISOString();
    const kind = failure instanceof ArchiveError ? failure.code : 'error';
    try {
      const current = await this.config.read();
      if (!current) return;
      const since = current.lastFailure?.kind === kind ? current.lastFailure.since : now;
      const lastFailure: DeskFailure = { kind, message: failure.message, since, at: now };
      await this.config.write({ ...current, lastFailure });
    } catch {
      // A disk that cannot take desk.json: the sync's own error is the one to report.
    }
  }

  private async joined(): Promise<DeskConfig> {
    const config = await this.config.read();
    if (!config)
      throw new ArchiveError('not_found', 'This archive is on no desk: `newsdesk desk join URL --name NAME` first.');
    return config;
  }

  /** The sync records of the desk joined (kept between calls: loaded once). */
  private recordsOf(config: DeskConfig): SyncRecords {
    if (!this.records || this.records.url !== config.url)
      this.records = new SyncRecords(this.store.dataDir, config.url);
    return this.records;
  }

  private async context(config: DeskConfig, credentials: Credentials | null): Promise<SyncContext> {
    const records = this.recordsOf(config);
    const local = new LocalDocs(this.store, this.registry, this.watches, { analyst: config.analyst, records });
    // Loading settles what a killed sync left half done (desk-files.ts), hence the documents' content.
    await records.load((id) => local.read(id));
    return {
      // A file from the desk is held to the limit a capture here is (the sha256 check only comes after the download).
      couch: new CouchClient(config.url, credentials, this.timeoutMs, {
        maxAttachmentBytes: settingsOf(this.registry).maxImportBytes,
      }),
      local,
      records,
      analyst: config.analyst,
      written: 0,
      refused: [],
      incomplete: [],
    };
  }

  private conflictCount(ctx: SyncContext): number {
    let count = 0;
    for (const record of ctx.records.all()) count += record.conflicts.length;
    return count;
  }
}

/** An unreachable desk or refused credentials, said with what happened here. */
function offline(error: unknown, outcome: string): Error {
  if (error instanceof ArchiveError && (error.code === 'unavailable' || error.code === 'unauthorized'))
    return new ArchiveError(
      error.code,
      `${error.message}${error.code === 'unavailable' ? '; working offline' : ''}, ${outcome}.`,
    );
  return error instanceof Error ? error : new Error(String(error));
}
