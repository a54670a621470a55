// Sports pages: "Leeds 2 Chelsea 1", "Surrey beat Kent": a city or region that plays is a team, an organization.
import type { Lexicon } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import type { Token } from './tokenize.ts';

const words = (list: string) => new Set(list.trim().split(/\s+/));
const SPORT_WORDS = words(`
  soccer football cricket tennis golf baseball basketball rugby hockey athletics cycling boxing racing
  match matches goal goals scored scorer scorers innings inning wicket wickets league cup championship tournament
  season seed seeded game games win wins won beat beaten defeat defeated draw drew points standings striker
  midfielder goalkeeper coach batsman bowler pitcher homer homers quarterback touchdown semifinal semi-final final
  quarter-final quarterfinal half-time halftime penalty penalties fixture fixtures division club clubs
`);
const MATCH_BEFORE = words(
  `beat beats beating beaten defeated defeat v v. vs vs. versus against host hosts hosted visit visiting`,
);
const MATCH_AFTER = words(`
  beat beats beating defeated drew draw lost won win wins v v. vs vs. versus trail trailed lead leads led host hosts
  captain coach manager striker midfielder defender goalkeeper keeper batsman bowler pitcher opener skipper
`);

/** Retypes places (and names nothing vouches for) that play in a match as organizations; mutates `mentions`. */
export function retypeTeams(tokens: Token[], mentions: Mention[], lexicon: Lexicon): void {
  let sporty = 0;
  for (const token of tokens) if (SPORT_WORDS.has(token.lower)) sporty++;
  const byStart = new Map<number, number>();
  tokens.forEach((token, i) => byStart.set(token.start, i));
  const lines = countLines(tokens);
  const teams = new Set<string>();
  const playing = new Set<Mention>();
  for (const mention of mentions) {
    if (!mayBeTeam(mention, lexicon)) continue;
    const first = byStart.get(mention.start);
    if (first === undefined) continue;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < mention.end) last++;
    const before = tokens[first - 1];
    const after = tokens[last + 1];
    const line = lines[tokens[first]!.line]!;
    // A line of results: at least two numbers and few words ("Leeds 2 Chelsea 1", "Atlanta 71 45 .612").
    const scored = after?.pos === 'NUM' && line.numbers >= 2 && line.words <= 10;
    const inMatch =
      sporty >= 3 &&
      ((before && MATCH_BEFORE.has(before.lower)) || (after && MATCH_AFTER.has(after.lower) && !after.capitalized));
    if (!scored && !inMatch) continue;
    teams.add(mention.surface.toLowerCase());
    playing.add(mention);
  }
  if (teams.size === 0) return;
  // The same place elsewhere on a sports page is the same team.
  for (const mention of mentions) {
    if (!teams.has(mention.surface.toLowerCase()) || !mayBeTeam(mention, lexicon)) continue;
    if (!playing.has(mention) && mention.type !== 'location' && sporty < 3 && mention.strength >= 1) continue;
    mention.type = 'organization';
    mention.source = 'rule';
    mention.name = mention.surface;
    mention.strength = 3;
  }
}

function mayBeTeam(mention: Mention, lexicon: Lexicon): boolean {
  if (mention.source === 'registry') return false;
  // National sides stay places (CoNLL's convention, and a monitor's too): "Japan 2 Syria 1".
  if (mention.type === 'location')
    return !lexicon.countries.has(mention.surface.toLowerCase()) && !lexicon.countries.has(mention.name.toLowerCase());
  // A lone word only the lexicon calls a person ("Chelsea" is a first name too), with no title or full name.
  return mention.type === 'person' && mention.source === 'model' && !mention.surface.includes(' ');
}

/** Numbers and words on each line, counted once (a results check per mention would be quadratic on long lines). */
function countLines(tokens: Token[]): { numbers: number; words: number }[] {
  const lines: { numbers: number; words: number }[] = [];
  for (const token of tokens) {
    const line = (lines[token.line] ??= { numbers: 0, words: 0 });
    if (token.pos === 'NUM') line.numbers++;
    else if (/\p{L}/u.test(token.text)) line.words++;
  }
  return lines;
}
