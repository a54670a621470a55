// The closed word lists the attribution rules read: cue verbs by frame, hedges, the words that say a claim's kind.
const words = (list: string) => new Set(list.trim().split(/\s+/));

/** How a cue verb takes its content. */
export type CueFrame = 'speech' | 'thought' | 'intent' | 'accuse' | 'deny' | 'phrasal';

// Irregular forms: lemma -> [third person, past, participle, -ing].
const IRREGULAR: Record<string, [string, string, string, string]> = {
  say: ['says', 'said', 'said', 'saying'],
  tell: ['tells', 'told', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  think: ['thinks', 'thought', 'thought', 'thinking'],
  know: ['knows', 'knew', 'known', 'knowing'],
  feel: ['feels', 'felt', 'felt', 'feeling'],
  find: ['finds', 'found', 'found', 'finding'],
  show: ['shows', 'showed', 'shown', 'showing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  forecast: ['forecasts', 'forecast', 'forecast', 'forecasting'],
  understand: ['understands', 'understood', 'understood', 'understanding'],
  seek: ['seeks', 'sought', 'sought', 'seeking'],
  lay: ['lays', 'laid', 'laid', 'laying'],
  echo: ['echoes', 'echoed', 'echoed', 'echoing'],
};

// One consonant after one stressed vowel doubles: "admitted", "planned" (the few in the lists).
const DOUBLING = words('admit regret commit omit permit rebut quip plan prefer concur refer slam');

// Verbs that report what someone said: they take a clause, a quote, or stand after it ("..., he said").
const SPEECH = `say tell add note write report state claim warn emphasize emphasise stress insist explain argue
  announce declare confirm acknowledge admit reply respond answer ask recall complain concede contend assert
  maintain observe remark comment conclude predict suggest tweet testify joke quip shout chant yell mention
  boast brag caution counter retort speculate estimate reiterate repeat underline underscore disclose reveal
  indicate hint imply affirm clarify elaborate specify swear inform assure reassure recount describe
  condemn criticize criticise denounce praise lament protest demand propose recommend advise urge
  cite quote wonder acknowledge concur agree disagree vow pledge promise threaten
  stipulate posit forecast echo question blast slam mock ridicule applaud hail endorse express dispute
  detail outline tout laud lambast chastise scold deride downplay reference invoke portray label liken compare
  unveil highlight voice continue discuss debate identify`;
// Verbs of stance: their object is the position taken ("supports the plan", "opposed the deal").
const STANCE = `support oppose back favor favour embrace champion`;
// Verbs that report speech only with their particle ("called for", "spoke about"): see complements.ts.
const PHRASAL = `call speak talk point lay push advocate press rail lash apologize apologise weigh rally`;
// Verbs of belief and finding: a clause must follow ("believes that ...", "found that ...").
const THOUGHT = `believe think feel know hope fear worry expect doubt suspect assume guess realize realise
  find show understand reckon imagine argue suppose acknowledge recognize recognise`;
// Verbs of will: "to" and a verb follow ("wants to", "refused to", "called for").
const INTENT = `want plan intend aim decide refuse decline seek vow pledge promise threaten hope agree prefer
  expect wish`;
const ACCUSE = `accuse blame allege charge`;
const DENY = `deny reject dismiss refute`;

/** Every form of every cue verb, lower case, to its lemma and frames (a verb may have several). */
export const CUE_VERBS = new Map<string, { lemma: string; frames: Set<CueFrame> }>();
for (const [list, frame] of [
  [SPEECH, 'speech'],
  [THOUGHT, 'thought'],
  [INTENT, 'intent'],
  [ACCUSE, 'accuse'],
  [DENY, 'deny'],
  [PHRASAL, 'phrasal'],
  [STANCE, 'thought'],
] as const)
  for (const lemma of list.trim().split(/\s+/))
    for (const form of [lemma, ...inflect(lemma)]) {
      const entry = CUE_VERBS.get(form) ?? { lemma, frames: new Set<CueFrame>() };
      if (entry.lemma === lemma) entry.frames.add(frame);
      CUE_VERBS.set(form, entry);
    }

function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(lemma)) {
    const root = lemma.slice(0, -1);
    return [`${root}ies`, `${root}ied`, `${lemma}ing`];
  }
  if (lemma.endsWith('ee')) return [`${lemma}s`, `${lemma}d`, `${lemma}ing`];
  if (lemma.endsWith('e')) return [`${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`];
  const third = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  const stem = DOUBLING.has(lemma) ? lemma + lemma.at(-1) : lemma;
  return [third, `${stem}ed`, `${stem}ing`];
}

/** Speech verbs that stand after the content they report without further words: "..., he said." */
export const INVERTING = words(`say said says tell told add added adds note noted notes write wrote writes
  report reported reports state stated states claim claimed claims warn warned warns explain explained
  argue argued argues insist insisted insists continue continued continues conclude concluded ask asked
  reply replied respond responded emphasize emphasized stress stressed recall recalled admit admitted
  acknowledge acknowledged concede conceded contend contended assert asserted maintain maintained observe
  observed remark remarked comment commented predict predicted suggest suggested tweet tweeted joke joked
  quip quipped declare declared announce announced confirm confirmed complain complained allege alleged
  deny denied caution cautioned counter countered retort retorted reiterate reiterated boast boasted
  explained wrote writes testified estimate estimated posted found finds shown showed shows`);

/** Hedges that stand on their own: the outlet distances itself from what the clause says. */
export const HEDGE_ADVERBS = words(`reportedly allegedly purportedly supposedly ostensibly apparently`);
/** Passive hedges: "is said to", "are believed to" (the verb form after the auxiliary). */
export const HEDGE_PASSIVES = words(`said believed thought reported alleged rumored rumoured understood feared
  suspected claimed known expected`);
export const AUXILIARIES = words(`is are was were be been being has have had will would shall should can could
  may might must do does did 's ’s 're ’re`);

/** Role nouns that an article uses for a person already named: "the official said". */
export const PERSON_ROLES = words(`official officer spokesman spokeswoman spokesperson minister president
  leader chief commander general coordinator envoy ambassador diplomat source sources secretary senator
  governor mayor candidate nominee director chairman chairwoman chair adviser advisor aide lawyer attorney
  analyst expert professor researcher economist activist witness resident man woman doctor author writer
  congressman congresswoman lawmaker representative prosecutor judge campaigner democrat republican
  businessman mogul billionaire premier chancellor king queen prince emir sheikh colonel captain`);
/** Head nouns of organizations: "the ministry said", "the group claimed". */
export const ORGANIZATION_NOUNS = words(`ministry agency group government army military police company
  organization organisation office department committee council campaign administration militia movement
  party board commission authority authorities network station newspaper paper outlet channel coalition
  alliance union bank court institute university foundation firm state regime rebels militants forces`);

/** Words of an event in the content, by the kind they give the claim (lower case, any form). */
export const KIND_WORDS = {
  territorial: words(`seized seize seizes seizing captured capture captures capturing recaptured recapture
    retook retake retaken overran overrun entered enter enters entering took taken control controls
    controlled liberated liberate occupied occupy fell withdrew withdraw withdrawn advanced encircled
    besieged surrounded`),
  attack: words(`attack attacks attacked attacking shelling shelled shell shells strike strikes struck striking
    airstrike airstrikes air-strike bombed bombing bombings bombarded bombardment bomb bombs fired firing
    targeted targeting targets ambush ambushed raid raids raided explosion explosions blast blasts missile
    missiles rocket rockets drone drones assault assaulted stabbing stabbed gunfire shot shooting massacre`),
  military: words(`launched launch launches launching offensive counteroffensive counter-offensive operation
    operations repelled repel repulsed deployed deploy deploys deployment mobilized mobilised reinforcements
    troops intercepted intercept clashes clashed fighting retreated`),
  // Wrongdoing named in what is said makes it an accusation.
  wrongdoing: words(`terrorist terrorists terrorism crime crimes criminal corrupt corruption fraud fraudulent
    illegal illegally lie lied lies lying genocide massacre atrocities atrocity cover-up conspiracy collusion
    complicit complicity sabotage abuse abuses misconduct bribes bribery rigged smuggling`),
};
