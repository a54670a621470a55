// The cues of claims in French, Spanish and Arabic, compiled once per language: speech verbs, "selon"/"según"/"وفقا ل", chains, hedges.
import type { ForeignLanguage } from './foreign-number-words.ts';
import { spellingPattern, wordsPattern } from './foreign-text.ts';

/** What a cue verb does to its content: reports it, denies it, or accuses someone with it. */
export type CueClass = 'say' | 'deny' | 'accuse';

export type CueRules = {
  /** Speech verbs: `index` of the verb's class in `classes` by the group that matched. */
  verb: RegExp;
  classes: CueClass[];
  /** "a-t-il déclaré": the verb with its subject pronoun after it, content before. */
  inverted: RegExp | null;
  /** "que", "إن": what opens the content after a verb. */
  complement: RegExp;
  /** "selon X", "según X", "وفقا لـ X": the claimant follows. */
  according: RegExp;
  /** "cité par X" (X passes it on), "citant X" (X said it first). */
  citedBy: RegExp;
  citing: RegExp;
  /** Words that hedge the outlet's own sentence or a claim. */
  hedges: RegExp;
  /** Subject pronouns that name the nearest person; relatives never name a claimant. */
  pronouns: Set<string>;
  relatives: Set<string>;
  /** "à l'AFP", "a la agencia": the hearer after a verb is a link of the chain. */
  hearer: RegExp;
};

const words = (list: string) => list.trim().split(/\s+/);

// French: compound past (auxiliary + participle, an adverb between), present and simple past.
const FR_SAY = `déclaré affirmé indiqué dit annoncé assuré précisé ajouté expliqué estimé souligné rapporté
  confirmé averti signalé reconnu insisté rappelé soutenu répété écrit raconté révélé admis prétendu revendiqué
  martelé jugé fait savoir déploré dénoncé condamné`;
const FR_SAY_NOW = `déclare déclarent affirme affirment indique indiquent annonce annoncent assure assurent précise
  précisent ajoute ajoutent explique expliquent estime estiment souligne soulignent rapporte rapportent confirme
  confirment reconnaît reconnaissent rappelle rappellent dit disent déclara affirma indiqua annonça assura ajouta`;
const FR_DENY = 'démenti nié rejeté dément démentent nie nient';
const FR_ACCUSE = 'accusé accuse accusent reproché';
const FR_AUX = `(?:a|ont|avait|avaient|aurait|auraient)(?:\\s+\\p{L}+ment|\\s+(?:également|aussi|encore|déjà|pour sa part|par ailleurs|de son côté))?\\s+`;

const ES_SAY = `afirmó afirmaron dijo dijeron declaró declararon aseguró aseguraron señaló señalaron indicó indicaron
  informó informaron explicó explicaron añadió añadieron agregó agregaron anunció anunciaron confirmó confirmaron
  advirtió advirtieron sostuvo sostuvieron expresó manifestó precisó reconoció detalló subrayó destacó apuntó
  aseveró admitió alegó reportó comunicó relató escribió denunció denunciaron afirma afirman dice dicen declara
  declaran asegura aseguran señala señalan indica indican informa informan explica añade agrega anuncia confirma
  advierte sostiene denuncia`;
const ES_PERFECT = `(?:ha|han|había|habían|habría|habrían)\\s+(?:dicho|afirmado|declarado|asegurado|señalado|indicado|informado|explicado|anunciado|confirmado|denunciado)`;
const ES_DENY = 'negó negaron desmintió desmintieron rechazó rechazaron niega niegan';
const ES_ACCUSE = 'acusó acusaron acusa acusan culpó culparon';

const AR_SAY = `قال قالت قالوا أفاد أفادت أفادوا أعلن أعلنت أعلنوا أكد أكدت أكدوا ذكر ذكرت ذكروا صرح صرحت أوضح أوضحت
  أشار أشارت أضاف أضافت كشف كشفت أبلغ أبلغت زعم زعمت ادعى ادعت يقول تقول يقولون أفاد`;
const AR_DENY = 'نفى نفت نفوا';
const AR_ACCUSE = 'اتهم اتهمت اتهموا';

/** Verb alternatives in three groups (say, deny, accuse), each at word boundaries. */
function verbPattern(say: string, deny: string, accuse: string, prefix = '', extraSay = ''): RegExp {
  const group = (list: string) => wordsPattern(words(list), prefix).replace(/^\(\?<!/, '(?<!');
  const sayGroup = extraSay ? `(?:${group(say)}|(?<![\\p{L}\\p{M}])${extraSay}(?![\\p{L}\\p{M}]))` : group(say);
  return new RegExp(`(${sayGroup})|(${group(deny)})|(${group(accuse)})`, 'giu');
}

const compiled = new Map<ForeignLanguage, CueRules>();

export function cueRules(language: ForeignLanguage): CueRules {
  let rules = compiled.get(language);
  if (rules) return rules;
  const classes: CueClass[] = ['say', 'deny', 'accuse'];
  if (language === 'fr') {
    const participles = (list: string) =>
      words(list)
        .map((w) => `${FR_AUX}${spellingPattern(w)}`)
        .join('|');
    rules = {
      verb: new RegExp(
        `((?<![\\p{L}\\p{M}])(?:${participles(FR_SAY)}|${words(FR_SAY_NOW).map(spellingPattern).join('|')})(?![\\p{L}\\p{M}]))|((?<![\\p{L}\\p{M}])(?:${participles('démenti nié rejeté')}|dément|démentent|nie|nient)(?![\\p{L}\\p{M}]))|((?<![\\p{L}\\p{M}])(?:${participles('accusé reproché')}|accuse|accusent)(?![\\p{L}\\p{M}]))`,
        'giu',
      ),
      classes,
      inverted: new RegExp(
        `(?<![\\p{L}\\p{M}])(?:a|ont|avait|avaient|aurait|auraient)-t?-?(il|elle|ils|elles|on)\\s+(?:\\p{L}+ment\\s+)?(?:${words(`${FR_SAY} ${FR_DENY} ${FR_ACCUSE}`).map(spellingPattern).join('|')})(?![\\p{L}\\p{M}])`,
        'giu',
      ),
      complement: /^\s*(?:que\s+|qu['’])/iu,
      according: new RegExp(`${wordsPattern(["d'après", 'selon'])}\\s+`, 'giu'),
      citedBy: /,?\s*(?:cité|citée|cités|citées|repris|rapporté|rapportés)\s+par\s+/iu,
      citing: /,?\s*citant\s+/iu,
      hedges: new RegExp(
        `${wordsPattern(['aurait', 'auraient', 'présumé', 'présumée', 'présumés', 'présumées', 'prétendument', 'apparemment', 'supposément', 'non confirmé', 'non confirmée', 'non confirmés', 'non confirmées', 'selon des informations', 'selon certaines informations', 'selon des sources'])}|n['’](?:a|ont) pas pu être (?:vérifiée?s?|confirmée?s?)(?: de (?:manière|source|façon) indépendante)?`,
        'giu',
      ),
      pronouns: new Set(words('il elle ils elles on')),
      relatives: new Set(words('qui que qu lequel laquelle lesquels lesquelles dont ce cela ça celui celle')),
      hearer: /^\s*(?:à|au|aux)\s+/iu,
    };
  } else if (language === 'es') {
    rules = {
      verb: verbPattern(ES_SAY, ES_DENY, ES_ACCUSE, '', ES_PERFECT),
      classes,
      inverted: null,
      complement: /^\s*que\s+/iu,
      according: new RegExp(`${wordsPattern(['según', 'de acuerdo con', 'de acuerdo a', 'conforme a'])}\\s+`, 'giu'),
      citedBy: /,?\s*(?:citad[oa]s?|recogid[oa]s?)\s+por\s+/iu,
      citing: /,?\s*citando\s+(?:a\s+)?/iu,
      hedges: new RegExp(
        `${wordsPattern(['presuntamente', 'supuestamente', 'al parecer', 'presunto', 'presunta', 'presuntos', 'presuntas', 'habría', 'habrían', 'según informes', 'según versiones', 'no confirmado', 'no confirmada', 'no confirmados', 'no confirmadas'])}|no (?:pudo|pudieron|ha podido|han podido) ser (?:verificad[oa]s?|confirmad[oa]s?)(?: de (?:forma|manera) independiente)?`,
        'giu',
      ),
      pronouns: new Set(words('él ella ellos ellas')),
      relatives: new Set(words('que quien quienes cual cuales esto eso ello')),
      hearer: /^\s*(?:a|al)\s+/iu,
    };
  } else {
    // "وقال", "فأكدت": Arabic glues "and"/"so" to the verb.
    rules = {
      verb: verbPattern(AR_SAY, AR_DENY, AR_ACCUSE, '[وف]?'),
      classes,
      inverted: null,
      complement: new RegExp(
        `^\\s*(?:${spellingPattern('ب')})?(?:${spellingPattern('إن')}|${spellingPattern('أن')})(?:${['ه', 'ها', 'هم', 'هن', 'نا'].map(spellingPattern).join('|')})?(?![\\p{L}\\p{M}])\\s*|^\\s*:\\s*`,
        'u',
      ),
      according: new RegExp(
        // The "ل" of "وفقا لـ" stays with the claimant ("للمرصد" is ل + المرصد); parties read it off.
        `(?<![\\p{L}\\p{M}])(?:${spellingPattern('وفقا')}|${spellingPattern('طبقا')})(?=\\s*ل)|${spellingPattern('استنادا إلى')}\\s+|${wordsPattern(['حسب', 'بحسب', 'نقلا عن', 'على حد قول', 'حسبما قال', 'حسبما قالت', 'حسبما ذكرت', 'حسبما ذكر', 'حسبما أفادت', 'حسبما أفاد', 'حسبما أعلنت', 'حسبما أعلن'])}\\s+`,
        'gu',
      ),
      citedBy: new RegExp(`\\s*(?:${spellingPattern('نقلته')}|${spellingPattern('نقلتها')})\\s+`, 'u'),
      citing: new RegExp(`[،,]?\\s*${spellingPattern('نقلا عن')}\\s+`, 'u'),
      hedges: new RegExp(
        `${wordsPattern(['يزعم', 'يُزعم', 'مزعوم', 'مزعومة', 'على ما يبدو', 'بحسب تقارير', 'وفق تقارير', 'أنباء عن', 'وردت أنباء', 'غير مؤكدة', 'غير مؤكد', 'لم يتسن التحقق', 'لم يتسن التأكد', 'لا يمكن التحقق'], '[وف]?')}`,
        'gu',
      ),
      pronouns: new Set(words('هو هي هم')),
      relatives: new Set(words('الذي التي الذين اللذين اللتين ما من')),
      hearer: new RegExp(`^\\s*(?:${spellingPattern('لـ')}|${spellingPattern('ل')}(?=\\p{L}))`, 'u'),
    };
  }
  compiled.set(language, rules);
  return rules;
}
