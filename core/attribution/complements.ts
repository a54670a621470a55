// What follows a cue verb: "that ...", a quote, a bare clause, "to" and a verb, an object, "for"/"about" and a noun.
import type { Token } from '../tagging/tokenize.ts';
import { isDash, isStop, type Article } from './clauses.ts';
import { CUE_VERBS, type CueFrame } from './cue-words.ts';
import { headOf, phraseAfter, type Range } from './noun-phrases.ts';
import type { Sentence } from './sentences.ts';

export const HEARER_VERBS = new Set('tell inform assure reassure warn urge ask remind brief'.split(' '));
// Verbs of finding and knowing say nothing of anyone's words without a clause.
const NEED_CLAUSE = new Set(
  'find show see know understand consider recognize recognise realize realise feel'.split(' '),
);
/** Verbs whose object is what was said: "denied the allegations", "condemned the escalation". */
export const OBJECT_VERBS = new Set(
  `deny reject dismiss refute condemn criticize criticise denounce praise blame allege welcome cite echo question
  blast slam mock ridicule applaud hail endorse describe express demand propose recommend announce dispute
  mention detail outline tout laud lambast chastise scold deride downplay reference invoke recall portray
  label liken compare acknowledge admit confirm unveil disclose reveal highlight emphasize stress voice
  urge promise pledge vow predict estimate debate support oppose back favor favour embrace
  champion want`.split(/\s+/),
);
/** Verbs that report speech only with their particle: "called for", "spoke about", "pointed out". */
export const PHRASAL: Record<string, string[]> = {
  call: ['for', 'on'],
  speak: ['about', 'of', 'out', 'on', 'against'],
  talk: ['about', 'of'],
  complain: ['about', 'of'],
  warn: ['against', 'of', 'about'],
  point: ['out'],
  lay: ['out'],
  ask: ['about', 'for'],
  argue: ['for', 'against'],
  push: ['for'],
  advocate: ['for'],
  press: ['for'],
  rail: ['against'],
  lash: ['out'],
  apologize: ['for'],
  apologise: ['for'],
  write: ['about', 'of'],
  testify: ['about', 'on'],
  comment: ['on'],
  joke: ['about'],
  boast: ['about', 'of'],
  brag: ['about'],
  worry: ['about'],
  insist: ['on'],
  weigh: ['in'],
  rally: ['behind', 'against'],
};
const SOURCE_NOUNS = new Set(
  `poll polls survey surveys study studies report reports analysis data research evidence figures statistics
  records documents document video footage images photos transcript memo letter filing filings review audit
  investigation probe numbers results tally count census average averages index forecast model projection chart
  map graph table slide presentation`.split(/\s+/),
);
const WH = new Set('how why what whether if when where who which'.split(' '));
const ADJUNCT_START = new Set('on in at during after before via through over while'.split(' '));
const TIME_NOUNS = new Set('week month year night morning afternoon evening weekend day'.split(' '));
export const TIME = new Set(
  'monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later also'.split(' '),
);
const SUBJECT_START = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ']);
const IN_SUBJECT = new Set(['NOUN', 'PROPN', 'PRON', 'DET', 'ADJ', 'NUM', 'PART', 'ADP', 'CCONJ', 'X']);

/** Where forward content starts after the verb (and its hearer and adjuncts), or -1. */
export function complementStart(
  article: Article,
  sentence: Sentence,
  r: number,
  lemma: string,
  frames: Set<CueFrame>,
  subject: Range,
): number {
  const { tokens } = article;
  const next = tokens[r]!;
  if (lemma === 'call') return calledStart(article, r, subject);
  const after = tokens[r + 1];
  const last = sentence.last;
  const particles = PHRASAL[lemma];
  if (particles?.includes(next.lower)) {
    let k = r + 1;
    if (next.lower === 'out' && /^(that|at|against|on|about)$/.test(after?.lower ?? '')) k++;
    return k <= last ? k : -1;
  }
  if (frames.size === 1 && frames.has('phrasal')) return -1;
  if (next.lower === 'that' && after && r + 1 <= last) return r + 1;
  if (next.text === ':' && after) return r + 1;
  if (next.text === ',' && article.opening.has(r + 1)) return r + 1;
  if (article.opening.has(r)) return r;
  if (WH.has(next.lower) && (frames.has('speech') || frames.has('thought')) && r + 1 <= last) return r;
  const infinitive = after?.pos === 'VERB' || (after?.pos === 'ADV' && tokens[r + 2]?.pos === 'VERB');
  if (next.lower === 'to' && infinitive && (frames.has('intent') || HEARER_VERBS.has(lemma))) return r;
  if (frames.has('intent') && !frames.has('speech') && !frames.has('thought')) return -1;
  const objectStart = ['NOUN', 'PROPN', 'DET', 'ADJ', 'PRON', 'NUM'].includes(next.pos);
  if (OBJECT_VERBS.has(lemma) && objectStart) return r;
  // "a poll shows Clinton ahead", "the study found 31 cases": a document's findings are its claims.
  if (NEED_CLAUSE.has(lemma) && objectStart && SOURCE_NOUNS.has(tokens[headOf(tokens, subject)]!.lower)) return r;
  // A clause without "that": "said the plan was dead", "believes he will win", "says of Clinton, “If ...".
  if (clauseFollows(article, r, last)) return r;
  // The subject left in a relative clause: "which he said were accompanied by", "Everything Trump says is a lie".
  if ((next.pos === 'AUX' || (next.pos === 'VERB' && !/ing$/.test(next.lower))) && frames.has('speech')) return r;
  if (next.text === ',' && !NEED_CLAUSE.has(lemma) && clauseFollows(article, r + 1, last)) return r + 1;
  return -1;
}

/** "called climate change a hoax", "called it “outrageous”", "what he called Machado's “sex tape”", "called for". */
function calledStart(article: Article, r: number, subject: Range): number {
  const { tokens } = article;
  const next = tokens[r];
  if (!next) return -1;
  if (next.lower === 'for' || next.lower === 'on') return r + 1;
  const relative = /^(what|which)$/.test(tokens[subject.first - 1]?.lower ?? '');
  if (relative && (SUBJECT_START.has(next.pos) || article.opening.has(r))) return r;
  for (let k = r + 1; k <= r + 10 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.lower === 'a' || t.lower === 'an' || article.opening.has(k)) return r;
    if (t.pos === 'ADJ' && /^(PRON|NOUN|PROPN)$/.test(tokens[k - 1]!.pos)) return r;
    if (!(IN_SUBJECT.has(t.pos) || t.text === '-')) return -1;
  }
  return -1;
}

/** A subject and then its verb (or a quote) within a few words: the start of a bare clause. */
function clauseFollows(article: Article, r: number, last: number): boolean {
  const { tokens } = article;
  const first = tokens[r];
  // "nearly 40 fighters were wounded": a qualifying adverb may lead the subject.
  const qualified = first?.pos === 'ADV' && /^(NUM|DET)$/.test(tokens[r + 1]?.pos ?? '');
  if (!first || !(SUBJECT_START.has(first.pos) || qualified) || first.lower === 'that') return false;
  for (let k = r + 1; k <= last && k <= r + 14; k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX' || article.opening.has(k)) return !/ing$/.test(t.lower) || k > r + 1;
    // The tagger reads "protests demands that" as nouns.
    if (t.pos === 'NOUN' && /s$/.test(t.lower) && tokens[k + 1]?.lower === 'that' && CUE_VERBS.has(t.lower))
      return true;
    if (!(IN_SUBJECT.has(t.pos) || t.pos === 'ADV' || t.text === '-')) return false;
  }
  return false;
}

/** After an inverted cue only adjuncts may follow: "..., he said on Tuesday", "said of the plan", "said last week." */
export function endsClause(article: Article, r: number, last: number): boolean {
  const t = article.tokens[r];
  if (r > last || !t || isStop(t) || /^[,;:]$/.test(t.text) || article.closing.has(r) || isDash(t)) return true;
  if (t.pos === 'ADP' || t.pos === 'ADV' || t.pos === 'SCONJ' || TIME.has(t.lower)) return true;
  return (t.pos === 'DET' || t.pos === 'ADJ') && TIME_NOUNS.has(article.tokens[r + 1]?.lower ?? '');
}

/** Skips "Tuesday", "last week", and "in a statement", "at a news conference" when a complement follows them. */
export function skipAdjuncts(article: Article, r: number, last: number): number {
  const { tokens } = article;
  let committed = r;
  let k = r;
  for (let round = 0; round < 4 && k <= last; round++) {
    const t = tokens[k]!;
    // An adverb before a number or a noun qualifies it ("said nearly 40 fighters"): it stays.
    const adverb = t.pos === 'ADV' && !WH.has(t.lower) && !/^(NUM|DET|ADJ|NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? '');
    const simple = TIME.has(t.lower) || adverb || (TIME_NOUNS.has(t.lower) && TIME.has(tokens[k - 1]?.lower ?? ''));
    const timeNoun = (t.pos === 'DET' || t.pos === 'ADJ') && TIME_NOUNS.has(tokens[k + 1]?.lower ?? '');
    if (simple || timeNoun) {
      k += timeNoun ? 2 : 1;
      committed = k;
      continue;
    }
    if (!ADJUNCT_START.has(t.lower)) break;
    // "on Tuesday (night)": a date leaves the rest to be the content.
    if (TIME.has(tokens[k + 1]?.lower ?? '')) {
      k += TIME_NOUNS.has(tokens[k + 2]?.lower ?? '') ? 3 : 2;
      committed = k;
      continue;
    }
    const np = phraseAfter(tokens, k + 1, last, false);
    if (!np) break;
    k = np.last + 1;
    const after = tokens[k];
    if (!after || after.lower === 'that' || /^[:,]$/.test(after.text) || article.opening.has(k) || isStop(after))
      committed = k;
    else if (clauseFollows(article, k, last)) return k;
  }
  return committed;
}

export function isParticipleLead(t: Token | undefined): boolean {
  return t !== undefined && (t.text === ',' || /^(and|as|while|by|after|before|from|for|of|without)$/.test(t.lower));
}
