// openArchive(dataDir): the composition root. It locks the folder, opens the stores, builds the services and hands back the contract's API.
import { dirname, join, resolve } from 'node:path';
import type { ArchiveApi, LocalApi } from './api.ts';
import { SHIPPED_SAMPLES } from './app-info.ts';
import { ArticleService } from './articles/article-service.ts';
import { SampleLoader } from './articles/samples.ts';
import { Importer } from './capture/importer.ts';
import { LazyClaimIndex } from './claims/claim-index.ts';
import { ClaimService } from './claims/claim-service.ts';
import { ClientStore } from './clipper/client-store.ts';
import { ClipperService } from './clipper/clipper-service.ts';
import { CurrentAnalyst } from './common/analyst.ts';
import { Pairing } from './clipper/pairing.ts';
import { CollectionService } from './collections/collection-service.ts';
import { BackgroundTagging } from './entities/background-tagging.ts';
import { EntityService } from './entities/entity-service.ts';
import { MentionService } from './entities/mention-service.ts';
import { Tagger } from './entities/tagger.ts';
import { BundleService } from './exporters/bundle-service.ts';
import { ExportService, type ExportOptions } from './exporters/export-service.ts';
import { Gate } from './gate.ts';
import { InboxService } from './inbox/inbox-service.ts';
import { WatchService } from './monitoring/watch-service.ts';
import { WatchStore } from './monitoring/watch-store.ts';
import type { ClipperState, Problem } from './model.ts';
import { RefreshScheduler } from './monitoring/refresh-scheduler.ts';
import { SubscriptionService } from './monitoring/subscription-service.ts';
import { SavedSearches } from './search/saved-searches.ts';
import { SearchService } from './search/search-service.ts';
import type { Services } from './services.ts';
import { ArticleStore } from './store/article-store.ts';
import { INDEX_DIR } from './store/catalog.ts';
import { openCatalog } from './store/catalog-sync.ts';
import { makeFolder, removeLeftoverTemps } from './store/durable-write.ts';
import { lockFolder } from './store/folder-lock.ts';
import { DeskConfigFile } from './sync/desk-files.ts';
import { DeskScheduler, type DeskSchedule } from './sync/desk-scheduler.ts';
import { DeskService, type CredentialsProvider } from './sync/desk-service.ts';
import { BACKUPS_DIR, openRegistry, RegistryStore } from './store/registry-file.ts';

export type Archive = ArchiveApi &
  LocalApi & {
    readonly dataDir: string;
    /**
     * Waits for calls in flight, compacts the catalog and releases the folder. Background suggestions
     * stop after the article under way, unless `finishTagging` asks to wait for those of this session.
     */
    close(options?: { finishTagging?: boolean }): Promise<void>;
    /** Articles queued for background suggestions. */
    readonly taggingPending: number;
    /** The full-text index: its state, and waiting for it to be current (the CLI searches once and exits). */
    readonly searchService: Pick<SearchService, 'state' | 'ready' | 'settled'>;
    /** The browser clipper's listener: its URL, off, or why it failed (a port in use). */
    readonly clipper: ClipperState;
  };

export type OpenOptions = ExportOptions & {
  /** Folder of sample articles offered on an empty archive (defaults to the shipped assets/samples). */
  samplesDir?: string;
  /**
   * Suggest entities for new articles in the background (a worker thread), and at open for any left
   * untagged. The desktop app, `newsdesk serve` and `newsdesk import` turn it on; without it,
   * suggestions run only when the user asks for them in the reader.
   */
  tagInBackground?: boolean;
  /** Refresh subscriptions on their schedule while open (the desktop app, `newsdesk serve`); the check interval in ms. */
  refreshInBackground?: boolean | { tickMs: number };
  /**
   * Listen for the browser clipper on 127.0.0.1 (the desktop app, `newsdesk serve`): on the port given,
   * else NEWSDESK_CLIPPER_PORT, else settings.clipperPort (0: any free port). A port in use leaves it off
   * and is reported in the status; the archive opens anyway.
   */
  clipper?: boolean | { port?: number };
  /**
   * The team desk's user and password, asked for at each join and sync (the CLI: the URL or
   * NEWSDESK_DESK_USER / NEWSDESK_DESK_PASSWORD; the desktop app: safeStorage). Never written by core.
   */
  deskCredentials?: CredentialsProvider;
  /**
   * Sync a joined desk while open (the desktop app, `newsdesk serve`): soon after opening, every
   * minute, within seconds of a local write, backing off while the desk cannot be reached.
   */
  syncInBackground?: boolean | DeskSchedule;
};

export async function openArchive(dataDir: string, options: OpenOptions = {}): Promise<Archive> {
  const dir = resolve(dataDir);
  await makeFolder(join(dir, INDEX_DIR), dirname(dir));
  const lock = await lockFolder(dir);
  try {
    // A process killed mid-write leaves its temp file; the per-article ones go when the catalog scans.
    for (const folder of [dir, join(dir, INDEX_DIR), join(dir, BACKUPS_DIR)]) await removeLeftoverTemps(folder);
    const problems: Problem[] = [];
    const registry = new RegistryStore(await openRegistry(dir, problems));
    const watchStore = await WatchStore.open(dir, problems);
    const clipperClients = await ClientStore.open(dir, problems);
    const catalog = await openCatalog(dir, lock.previousOwnerCrashed, problems);
    // Kept in archive.json, so a file moved aside is still reported in later sessions.
    if (problems.length) await registry.update((draft) => void draft.problems.push(...problems));
    const store = new ArticleStore(dir, catalog, registry);
    // A save dialog still open when the archive closes answers "cancelled": quitting never waits for the user.
    let stopAsking = () => {};
    const closing = new Promise<null>((resolve) => (stopAsking = () => resolve(null)));
    const choose = options.chooseExportPath;
    const chooseExportPath = choose && ((name: string) => Promise.race([choose(name), closing]));
    // The desk's analyst names this archive's reviews and claim statuses; read again when a join or a leave changes it.
    // A fresh reader each time: lowdb keeps the last data it read when the file is gone (after a leave).
    const analyst = new CurrentAnalyst(async () => (await new DeskConfigFile(dir).read())?.analyst ?? null);
    await analyst.refresh();
    const { services, tagger, claimIndex } = buildServices(store, registry, watchStore, clipperClients, analyst, {
      ...options,
      chooseExportPath,
    });
    await services.search.open();
    await services.desk.settleKilledSync();
    const tagging = options.tagInBackground ? new BackgroundTagging(store, services.mentions) : null;
    const gate = new Gate(services);
    const scheduler = startScheduler(services, options.refreshInBackground);
    const sync = options.syncInBackground;
    const deskScheduler = sync
      ? new DeskScheduler(services.desk, store, registry, watchStore, sync === true ? {} : sync)
      : null;
    deskScheduler?.start();
    if (options.clipper) await services.clipper.start(options.clipper === true ? undefined : options.clipper.port);

    let closed: Promise<void> | null = null;
    const close = async ({ finishTagging = false } = {}) => {
      // No new calls from now on; background suggestions still write while they finish.
      stopAsking();
      const calls = gate.close();
      // No new clips: one being saved is a call the importer finishes before it closes.
      await services.clipper.stop();
      await scheduler?.stop();
      await deskScheduler?.stop();
      if (finishTagging) await tagging?.finish();
      // The article under way is abandoned (the worker stops), not waited for: quitting must be quick.
      const stopped = tagging?.stop();
      await tagger.close();
      await stopped;
      await calls;
      await services.watches.close();
      await services.importer.close();
      await services.search.close();
      try {
        await claimIndex.save();
        await store.close();
      } finally {
        await lock.release();
      }
    };
    // defineProperties, not Object.assign: a getter must stay a getter (Object.assign would copy its value once).
    return Object.defineProperties(gate.api, {
      dataDir: { value: dir },
      close: { value: (how?: { finishTagging?: boolean }) => (closed ??= close(how)) },
      taggingPending: { get: () => tagging?.pending ?? 0 },
      searchService: { value: services.search },
      clipper: { get: () => ({ ...services.clipper.state }) },
    }) as Archive;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function startScheduler(services: Services, option: OpenOptions['refreshInBackground']): RefreshScheduler | null {
  if (!option) return null;
  const scheduler = new RefreshScheduler(
    services.subscriptions,
    services.registry,
    option === true ? undefined : option.tickMs,
  );
  scheduler.start();
  return scheduler;
}

/** Every service of one archive, each given the stores and the other services it works with. */
function buildServices(
  store: ArticleStore,
  registry: RegistryStore,
  watchStore: WatchStore,
  clipperClients: ClientStore,
  analyst: CurrentAnalyst,
  options: OpenOptions,
) {
  const search = new SearchService(store, registry);
  const collections = new CollectionService(store, registry, search);
  const entities = new EntityService(store, registry);
  const tagger = new Tagger({ version: () => registry.changes, entries: () => entities.gazetteer() });
  const claimIndex = new LazyClaimIndex(store);
  const importer = new Importer(store, registry);
  const services: Services = {
    store,
    registry,
    articles: new ArticleService(store, collections),
    importer,
    samples: new SampleLoader(importer, options.samplesDir ?? SHIPPED_SAMPLES),
    entities,
    analyst,
    mentions: new MentionService(store, entities, tagger, analyst),
    claims: new ClaimService(store, registry, claimIndex, analyst),
    search,
    savedSearches: new SavedSearches(registry, search),
    collections,
    exports: new ExportService(store, registry, collections, search, options),
    bundles: new BundleService(store, registry),
    subscriptions: new SubscriptionService(registry, importer),
    inbox: new InboxService(store, registry),
    // After search: its listeners must index a new article before a watch asks the index about it.
    watches: new WatchService(store, registry, search, watchStore),
    clipper: new ClipperService(new Pairing(clipperClients), importer, store, registry),
    desk: new DeskService(store, registry, watchStore, options.deskCredentials, undefined, claimIndex),
  };
  return { services, tagger, claimIndex };
}
