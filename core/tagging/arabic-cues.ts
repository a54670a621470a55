// Names in Arabic text that no list knows, from the words before them: a title for a person, "مدينة" (city of) for a place.
import type { Mention } from './mentions.ts';
import type { ScriptWord } from './script-gazetteer.ts';
import { isStopword } from './common-words.ts';
import { foldTerm } from '../search/fold.ts';

// Folded as search folds them (ة -> ه, أ -> ا): titles and roles before a person's name.
const folded = (list: string) => new Set(list.trim().split(/\s+/).map(foldTerm));
const TITLES = folded(
  `الرئيس رئيس الوزير وزير الملك الامير الشيخ السيد السيده الجنرال اللواء العميد العقيد المتحدث الناطق
   المبعوث السفير الامين القائد زعيم الزعيم النائب القاضي المدعي الدكتور الاستاذ الصحفي المراسل`,
);
/** Words that may sit between a title and the name: "الرئيس السوري بشار الأسد", "وزير الخارجية الروسي". */
const ROLE_WORDS = folded(`الخارجية الداخلية الدفاع العام الأعلى التنفيذي باسم الوزراء الحكومة`);
const PLACE_KINDS = folded(`مدينة بلدة قرية محافظة منطقة ولاية مخيم حي ريف إقليم`);
const BREAK = /[.،,:؛;!?؟()«»"\n]/u;

/** A nisba adjective with its article ("السوري", "الروسية"): part of a title, not of the name. */
function isNisba(folded: string): boolean {
  return /^ال.{2,}(?:ي|يه)$/u.test(folded);
}

export function findArabicCues(text: string, words: ScriptWord[], covered: Uint8Array): Mention[] {
  const mentions: Mention[] = [];
  const forms = words.map((w) => foldTerm(w.text));
  const gap = (a: number, b: number) => BREAK.test(text.slice(words[a]!.end, words[b]!.start));
  const usable = (k: number) =>
    k < words.length && covered[k] !== 1 && !isStopword(words[k]!.text, 'ar') && !/\p{N}/u.test(forms[k]!);
  for (let i = 0; i < words.length - 1; i++) {
    const word = forms[i]!.replace(/^[وف](?=..)/u, '');
    const person = TITLES.has(word);
    const place = PLACE_KINDS.has(word);
    if (!person && !place) continue;
    let k = i + 1;
    if (person) while (k < words.length && (ROLE_WORDS.has(forms[k]!) || isNisba(forms[k]!)) && !gap(k - 1, k)) k++;
    const first = k;
    const most = person ? 3 : 2;
    // A place's second word is its own only with the article ("دير الزور"); "سراقب بريف إدلب" is Saraqib, in rural Idlib.
    const goesOn = (at: number) => (person ? !forms[at]!.startsWith('و') : forms[at]!.startsWith('ال'));
    while (k < words.length && k - first < most && usable(k) && !gap(k - 1, k) && (k === first || goesOn(k))) k++;
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
