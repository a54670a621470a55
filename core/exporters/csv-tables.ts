// CSV for spreadsheets: articles, mentions, entities and claims, one table each, UTF-8 with a BOM, formula cells escaped.
import { stringify } from 'csv-stringify/sync';
import type { Article, Claim, CsvTable, Quantity } from '../model.ts';
import { keptClaims, keptMentions, type ExportSource } from './export-source.ts';

type Cell = string | number | boolean | null;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab or CR first, or their full-width
 * forms) gets a leading apostrophe: OWASP's advice against CSV injection. Numbers stay numbers.
 */
export function escapeFormula(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}

const COLUMNS: Record<CsvTable, string[]> = {
  articles: [
    'article_id',
    'title',
    'source',
    'url',
    'byline',
    'published',
    'captured',
    'language',
    'tags',
    'collections',
    'entities',
    'mentions',
    'claims',
    'story_id',
    'wire_credits',
    'capture_method',
    'capture_sha256',
    'notes',
  ],
  mentions: [
    'article_id',
    'article_title',
    'mention_id',
    'entity_id',
    'entity_name',
    'type',
    'status',
    'start',
    'end',
    'exact',
    'prefix',
    'suffix',
  ],
  entities: ['entity_id', 'name', 'type', 'aliases', 'description', 'external_ids', 'articles', 'notes'],
  claims: [
    'article_id',
    'article_title',
    'outlet',
    'published',
    'claim_id',
    'text',
    'claimant',
    'claimant_entity_id',
    'via',
    'kind',
    'status',
    'review',
    'hedged',
    'figures',
    'value',
    'qualifier',
    'category',
    'outcome',
    'event_date',
    'places',
    'group',
    'review_note',
    'start',
    'end',
    'status_by',
    'status_at',
  ],
};

/** Rows as CSV text, every cell escaped; booleans as true/false. */
const csvRows = (rows: Cell[][]) =>
  stringify(
    rows.map((cells) => cells.map(escapeFormula)),
    { cast: { boolean: (b) => String(b) } },
  );
const line = (cells: Cell[]) => csvRows([cells]);
const list = (values: readonly string[]) => values.join('; ');

/** "at least 27 civilians killed": a figure as the claim gives it. */
export function describeQuantity(q: Omit<Quantity, 'start' | 'end'>): string {
  const qualifier = q.qualifier === 'exactly' ? '' : `${q.qualifier} `;
  return `${qualifier}${q.value}${q.category ? ` ${q.category}` : ''}${q.outcome ? ` ${q.outcome}` : ''}`;
}

/** One table as CSV text, streamed article by article (the entities table from the registry). */
export async function* csvTable(source: ExportSource, table: CsvTable): AsyncIterable<string> {
  yield '\uFEFF' + line(COLUMNS[table]);
  if (table === 'entities') {
    for (const entity of source.entities.values())
      yield line([
        entity.id,
        entity.name,
        entity.type,
        list(entity.aliases),
        entity.description,
        list(Object.entries(entity.externalIds).map(([scheme, id]) => `${scheme}:${id}`)),
        source.articlesMentioning.get(entity.id) ?? 0,
        entity.notes,
      ]);
    return;
  }
  for await (const article of source.articles()) {
    const rows = rowsFor(source, table, article);
    if (rows.length) yield csvRows(rows);
  }
}

function rowsFor(source: ExportSource, table: Exclude<CsvTable, 'entities'>, article: Article): Cell[][] {
  const name = (id: string | null) => (id ? (source.entities.get(id)?.name ?? '') : '');
  if (table === 'articles') {
    const mentions = keptMentions(article);
    const entityNames = [...new Set(mentions.flatMap((m) => (m.entityId ? [name(m.entityId)] : [])))];
    return [
      [
        article.id,
        article.title,
        article.source,
        article.url,
        article.byline,
        article.publishedAt,
        article.capturedAt,
        article.language,
        list(article.tags),
        list(article.collectionIds.map((id) => source.collections.get(id)?.name ?? id)),
        list(entityNames),
        mentions.length,
        keptClaims(article).length,
        article.storyId,
        list(article.wireCredits),
        article.provenance.method,
        article.provenance.sha256,
        article.notes,
      ],
    ];
  }
  if (table === 'mentions')
    return keptMentions(article).map((m) => [
      article.id,
      article.title,
      m.id,
      m.entityId,
      m.entityId ? name(m.entityId) || m.name : m.name,
      m.type,
      m.status,
      m.start,
      m.end,
      m.quote.exact,
      m.quote.prefix,
      m.quote.suffix,
    ]);
  return keptClaims(article).map((c) => claimRow(source, article, c));
}

function claimRow(source: ExportSource, article: Article, c: Claim): Cell[] {
  const first = c.quantities[0];
  return [
    article.id,
    article.title,
    article.source,
    article.publishedAt,
    c.id,
    c.text,
    c.claimant?.name ?? '',
    c.claimant?.entityId ?? null,
    list(c.via),
    c.kind,
    c.status,
    c.review,
    c.hedged,
    list(c.quantities.map(describeQuantity)),
    first?.value ?? null,
    first?.qualifier ?? null,
    first?.category ?? null,
    first?.outcome ?? null,
    c.eventDate,
    list(c.placeIds.map((id) => source.entities.get(id)?.name ?? id)),
    c.groupId ? (source.claimGroups.get(c.groupId)?.label ?? c.groupId) : '',
    c.reviewNote,
    c.start,
    c.end,
    // Who set the status, on a desk; empty off a desk and for statuses set before it was recorded.
    c.statusBy ?? '',
    c.statusAt ?? null,
  ];
}
