// The closed word lists the cue rules read: titles, head words, connectors, directions (lower case).
const words = (list: string) => new Set(list.trim().split(/\s+/));

/** A title or role right before a name makes it a person; it is never part of the name. */
export const PERSON_TITLES = words(`
  mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady madam monsieur herr
  president vice-president premier chancellor minister secretary secretary-general ambassador envoy
  governor gov. mayor senator sen. rep. congressman congresswoman lawmaker legislator mp deputy judge justice
  king queen prince princess emperor empress crown sheikh sheik emir amir sultan ayatollah imam mullah cleric
  pope cardinal archbishop bishop rev. reverend father rabbi patriarch metropolitan
  general gen. lieutenant lt. colonel col. major maj. captain capt. sergeant sgt. corporal cpl. private pvt.
  admiral adm. commander cmdr. marshal field-marshal brigadier brig. lieutenant-general major-general
  spokesman spokeswoman spokesperson chairman chairwoman chairperson chair director director-general
  coordinator commissioner adviser advisor aide envoy negotiator mediator rapporteur official officials
  chief ceo cfo coo founder co-founder executive president-elect leader head boss
  coach manager striker midfielder defender goalkeeper keeper forward winger skipper batsman bowler
  opener all-rounder pitcher quarterback champion seed player rider driver jockey trainer cyclist
  economist analyst strategist dealer trader broker correspondent reporter journalist editor columnist
  attorney lawyer prosecutor investigator inspector detective superintendent constable
  activist dissident opposition candidate nominee challenger incumbent widow son daughter brother sister
  wife husband mother uncle nephew cousin colleague rival
`);

/** Honorifics that make the next name a person even in a headline. */
export const HONORIFICS = words(`mr mr. mrs mrs. ms ms. dr dr. prof. sir dame sheikh sheik`);

/** The last word of an organization's name. */
export const ORGANIZATION_HEADS = words(`
  inc inc. corp corp. co co. ltd ltd. plc llc ag sa nv bv gmbh spa ab asa oyj kk
  company companies corporation group holding holdings industries industry enterprises systems technologies
  motors airlines airways petroleum oil gas energy chemical chemicals pharmaceuticals pharma steel mining
  securities capital partners bancorp bank banks financial insurance assurance investments fund trust
  telecom telecommunications communications media news times post journal tribune herald gazette daily
  press wire television tv radio broadcasting network networks magazine review observer chronicle
  ministry department office agency bureau authority commission committee council board directorate
  parliament assembly congress senate cabinet court tribunal police service services exchange newsroom newsdesk command
  university college institute school academy hospital clinic museum foundation society association
  federation union league confederation organization organisation alliance coalition consortium
  party church club fc afc sc cf united city rovers wanderers athletic athletico albion
  orchestra band team
`);

/** The first word of a company's or club's name that holds a place's: "Air France", "Dynamo Kiev", "Real Madrid". */
export const ORGANIZATION_PREFIXES = words(`
  air radio telecom bank banca banco banque credit royal first
  dynamo dinamo inter internazionale real atletico atlético athletic sporting olympique olympiakos racing
  ac fc sc afc cf cd sv vfb vfl tsv spartak lokomotiv torpedo cska slavia sparta steaua partizan
`);

/** The last word of an armed or political group's name. */
export const GROUP_HEADS = words(`
  front army brigade brigades forces movement militia militias battalion battalions regiment legion
  liberation jihad mujahideen mujahedeen resistance guards guard corps fighters rebels tigers
  cartel gang
`);

/** The last word of a named event: "World Cup", "U.S. Open", "Gulf War" (not a place, team or person). */
export const EVENT_HEADS = words(`
  cup open championship championships games olympics grand prix masters classic marathon tour trophy rally series
  war wars summit festival awards award prize final finals derby bowl talks accord accords
  agreement treaty revolution uprising intifada offensive ceasefire truce elections election referendum
`);

/** The last word of a place's name (compromise's place words add more). */
export const LOCATION_HEADS = words(`
  river sea ocean strait straits valley province region district governorate oblast prefecture county
  state territory republic kingdom emirate island islands isles peninsula mountain mountains mount mt
  hills heights plateau desert basin delta lake bay gulf coast cape canal
  street avenue road square bridge airport stadium park port harbour harbor camp crossing border
`);

/** Lower-case words that may sit inside a name ("Bank of England", "Osama bin Laden", "Charles de Gaulle"). */
export const NAME_PARTICLES = words(
  `de da do dos das del della di du des la le van von der den ter bin ibn bint abu al el`,
);

/** "northwest Syria": a direction before a name supports a place. */
export const DIRECTIONS = words(`
  north south east west northern southern eastern western central northeast northwest southeast southwest
  northeastern northwestern southeastern southwestern north-east north-west south-east south-west
  north-eastern north-western south-eastern south-western upper lower
`);

/** "in Aleppo", "near Idlib": prepositions that support a place. */
export const PLACE_PREPOSITIONS = words(
  `in at near from into to across outside inside around toward towards via through`,
);

/** Nationalities and peoples: "Syrian forces" names no place (CoNLL calls these MISC). */
export const DEMONYMS = words(`
  afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani azeri
  bahraini bangladeshi belarusian belarussian belgian beninese bhutanese bolivian bosnian botswanan brazilian british
  briton bruneian bulgarian burkinabe burmese burundian cambodian cameroonian canadian chadian chilean chinese colombian
  congolese croatian croat cuban cypriot czech danish dane djiboutian dominican dutch ecuadorian egyptian emirati english
  eritrean estonian ethiopian european fijian filipino finnish french gabonese gambian georgian german ghanaian greek
  guatemalan guinean haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian
  jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao laotian latvian lebanese liberian libyan
  lithuanian luxembourgish malagasy malawian malaysian maldivian malian maltese mauritanian mexican moldovan monegasque
  mongolian montenegrin moroccan mozambican namibian nepalese nepali nicaraguan nigerian nigerien norwegian omani pakistani
  palestinian panamanian paraguayan persian peruvian philippine polish portuguese qatari romanian russian rwandan
  salvadoran saudi scottish scots senegalese serb serbian sierra singaporean slovak slovakian slovene slovenian somali
  somalian sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai togolese tunisian turkish turkmen
  ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
  african asian arab arabian latin nordic scandinavian balkan caucasian slav slavic anglo franco sino soviet yugoslav czechoslovak chechen kurdish kurd pashtun tamil sinhalese uighur uyghur
  rohingya tutsi hutu berber bedouin yazidi assyrian coptic maronite basque catalan flemish walloon corsican sicilian
  texan californian londoner parisian muscovite
  moslem muslim christian catholic protestant orthodox jewish jew hindu buddhist sikh sunni shia shiite shi'ite alawite
  druze islamist islamic jihadist zionist
  olympic olympics paralympic
`);

/** Adjectives of belief and allegiance that are not places either (CoNLL's MISC). */
export const NOT_NAMES = words(`
  islamist islamic christian muslim muslims sunni shia shiite shi'ite alawite druze jewish arab arabs kurd kurds
  kurdish western eastern northern southern soviet communist socialist democratic republican liberal
  god allah internet web ramadan christmas easter eid
`);

/** Capitalized words that never start or join a name. */
export const NEVER_NAMES = words(`i i'm i've i'd i'll ok okay`);

/** Months and weekdays are dates, not names ("March 2020", "on Wednesday"). */
export const DATE_WORDS = words(`
  january february march april may june july august september october november december
  jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  today tonight yesterday tomorrow
`);

/** Capitalized closed-class words and verbs that start sentences and headlines. */
export const FUNCTION_WORDS = words(`
  the a an this that these those there here it its he she they we you his her their our my your
  and or but nor so yet if then than when while where which who whom whose what why how
  as at by for from in into of off on onto out over to up upon with within without about after
  before between under among against during since until via per
  is are was were be been being has have had do does did will would shall should can could may might must
  not no yes all any each every some many much more most other another such both either neither
`);
