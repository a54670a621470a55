// The outlet a page belongs to: a known domain's name, the JSON-LD publisher, og:site_name; and whether a phrase is that name.
import known from '../../assets/known-outlets.json' with { type: 'json' };

const OUTLETS = new Map(Object.entries(known.outlets as Record<string, string>));

/** The host without "www.", or '' for what is not an http(s) URL. */
export function hostOf(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\d?\./, '') : '';
  } catch {
    return '';
  }
}

/** The outlet a known domain (or any of its subdomains) is; the most specific key wins. */
export function knownOutlet(url: string | undefined): string | undefined {
  const labels = hostOf(url).split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = OUTLETS.get(labels.slice(i).join('.'));
    if (name) return name;
  }
  return undefined;
}

/** An outlet's name for a page: known domain, else the publisher organisation, else og:site_name and kin. */
export function outletName(url: string | undefined, named: (string | undefined)[]): string | undefined {
  return (
    knownOutlet(url) ??
    named.find((name) => name && !/^https?:/.test(name) && name.length <= 80 && !STOCK_SECTIONS.test(name))
  );
}

/** Letters and digits only, lower case, no diacritics: "The Japan Times" and japantimes.co.jp meet as "thejapantimes". */
export function squash(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Tells a site's name (or its domain, or a stock section like "Blog Archive") from a headline or a
 * person: used to cut "| The Daily Example" off titles and to refuse an outlet as a byline.
 */
export function siteNameTest(
  url: string | undefined,
  names: (string | undefined)[],
  options: { exact?: boolean } = {},
): (text: string) => boolean {
  const keys = [...new Set(names.filter((name): name is string => Boolean(name)).map(squash))].filter(
    (key) => key.length >= 3,
  );
  const labels = hostOf(url).split('.');
  // "stackoverflow.blog" → "stackoverflowblog", "stackoverflow"; the public suffix is dropped as a whole.
  const hostKeys = [labels.slice(0, -1).join(''), ...labels.slice(0, -1)]
    .map(squash)
    .filter((key) => key.length >= 4 && !/^(com|co|org|net|gov|www\d?|blog|news|blogs|de|uk)$/.test(key));
  return (text: string) => {
    const key = squash(text);
    if (!key) return true;
    // Exactly the outlet's name or its domain: a blogger named like the blog ("Daniel Lemire" on lemire.me) is a person.
    if (options.exact) return keys.includes(key) || squash(hostOf(url)) === key;
    if (STOCK_SECTIONS.test(text.trim())) return true;
    if (keys.some((name) => name === key || (key.length >= 4 && name.includes(key)) || contains(key, name)))
      return true;
    return hostKeys.some((host) => host === key || contains(key, host) || (key.length >= 5 && host.includes(key)));
  };
}

/** `outer` names `inner` with a few words more ("The Planetary Press Blog"), not a headline that mentions it. */
function contains(outer: string, inner: string): boolean {
  return inner.length >= 4 && outer.includes(inner) && outer.length <= inner.length + 12;
}

const STOCK_SECTIONS =
  /^(home|homepage|start|startseite|accueil|inicio|portada|главная|الرئيسية|news|nachrichten|actualités|noticias|новости|blog|blog archive|blog archiv|archive|archiv|magazin|magazine)$/i;
