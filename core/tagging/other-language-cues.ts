// Cue words for names in French, Spanish, Portuguese, Italian, German and Russian (lower case): titles, head words, particles, dates.
import type { OtherLanguage } from './word-keys.ts';

const words = (list: string) => new Set(list.trim().split(/\s+/));

export type LanguageCues = {
  /** A title or role right before a name makes it a person. */
  titles: Set<string>;
  /** Words that make the name they start or end an organization ("Ministério da Saúde", "Zentralbank"). */
  organizationHeads: Set<string>;
  /** The same for armed and political groups ("Front", "Armée", "Brigaden"). */
  groupHeads: Set<string>;
  /** The same for places ("Rio", "Golfe", "Bezirk", "область"). */
  locationHeads: Set<string>;
  /** "em", "à", "nach", "в": before a name, a place. */
  placePrepositions: Set<string>;
  /** Lower-case words inside names: "Banco do Brasil", "Charles de Gaulle", "von der Leyen". */
  particles: Set<string>;
  /** Months and weekdays, capitalized in some languages, never names. */
  dateWords: Set<string>;
};

// Never a conjunction: "Lourdes e René" is two people.
const ROMANCE_PARTICLES = 'de da do dos das del della degli di du des la le les van von der den bin ibn al el';

export type CuedLanguage = Exclude<OtherLanguage, 'ar' | 'other'>;

const CUES: Record<CuedLanguage, LanguageCues> = {
  fr: {
    titles:
      words(`m. mme mlle me dr pr président présidente ministre premier-ministre secrétaire ambassadeur ambassadrice
      porte-parole général colonel capitaine commandant lieutenant maire gouverneur sénateur député députée juge
      procureur roi reine prince princesse émir cheikh imam pape cardinal évêque chef directeur directrice
      patron fondateur dirigeant dirigeante leader monsieur madame sieur journaliste avocat avocate`),
    organizationHeads: words(`ministère ministre parti banque université conseil commission comité assemblée sénat cour
      tribunal agence office institut fondation association fédération union ligue organisation compagnie société
      groupe syndicat gouvernement parlement police gendarmerie école hôpital observatoire église caisse`),
    groupHeads: words(`front armée brigade brigades forces mouvement milice bataillon légion résistance`),
    locationHeads: words(`rue avenue boulevard place pont lac mont mer golfe fleuve rivière île îles cap baie vallée
      province région département gouvernorat canton quartier camp port aéroport désert plateau`),
    placePrepositions: words(`à au aux en dans vers depuis près`),
    particles: words(ROMANCE_PARTICLES),
    dateWords: words(`janvier février mars avril mai juin juillet août septembre octobre novembre décembre
      lundi mardi mercredi jeudi vendredi samedi dimanche`),
  },
  es: {
    titles: words(`sr. sra. srta. don doña dr. dra. presidente presidenta ministro ministra secretario secretaria
      embajador embajadora portavoz vocero vocera general coronel capitán comandante teniente alcalde alcaldesa
      gobernador gobernadora senador senadora diputado diputada juez jueza fiscal rey reina príncipe princesa emir
      jeque imán papa cardenal obispo jefe jefa director directora fundador líder dirigente periodista abogado`),
    organizationHeads:
      words(`ministerio partido banco universidad consejo comisión comité asamblea senado corte tribunal
      agencia oficina instituto fundación asociación federación unión liga organización compañía sociedad grupo
      sindicato gobierno parlamento congreso policía escuela hospital observatorio iglesia fiscalía`),
    groupHeads: words(`frente ejército brigada brigadas fuerzas movimiento milicia batallón legión resistencia cártel`),
    locationHeads: words(`calle avenida plaza puente lago monte sierra mar golfo río isla islas cabo bahía valle
      provincia región departamento estado municipio barrio campo puerto aeropuerto desierto`),
    placePrepositions: words(`en a desde hacia hasta cerca`),
    particles: words(ROMANCE_PARTICLES),
    dateWords: words(`enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
      lunes martes miércoles jueves viernes sábado domingo`),
  },
  pt: {
    titles: words(`sr. sra. dr. dra. dom dona presidente ministro ministra secretário secretária embaixador embaixadora
      porta-voz general coronel capitão comandante tenente prefeito prefeita governador governadora senador senadora
      deputado deputada juiz juíza procurador procuradora rei rainha príncipe princesa emir xeque imã papa cardeal
      bispo chefe diretor diretora fundador líder dirigente jornalista advogado advogada técnico treinador`),
    organizationHeads: words(`ministério partido banco universidade conselho comissão comitê comité assembleia senado
      tribunal supremo agência instituto fundação associação federação união liga organização companhia sociedade
      grupo sindicato governo parlamento congresso polícia escola hospital observatório igreja câmara procuradoria
      empresa clube`),
    groupHeads: words(`frente exército brigada brigadas forças movimento milícia batalhão legião resistência`),
    locationHeads: words(`rua avenida praça ponte lago monte serra mar golfo rio ilha ilhas cabo baía vale
      província região estado município bairro porto aeroporto deserto`),
    placePrepositions: words(`em no na nos nas para até`),
    particles: words(ROMANCE_PARTICLES),
    dateWords: words(`janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
      segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo`),
  },
  it: {
    titles: words(`sig. sig.ra dott. presidente ministro ministra segretario ambasciatore portavoce generale colonnello
      capitano comandante sindaco governatore senatore deputato giudice procuratore re regina principe papa cardinale
      vescovo capo direttore fondatore leader giornalista avvocato`),
    organizationHeads: words(`ministero partito banca università consiglio commissione comitato assemblea senato corte
      tribunale agenzia istituto fondazione associazione federazione unione lega organizzazione compagnia società
      gruppo sindacato governo parlamento polizia scuola ospedale osservatorio chiesa`),
    groupHeads: words(`fronte esercito brigata brigate forze movimento milizia battaglione legione resistenza`),
    locationHeads: words(`via viale piazza ponte lago monte mare golfo fiume isola isole capo baia valle provincia
      regione comune porto aeroporto deserto`),
    placePrepositions: words(`a in da verso presso`),
    particles: words(ROMANCE_PARTICLES),
    dateWords: words(`gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
      lunedì martedì mercoledì giovedì venerdì sabato domenica`),
  },
  de: {
    titles: words(`herr herrn frau dr. prof. präsident präsidentin bundespräsident kanzler kanzlerin bundeskanzler
      bundeskanzlerin minister ministerin außenminister außenministerin sekretär botschafter botschafterin sprecher
      sprecherin general oberst hauptmann kommandeur bürgermeister bürgermeisterin gouverneur senator senatorin
      abgeordnete abgeordneter richter richterin staatsanwalt könig königin prinz prinzessin emir scheich papst
      kardinal bischof chef chefin direktor direktorin gründer vorsitzende vorsitzender leiter leiterin trainer
      sonderberater sonderberaterin berater beraterin journalist journalistin anwalt anwältin autor autorin`),
    organizationHeads: words(`ministerium partei bank universität rat kommission komitee ausschuss versammlung senat
      gericht gerichtshof agentur amt institut stiftung verband verein bund union liga organisation gesellschaft
      konzern gruppe gewerkschaft regierung parlament polizei schule klinik kirche ag gmbh`),
    groupHeads: words(`front armee brigade brigaden miliz bataillon legion bewegung`),
    locationHeads: words(`straße platz brücke see berg meer golf fluss insel inseln kap bucht tal provinz region bezirk
      kreis stadt hafen flughafen wüste ozean küste gebirge halbinsel kanal`),
    placePrepositions: words(`in im nach aus bei nahe`),
    particles: words(`von van der den de da di du la le bin ibn al el zu vom`),
    dateWords: words(`januar jänner februar märz april mai juni juli august september oktober november dezember
      montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag`),
  },
  ru: {
    titles: words(`господин госпожа президент премьер премьер-министр министр глава секретарь посол генсек
      представитель пресс-секретарь спикер генерал полковник капитан командующий командир мэр губернатор сенатор
      депутат судья прокурор король королева принц эмир шейх папа патриарх митрополит директор лидер основатель
      руководитель председатель журналист адвокат тренер`),
    organizationHeads: words(`министерство минобороны мид партия партии банк университет совет комиссия комитет собрание
      дума суд агентство ведомство институт фонд ассоциация федерация союз лига организация компания общество группа
      правительство парламент полиция школа больница церковь служба`),
    groupHeads: words(`фронт армия бригада бригады силы движение ополчение батальон легион`),
    locationHeads: words(`улица проспект площадь мост озеро гора море залив река остров острова мыс долина область
      край район регион округ провинция республика порт аэропорт пустыня`),
    placePrepositions: words(`в во из на под около близ`),
    particles: words(`де да ди ван фон дер бин ибн аль аш ас эль`),
    dateWords: words(`январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля август
      августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря понедельник вторник среда четверг
      пятница суббота воскресенье`),
  },
};

export function cuesFor(language: CuedLanguage): LanguageCues {
  return CUES[language];
}
