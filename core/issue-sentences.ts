// What zod finds wrong, as sentences a person reads ("This text is 5.2 million characters; the limit is 2 million"): the one place they are worded.
import type { z } from 'zod';

/** What a field is called in a sentence; others are named by their key. */
const FIELD_NAMES: Record<string, string> = {
  text: 'this text',
  title: 'the title',
  source: 'the source',
  url: 'the web address',
  byline: 'the byline',
  notes: 'the notes',
  tags: 'the tags',
  name: 'the name',
  aliases: 'the aliases',
  description: 'the description',
  publishedAt: 'the publication date',
  language: 'the language',
  query: 'the query',
  ids: 'the list',
  sort: 'the sort',
  order: 'the order',
  limit: 'the limit',
  offset: 'the offset',
  format: 'the format',
  action: 'the action',
  type: 'the type',
  kind: 'the kind',
  status: 'the status',
};

/** A count as people say it: "5.2 million", "48,000", "2 million". */
export function spokenCount(n: number, other?: number): string {
  if (n >= 1_000_000) {
    const millions = `${Number((n / 1_000_000).toFixed(1))} million`;
    // "2 million; the limit is 2 million" says nothing: then the exact figure.
    if (other === undefined || spokenCount(other) !== millions) return millions;
  }
  return n.toLocaleString('en-US');
}

type RawIssue = z.core.$ZodRawIssue;

/** The field an issue is about, as the subject of a sentence. */
function subjectOf(path: readonly PropertyKey[] | undefined): string {
  const key = [...(path ?? [])].reverse().find((part) => typeof part === 'string');
  if (key === undefined) return 'this value';
  // Own keys only: a field called "constructor" or "__proto__" would otherwise find Object's own and crash the sentence.
  return Object.hasOwn(FIELD_NAMES, key) ? FIELD_NAMES[key]! : `“${key}”`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
};

const FORMATS: Record<string, string> = {
  url: 'is not a web address',
  date: 'is not a date written YYYY-MM-DD',
  datetime: 'is not a date and time (ISO 8601)',
  uuid: 'is not an id this archive gives',
  email: 'is not an email address',
  regex: 'is not in the form it must have',
};

/** One issue as a sentence; undefined leaves zod's own words (a shape we do not word). */
export function issueSentence(issue: RawIssue): string | undefined {
  // The arguments list itself (a call with too few or too many): the transport names the method, not us.
  if (!issue.path?.length && Array.isArray(issue.input)) return undefined;
  const subject = subjectOf(issue.path);
  const input = issue.input;
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string' && typeof input === 'string')
        return `${capital(subject)} is ${spokenCount(input.length, max)} characters; the limit is ${spokenCount(max, input.length)}.`;
      if (issue.origin === 'array' && Array.isArray(input))
        return `${capital(subject)} has ${spokenCount(input.length)} items; the limit is ${spokenCount(max)}.`;
      if (issue.origin === 'number' && typeof input === 'number')
        return `${capital(subject)} is ${input}; the most it can be is ${max}.`;
      return `${capital(subject)} is too long; the limit is ${spokenCount(max)}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1
          ? `${capital(subject)} cannot be empty.`
          : `${capital(subject)} must be at least ${spokenCount(min)} characters.`;
      if (issue.origin === 'array')
        return `${capital(subject)} needs at least ${spokenCount(min)} ${min === 1 ? 'item' : 'items'}.`;
      if (issue.origin === 'number' && typeof input === 'number')
        return `${capital(subject)} is ${input}; the least it can be is ${min}.`;
      return undefined;
    }
    case 'invalid_type':
      if (input === undefined) return `${capital(subject)} is missing.`;
      return `${capital(subject)} must be ${KINDS[issue.expected] ?? issue.expected}.`;
    case 'invalid_value':
      return `${capital(subject)} must be one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'invalid_format': {
      const wrong = FORMATS[issue.format];
      if (!wrong) return undefined;
      // The words themselves say best what is wrong with them, when they are short enough to quote.
      return typeof input === 'string' && input.length <= 80 && input.trim()
        ? `“${input}” ${wrong}.`
        : `${capital(subject)} ${wrong}.`;
    }
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `“${issue.keys[0]}” is not a field this accepts.`
        : `${issue.keys.map((k) => `“${k}”`).join(', ')} are not fields this accepts.`;
    default:
      return undefined;
  }
}

/** A whole sentence stands alone; a schema's own phrase ("the title cannot be empty") is placed by its path. */
export function isSentence(message: string): boolean {
  return /^[\p{Lu}“"]/u.test(message) && /[.!?]$/.test(message);
}
