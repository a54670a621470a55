// Names in Arabic text that no list knows, from the words before them: a title for a person, "مدينة" (city of) for a place.
import type { Mention } from './mentions.ts';
import type { ScriptWord } from './script-gazetteer.ts';
import { isStopword } from './common-words.ts';
import { foldTerm } from '../search/fold.ts';

// Folded as search folds them (ة -> ه, أ -> ا): titles and roles before a person's name.
const TITLES = new Set(
  `الرئيس رئيس الوزير وزير الملك الامير الشيخ السيد السيده الجنرال اللواء العميد العقيد المتحدث الناطق
   المبعوث السفير الامين القائد زعيم الزعيم النائب القاضي المدعي الدكتور الاستاذ الصحفي المراسل`
    .trim()
    .split(/\s+/),
);
/** Words that may sit between a title and the name: "الرئيس السوري بشار الأسد", "وزير الخارجية الروسي". */
const ROLE_WORDS = new Set(`الخارجيه الداخليه الدفاع العام الاعلى التنفيذي باسم الوزراء الحكومه`.split(' '));
const PLACE_KINDS = new Set(`مدينه بلده قريه محافظه منطقه ولايه مخيم حي ريف اقليم`.split(' '));
const BREAK = /[.،,:؛;!?؟()«»"\n]/u;

/** A nisba adjective with its article ("السوري", "الروسية"): part of a title, not of the name. */
function isNisba(folded: string): boolean {
  return /^ال.{2,}(?:ي|يه)$/u.test(folded);
}

export function findArabicCues(text: string, words: ScriptWord[], covered: Uint8Array): Mention[] {
  const mentions: Mention[] = [];
  const folded = words.map((w) => foldTerm(w.text));
  const gap = (a: number, b: number) => BREAK.test(text.slice(words[a]!.end, words[b]!.start));
  const usable = (k: number) =>
    k < words.length && covered[k] !== 1 && !isStopword(words[k]!.text, 'ar') && !/\p{N}/u.test(folded[k]!);
  for (let i = 0; i < words.length - 1; i++) {
    const word = folded[i]!.replace(/^[وف](?=..)/u, '');
    const person = TITLES.has(word);
    const place = PLACE_KINDS.has(word);
    if (!person && !place) continue;
    let k = i + 1;
    if (person) while (k < words.length && (ROLE_WORDS.has(folded[k]!) || isNisba(folded[k]!)) && !gap(k - 1, k)) k++;
    const first = k;
    const most = person ? 3 : 2;
    while (
      k < words.length &&
      k - first < most &&
      usable(k) &&
      !gap(k - 1, k) &&
      !(person && k > first && folded[k]!.startsWith('و'))
    )
      k++;
    // A person is named with at least two words ("بشار الأسد"); a place with one ("مدينة إدلب").
    if (k - first < (person ? 2 : 1)) continue;
    const start = words[first]!.start;
    const end = words[k - 1]!.end;
    const surface = text.slice(start, end);
    mentions.push({
      start,
      end,
      type: person ? 'person' : 'location',
      source: 'rule',
      strength: 3,
      entityId: null,
      name: surface,
      surface,
    });
    i = k - 1;
  }
  return mentions;
}
