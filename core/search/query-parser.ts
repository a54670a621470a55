// The query language monitors type: words, "phrases", OR, -exclusions, prefix*, fuzzy~, field:value and date ranges, parsed into clauses or a message that says what to fix.

export const TEXT_FIELDS = ['title', 'text', 'source', 'byline', 'notes', 'tag'] as const;
export const FIELDS = [
  ...TEXT_FIELDS,
  'entity',
  'type',
  'collection',
  'claim',
  'lang',
  'extraction',
  'is',
  'feed',
  'published',
  'captured',
] as const;
export type Field = (typeof FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];

/** One thing to look for. `field` is null for words searched everywhere. */
export type Term = (
  | { kind: 'word'; field: TextField | 'claim' | null; text: string; prefix: boolean; fuzzy: number }
  | { kind: 'phrase'; field: TextField | 'claim' | null; text: string }
  | { kind: 'entity'; text: string }
  | { kind: 'type'; text: string }
  | { kind: 'collection'; text: string }
  | { kind: 'lang'; text: string }
  | { kind: 'extraction'; text: string }
  | { kind: 'is'; text: string }
  | { kind: 'feed'; text: string }
  | { kind: 'date'; field: 'published' | 'captured'; from: string | null; to: string | null }
) & { at: number };

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** Terms that must all match; each clause is one term or several joined by OR. */
export type Clause = { negated: boolean; anyOf: Term[] };
export type ParsedQuery = { clauses: Clause[] };

export class QueryError extends Error {
  constructor(
    message: string,
    /** Where in the query the problem is (a UTF-16 offset), to point at it. */
    readonly at: number,
  ) {
    super(message);
  }
}

type Lexeme = { text: string; quoted: boolean; at: number; negated: boolean; field: string | null; suffix: string };

/** Splits the query into lexemes: optional -, optional field:, a word or a "quoted phrase", and a trailing * or ~N. */
function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i]!)) {
      i++;
      continue;
    }
    const at = i;
    let negated = false;
    if (query[i] === '-' && i + 1 < query.length && !/\s/.test(query[i + 1]!)) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    const fieldMatch = /^([A-Za-z]+):/.exec(query.slice(i));
    if (fieldMatch) {
      field = fieldMatch[1]!.toLowerCase();
      i += fieldMatch[0].length;
    }
    let text = '';
    let quoted = false;
    if (query[i] === '"' || query[i] === '“' || query[i] === '”') {
      quoted = true;
      const close = query.slice(i + 1).search(/["“”]/);
      if (close < 0) {
        throw new QueryError('A quoted phrase is not closed: add the closing ".', i);
      }
      text = query.slice(i + 1, i + 1 + close);
      i += close + 2;
    } else {
      while (i < query.length && !/\s/.test(query[i]!)) text += query[i++];
    }
    let suffix = '';
    if (!quoted) {
      const tail = /(\*|~\d?)$/.exec(text);
      if (tail && tail[0].length < text.length) {
        suffix = tail[0];
        text = text.slice(0, -tail[0].length);
      }
    } else if (query[i] === '*' || query[i] === '~') {
      throw new QueryError('A phrase cannot end in * or ~: put them on single words.', i);
    }
    out.push({ text, quoted, at, negated, field, suffix });
  }
  return out;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a date of a year, a month or a day stands for. */
function dateBounds(value: string, at: number): { first: string; last: string } {
  const m = DATE.exec(value);
  if (!m) throw new QueryError(`"${value}" is not a date: write 2024, 2024-11 or 2024-11-27.`, at);
  const [, year, month, day] = m;
  const y = Number(year);
  if (month && (Number(month) < 1 || Number(month) > 12)) throw new QueryError(`There is no month ${month}.`, at);
  if (!month) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const lastDay = new Date(Date.UTC(y, Number(month), 0)).getUTCDate();
  if (day && (Number(day) < 1 || Number(day) > lastDay))
    throw new QueryError(`${year}-${month} has no day ${day}.`, at);
  if (!day) return { first: `${year}-${month}-01`, last: `${year}-${month}-${String(lastDay).padStart(2, '0')}` };
  return { first: value, last: value };
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** `2024-11-27..2024-12-01`, `2024-11`, `>2024-11`, `<=2024`, `2024..` as an inclusive day range. */
function parseDateRange(value: string, at: number): { from: string | null; to: string | null } {
  if (!value)
    throw new QueryError('Give a date after the colon: published:2024-11 or published:2024-11-01..2024-11-30.', at);
  const range = /^([^.]*)\.\.([^.]*)$/.exec(value);
  if (range) {
    const [, a, b] = range;
    if (!a && !b) throw new QueryError('A date range needs a start, an end or both.', at);
    const from = a ? dateBounds(a, at).first : null;
    const to = b ? dateBounds(b, at).last : null;
    if (from && to && from > to) throw new QueryError(`The range ${value} ends before it starts.`, at);
    return { from, to };
  }
  const cmp = /^(>=|<=|>|<)(.*)$/.exec(value);
  if (cmp) {
    const [, op, date] = cmp;
    const { first, last } = dateBounds(date!, at);
    if (op === '>') return { from: dayAfter(last), to: null };
    if (op === '>=') return { from: first, to: null };
    if (op === '<') return { from: null, to: dayBefore(first) };
    return { from: null, to: last };
  }
  const { first, last } = dateBounds(value, at);
  return { from: first, to: last };
}

function toTerm(lexeme: Lexeme): Term {
  return { ...termOf(lexeme), at: lexeme.at } as Term;
}

function termOf(lexeme: Lexeme): DistributiveOmit<Term, 'at'> {
  const { text, quoted, at, suffix } = lexeme;
  const field = lexeme.field;
  if (field !== null && !(FIELDS as readonly string[]).includes(field)) {
    throw new QueryError(
      `There is no field "${field}:". Fields are ${FIELDS.map((f) => `${f}:`).join(' ')} (or put the words in quotes).`,
      at,
    );
  }
  if (field !== null && !text) {
    throw new QueryError(`Give a value after "${field}:" (in quotes if it has spaces).`, at);
  }
  if (!quoted && !text) throw new QueryError(`"${suffix}" needs a word before it.`, at);
  if (quoted && !text.trim()) throw new QueryError('An empty phrase ("") finds nothing: put words in it.', at);
  const f = field as Field | null;
  if (f === 'published' || f === 'captured') {
    return { kind: 'date', field: f, ...parseDateRange(text + suffix, at) };
  }
  if (
    f === 'entity' ||
    f === 'type' ||
    f === 'collection' ||
    f === 'lang' ||
    f === 'extraction' ||
    f === 'is' ||
    f === 'feed'
  ) {
    if (suffix) throw new QueryError(`"${f}:" takes a name, not ${suffix}.`, at);
    return { kind: f, text };
  }
  if (quoted) return { kind: 'phrase', field: f, text };
  if (suffix === '*' && [...text].length < 2) {
    throw new QueryError(`"${text}*" is too short: give at least two letters before the *.`, at);
  }
  const fuzzy = suffix.startsWith('~') ? (suffix.length > 1 ? Number(suffix.slice(1)) : -1) : 0;
  if (fuzzy > 2) throw new QueryError('Fuzzy matching allows at most 2 typos (~1 or ~2).', at);
  return { kind: 'word', field: f, text, prefix: suffix === '*', fuzzy };
}

/**
 * Words must all match; `a OR b` matches either (OR binds tighter than the implicit AND, as in web
 * search engines); `-x` excludes; `x*` is a prefix; `x~` allows typos (one for short words, two for
 * long ones; `x~1` and `x~2` say how many).
 */
export function parseQuery(query: string): ParsedQuery {
  if (query.length > 2000) throw new QueryError('The query is longer than 2,000 characters.', 2000);
  const lexemes = lex(query);
  const clauses: Clause[] = [];
  for (let i = 0; i < lexemes.length; i++) {
    const lexeme = lexemes[i]!;
    if (isOr(lexeme)) {
      throw new QueryError(
        i === 0 ? 'OR needs something before it: a OR b.' : 'OR needs a word on each side: a OR b.',
        lexeme.at,
      );
    }
    const clause: Clause = { negated: lexeme.negated, anyOf: [toTerm(lexeme)] };
    while (i + 1 < lexemes.length && isOr(lexemes[i + 1]!)) {
      const next = lexemes[i + 2];
      if (!next || isOr(next)) throw new QueryError('OR needs a word on each side: a OR b.', lexemes[i + 1]!.at);
      if (next.negated !== clause.negated) {
        throw new QueryError('Both sides of OR must be excluded or neither: -a OR -b, or a OR b.', next.at);
      }
      clause.anyOf.push(toTerm(next));
      i += 2;
    }
    clauses.push(clause);
  }
  return { clauses };
}

function isOr(lexeme: Lexeme): boolean {
  return lexeme.text === 'OR' && !lexeme.quoted && !lexeme.field && !lexeme.negated && !lexeme.suffix;
}
