// Turns a parsed query into an FTS5 expression and SQL conditions, resolving entities through the registry's names and aliases and typos through the vocabulary.
import type { EntityType } from '../model.ts';
import { EXTRACTION_METHODS, type ExtractionMethod } from '../common/vocabulary.ts';
import { queryTerms } from './fold.ts';
import {
  HEDGED_TOKEN,
  claimKindToken,
  claimStatusToken,
  collectionToken,
  extractionToken,
  entityToken,
  feedWordTokens,
  readingToken,
  typeToken,
} from './index-rows.ts';
import { QueryError, type ParsedQuery, type Term } from './query-parser.ts';
import type { Compiled } from './search-index.ts';

export type CompileContext = {
  /** Entities whose name or an alias is this (folded words), or failing that contains it. */
  entities: (text: string) => { id: string; names: string[] }[];
  /** The collection of this name, if there is one (a smart one with its query). */
  collection: (name: string) => { id: string; query: string | null } | null;
  /** Words of the index within `distance` edits of the term, closest and most common first. */
  similar: (term: string, distance: number) => string[];
  claimStatuses: readonly string[];
  claimKinds: readonly string[];
};

/** What to highlight in titles and snippets: whole words, and prefixes. */
export type Highlight = { terms: string[]; prefixes: string[] };

export type CompiledQuery = Compiled & { highlight: Highlight; notices: string[] };

const COLUMN_OF = {
  title: 'title',
  text: 'text',
  source: 'source',
  byline: 'byline',
  notes: 'notes',
  tag: 'tags',
  claim: 'claims',
} as const;

const TYPE_NAMES: Record<string, EntityType> = {
  person: 'person',
  people: 'person',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  group: 'group',
  armedgroup: 'group',
  location: 'location',
  place: 'location',
  event: 'event',
  other: 'other',
};

const IS_MARKS = ['unread', 'starred', 'archived'];

/** A quoted FTS5 string: the folded words, with any " doubled. */
const quote = (words: string[]) => `"${words.join(' ').replace(/"/g, '""')}"`;

/** One typo for short words, two for long ones (as typo-tolerant engines do). */
export function defaultDistance(term: string): number {
  const length = [...term].length;
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

export function compileQuery(parsed: ParsedQuery, context: CompileContext): CompiledQuery {
  const positive: string[] = [];
  const negative: string[] = [];
  const where: string[] = [];
  const params: (string | number)[] = [];
  const highlight: Highlight = { terms: [], prefixes: [] };
  const notices: string[] = [];

  for (const clause of parsed.clauses) {
    const filters = clause.anyOf.filter((t) => t.kind === 'lang' || t.kind === 'date');
    if (filters.length && filters.length !== clause.anyOf.length) {
      throw new QueryError(
        'OR can join words, phrases and fields like entity:, or lang: and dates, but not the two kinds together.',
        clause.anyOf[0]!.at,
      );
    }
    if (filters.length) {
      const sql = filters.map((t) => filterSql(t, params)).join(' OR ');
      where.push(clause.negated ? `NOT (${sql})` : `(${sql})`);
      continue;
    }
    const parts = clause.anyOf.map((term) => termExpression(term, context, clause.negated ? null : highlight, notices));
    const expression = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
    (clause.negated ? negative : positive).push(expression);
  }

  let match: string | null = positive.length ? positive.join(' AND ') : null;
  let exclude: string | null = negative.length ? negative.join(' OR ') : null;
  if (match && exclude) {
    match = `(${match}) NOT (${exclude})`;
    exclude = null;
  }
  return { match, exclude, where, params, highlight, notices };
}

function termExpression(term: Term, context: CompileContext, highlight: Highlight | null, notices: string[]): string {
  switch (term.kind) {
    case 'word': {
      const words = queryTerms(term.text);
      if (!words.length) throw new QueryError(`"${term.text}" has no letters or digits to look for.`, term.at);
      const column = term.field ? COLUMN_OF[term.field] : null;
      // claim:territorial-control folds to two words: the kind is their join.
      if (term.field === 'claim' && !term.prefix && !term.fuzzy) {
        const marker = claimMarker(words.join(''), context);
        if (marker) return `claims : ${marker}`;
      }
      let expression: string;
      if (term.prefix) {
        // The parser counts what was typed; `a.*` or `'s*` fold to one letter, a prefix of most of the index.
        if (words.length === 1 && [...words[0]!].length < 2)
          throw new QueryError(`"${term.text}*" is too short: give at least two letters before the *.`, term.at);
        expression = `${quote(words)} *`;
        highlight?.terms.push(...words.slice(0, -1));
        highlight?.prefixes.push(words.at(-1)!);
      } else if (term.fuzzy !== 0 && words.length === 1) {
        const word = words[0]!;
        const distance = term.fuzzy === -1 ? defaultDistance(word) : term.fuzzy;
        const similar = distance ? context.similar(word, distance) : [];
        const all = [...new Set([word, ...similar])];
        highlight?.terms.push(...all);
        expression = all.length === 1 ? quote(all) : `(${all.map((w) => quote([w])).join(' OR ')})`;
      } else {
        highlight?.terms.push(...words);
        expression = quote(words);
      }
      return column ? `${column} : ${expression.startsWith('(') ? expression : `(${expression})`}` : expression;
    }
    case 'phrase': {
      const words = queryTerms(term.text);
      if (!words.length) throw new QueryError(`"${term.text}" has no letters or digits to look for.`, term.at);
      highlight?.terms.push(...words);
      const column = term.field ? COLUMN_OF[term.field] : null;
      return column ? `${column} : ${quote(words)}` : quote(words);
    }
    case 'entity': {
      const words = queryTerms(term.text);
      if (!words.length) throw new QueryError(`entity:"${term.text}" has no letters or digits.`, term.at);
      const found = context.entities(term.text);
      if (!found.length) {
        notices.push(`No entity in the registry is called "${term.text}": looked for the words instead.`);
        highlight?.terms.push(...words);
        return quote(words);
      }
      // Tagged mentions through the entity's id, and articles that only say one of its names
      // (untagged yet) through the names themselves.
      const names = [...new Set(found.flatMap((e) => e.names).map((n) => queryTerms(n).join(' ')))].filter(Boolean);
      for (const name of names) highlight?.terms.push(...name.split(' '));
      const ids = found.map((e) => quote([entityToken(e.id)]));
      const phrases = names.map((n) => quote(n.split(' ')));
      return `(entities : (${ids.join(' OR ')}) OR {title text} : (${phrases.join(' OR ')}))`;
    }
    case 'type': {
      const type = TYPE_NAMES[queryTerms(term.text).join('')];
      if (!type) {
        throw new QueryError(
          `"${term.text}" is not an entity type: use person, organization, group, location, event or other.`,
          term.at,
        );
      }
      return `entities : ${quote([typeToken(type)])}`;
    }
    case 'collection': {
      const found = context.collection(term.text);
      if (!found) throw new QueryError(`There is no collection called "${term.text}".`, term.at);
      // Its members are a query's results, not tokens in the index: say so rather than find nothing.
      if (found.query !== null)
        throw new QueryError(
          `"${term.text}" is a smart collection: search its query instead (${found.query}).`,
          term.at,
        );
      return `tags : ${quote([collectionToken(found.id)])}`;
    }
    case 'extraction': {
      const method = term.text.trim().toLowerCase();
      // An article proper is every other one: -extraction:fallback says that.
      if (!EXTRACTION_METHODS.includes(method as ExtractionMethod) || method === 'article')
        throw new QueryError(
          `"${term.text}" is not a way text is got: write extraction:fallback, extraction:pdf or extraction:ocr.`,
          term.at,
        );
      return `tags : ${quote([extractionToken(method)])}`;
    }
    case 'is': {
      // Issue 15's reading states; "read" is what has neither token: -is:unread -is:archived.
      const mark = term.text.trim().toLowerCase();
      if (!IS_MARKS.includes(mark))
        throw new QueryError(
          `"${term.text}" is not a reading state: write is:unread, is:starred or is:archived (-is:unread for read).`,
          term.at,
        );
      return `tags : ${quote([readingToken(mark)])}`;
    }
    case 'feed': {
      const words = feedWordTokens(term.text);
      if (!words.length) throw new QueryError(`feed:"${term.text}" has no letters or digits.`, term.at);
      return `tags : ${quote(words)}`;
    }
    default:
      throw new QueryError('This field cannot be used here.', term.at);
  }
}

/** claim:disputed, claim:casualties, claim:hedged: a status, a kind or the hedge marker. */
function claimMarker(word: string, context: CompileContext): string | null {
  if (word === 'hedged') return quote([HEDGED_TOKEN]);
  const status = context.claimStatuses.find((s) => s === word);
  if (status) return quote([claimStatusToken(status)]);
  const kind = context.claimKinds.find((k) => k.replace(/-/g, '') === word);
  if (kind) return quote([claimKindToken(kind)]);
  return null;
}

function filterSql(term: Extract<Term, { kind: 'lang' | 'date' }>, params: (string | number)[]): string {
  if (term.kind === 'lang') {
    const lang = term.text.trim().toLowerCase();
    if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(lang)) {
      throw new QueryError(`"${term.text}" is not a language code: write lang:ar, lang:en or lang:pt-br.`, term.at);
    }
    params.push(lang, `${lang}-%`);
    return '(d.lang = ? OR d.lang LIKE ?)';
  }
  // An article without a publication date is in no published: range (never put at its capture day;
  // captured: asks about that).
  const column = term.field === 'published' ? 'd.published' : 'd.captured';
  // Stated so that NOT finds the undated too: -published:2024 leaves out only what is known to be of 2024.
  const parts: string[] = term.field === 'published' ? ['d.published IS NOT NULL'] : [];
  if (term.from) {
    parts.push(`${column} >= ?`);
    params.push(term.from);
  }
  if (term.to) {
    parts.push(`${column} <= ?`);
    params.push(term.to);
  }
  return `(${parts.join(' AND ')})`;
}
