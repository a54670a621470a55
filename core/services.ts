// What the contract's handlers are given: the stores and services of one open archive, built by openArchive.
import type { ArticleService } from './articles/article-service.ts';
import type { SampleLoader } from './articles/samples.ts';
import type { Importer } from './capture/importer.ts';
import type { ClaimService } from './claims/claim-service.ts';
import type { ClipperService } from './clipper/clipper-service.ts';
import type { CurrentAnalyst } from './common/analyst.ts';
import type { CollectionService } from './collections/collection-service.ts';
import type { EntityService } from './entities/entity-service.ts';
import type { MentionService } from './entities/mention-service.ts';
import type { BundleService } from './exporters/bundle-service.ts';
import type { ExportService } from './exporters/export-service.ts';
import type { SubscriptionService } from './monitoring/subscription-service.ts';
import type { InboxService } from './inbox/inbox-service.ts';
import type { WatchService } from './monitoring/watch-service.ts';
import type { SavedSearches } from './search/saved-searches.ts';
import type { SearchService } from './search/search-service.ts';
import type { DeskService } from './sync/desk-service.ts';
import type { ArticleStore } from './store/article-store.ts';
import type { RegistryStore } from './store/registry-file.ts';

export type Services = {
  /** The article files and their catalog. */
  store: ArticleStore;
  /** archive.json. */
  registry: RegistryStore;
  articles: ArticleService;
  importer: Importer;
  samples: SampleLoader;
  entities: EntityService;
  /** Who this archive's reviews and claim statuses are stamped with: desk.json's analyst, null off a desk. */
  analyst: CurrentAnalyst;
  mentions: MentionService;
  claims: ClaimService;
  search: SearchService;
  savedSearches: SavedSearches;
  collections: CollectionService;
  exports: ExportService;
  bundles: BundleService;
  /** The feeds followed, and refreshing them. */
  subscriptions: SubscriptionService;
  inbox: InboxService;
  /** Watchlists and their alerts (<data>/watches.json). */
  watches: WatchService;
  /** Paired browser extensions, pairing requests and the clipper's listener (<data>/clipper.json). */
  clipper: ClipperService;
  /** The team desk: sync with a CouchDB database (<data>/desk.json, <data>/desk/; docs/sync.md). */
  desk: DeskService;
};
