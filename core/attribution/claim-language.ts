// Which rules read an article's claims: its language as the article carries it, else detected from the text.
import { franc } from 'franc-min';
import type { ForeignLanguage } from './foreign-number-words.ts';

export type ClaimLanguage = 'en' | ForeignLanguage;
const FOREIGN = new Set<string>(['fr', 'es', 'ar']);
// Only the languages we have rules for: four trigram models are quick (under a millisecond an article).
const DETECTED: Record<string, ClaimLanguage> = { eng: 'en', fra: 'fr', spa: 'es', arb: 'ar' };

/**
 * 'en', 'fr', 'es' or 'ar'; null for a language we have no rules for (no claims beat English rules on German).
 * An article without a language (pasted text) is told among the four; too little text to tell stays English.
 */
export function claimLanguage(text: string, declared: string | undefined): ClaimLanguage | null {
  const given = declared?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (given === 'en') return 'en';
  if (FOREIGN.has(given)) return given as ForeignLanguage;
  if (given) return null;
  const code = franc(text.slice(0, 1000), { minLength: 40, only: Object.keys(DETECTED) });
  return DETECTED[code] ?? 'en';
}
