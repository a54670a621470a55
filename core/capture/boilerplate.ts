// What on a page is not the article, told by markup (tags, class and id words, roles) and by the short lines every site repeats.

/** Elements that never hold article text: they run, load, ask for input or draw. */
export const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'map',
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'label',
  'dialog',
  'head',
  'link',
  'meta',
]);

/** Elements that are page furniture wherever they stand (unless they hold the article: see isFurniture). */
export const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'menu', 'form', 'header']);

/**
 * Words in a class or id that name furniture: related and recommended stories, sharing and social
 * bars, newsletter and subscription boxes, comments, cookie and consent banners, sidebars, menus,
 * breadcrumbs, tags, author boxes, advertising, paywall teasers, captions and credits. Matched as
 * whole parts of the attribute (split at spaces, dashes, underscores and case changes), so "shareholder"
 * or "thread" never match "share" or "read".
 */
const FURNITURE_WORDS = new Set([
  'related',
  'recommended',
  'recommendations',
  'recirculation',
  'recirc',
  'outbrain',
  'taboola',
  'share',
  'sharing',
  'sharebar',
  'shares',
  'social',
  'socials',
  'sociallinks',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'comment',
  'comments',
  'disqus',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'menu',
  'navbar',
  'navigation',
  'nav',
  'subnav',
  'footer',
  'tags',
  'tagcloud',
  'taglist',
  'keywords',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'adsense',
  'sponsor',
  'sponsored',
  'promo',
  'widget',
  'widgets',
  'popup',
  'modal',
  'overlay',
  'banner',
  'caption',
  'captions',
  'figcaption',
  'credit',
  'credits',
  'byline',
  'author',
  'bio',
  'toolbar',
  'print',
  'skip',
  'pagination',
  'pager',
  'mostread',
  'popular',
  'trending',
  'rating',
]);

/** Two-word names split across the parts of a class: "most-read", "read-more", "see-also". */
const FURNITURE_PAIRS = [
  ['most', 'read'],
  ['most', 'popular'],
  ['read', 'more'],
  ['see', 'also'],
  ['more', 'stories'],
  ['more', 'news'],
  ['also', 'read'],
  ['you', 'may'],
  ['you', 'might'],
  ['sr', 'only'],
  ['screen', 'reader'],
  ['visually', 'hidden'],
];

/** A class or id's parts: "article__share-bar" -> article, share, bar; "relatedStories" -> related, stories. */
function partsOf(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Furniture that is never the article, however much of the page it holds (a consent banner on a
 * page of headlines is most of its sentences): only an element that says it holds the article keeps it.
 */
export const ALWAYS_FURNITURE = new Set([
  'consent',
  'cookie',
  'cookies',
  'gdpr',
  'newsletter',
  'newsletters',
  'subscribe',
  'signup',
  'comment',
  'comments',
  'disqus',
  'share',
  'sharing',
  'sharebar',
  'social',
  'related',
  'recommended',
  'outbrain',
  'taboola',
  'breadcrumb',
  'breadcrumbs',
  'modal',
  'popup',
]);

/** The furniture words a class or id names, if any. */
export function furnitureWord(value: string | null): string | null {
  if (!value) return null;
  const parts = partsOf(value);
  for (const part of parts) if (FURNITURE_WORDS.has(part)) return part;
  for (const [a, b] of FURNITURE_PAIRS) {
    const at = parts.indexOf(a!);
    if (at >= 0 && parts[at + 1] === b) return `${a}-${b}`;
  }
  return null;
}

/** Words in a class or id that say "the article's text is in here". */
const CONTENT_HINT =
  /(article|post|entry|story|news|blog|text|content|body|main)[-_ ]{0,2}(body|content|text|copy|inner|entry|main|detail|fulltext)|articlebody|fulltext|field[-_]body|rich[-_]?text|user[-_]?content/i;

export function contentHint(value: string | null): boolean {
  return value !== null && CONTENT_HINT.test(value);
}

/**
 * Short lines that sites put around every article: calls to share, subscribe, follow or read on,
 * copyright lines, "advertisement". Only whole short blocks are dropped, never words inside a paragraph.
 */
const BOILERPLATE_LINE = new RegExp(
  [
    // English
    String.raw`^(share|share this( article| story| post)?|share on \w+|tweet|email|print|print this( article)?|copy link|advertisement|advertising|sponsored( content)?|read more|read also|see also|related( articles| stories| posts| news)?|more (stories|news|from \S+( \S+)?)|you (may|might) also like|recommended( for you)?|follow us( on \w+)?|sign up( for (our|the) \w+( newsletter)?)?|subscribe( now| to our newsletter)?|newsletter|comments?|leave a (comment|reply)|\d+ comments?|tags?|topics?|filed under)\s*[:.!?…]*$`,
    // German
    String.raw`^(teilen|artikel teilen|diesen artikel teilen|drucken|anzeige|werbung|mehr zum thema|lesen sie auch|das könnte (dich|sie) (auch )?interessieren|weitere artikel|verwandte artikel|kommentare?|kommentieren|schlagworte|themen|newsletter abonnieren|jetzt abonnieren|folgen sie uns|weiterlesen|zum weiterlesen|möchten sie weiterlesen|alle angaben ohne gewähr|entdecke weitere \p{L}+|mehr anzeigen)\s*[:.!?…]*$`,
    // French, Spanish, Portuguese, Italian
    String.raw`^(partager|imprimer|publicité|à lire aussi|lire aussi|voir aussi|sur le même sujet|commentaires?|compartir|imprimir|publicidad|leer más|lea también|te puede interesar|comentarios?|partilhar|compartilhar|leia (também|mais)|condividi|stampa|pubblicità|leggi anche)\s*[:.!?…]*$`,
    // Russian, Arabic
    String.raw`^(поделиться|реклама|читайте также|комментарии|اقرأ أيضا|اقرأ أيضًا|شارك|إعلان|تعليقات)\s*[:.!?…]*$`,
    // A call to read something else, or a photo's credit, with what it points at after the colon
    String.raw`^(read (more|also)|also read|related|see also|watch|more on this|vea( también)?|véase también|lea( también| más)?|lee( también| más)|leer más|zum weiterlesen|auch lesen|lee también|mira|te puede interesar|le puede interesar|leia( também| mais)?|lesen sie (auch|mehr)|auch interessant|mehr (dazu|zum thema)|weiterlesen|à lire aussi|lire aussi|voir aussi|читайте также|смотрите также|اقرأ أيضا|اقرأ أيضًا|foto|fotos|photo|photos|bild|bilder|image|credit|picture)\s*[:：]\s*\S.{0,180}$`,
    // When it was published or updated, how long it takes to read: the page's metadata says it
    String.raw`^(updated|published|posted|last (updated|modified)|aktualisiert|veröffentlicht|stand|letzte änderung|publié|mis à jour|actualizado|publicado|обновлено|опубликовано)(\s*:|\s+((on|am|le|el|em)\s+)?\d).{0,60}$`,
    String.raw`^\d+\s*(min(ute)?s?|minuten)(\.| )?\s*(read|reading time|lesezeit|de lecture|de lectura)?$`,
    // Invitations to follow the outlet elsewhere, or to say whether the page helped
    String.raw`^(follow|síguenos|siguenos|sigue a|folgen sie|folge uns|suivez|seguici|siga).{0,160}\b(twitter|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp|google news)\b.{0,60}$`,
    String.raw`^(was this (article|page|post|information) (helpful|useful)|did you find this (article|page) (helpful|useful)|ist dieser (beitrag|artikel) hilfreich|war (der|dieser) (artikel|beitrag) (hilfreich|nützlich)|¿te (ha sido|fue) útil|cet article vous a-t-il été utile).{0,60}$`,
    // Widgets' credits and relative times: "Powered by SmartAsset.com", "2 hours ago", "vor 3 Stunden"
    String.raw`^(powered by|bereitgestellt von|propulsé par|con la tecnología de)\s+[^\s,;]+(\s[^\s,;]+){0,3}$`,
    String.raw`^(\d+|an?|one)\s+(second|minute|hour|day|week|month)s?\s+ago$|^(vor \d+ (sekunden|minuten|stunden|tagen)|il y a \d+ (secondes?|minutes?|heures?|jours?)|hace \d+ (segundos?|minutos?|horas?|días?))$`,
    // Advertising labels, with or without what they label
    String.raw`^[-–—\s]*(anzeige|werbung|advertisement|sponsored|publicidad|publicité|reklama|реклама)\b[\s\-–—:]*.{0,100}$`,
    // Reuse notices
    String.raw`^.{0,200}\b(is the copyrighted property of|without (the )?(prior )?written permission|nur mit (schriftlicher )?genehmigung|reproduction interdite|reproducción (total o parcial )?prohibida|materiał chroniony prawem)\b.{0,200}$`,
    String.raw`^.{0,80}\b(als pdf herunterladen|pdf herunterladen|download (the )?pdf|télécharger (le )?pdf)\b.{0,40}$`,
    // Copyright lines
    String.raw`^(©|\(c\)|copyright\s*(©|\(c\)|\d{4}|by\b)).{0,160}$`,
    String.raw`^.{0,120}(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\.?$`,
  ].join('|'),
  'iu',
);

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
/** A line that is only a date (and perhaps a weekday and a time): "Donnerstag, 31. Mai 2012", "11.04.2020, 10:27". */
const DATE_ONLY = new RegExp(
  String.raw`^(\p{L}+,?\s+)?(\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+(${MONTHS})\p{L}*\.?,?\s+\d{4}|(${MONTHS})\p{L}*\.?\s+\d{1,2},?\s+\d{4})(,?\s+(um\s+)?\d{1,2}[:.h]\d{2}(\s*(uhr|am|pm))?)?$`,
  'iu',
);

export function isBoilerplateLine(text: string): boolean {
  // "(Alle Angaben ohne Gewähr)" is the same line in brackets.
  const line = text.trim().replace(/^\((.*)\)$/, '$1');
  return line.length <= 200 && (BOILERPLATE_LINE.test(line) || DATE_ONLY.test(line));
}

/** Ends as a sentence does: a final stop, question or exclamation mark, or a closing quote after one. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…。！？]["'”’»)\]]*$/.test(text.trim());
}
