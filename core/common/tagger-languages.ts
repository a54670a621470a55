// Which rules tag an article's language: English's, another language's own, or (for a language without rules) the registry alone; shared with the UI, which says so.

/** Languages with their own rules in the tagger besides English; 'other' is every language without. */
export type OtherLanguage = 'fr' | 'es' | 'pt' | 'it' | 'de' | 'ru' | 'ar' | 'other';

/** 'full': the language's rules and lists ran; 'registry': only the user's registry was matched. */
export type TaggerCoverage = 'full' | 'registry';

const RULES = new Set<OtherLanguage>(['fr', 'es', 'pt', 'it', 'de', 'ru', 'ar']);

/** English for English and for text whose language nobody could tell (most of what is pasted short). */
export function taggerLanguage(language: string | undefined): 'en' | OtherLanguage {
  const code = (language ?? '').trim().toLowerCase().split(/[-_]/)[0]!;
  if (code === '' || code === 'en') return 'en';
  return RULES.has(code as OtherLanguage) ? (code as OtherLanguage) : 'other';
}

/** What the suggestions of an article in this language cover; the reader's side panel says so when it is the registry alone. */
export function taggerCoverage(language: string | undefined): TaggerCoverage {
  return taggerLanguage(language) === 'other' ? 'registry' : 'full';
}
