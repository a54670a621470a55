// Bylines: every place a page names its author, cleaned of "By", capitals, dates and "2 hours ago"; a named person wins over an agency, a handle or the outlet.
import { spacedText } from './element-text.ts';
import { agencyNamed, findWireCredits } from './wire-credits.ts';

export type BylineCandidate = { text: string; organisation?: boolean };

export type Byline = {
  /** The person (or people) the page names; else a handle, an agency or a desk, as the page says it. */
  byline?: string;
  /** Agencies named in any byline of the page ("AFP", "Reuters Staff", "Jane Doe, AFP"). */
  credits: string[];
};

/** Where bylines sit in markup, most specific first. */
const MARKUP =
  '[itemprop~="author"] [itemprop="name"], [itemprop~="author"], [rel~="author"], .byline, .article-byline, .byline-name, .author-name, .author, .post-author, .entry-author, [class*="byline" i], [class*="author" i]';

/** Comments, captions and credits name people who did not write the article. */
const NOT_THE_ARTICLE =
  '[class*="comment" i], [id*="comment" i], figure, figcaption, [class*="caption" i], [class*="credit" i]';

/** Byline elements' texts (spaced where elements meet), in the selectors' order of trust; the first few. */
export function bylinesInMarkup(document: Document): string[] {
  const texts: string[] = [];
  for (const node of [...document.querySelectorAll(MARKUP)].slice(0, 16)) {
    const container = node.closest(NOT_THE_ARTICLE);
    // A page-wide wrapper classed "comments-open" still holds the headline; a comment section does not.
    if (container && !container.querySelector('h1')) continue;
    const text = spacedText(node);
    // A whole author box (bio, links, photo credits) is not a byline.
    if (text.trim() && text.length <= 300) texts.push(text);
  }
  return texts;
}

/**
 * The first candidate, in order of trust, that names a person or gives a name or handle; an agency, a desk or an
 * organisation only when no candidate names anyone; never the outlet's own name.
 */
export function chooseByline(candidates: BylineCandidate[], isSiteName: (text: string) => boolean): Byline {
  const credits = new Set<string>();
  let best: { text: string; rank: number } | undefined;
  for (const candidate of candidates) {
    for (const agency of findWireCredits('', candidate.text)) credits.add(agency);
    const text = cleanByline(candidate.text);
    if (!text) continue;
    const rank = rankOf(text, candidate.organisation ?? false, isSiteName);
    if (rank < 4 && (!best || RANKS[rank]! < RANKS[best.rank]!)) best = { text, rank };
  }
  return {
    byline: best && best.rank <= 1 ? withoutAgencies(best.text, isSiteName) : best?.text,
    credits: [...credits],
  };
}

/** How ranks compare: lower wins; within a rank, the order of trust decides. */
const RANKS = [0, 1, 2, 3];

const NAMES = /\s*(?:\(|,|;|&|\/|\s(?:and|und|et|y|e|i|и|و|with|mit|avec|con)\s)\s*/iu;

/** "Jane Doe, AFP" is Jane Doe's byline (AFP is a wire credit); so is "Jane Doe, CNN". */
function withoutAgencies(text: string, isSiteName: (text: string) => boolean): string {
  const names = text.split(NAMES).map((name) => name.replace(/^\(|\)$/g, ''));
  const people = names.filter((name) => !agencyNamed(name) && !isSiteName(name));
  return people.length === names.length || !people.length ? text : people.join(' and ');
}

/** 0 a named person; 1 a single name or handle; 2 an agency; 3 a desk or organisation; 4 not a byline. */
function rankOf(text: string, organisation: boolean, isSiteName: (text: string) => boolean): number {
  if (NOT_A_NAME.test(text) || text.length > 80) return 4;
  const names = text.split(NAMES).filter(Boolean);
  if (names.every((name) => agencyNamed(name.replace(/[\s)]+$/, '').replace(/\s+(staff|news|desk)$/i, '')))) return 2;
  // The outlet's own name is no byline; its desk ("Daily Example Desk", "Redaktion") is, when no one is named.
  if (isSiteName(text) && !DESK.test(text)) return 4;
  if (organisation || ORGANISATION.test(text) || DESK.test(text)) return 3;
  if (names.some((name) => name.split(/\s+/).length > 5)) return 4;
  if (names.some(isPersonName)) return 0;
  // A first name alone or a handle ("jdoe", "freeman1984"); an address or a sentence is neither.
  return names.every((name) => /^[\p{L}\p{N}._'-]{2,30}$/u.test(name)) ? 1 : 4;
}

/** Two to five words, each starting with a capital (particles such as "de", "van", "al-" allowed). */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    !/\d/.test(name) &&
    words.every((word) => /^[\p{Lu}\p{Lo}]/u.test(word) || PARTICLE.test(word) || /^\p{Lu}\.$/u.test(word))
  );
}

const PARTICLE = /^(de|da|del|della|di|do|dos|du|la|le|van|von|der|den|ter|zu|al|el|bin|ibn|abu|y|e)$|^(al|el)-/i;
const NOT_A_NAME =
  /^(admin|administrator|webmaster|unknown|no author|anonymous|anonym|guest|gast|super user|user|name|author|autor|auteur|wordpress|wordpressadmin|posted|published|follow|share|by|von|par|in|more|mehr|read more|date|datum|fecha|stand|updated|dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)$/i;
const DESK = /\b(desk|staff|redaktion|rédaction|redacción|redazione|newsroom|team|editors?)\b/iu;
const ORGANISATION =
  /\b(redaktion|rédaction|redacción|redazione|редакция|team|staff|desk|newsroom|editorial|editors|agentur|agenturen|agency|agencies|agence|agencia|online|news|media|press|verlag|zeitung|magazin|magazine|gmbh|inc|ltd|e\.v\.)\b/i;

/** Labels before a name: "By", "Von", "Par", "Posted by", "Veröffentlicht von", "Author:", "Автор:"... */
const LABEL =
  /^(?:(?:written|posted|published|reported|compiled|edited|updated|story|words|text|photos?)\s+by|view all posts by|all posts by|more (?:by|from)|veröffentlicht von|geschrieben von|verfasst von|eingestellt von|erstellt von|rezept von|artikel von|beitrag von|über|ein (?:beitrag|artikel) von|publié par|écrit par|rédigé par|escrito por|publicado por|scritto da|a cura di|interview|autor(?:in)?|author|auteur|autore|text|texte|texto|vom|von|by|par|por|di|door|av|af|przez|от|автор(?:ы)?|بقلم|كتب)(?:\s*[:\-–—|]\s*|\s+|$)/iu;

/** Where a date, a time or "2 hours ago" starts: everything from there on is not the name. */
const DATE_TAIL = new RegExp(
  [
    String.raw`\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}`,
    String.raw`\d{4}-\d{2}-\d{2}`,
    String.raw`\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+\d{4}`,
    String.raw`(?<!\p{L})\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
    String.raw`\d{1,2}:\d{2}`,
    String.raw`(?<!\p{L})(?:před|vor|il y a|hace|há|fa|temu|منذ)\s+(?:\d+|\p{L}{1,6})\s+\p{L}+`,
    String.raw`\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|h|m|d)\s+ago`,
    String.raw`\d+\s+\p{L}+\s+назад`,
  ].join('|'),
  'iu',
);

/** Words left dangling before a cut date: "am", "on", "le", weekdays, "Updated", a comma. */
const DANGLING =
  /(?:[\s,|·•–—-]+|\s(?:am|on|le|el|at|um|à|den|der|vom|published|updated|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?|\p{L}+(?:day|tag|woch))\.?)+$/iu;

/** Academic and professional letters after a name: the monitor records the name. */
const DEGREES = /,?\s+(?:Ph\.?\s?D\.?|M\.?D\.?|MSc|MBA|RDN?|LL\.?M\.?)(?=$|[\s,;])/g;

/**
 * A byline as a reader writes it: the name alone. Keeps the first line or segment that has one (markup bylines
 * carry dates, categories and reading times beside the name), drops labels, e-mail addresses, URLs, handles' "@",
 * dates and what follows them, and title-cases names written in capitals ("BY COREY KILGANNON").
 */
export function cleanByline(raw: string): string | undefined {
  for (const line of raw.split(/\s*[\r\n\t]+\s*/))
    for (const segment of line.split(/\s+[|·•]\s+|\s+[–—-]\s+/)) {
      const name = cleanSegment(segment);
      if (name) return name;
    }
  return undefined;
}

function cleanSegment(segment: string): string | undefined {
  let text = segment
    .replace(/\s+/g, ' ')
    .replace(/\S+@\S+\.\S+|https?:\/\/\S+/g, '')
    .replace(/(^|\s)@(?=\w)/g, '$1')
    .trim();
  // "AuthorJane Doe": a label glued to the name by markup without spaces.
  text = text.replace(/^(?:[Aa]uthor|[Aa]utor|[Aa]uteur|[Bb]y|[Vv]on)(?=\p{Lu}\p{Ll})/u, '');
  for (let label = LABEL.exec(text); label && label[0]; label = LABEL.exec(text)) text = text.slice(label[0].length);
  const date = DATE_TAIL.exec(text);
  if (date) text = text.slice(0, date.index).replace(DANGLING, '');
  text = text
    .replace(DEGREES, '')
    // "Jane Doe for The Daily Example", "… für dpa": the outlet or agency is credited apart.
    .replace(/\s+(?:for|für|pour|para|per)\s+(?:the\s+)?\p{Lu}.*$/iu, '')
    .replace(/\s+(?:sagt|says|dit|dice):?$/i, '')
    .replace(/^[\s,|·•:–—-]+|[\s,|·•:–—-]+$/g, '');
  if (!/\p{L}/u.test(text) || /^in\s/i.test(text)) return undefined;
  if (/\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text) && !agencyNamed(text)) text = titleCase(text);
  return text;
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
