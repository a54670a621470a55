// The starter list in another language: its own names, the translations beside it, and the runtime's CLDR country names.
import entries from '../../assets/starter-entities-translations.json' with { type: 'json' };
import starter from '../../assets/starter-entities.json' with { type: 'json' };
import { EntityType } from '../model.ts';
import { buildScriptGazetteer, type ScriptGazetteer } from './script-gazetteer.ts';
import type { OtherLanguage } from './word-keys.ts';

export type KnownEntry = { name: string; type: EntityType; forms: string[] };

const translations = entries as unknown as Record<string, Partial<Record<OtherLanguage, string[]>>>;
const built = new Map<OtherLanguage, ScriptGazetteer<KnownEntry>>();

/** Region codes by every English name the runtime gives them ("United States", "US"). */
function regionCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const long = new Intl.DisplayNames(['en'], { type: 'region' });
  const short = new Intl.DisplayNames(['en'], { type: 'region', style: 'short' });
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      for (const names of [long, short]) {
        const name = names.of(code);
        if (name && name !== code) codes.set(name, code);
      }
    }
  return codes;
}

/** Every starter entry with the forms it goes by in `language` (its English forms too: "Reuters", "Hamas"). */
export function starterIn(language: OtherLanguage): ScriptGazetteer<KnownEntry> {
  const cached = built.get(language);
  if (cached) return cached;
  const codes = regionCodes();
  const long = new Intl.DisplayNames([language], { type: 'region' });
  const short = new Intl.DisplayNames([language], { type: 'region', style: 'short' });
  const list: KnownEntry[] = starter.map((entry) => {
    const english = [entry.name, ...(entry.aliases ?? [])];
    const forms = [...english, ...(translations[entry.name]?.[language] ?? [])];
    const code = english.map((name) => codes.get(name)).find(Boolean);
    if (code && entry.type === 'location') forms.push(long.of(code)!, short.of(code)!);
    return { name: entry.name, type: EntityType.parse(entry.type), forms: [...new Set(forms)] };
  });
  const gazetteer = buildScriptGazetteer(list, (entry) => entry.forms, language);
  built.set(language, gazetteer);
  return gazetteer;
}
