// The headline: the page's <h1> that agrees with its JSON-LD, OpenGraph or <title> (minus the site's name), kickers and site names cut.
import { spacedText } from './element-text.ts';

export type TitleSources = {
  jsonLd?: string;
  openGraph?: string;
  twitter?: string;
  /** The <title> element's text. */
  document?: string;
  readability?: string;
};

/** Compared as a reader would: case, quotes, dashes and spacing aside. */
export function sameText(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„‟«»″"]/g, '"')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * In order: an <h1> that is one of the other titles (or holds one of them with a kicker: then that one);
 * the JSON-LD, OpenGraph or Twitter headline; the first <h1>; the <title> without the site's name; Readability's.
 * Each stripped of the site's name ("Headline | The Daily Example", "Outlet - Section - Headline").
 */
export function chooseTitle(
  document: Document,
  sources: TitleSources,
  siteName: { segment: (text: string) => boolean; whole: (text: string) => boolean },
): string | undefined {
  const strip = (title: string | undefined) => (title ? withoutSiteName(title, siteName.segment) : undefined);
  const bare = strip(sources.document);
  const references = [strip(sources.jsonLd), strip(sources.openGraph), strip(sources.twitter), bare].filter(
    (title): title is string => Boolean(title) && !siteName.whole(title!),
  );
  const loose = [...references, sources.document, sources.openGraph].filter((title): title is string => Boolean(title));
  const headings = headingTexts(document)
    .map((text) => withoutSiteName(text, siteName.segment))
    .filter((text) => text && text.length <= 300 && !siteName.whole(text));
  for (const heading of headings) {
    if (references.some((reference) => sameText(reference, heading))) return heading;
    // A kicker before the headline ("Politics | Headline", "Kicker Headline"): the headline alone.
    const inner = references
      .filter((reference) => holds(heading, reference, 0.5) && fold(heading).endsWith(fold(reference)))
      .sort((a, b) => b.length - a.length)[0];
    if (inner) return inner;
    // The headline and then a standfirst or subtitle inside the same <h1>: the headline alone.
    const lead = references.find((reference) => {
      const rest = heading.slice(reference.length);
      return (
        reference.length >= 10 &&
        sameText(heading.slice(0, reference.length), reference) &&
        /^\s*(?:[|:–—-]\s*)?\p{Lu}/u.test(rest)
      );
    });
    if (lead) return lead;
    if (loose.some((reference) => agrees(heading, reference))) return heading;
  }
  // No title agrees: the visible headline when it reads like one (a section name, "Details" or "Cronaca", does not).
  const headline = headings.find(
    (text) =>
      text.split(/\s+/).length >= 4 ||
      (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(text) && text.length >= 8),
  );
  return headline ?? references[0] ?? headings[0] ?? clean(sources.readability) ?? clean(sources.document);
}

/** `outer` holds `inner` as most of itself: a kicker or section name around a headline. */
function holds(outer: string, inner: string, share: number): boolean {
  const o = fold(outer);
  const i = fold(inner);
  return i.length >= 10 && o.includes(i) && i.length >= o.length * share;
}

function agrees(heading: string, reference: string): boolean {
  return sameText(heading, reference) || holds(reference, heading, 0) || holds(heading, reference, 0.6);
}

/** Separators between a headline and a site or section name: spaced dashes, pipes, guillemets, colons, slashes. */
const SEPARATOR = /(\s*\|\s*|\s+[-–—~/:·•»›]{1,2}\s+|\s*::\s*|\s+\\\\\s+)/u;

/** Drops site-name segments from either end while a headline remains: "Headline | Site", "Site › Section › Headline". */
export function withoutSiteName(title: string, isSiteName: (text: string) => boolean): string {
  const parts = clean(title)?.split(SEPARATOR) ?? [];
  // split() with a capturing group keeps separators at odd indexes.
  let first = 0;
  let last = parts.length - 1;
  while (last - first >= 2 && isSiteName(parts[last]!)) last -= 2;
  while (last - first >= 2 && isSiteName(parts[first]!)) first += 2;
  return parts
    .slice(first, last + 1)
    .join('')
    .trim();
}

/** The first few <h1> texts, each as a whole and without a kicker or section label inside it. */
function headingTexts(document: Document): string[] {
  const texts: string[] = [];
  for (const heading of [...document.querySelectorAll('h1')].slice(0, 5)) {
    const whole = clean(spacedText(heading, { apart: isKicker }));
    // Without its kicker, and without the colon or dash that joined the kicker to it.
    const core = clean(spacedText(heading, { apart: isKicker, skip: isKicker }).replace(/^[\s:|–—-]+/, ''));
    if (core && core !== whole) texts.push(core);
    if (whole) texts.push(whole);
  }
  return texts;
}

const KICKER =
  /kicker|dachzeile|topline|toptitle|overline|eyebrow|supertitle|subheadline|roofline|spitzmarke|rubric|section|category|label|flag|tag/i;
const isKicker = (element: Element) => KICKER.test(element.getAttribute('class') ?? '');

function clean(text: string | null | undefined): string | undefined {
  // Soft hyphens and zero-width characters break words for layout only.
  const cleaned = text
    ?.replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned ? cleaned : undefined;
}
