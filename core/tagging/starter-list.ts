// The bundled starter list (countries, cities, regions, international bodies, agencies, armed groups), indexed on first use.
import { EntityType } from '../model.ts';
import entries from '../../assets/starter-entities.json' with { type: 'json' };
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';

export type StarterEntry = { name: string; type: EntityType; aliases: string[] };

let gazetteer: Gazetteer<StarterEntry> | undefined;

// British and American spellings of the same body: "World Health Organisation", "Defense Ministry".
const SPELLINGS: [RegExp, string][] = [
  [/Organization/g, 'Organisation'],
  [/Organisation/g, 'Organization'],
  [/Defense/g, 'Defence'],
  [/Defence/g, 'Defense'],
  [/Center/g, 'Centre'],
  [/Centre/g, 'Center'],
  [/Programme/g, 'Program'],
  [/Labour/g, 'Labor'],
];

export function loadStarterList(): Gazetteer<StarterEntry> {
  gazetteer ??= buildGazetteer(
    entries.map((entry) => {
      const forms = [entry.name, ...(entry.aliases ?? [])];
      const variants = forms.flatMap((form) => SPELLINGS.map(([from, to]) => form.replace(from, to)));
      const aliases = [...new Set([...forms.slice(1), ...variants])].filter((form) => form !== entry.name);
      return { name: entry.name, type: EntityType.parse(entry.type), aliases };
    }),
  );
  return gazetteer;
}

let aliasesByName: Map<string, string[]> | undefined;

/** What else the starter list calls one of its canonical names ("US", "U.S." for "United States"); [] if unknown. */
export function starterAliases(name: string): string[] {
  aliasesByName ??= new Map(entries.map((entry) => [entry.name, entry.aliases ?? []]));
  return aliasesByName.get(name) ?? [];
}
