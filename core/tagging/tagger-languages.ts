// Which rules tag an article's language: English's, another language's own, or (for a language without rules) the registry alone.
import type { OtherLanguage } from './word-keys.ts';

/** 'full': the language's rules and lists ran; 'registry': only the user's registry was matched. */
export type TaggerCoverage = 'full' | 'registry';

const RULES = new Set<OtherLanguage>(['fr', 'es', 'pt', 'it', 'de', 'ru', 'ar']);

/** English for English and for text whose language nobody could tell (most of what is pasted short). */
export function taggerLanguage(language: string | undefined): 'en' | OtherLanguage {
  const code = (language ?? '').trim().toLowerCase().split(/[-_]/)[0]!;
  if (code === '' || code === 'en') return 'en';
  return RULES.has(code as OtherLanguage) ? (code as OtherLanguage) : 'other';
}
