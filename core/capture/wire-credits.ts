// Datelines ("KAROVSK, March 14 (Reuters) -"), the news agencies an article credits, and the agency an outlet is.
import { clipText } from '../common/clip-text.ts';

/** Agencies monitors meet daily, with the names they go by; matched as whole words, case-sensitive (AP is not "ap"). */
const AGENCIES: [string, string][] = [
  ['Reuters', 'Reuters|رويترز|Рейтер|Рейтерс'],
  ['AP', 'AP|Associated Press|أسوشيتد برس|Ассошиэйтед Пресс'],
  ['AFP', 'AFP|Agence France-Presse|فرانس برس|Франс Пресс'],
  ['dpa', 'dpa'],
  ['EFE', 'EFE'],
  ['ANSA', 'ANSA'],
  ['Xinhua', 'Xinhua'],
  ['TASS', 'TASS'],
  ['RIA Novosti', 'RIA Novosti|RIA'],
  ['Interfax', 'Interfax'],
  ['Anadolu', 'Anadolu Agency|Anadolu'],
  ['SANA', 'SANA'],
  ['WAFA', 'WAFA'],
  ['IRNA', 'IRNA'],
  ['Kyodo', 'Kyodo'],
  ['Yonhap', 'Yonhap'],
  ['PTI', 'PTI'],
  ['UPI', 'UPI'],
  ['Bloomberg', 'Bloomberg'],
  ['Ukrinform', 'Ukrinform'],
];

/** How a text credits an agency: "(Reuters)", "cited by Reuters", "according to AFP", "told AP", "– AFP". */
const CREDIT_CONTEXT = [
  (name: string) => `\\((?:${name})\\)`,
  (name: string) => `(?:cited|quoted|reported) by (?:the )?(?:${name})`,
  (name: string) => `according to (?:the )?(?:${name})`,
  (name: string) => `told (?:the )?(?:${name})`,
  (name: string) => `(?:${name}) (?:reported|said|reports|news agency)`,
  (name: string) => `^(?:${name})(?![\\p{L}\\p{N}])`,
];

/** The dateline at the head of the first paragraph, if it has one. */
export function findDateline(text: string): string {
  const head = clipText(text, 300);
  // PLACE, Month Day (Agency) - ; PLACE (Agency) — ; PLACE, Month Day -
  const match =
    /^([A-ZÀ-Ý][A-ZÀ-Ý' .-]{1,40}(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?(?:\s*,\s*\d{4})?\s*(?:\([^)]{2,40}\))?)\s*[-–—]{1,2}\s/.exec(
      head,
    );
  return match ? match[1]!.trim() : '';
}

/** Compiled once: per agency, "named anywhere" (for bylines and datelines) and "credited in the text". */
const MATCHERS = AGENCIES.map(([name, names]) => ({
  name,
  // Letters on either side, not \b: \b knows only ASCII words, and the names include Arabic and Cyrillic.
  anywhere: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names})(?![\\p{L}\\p{N}])`, 'u'),
  credited: new RegExp(CREDIT_CONTEXT.map((context) => context(names)).join('|'), 'mu'),
}));

const WHOLE_NAMES = AGENCIES.map(([name, names]) => ({ name, whole: new RegExp(`^(?:${names})$`, 'iu') }));

/** The agency a name is, when the whole name is one it goes by ("Associated Press" is AP): an outlet that is itself a wire. */
export function agencyNamed(name: string): string | null {
  const trimmed = name.trim();
  return WHOLE_NAMES.find(({ whole }) => whole.test(trimmed))?.name ?? null;
}

export function findWireCredits(text: string, byline = '', dateline = ''): string[] {
  return MATCHERS.filter(
    ({ anywhere, credited }) => anywhere.test(byline) || anywhere.test(dateline) || credited.test(text),
  ).map(({ name }) => name);
}
