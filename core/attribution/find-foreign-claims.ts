// Claims in French, Spanish and Arabic: "X a déclaré que ...", "..., selon X", "قال X إن ...", hedged sentences, the outlet's counts.
import type { ClaimKind, ClaimSuggestion, EntityHint, TextSpan } from './claim-types.ts';
import { cueRules, type CueClass, type CueRules } from './foreign-cue-words.ts';
import type { ForeignLanguage } from './foreign-number-words.ts';
import { parseForeignQuantities } from './foreign-quantities.ts';
import { ForeignParties, type ForeignRaw, type Frame } from './foreign-parties.ts';
import { countWords, splitForeignSentences, type Piece } from './foreign-text.ts';

const TERRITORY =
  /(?:pris|prise|repris) le contrôle|s['’]est emparée?|se sont emparés|(?:tomó|tomaron|tomado) el control|se apoder[óa]|(?<![\p{L}])[وف]?(?:سيطر|سيطرت|سيطرة|استولى|استولت)(?![\p{L}])/iu;
const ATTACK =
  /(?<![\p{L}])(?:attaque|attaques|frappe|frappes|bombardement|bombardements|bombardé|ataque|ataques|bombardeo|bombardeos|bombardeó|[وف]?(?:هجوم|قصف|غارة|غارات|استهدف|استهدفت))(?![\p{L}])/iu;
const MAX_CLAIMANT_WORDS = 12;
const MIN_OUTLET_WORDS = 5;

/** Every claim in `text`, sorted by start, contents never overlapping. */
export function findForeignClaims(
  text: string,
  language: ForeignLanguage,
  entities: EntityHint[],
  outlet: string | undefined,
): ClaimSuggestion[] {
  const rules = cueRules(language);
  const sentences = splitForeignSentences(text);
  const parties = new ForeignParties(text, entities, rules);
  const claims: ClaimSuggestion[] = [];
  sentences.forEach((sentence, at) => {
    for (const raw of keepApart(text, findInSentence(text, sentence, rules, language))) {
      const party = parties.resolve(raw);
      if (party === undefined) continue;
      const content = span(text, raw.content);
      const quantities = parseForeignQuantities(content.text, language, content.start);
      const via = raw.via.map((piece) => parties.name(piece));
      if (outlet && party && via[via.length - 1] !== outlet && party.name !== outlet) via.push(outlet);
      const hedges = findHedges(text, rules, sentence, sentences[at + 1], raw);
      const kind = kindOf(raw.frame, content.text, quantities);
      if (raw.frame === 'outlet' && kind === 'other') continue;
      claims.push({
        ...content,
        cue: span(text, raw.cue),
        claimant: party,
        via,
        target: null,
        kind,
        hedged: hedges.length > 0,
        hedges,
        quantities,
        confidence: raw.confidence,
      });
    }
  });
  return claims;
}

function findInSentence(text: string, sentence: Piece, rules: CueRules, language: ForeignLanguage): ForeignRaw[] {
  const body = { start: afterDateline(text, sentence), end: trimEnd(text, sentence.start, sentence.end) };
  if (body.end <= body.start) return [];
  const slice = text.slice(sentence.start, sentence.end);
  const found: ForeignRaw[] = [];
  for (const m of slice.matchAll(rules.according)) {
    const cue = trimmed(text, sentence.start + m.index, sentence.start + m.index + m[0].length);
    if (cue.start < body.start || insideQuote(text, body.start, cue.start)) continue;
    const claim = according(text, body, cue, rules);
    if (claim) found.push(claim);
  }
  for (const m of slice.matchAll(rules.verb)) {
    const cue = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
    if (cue.start < body.start || insideQuote(text, body.start, cue.start)) continue;
    const frame = rules.classes[m[1] ? 0 : m[2] ? 1 : 2]!;
    const claim = verbCue(text, body, cue, frame, rules, language);
    if (claim) found.push(claim);
  }
  for (const m of rules.inverted ? slice.matchAll(rules.inverted) : []) {
    const cue = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
    const content = contentBefore(text, body.start, cue.start);
    if (!content) continue;
    const pronoun = cue.start + m[0].indexOf(m[1]!, 2);
    const claimant = { start: pronoun, end: pronoun + m[1]!.length };
    found.push({ cue, content, claimant, dropped: false, via: [], frame: 'say', confidence: 0.8 });
  }
  if (found.length > 0) return found;
  const hedge = [...slice.matchAll(rules.hedges)][0];
  if (hedge && !insideQuote(text, body.start, sentence.start + hedge.index)) {
    const cue = { start: sentence.start + hedge.index, end: sentence.start + hedge.index + hedge[0].length };
    return [{ cue, content: body, claimant: null, dropped: false, via: [], frame: 'hedge', confidence: 0.5 }];
  }
  const words = text.slice(body.start, body.end);
  if (/[?؟]\s*$/u.test(text.slice(sentence.start, sentence.end)) || countWords(words) < MIN_OUTLET_WORDS) return [];
  if (!parseForeignQuantities(words, language).some((q) => q.outcome !== null)) return [];
  const cue = { start: body.start, end: body.start };
  return [{ cue, content: body, claimant: null, dropped: false, via: [], frame: 'outlet', confidence: 0.4 }];
}

/** "Selon X, ...", "..., selon X.", "وفقا لـ X ...": the claimant after the cue, the content on the longer side. */
function according(text: string, body: Piece, cue: Piece, rules: CueRules): ForeignRaw | null {
  const rest = text.slice(cue.end, body.end);
  const stop = rest.search(/[,،;:]/u);
  let claimant = trimmed(text, cue.end, stop < 0 ? body.end : cue.end + stop);
  if (countWords(text.slice(claimant.start, claimant.end)) === 0) return null;
  const via: Piece[] = [];
  claimant = splitChain(text, claimant, rules, via);
  if (countWords(text.slice(claimant.start, claimant.end)) > MAX_CLAIMANT_WORDS) return null;
  const before = contentBefore(text, body.start, cue.start);
  const afterStart = skipPunctuation(text, stop < 0 ? body.end : cue.end + stop, body.end);
  const after = afterStart < body.end ? trimmed(text, afterStart, body.end) : null;
  const size = (p: Piece | null) => (p ? countWords(text.slice(p.start, p.end)) : 0);
  const content = size(before) >= size(after) ? before : after;
  if (!content || size(content) === 0) return null;
  return { cue, content, claimant, dropped: false, via, frame: 'according', confidence: 0.9 };
}

/**
 * "X cité par Y" and "Y citant X" (Arabic "Y نقلا عن X"): X said it and Y passed it on. Returns the
 * claimant, with Y pushed onto `via`.
 */
function splitChain(text: string, claimant: Piece, rules: CueRules, via: Piece[]): Piece {
  const within = text.slice(claimant.start, claimant.end);
  const cited = within.match(rules.citedBy);
  const citing = within.match(rules.citing);
  if (cited?.index !== undefined && cited.index > 0) {
    via.push(trimmed(text, claimant.start + cited.index + cited[0].length, claimant.end));
    return trimmed(text, claimant.start, claimant.start + cited.index);
  }
  if (citing?.index !== undefined && citing.index > 0) {
    // "selon Reuters, citant un responsable": the one cited said it, the one citing passes it on.
    via.push(trimmed(text, claimant.start, claimant.start + citing.index));
    return trimmed(text, claimant.start + citing.index + citing[0].length, claimant.end);
  }
  return claimant;
}

/** "X a déclaré (à l'AFP) que ...", "قال X لرويترز إن ...", "..., dijo X.". */
function verbCue(
  text: string,
  body: Piece,
  cue: Piece,
  frame: CueClass,
  rules: CueRules,
  language: ForeignLanguage,
): ForeignRaw | null {
  const limit = language === 'ar' ? MAX_CLAIMANT_WORDS : 6;
  let at = cue.end;
  for (let n = 0; n <= limit && at < body.end; n++) {
    const opened = text.slice(at, body.end).match(rules.complement);
    if (opened) {
      const content = trimmed(text, at + opened[0].length, body.end);
      if (content.end <= content.start) return null;
      return withSubject(text, body, cue, { start: cue.end, end: at }, content, frame, rules, language);
    }
    const next = text.slice(at).match(/^\s*[^\s,،;:.]+/u);
    if (!next) break;
    at += next[0].length;
  }
  if (language === 'ar') return null;
  // "« ... », a déclaré X.", "..., dijo el ministro.": the speaker after the verb, the content before it.
  const content = contentBefore(text, body.start, cue.start);
  if (!content) return null;
  const claimant = trimmed(text, cue.end, body.end);
  const size = countWords(text.slice(claimant.start, claimant.end));
  if (size === 0 || size > MAX_CLAIMANT_WORDS) return null;
  return { cue, content, claimant, dropped: false, via: [], frame, confidence: 0.8 };
}

function withSubject(
  text: string,
  body: Piece,
  cue: Piece,
  between: Piece,
  content: Piece,
  frame: CueClass,
  rules: CueRules,
  language: ForeignLanguage,
): ForeignRaw {
  const via: Piece[] = [];
  let middle = trimmed(text, between.start, between.end);
  const claim = (claimant: Piece | null, confidence: number): ForeignRaw => ({
    ...{ cue, content, claimant, dropped: claimant === null, via, frame, confidence },
  });
  if (language === 'ar') {
    // Verb first: "قال مسؤول في الأمم المتحدة لوكالة رويترز إن": the hearer starts with "ل", in the last three words.
    const hearer = text.slice(middle.start, middle.end).match(/(?:^|\s)(لـ?\s*\S+(?:\s+\S+){0,2})$/u);
    if (hearer?.index !== undefined && countWords(text.slice(middle.start, middle.end)) > 1) {
      via.push(trimmed(text, middle.start + hearer.index, middle.end));
      middle = trimmed(text, middle.start, middle.start + hearer.index);
    }
    // "وأفادت وكالة رويترز نقلا عن مسؤول": the official said it, through Reuters.
    if (countWords(text.slice(middle.start, middle.end)) > 0) return claim(splitChain(text, middle, rules, via), 0.8);
  } else if (middle.end > middle.start && rules.hearer.test(text.slice(middle.start, middle.end))) {
    via.push(middle);
  }
  const subject = subjectBefore(text, body.start, cue.start, rules);
  if (subject === 'relative') return claim(null, 0);
  return subject ? claim(subject, 0.8) : claim(null, 0.7);
}

/** The subject before a verb: the words back to a comma or the sentence's start ("Mardi, le ministre a déclaré"). */
function subjectBefore(text: string, from: number, verb: number, rules: CueRules): Piece | 'relative' | null {
  const before = text.slice(from, verb).replace(/[\s,،]+$/u, '');
  if (before === '') return null;
  const segments = before.split(/([,،;:«“"(]\s*)/u);
  let start = from + before.length - segments[segments.length - 1]!.length;
  let end = from + before.length;
  const words = before.slice(start - from);
  let nameStart: number | null = null;
  const first = words.trim().split(/\s+/)[0]?.toLowerCase().replace(/['’]$/, '') ?? '';
  if (rules.relatives.has(first)) {
    // "le ministre, qui a déclaré": the phrase before the relative.
    const head = before.slice(0, start - from).replace(/[\s,،]+$/u, '');
    const lastComma = Math.max(head.lastIndexOf(','), head.lastIndexOf('،'));
    if (head === '') return 'relative';
    start = from + lastComma + 1;
    end = from + head.length;
  } else if (
    /^(?:\p{Lu}[\p{L}'’-]*\s*)+$/u.test(words.trim()) &&
    segments.length >= 3 &&
    /^[,،]/u.test(segments[segments.length - 2]!)
  ) {
    // "Le porte-parole de l'ONU, Stéphane Dujarric, a déclaré": the role and the name together.
    const role = segments[segments.length - 3]!;
    nameStart = start;
    start = from + before.length - words.length - segments[segments.length - 2]!.length - role.length;
  }
  let piece = trimmed(text, start, end);
  // A role too long to be a claimant's words ("Le porte-parole du Haut-Commissariat des Nations unies
  // aux droits de l'homme, Jeremy Laurence,"): the name alone, never the last speaker instead.
  if (nameStart !== null && countWords(text.slice(piece.start, piece.end)) > MAX_CLAIMANT_WORDS)
    piece = trimmed(text, nameStart, end);
  const size = countWords(text.slice(piece.start, piece.end));
  if (size === 0 || size > MAX_CLAIMANT_WORDS) return null;
  return piece;
}

/** The words of the sentence before `end`: a quote that closes there or the sentence's start, commas left out. */
function contentBefore(text: string, start: number, end: number): Piece | null {
  const before = text.slice(start, end);
  if (!/[,،—–»”"]\s*$/u.test(before)) return null;
  const piece = trimmed(text, start, start + before.replace(/[\s,،—–-]+$/u, '').length);
  return countWords(text.slice(piece.start, piece.end)) > 0 ? piece : null;
}

/** Where two contents overlap, the earlier ends before the later claim's cue, or the weaker goes. */
function keepApart(text: string, found: ForeignRaw[]): ForeignRaw[] {
  const kept: ForeignRaw[] = [];
  for (const claim of found.sort((a, b) => a.content.start - b.content.start || b.confidence - a.confidence)) {
    if (claim.confidence <= 0) continue;
    const previous = kept[kept.length - 1];
    if (previous && claim.content.start < previous.content.end) {
      const begins = Math.min(claim.cue.start, claim.claimant?.start ?? claim.cue.start);
      if (begins > previous.content.start + 1 && begins < previous.content.end) {
        previous.content = trimmed(text, previous.content.start, begins);
      } else if (claim.confidence > previous.confidence) kept.pop();
      else continue;
    }
    kept.push(claim);
  }
  return kept;
}

function findHedges(
  text: string,
  rules: CueRules,
  sentence: Piece,
  next: Piece | undefined,
  raw: ForeignRaw,
): TextSpan[] {
  const hedges: TextSpan[] = [];
  for (const [piece, onlyVerified] of [[sentence, false], ...(next ? [[next, true]] : [])] as [Piece, boolean][]) {
    for (const m of text.slice(piece.start, piece.end).matchAll(rules.hedges)) {
      if (onlyVerified && !/vérifi|confirm|verific|التحقق|التأكد/u.test(m[0])) continue;
      const start = piece.start + m.index;
      if (!onlyVerified && (start < Math.min(raw.cue.start, raw.content.start) || start > raw.content.end)) continue;
      hedges.push({ start, end: start + m[0].length, text: m[0] });
    }
  }
  return hedges;
}

function kindOf(frame: Frame, content: string, quantities: { outcome: string | null }[]): ClaimKind {
  if (frame === 'deny') return 'denial';
  if (frame === 'accuse') return 'accusation';
  if (quantities.some((q) => q.outcome === 'killed' || q.outcome === 'injured')) return 'casualties';
  if (TERRITORY.test(content)) return 'territorial-control';
  if (ATTACK.test(content)) return 'attack';
  return frame === 'outlet' ? 'other' : 'statement';
}

/** "(AFP) -", "DAMAS (AFP) —", "دمشق - سانا -": the sentence's first word after its dateline. */
function afterDateline(text: string, sentence: Piece): number {
  const head = text.slice(sentence.start, Math.min(sentence.end, sentence.start + 60));
  const m = head.match(
    /^\s*(?:[-–—]\s+|\([^)]{1,30}\)\s*[-–—:]?\s*|[^\s,.]{2,20}(?:\s[^\s,.]{2,20})?\s*(?:\([^)]{1,30}\))?\s*[-–—]\s+(?:[^\s,.]{2,12}\s*[-–—]\s+)?)/u,
  );
  return sentence.start + (m ? m[0].length : 0);
}

/** The end without the closing full stop and spaces. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.!?؟…;:]/u.test(text[e - 1]!)) e--;
  return e;
}

function trimmed(text: string, start: number, end: number): Piece {
  let s = start;
  let e = end;
  while (s < e && /[\s,،:]/u.test(text[s]!)) s++;
  while (e > s && /[\s,،:.;]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function skipPunctuation(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /[\s,،;:]/u.test(text[i]!)) i++;
  return i;
}

/** More « or “ opened than closed between the sentence's start and `at`. */
function insideQuote(text: string, from: number, at: number): boolean {
  const before = text.slice(from, at);
  const count = (re: RegExp) => before.match(re)?.length ?? 0;
  return count(/«/gu) > count(/»/gu) || count(/“/gu) > count(/”/gu);
}

function span(text: string, piece: Piece): TextSpan {
  return { start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end) };
}
