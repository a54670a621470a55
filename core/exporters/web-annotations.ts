// W3C Web Annotations (JSON-LD): one AnnotationCollection whose embedded first page holds every kept mention and claim.
import type { Article, Claim, Entity, Mention } from '../model.ts';
import { describeQuantity } from './csv-tables.ts';
import { keptClaims, keptMentions, type ExportSource } from './export-source.ts';

/*
 * The shape is the Web Annotation Protocol's (§4) paged container, with a single page embedded as
 * `first` so the file stands alone: `{ @context, id, type: AnnotationCollection, label, first: {
 * type: AnnotationPage, partOf, startIndex, items }, last, total }`. `total` comes last because it
 * is known only once every article has been read; JSON-LD does not care about key order.
 *
 * Targets name the article's URL when it has one (else `urn:newsdesk:article:<id>`); both
 * selectors are over the text Newsdesk captured, which may differ from a page's rendered text:
 * the TextQuoteSelector finds the words again there, the TextPositionSelector counts code points
 * of our text. Annotations carry no `created`: we keep no time per mention or claim, and the
 * article's last change would be a wrong one; `generated` (the export time) is on the collection.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Body = Record<string, string>;

export async function* webAnnotations(source: ExportSource): AsyncIterable<string> {
  const collectionId = `urn:newsdesk:export:${source.exportedAt}`;
  const pageId = `${collectionId}:page:1`;
  const head = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `${source.app.name} annotations: ${source.scope}`,
    generator: { id: 'urn:newsdesk:app', type: 'Software', name: `${source.app.name} ${source.app.version}` },
    generated: source.exportedAt,
  };
  // The head is written as JSON and reopened: every value goes through JSON.stringify, nothing is escaped by hand.
  yield JSON.stringify(head, null, 2).replace(/\n}$/, ',\n');
  yield `  "first": {\n    "id": ${JSON.stringify(pageId)},\n    "type": "AnnotationPage",\n`;
  yield `    "partOf": ${JSON.stringify(collectionId)},\n    "startIndex": 0,\n    "items": [\n`;
  let total = 0;
  for await (const article of source.articles()) {
    const annotations = annotationsOf(source, article);
    if (!annotations.length) continue;
    yield (total ? ',\n' : '') + annotations.map((a) => indent(JSON.stringify(a, null, 2), 6)).join(',\n');
    total += annotations.length;
  }
  yield `${total ? '\n' : ''}    ]\n  },\n  "last": ${JSON.stringify(pageId)},\n  "total": ${total}\n}\n`;
}

export function annotationsOf(source: ExportSource, article: Article): object[] {
  const toCodePoints = codePointOffsets(article.text);
  const target = (span: { start: number; end: number; quote: Mention['quote'] }) => ({
    source: article.url || articleIri(article.id),
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: span.quote.exact,
        ...(span.quote.prefix ? { prefix: span.quote.prefix } : {}),
        ...(span.quote.suffix ? { suffix: span.quote.suffix } : {}),
      },
      { type: 'TextPositionSelector', start: toCodePoints(span.start), end: toCodePoints(span.end) },
    ],
  });
  return [
    ...keptMentions(article).map((m) => ({
      id: `${articleIri(article.id)}:mention:${m.id}`,
      type: 'Annotation',
      motivation: 'identifying',
      body: mentionBodies(m, m.entityId ? source.entities.get(m.entityId) : undefined),
      target: target(m),
    })),
    ...keptClaims(article).map((c) => ({
      id: `${articleIri(article.id)}:claim:${c.id}`,
      type: 'Annotation',
      motivation: 'describing',
      body: claimBodies(source, c),
      target: target(c),
    })),
  ];
}

export const articleIri = (id: string) => `urn:newsdesk:article:${id}`;
export const entityIri = (id: string) => `urn:newsdesk:entity:${id}`;

/** "Q42" from what a user may have typed: "q42", "wd:Q42", a Wikidata page's URL; null when there is no Q-number. */
export function wikidataQid(value: string): string | null {
  const match = /(?:^|[/:])(Q[1-9]\d*)$/i.exec(value.trim());
  return match ? match[1]!.toUpperCase() : null;
}

/** External ids with a well-known IRI; other schemes (and values that do not fit) are given as text. */
const ID_IRIS: Record<string, (id: string) => string | null> = {
  wikidata: (id) => {
    const qid = wikidataQid(id);
    return qid && `http://www.wikidata.org/entity/${qid}`;
  },
  geonames: (id) => (/^\d+$/.test(id) ? `https://sws.geonames.org/${id}/` : null),
};

/** Who or what the words name: the registry entity (and its external ids), and what kind of thing it is. */
function mentionBodies(m: Mention, entity: Entity | undefined): Body[] {
  const bodies: Body[] = [];
  if (entity) {
    bodies.push({ id: entityIri(entity.id), label: entity.name, purpose: 'identifying' });
    for (const [scheme, id] of Object.entries(entity.externalIds)) {
      const iri = ID_IRIS[scheme]?.(id);
      bodies.push(iri ? { id: iri, purpose: 'identifying' } : text('identifying', `${scheme}: ${id}`));
    }
  } else bodies.push(text('identifying', m.name));
  bodies.push(text('classifying', entity?.type ?? m.type));
  if (m.status === 'suggested')
    bodies.push(
      text('commenting', `Suggested (${m.source}, confidence ${m.confidence.toFixed(2)}), not yet confirmed.`),
    );
  return bodies;
}

/** One labelled text body per thing a monitor records about a claim, so a reader shows them line by line. */
function claimBodies(source: ExportSource, c: Claim): Body[] {
  const name = (id: string) => source.entities.get(id)?.name ?? id;
  const party = (p: NonNullable<Claim['claimant']>) => (p.entityId ? `${p.name} (${entityIri(p.entityId)})` : p.name);
  const lines: [string, string][] = [
    ['describing', `Claim: ${c.text}`],
    ['describing', `Claimant: ${c.claimant ? party(c.claimant) : 'the outlet itself'}`],
  ];
  if (c.via.length) lines.push(['describing', `Via: ${c.via.join(' → ')}`]);
  if (c.target) lines.push(['describing', `About: ${party(c.target)}`]);
  lines.push(['classifying', `Kind: ${c.kind}`]);
  if (c.quantities.length) lines.push(['describing', `Figures: ${c.quantities.map(describeQuantity).join('; ')}`]);
  lines.push([
    'describing',
    `Hedged: ${c.hedged ? `yes (${c.hedges.map((h) => h.text).join(', ') || 'marked'})` : 'no'}`,
  ]);
  if (c.eventDate) lines.push(['describing', `Event date: ${c.eventDate}`]);
  if (c.placeIds.length) lines.push(['describing', `Places: ${c.placeIds.map(name).join('; ')}`]);
  lines.push(['assessing', `Status: ${c.status}`]);
  if (c.reviewNote) lines.push(['assessing', `Review note: ${c.reviewNote}`]);
  return lines.map(([purpose, value]) => text(purpose, value));
}

const text = (purpose: string, value: string): Body => ({ type: 'TextualBody', purpose, value, format: 'text/plain' });

/**
 * Our offsets count UTF-16 code units; TextPositionSelector counts code points. Each surrogate pair
 * before an offset is one code point fewer: their positions are found once per article, then searched.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) pairs.push(i++);
    }
  }
  return (utf16) => {
    // Pairs that start before the offset: the last index below it, by binary search.
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[mid]! < utf16) low = mid + 1;
      else high = mid;
    }
    return utf16 - low;
  };
}

const indent = (json: string, spaces: number) => json.replace(/^/gm, ' '.repeat(spaces));
