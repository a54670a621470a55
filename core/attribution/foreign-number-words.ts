// The vocabulary of figures in French, Spanish and Arabic: number words, qualifiers, outcomes and counted nouns (lower case, Arabic folded).
import type { Qualifier } from './claim-types.ts';

export type ForeignLanguage = 'fr' | 'es' | 'ar';

type Vocabulary = {
  /** Numbers in words ("vingt-sept" is read as two: the caller adds units to tens). */
  numbers: Record<string, number>;
  tens: string[];
  /** Words for a scale after a number: "1,5 million", "27 mil". */
  scales: Record<string, number>;
  /** Vague counts: the lower bound they state, and the qualifier they carry. */
  vague: Record<string, [number, Qualifier]>;
  /** Before the number ("au moins 27"), longest first; the text before must end with one. */
  before: [string, Qualifier][];
  /** After the counted noun ("27 مدنيا على الأقل"). */
  after: [string, Qualifier][];
  /** What happened to the counted, normalized to the English outcomes the claims view plots. */
  outcomes: Record<string, string>;
  /** Counted nouns with the English category they stand for; other nouns are kept as written. */
  categories: Record<string, string>;
  /** Words after a number that make it no count (a share, money, an age, a time). */
  notCounts: string[];
  months: string[];
  /** Words that never name the counted. */
  notCounted: string[];
};

const list = (words: string) => words.trim().split(/\s+/);
const each = (spec: Record<string, string>) =>
  Object.fromEntries(Object.entries(spec).flatMap(([to, words]) => list(words).map((w) => [w, to])));

const FRENCH: Vocabulary = {
  numbers: Object.fromEntries(
    list(`zéro _ deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept
      dix-huit dix-neuf`)
      .map((w, n) => [w, n] as [string, number])
      .filter(([w]) => w !== '_')
      .concat([
        ['vingt', 20],
        ['trente', 30],
        ['quarante', 40],
        ['cinquante', 50],
        ['soixante', 60],
        ['cent', 100],
      ]),
  ),
  tens: list('vingt trente quarante cinquante soixante'),
  scales: { mille: 1_000, million: 1_000_000, millions: 1_000_000, milliard: 1e9, milliards: 1e9 },
  vague: {
    dizaines: [20, 'dozens'],
    centaines: [200, 'hundreds'],
    milliers: [2_000, 'thousands'],
    dizaine: [10, 'about'],
    douzaine: [12, 'about'],
    quinzaine: [15, 'about'],
    vingtaine: [20, 'about'],
    trentaine: [30, 'about'],
    quarantaine: [40, 'about'],
    cinquantaine: [50, 'about'],
    centaine: [100, 'about'],
  },
  before: [
    ['pas moins de', 'at least'],
    ['au moins', 'at least'],
    ['au minimum', 'at least'],
    ['plus de', 'more than'],
    ["jusqu'à", 'up to'],
    ['pas plus de', 'at most'],
    ['moins de', 'at most'],
    ['environ', 'about'],
    ['quelque', 'about'],
    ['près de', 'nearly'],
    ['presque', 'nearly'],
  ],
  after: [['au moins', 'at least']],
  outcomes: each({
    killed: 'tués tuées tué tuée morts mortes mort morte décès décédés décédées péri tuant tuer',
    injured: 'blessés blessées blessé blessée blessant',
    displaced: 'déplacés déplacées déplacé',
    detained: 'détenus détenues',
    arrested: 'arrêtés arrêtées arrêté interpellés interpellées',
    missing: 'disparus disparues',
    evacuated: 'évacués évacuées évacué',
    kidnapped: 'enlevés enlevées enlevé kidnappés kidnappées',
    fled: 'fui',
    released: 'libérés libérées libéré',
  }),
  categories: each({
    civilians: 'civils civil',
    children: 'enfants enfant',
    women: 'femmes femme',
    people: 'personnes personne',
    soldiers: 'soldats soldat militaires',
    fighters: 'combattants combattant',
    militants: 'militants djihadistes jihadistes',
    'police officers': 'policiers gendarmes',
    journalists: 'journalistes journaliste',
    refugees: 'réfugiés',
    migrants: 'migrants',
    families: 'familles',
    protesters: 'manifestants',
    residents: 'habitants',
    hostages: 'otages',
    villages: 'villages',
  }),
  notCounts: list(`% pour cent euros dollars francs ans an heures heure h km kilomètres mètres ème e er`),
  months: list(`janvier février mars avril mai juin juillet août septembre octobre novembre décembre`),
  notCounted: list(`le la les l de des du d à au aux en et ou un une sur dans par pour avec sans que qui ont sont
    ont été a est se s y ne pas plus ces ses leurs leur son sa cette ce entre depuis lors selon`),
};

const SPANISH: Vocabulary = {
  numbers: Object.fromEntries(
    list(`cero _ dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis
      diecisiete dieciocho diecinueve veinte`)
      .map((w, n) => [w, n] as [string, number])
      .filter(([w]) => w !== '_')
      .concat([
        ['treinta', 30],
        ['cuarenta', 40],
        ['cincuenta', 50],
        ['sesenta', 60],
        ['cien', 100],
      ]),
  ),
  tens: list('treinta cuarenta cincuenta sesenta'),
  scales: { mil: 1_000, millón: 1_000_000, millones: 1_000_000 },
  vague: {
    decenas: [20, 'dozens'],
    docenas: [24, 'dozens'],
    centenares: [200, 'hundreds'],
    cientos: [200, 'hundreds'],
    miles: [2_000, 'thousands'],
    decena: [10, 'about'],
    docena: [12, 'about'],
    veintena: [20, 'about'],
    centenar: [100, 'about'],
  },
  before: [
    ['no menos de', 'at least'],
    ['al menos', 'at least'],
    ['por lo menos', 'at least'],
    ['como mínimo', 'at least'],
    ['más de', 'more than'],
    ['hasta', 'up to'],
    ['menos de', 'at most'],
    ['alrededor de', 'about'],
    ['unos', 'about'],
    ['unas', 'about'],
    ['aproximadamente', 'about'],
    ['cerca de', 'nearly'],
    ['casi', 'nearly'],
  ],
  after: [['al menos', 'at least']],
  outcomes: each({
    killed: `muertos muertas muerto muerta murieron fallecidos fallecidas fallecieron asesinados asesinadas
      muertes víctimas mortales matando matar mató mataron`,
    injured: 'heridos heridas herido herida lesionados lesionadas',
    displaced: 'desplazados desplazadas',
    detained: 'detenidos detenidas',
    arrested: 'arrestados arrestadas',
    missing: 'desaparecidos desaparecidas',
    evacuated: 'evacuados evacuadas',
    kidnapped: 'secuestrados secuestradas',
    released: 'liberados liberadas',
  }),
  categories: each({
    civilians: 'civiles civil',
    children: 'niños niñas menores',
    women: 'mujeres',
    people: 'personas persona',
    soldiers: 'soldados soldado militares',
    fighters: 'combatientes',
    militants: 'milicianos yihadistas',
    'police officers': 'policías agentes',
    journalists: 'periodistas',
    refugees: 'refugiados',
    migrants: 'migrantes',
    families: 'familias',
    protesters: 'manifestantes',
    residents: 'habitantes vecinos',
    hostages: 'rehenes',
  }),
  notCounts: list(`% por ciento euros dólares pesos años año horas hora h km kilómetros metros º ª`),
  months: list(`enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre`),
  notCounted: list(`el la los las lo de del a al en y o e u un una sobre por para con sin que quien han fueron
    ha fue se es son no más estos estas sus su entre desde según`),
};

const ARABIC: Vocabulary = {
  numbers: {},
  tens: [],
  scales: { الف: 1_000, الاف: 1_000, مليون: 1_000_000, ملايين: 1_000_000 },
  vague: { عشرات: [20, 'dozens'], مئات: [200, 'hundreds'], الاف: [2_000, 'thousands'] },
  before: [
    ['ما لا يقل عن', 'at least'],
    ['لا يقل عن', 'at least'],
    ['اكثر من', 'more than'],
    ['ما يزيد عن', 'more than'],
    ['ما يزيد على', 'more than'],
    ['حتى', 'up to'],
    ['اقل من', 'at most'],
    ['نحو', 'about'],
    ['حوالي', 'about'],
    ['زهاء', 'about'],
    ['قرابه', 'nearly'],
    ['ما يقرب من', 'nearly'],
  ],
  after: [['علي الاقل', 'at least']],
  outcomes: each({
    killed: 'مقتل قتل قتلوا قتيل قتيلا قتلي مصرع وفاه توفي لقوا استشهاد شهيدا شهداء',
    injured: 'اصابه اصيب اصيبوا جرحي جريحا جرح مصابا مصابين',
    displaced: 'نزوح نازحا نازحين تهجير',
    detained: 'احتجاز محتجزا',
    arrested: 'اعتقال اعتقلوا معتقلا',
    missing: 'مفقودا مفقودين فقدان',
    kidnapped: 'اختطاف خطف مخطوفا',
    released: 'الافراج اطلاق',
  }),
  categories: each({
    civilians: 'مدنيا مدنيين مدنيون مدني',
    children: 'اطفال طفلا طفل',
    women: 'نساء امراه',
    people: 'اشخاص شخصا شخص',
    soldiers: 'جنود جنديا جندي عسكريين عسكريا',
    fighters: 'مقاتلين مقاتلا مقاتلون مسلحين مسلحا',
    'police officers': 'شرطيا شرطيين',
    journalists: 'صحفيين صحفيا صحافيين صحافيا',
    refugees: 'لاجئين لاجئا',
    migrants: 'مهاجرين مهاجرا',
    families: 'عائلات عائله اسر اسره',
    protesters: 'متظاهرين متظاهرا',
    hostages: 'رهائن',
  }),
  notCounts: list(`% بالمئه بالمائه المئه دولار دولارا يورو عاما سنه سنوات ساعه ساعات كيلومتر كلم`),
  months: list(`يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر كانون شباط اذار نيسان
    ايار حزيران تموز اب ايلول تشرين`),
  notCounted: list(`في من الي علي عن و او ان ان التي الذي الذين هذا هذه بين منذ خلال حسب وفقا`),
};

export const FIGURE_WORDS: Record<ForeignLanguage, Vocabulary> = { fr: FRENCH, es: SPANISH, ar: ARABIC };
