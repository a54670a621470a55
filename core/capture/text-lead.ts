// The head of a text without a title: its first sentence as the title, the dateline and agency credit it opens with kept apart.
import { shortenText } from '../common/clip-text.ts';
import { findDateline } from './wire-credits.ts';

/** Longest title made from the text; the rest of the sentence is in the text anyway. */
const MAX_TITLE = 120;

/** A credit in brackets opening the text: "(MENAFN) …", "(MENAFN- Jordan Times) …", "(AFP) - …". */
const OPENING_CREDIT = /^\(([^()\n]{2,60})\)\s*(?:[-–—]{1,2}\s*)?/u;

/** Words a full stop follows without ending the sentence: titles, months, "No." and company forms. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt maj cmdr adm rep sen gov pres st no vs etc inc ltd co corp jr sr ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

export type TextLead = {
  /** The first sentence, without the dateline, the credit or its closing full stop. */
  title: string;
  /** "KYIV (Reuters)", as findDateline reads it; '' when the text opens without one. */
  dateline: string;
  /** Who the opening brackets credit ("Reuters", "MENAFN"): the source when none was given. */
  credit: string;
};

export function leadOf(text: string): TextLead {
  const first =
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? '';
  let rest = first;
  let credit = '';
  const dateline = findDateline(first);
  if (dateline) {
    rest = first.slice(first.indexOf(dateline) + dateline.length).replace(/^\s*[-–—]{1,2}\s*/u, '');
    credit = /\(([^)]+)\)/.exec(dateline)?.[1]?.trim() ?? '';
  } else {
    const opening = OPENING_CREDIT.exec(first);
    if (opening) {
      rest = first.slice(opening[0].length);
      credit = opening[1]!.replace(/[\s\-–—]+$/u, '').trim();
    }
  }
  const sentence = firstSentence(rest).replace(/\.$/, '').trim();
  return { title: shortenText(sentence || first || 'Untitled', MAX_TITLE), dateline, credit };
}

/** A title for a text that came without one. */
export function titleFromText(text: string): string {
  return leadOf(text).title;
}

/** Up to the first full stop, "!" or "?" before a space and a capital, digit or quote, skipping abbreviations. */
function firstSentence(line: string): string {
  const ends = /[.!?…]["”’)]?(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  for (let match = ends.exec(line); match; match = ends.exec(line)) {
    if (match[0][0] === '.') {
      const word = /(\S+)\.$/.exec(line.slice(0, match.index + 1))?.[1] ?? '';
      // "U.S." and "A." are initials; "Gen." and "Sept." are abbreviations: neither ends a sentence.
      if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    return line.slice(0, match.index + match[0].length);
  }
  return line;
}
