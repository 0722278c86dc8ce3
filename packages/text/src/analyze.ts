import { foldArabicScript, stripAccents } from '@passerelle/core';
import { isTextLanguage, stemmerFor, type LanguageCode, type TextLanguage } from './lang';

/**
 * Per-language normalisation of titles and free text: gender markers and inclusive forms,
 * elisions, abbreviations, stop words, masculine base forms, Snowball stems, then accents and
 * Arabic-script variants folded (after stemming, because the stemmers expect accented input).
 */

const stopWords: Record<TextLanguage, string[]> = {
  en: 'a an and or of the for in on at to by with from as is are be was were this that these those its it their our your my all other others any etc which who whom'.split(
    ' ',
  ),
  fr: 'a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y l d j n s c m t autre autres tout tous toute toutes'.split(
    ' ',
  ),
  nl: 'aan al als bij dan dat de der des die dit door een en er het hij hun ik in is je met na naar niet of om onder op over te tot uit van voor wat wie zij zo ook andere overige alle'.split(
    ' ',
  ),
  de: 'der die das den dem des ein eine einer eines einem einen und oder mit von vom zu zur zum im in am an auf aus bei für fur als ist sind sich ich wir sie er es nicht auch andere sonstige alle'.split(
    ' ',
  ),
  es: 'a al con de del el en la las lo los para por que se sin su sus un una unos unas y o e u otro otros otra otras todos'.split(
    ' ',
  ),
  it: 'a al alla con da dei del della delle di e ed gli i il in la le lo nel nella o per su un una uno altri altro'.split(
    ' ',
  ),
  pt: 'a ao as com da das de do dos e em na nas no nos o os ou para pela pelo por um uma outros outras'.split(
    ' ',
  ),
  ar: 'في من على الى إلى عن مع و او أو ثم ان أن هذا هذه ذلك التي الذي ال'.split(' '),
};
const stopWordSets = Object.fromEntries(
  Object.entries(stopWords).map(([lang, words]) => [lang, new Set(words.map((w) => fold(w)))]),
) as Record<TextLanguage, Set<string>>;

/** Abbreviations common in job titles and CVs, expanded before stemming. Keys are lower case, no dots. */
const abbreviations: Record<TextLanguage, Record<string, string>> = {
  en: {
    sr: 'senior',
    snr: 'senior',
    jr: 'junior',
    jnr: 'junior',
    mgr: 'manager',
    mngr: 'manager',
    asst: 'assistant',
    asst_: 'assistant',
    exec: 'executive',
    engr: 'engineer',
    eng: 'engineer',
    dev: 'developer',
    devs: 'developers',
    admin: 'administrator',
    tech: 'technician',
    techs: 'technicians',
    rep: 'representative',
    reps: 'representatives',
    hr: 'human resources',
    acct: 'accountant',
    coord: 'coordinator',
    mktg: 'marketing',
    mkt: 'marketing',
    ops: 'operations',
    qa: 'quality assurance',
    qc: 'quality control',
    ceo: 'chief executive officer',
    cfo: 'chief financial officer',
    cto: 'chief technology officer',
    coo: 'chief operating officer',
    cio: 'chief information officer',
    vp: 'vice president',
    dir: 'director',
    supv: 'supervisor',
    supvr: 'supervisor',
    spec: 'specialist',
    maint: 'maintenance',
    mfg: 'manufacturing',
    govt: 'government',
    dept: 'department',
    assoc: 'associate',
    ast: 'assistant',
    svc: 'service',
    svcs: 'services',
    cust: 'customer',
    hvac: 'heating ventilation air conditioning',
    rn: 'registered nurse',
    lpn: 'licensed practical nurse',
    ui: 'user interface',
    ux: 'user experience',
    seo: 'search engine optimisation',
    crm: 'customer relationship management',
    erp: 'enterprise resource planning',
    js: 'javascript',
    ml: 'machine learning',
    ai: 'artificial intelligence',
  },
  fr: {
    resp: 'responsable',
    adj: 'adjoint',
    tech: 'technicien',
    ing: 'ingenieur',
    asst: 'assistant',
    dir: 'directeur',
    rh: 'ressources humaines',
    cdi: '',
    cdd: '',
  },
  nl: {
    mw: 'medewerker',
    mdw: 'medewerker',
    verantw: 'verantwoordelijke',
    hr: 'human resources',
    ict: 'ict',
  },
  de: {
    ing: 'ingenieur',
    mitarb: 'mitarbeiter',
    kfm: 'kaufmann',
    techn: 'technischer',
    fachang: 'fachangestellter',
  },
  es: {
    tec: 'tecnico',
    aux: 'auxiliar',
    ing: 'ingeniero',
    admin: 'administrativo',
    rrhh: 'recursos humanos',
  },
  it: { ing: 'ingegnere', tec: 'tecnico' },
  pt: { tec: 'tecnico', aux: 'auxiliar', eng: 'engenheiro' },
  ar: {},
};

const abbreviationMaps = Object.fromEntries(
  Object.entries(abbreviations).map(([lang, map]) => [lang, new Map(Object.entries(map))]),
) as Record<TextLanguage, Map<string, string>>;

/** Feminine → masculine word endings, so that both forms of a gendered title fall together. Longest first. */
const masculineEndings: Partial<Record<TextLanguage, [string, string][]>> = {
  fr: [
    ['eresse', 'eur'],
    ['trice', 'teur'],
    ['rice', 'reur'],
    ['euse', 'eur'],
    ['ière', 'ier'],
    ['ère', 'er'],
    ['ienne', 'ien'],
    ['enne', 'en'],
    ['onne', 'on'],
    ['ive', 'if'],
    ['ée', 'é'],
    ['esse', 'e'],
    ['ette', 'et'],
    ['ante', 'ant'],
    ['ente', 'ent'],
    ['ale', 'al'],
  ],
  nl: [
    ['ster', 'er'],
    ['euse', 'eur'],
    ['trice', 'teur'],
    ['ice', 'eur'],
    ['es', ''],
  ],
  de: [
    ['erinnen', 'er'],
    ['erin', 'er'],
    ['eurin', 'eur'],
    ['istin', 'ist'],
    ['antin', 'ant'],
    ['entin', 'ent'],
    ['torin', 'tor'],
    ['login', 'loge'],
    ['ärztin', 'arzt'],
    ['ärztinnen', 'arzt'],
    ['männin', 'mann'],
    ['frau', 'mann'],
    ['frauen', 'mann'],
  ],
  es: [
    ['ora', 'or'],
    ['oras', 'or'],
    ['era', 'ero'],
    ['eras', 'ero'],
    ['ista', 'ista'],
    ['iza', 'iz'],
  ],
  it: [
    ['trice', 'tore'],
    ['essa', 'e'],
    ['iera', 'iere'],
  ],
  pt: [
    ['ora', 'or'],
    ['eira', 'eiro'],
  ],
  en: [
    ['woman', 'man'],
    ['women', 'men'],
  ],
};
for (const list of Object.values(masculineEndings)) list.sort((a, b) => b[0].length - a[0].length);

// Feminine words whose masculine form is not a regular ending change.
const masculineWords: Partial<Record<TextLanguage, Record<string, string>>> = {
  en: {
    waitress: 'waiter',
    actress: 'actor',
    hostess: 'host',
    stewardess: 'steward',
    manageress: 'manager',
    headmistress: 'headmaster',
    chairperson: 'chairman',
    salesperson: 'salesman',
    spokesperson: 'spokesman',
  },
  fr: {
    maîtresse: 'maître',
    directrice: 'directeur',
    ambassadrice: 'ambassadeur',
    'sage-femme': 'sage-femme',
  },
  nl: {
    lerares: 'leraar',
    verpleegster: 'verpleger',
    verkoopster: 'verkoper',
    kapster: 'kapper',
    schoonmaakster: 'schoonmaker',
    serveerster: 'serveerder',
    onderwijzeres: 'onderwijzer',
  },
  de: { krankenschwester: 'krankenpfleger', kauffrau: 'kaufmann', ärztin: 'arzt', kauffrauen: 'kaufmann' },
  es: {},
};
const masculineWordMaps = Object.fromEntries(
  Object.entries(masculineWords).map(([lang, map]) => [lang, new Map(Object.entries(map))]),
) as Partial<Record<TextLanguage, Map<string, string>>>;
// Words a naive ending rule would damage, and that are not gendered.
const masculineExceptions = new Set([
  'vente',
  'rente',
  'pente',
  'tente',
  'vitesse',
  'adresse',
  'presse',
  'caisse',
  'finesse',
  'jeunesse',
  'promesse',
  'messe',
  'era',
  'data',
  'business',
  'sociale',
]);

/** Brings a word to its masculine base form ("conductrice" → "conducteur", "kapster" → "kapper"). */
export function masculineForm(word: string, lang: LanguageCode): string {
  if (!isTextLanguage(lang)) return word;
  if (lang === 'ar') {
    // Feminine ta marbuta: ممرضة → ممرض (only on words long enough to be a derived noun).
    return word.length >= 4 && /[ةه]$/.test(word) ? word.slice(0, -1) : word;
  }
  const special = masculineWordMaps[lang]?.get(word);
  if (special !== undefined) return special;
  const rules = masculineEndings[lang];
  if (!rules || word.length < 5 || masculineExceptions.has(word)) return word;
  for (const [feminine, masculine] of rules) {
    if (word.endsWith(feminine) && word.length - feminine.length >= 3) {
      // Dutch "-es" only for agent nouns like "zangeres", not plurals.
      if (lang === 'nl' && feminine === 'es' && !word.endsWith('eres')) continue;
      return word.slice(0, word.length - feminine.length) + masculine;
    }
  }
  return word;
}

// "(h/f/x)", "(m/w/d)", "H/F", "(m/v/x)", "(f/m/d)": gender markers in vacancy titles.
const genderMarker = /[([]?\s*\b[hfmwvdxg*]\s*\/\s*[hfmwvdxg*](?:\s*\/\s*[hfmwvdxg*])?\b\s*[)\]]?/giu;
// "infirmier(ère)", "infirmier·e", "infirmier.e", "Mitarbeiter/in", "Mitarbeiter/-in", "Mitarbeiter*in", "Mitarbeiter:in", "Mitarbeiter_innen", "enfermero/a".
const inclusiveSuffix =
  /(\p{L}{2,})(?:\(|·|•|\.|\/-?|\*|:|_|-)(e|es|ère|ere|ière|iere|euse|eresse|rice|trice|ienne|enne|ne|le|lle|te|in|innen|In|Innen|a|as|ice|ster|e\.s)\)?(?=[^\p{L}]|$)/gu;
// "MitarbeiterIn", "LehrerInnen"
const camelInclusive = /(\p{Ll}{2,})In(nen)?(?=[^\p{L}]|$)/gu;

/** Removes gender markers and inclusive writing, keeping the base (masculine or common) form. */
export function removeGenderMarks(text: string): string {
  return text
    .replace(genderMarker, ' ')
    .replace(inclusiveSuffix, (whole, base: string, suffix: string) => {
      // "N/A", "and/or", "a.s.a.p." style fragments are not inclusive forms.
      if (suffix === 'a' && !/o$/i.test(base)) return whole;
      if ((suffix === 'e' || suffix === 'es') && whole.includes('-')) return whole;
      return base;
    })
    .replace(camelInclusive, '$1');
}

const exceptClause =
  /\b(?:except|excluding|other than|sauf|hors|à l'exception d[eu']s?|a l'exception d[eu']s?|behalve|uitgezonderd|exclusief|außer|ausser|ausgenommen|excepto|salvo)\b[^,;()]*/giu;

/** Removes exclusion clauses from classification titles ("Surgeons, Except Pediatric" → "Surgeons,"). */
export function removeExceptClauses(text: string): string {
  return text.replace(exceptClause, ' ');
}

// Tokens with symbols that matter in skills: kept as words.
const symbolTokens: [RegExp, string][] = [
  [/c\+\+/giu, ' cplusplus '],
  [/(^|[^\p{L}])c#/giu, '$1 csharp '],
  [/(^|[^\p{L}])f#/giu, '$1 fsharp '],
  [/\.net\b/giu, ' dotnet '],
  [/\bnode\.js\b/giu, ' nodejs '],
  [/\b(\p{L}+)\.js\b/giu, ' $1js '],
];

// French/Italian elisions (l', d', qu', j'...) and the English possessive.
const elision = /\b(?:l|d|j|qu|n|s|c|m|t|dell|all|dall|nell|sull)['’]/giu;
const possessive = /['’]s\b/giu;

function fold(word: string): string {
  return stripAccents(foldArabicScript(word));
}

/** A text reduced to comparable words: `words` are folded surface forms, `stems` their Snowball stems. */
export interface AnalyzedText {
  words: string[];
  stems: string[];
}

export interface AnalyzeOptions {
  /** Drop "except ..." clauses (classification titles). Default false. */
  dropExceptClauses?: boolean;
  /** Keep stop words (skill extraction needs positions of every word). Default false. */
  keepStopWords?: boolean;
  /** Drop seniority and contract qualifiers ("senior", "intern", "stagiaire") unless nothing else is left. Default false. */
  dropQualifiers?: boolean;
  /** With `dropQualifiers`, an entry-level qualifier ("intern", "stagiaire") adds the word for assistant. Default true. */
  entryLevelAssistant?: boolean;
}

/**
 * Words of vacancy titles that qualify the job (seniority, contract, urgency) without naming an
 * occupation. Folded masculine forms, as produced by {@link analyzeToken}.
 */
const qualifierWords: Record<TextLanguage, string[]> = {
  en: 'senior junior intern internship trainee urgent urgently hiring immediate immediately experienced fulltime parttime temporary temp permanent freelance remote'.split(
    ' ',
  ),
  fr: 'senior junior stagiaire confirme experimente debutant alternance alternant interimaire urgent'.split(
    ' ',
  ),
  nl: 'senior junior stagiair ervaren deeltijds voltijds tijdelijk starter'.split(' '),
  de: 'senior junior praktikum befristet teilzeit vollzeit erfahren'.split(' '),
  es: 'senior junior becario practicas urgente'.split(' '),
  it: 'senior junior stagista tirocinante tirocinio urgente'.split(' '),
  pt: 'senior junior estagiario estagio urgente'.split(' '),
  ar: [],
};
const qualifierSets = Object.fromEntries(
  Object.entries(qualifierWords).map(([lang, words]) => [lang, new Set(words)]),
) as Record<TextLanguage, Set<string>>;

/**
 * Qualifiers of entry-level jobs ("marketing intern", "trainee accountant", "junior accountant"),
 * which name an assistant-level occupation: with `dropQualifiers` they stand for the language's
 * word for assistant, as in ESCO's own labels ("junior accountant" is an accounting assistant).
 */
const entryLevel: Record<TextLanguage, { words: string[]; assistant: string }> = {
  en: { words: ['junior', 'intern', 'internship', 'trainee'], assistant: 'assistant' },
  fr: { words: ['junior', 'stagiaire', 'debutant', 'alternant', 'alternance'], assistant: 'assistant' },
  nl: { words: ['junior', 'stagiair', 'starter'], assistant: 'assistent' },
  de: { words: ['junior', 'praktikum'], assistant: 'assistent' },
  es: { words: ['junior', 'becario', 'practicas'], assistant: 'asistente' },
  it: { words: ['junior', 'stagista', 'tirocinante', 'tirocinio'], assistant: 'assistente' },
  pt: { words: ['junior', 'estagiario', 'estagio'], assistant: 'assistente' },
  ar: { words: [], assistant: 'مساعد' },
};
const entryLevelSets = Object.fromEntries(
  Object.entries(entryLevel).map(([lang, e]) => [lang, new Set(e.words)]),
) as Record<TextLanguage, Set<string>>;

/**
 * Words naming a management rank in a job title (folded masculine forms): the title of a manager,
 * director, head, chief, lead or supervisor. Used by the title normalisation preset, where an
 * occupation named by such a word is a less likely answer to a title that names none
 * ("Marketing Executive" → marketing assistant rather than marketing manager).
 */
const managementWords: Record<TextLanguage, string[]> = {
  en: 'manager director head chief lead leader supervisor foreman'.split(' '),
  fr: 'manager directeur responsable gestionnaire chef gerant superviseur contremaitre'.split(' '),
  nl: 'manager directeur hoofd leidinggevende chef bedrijfsleider teamleider supervisor'.split(' '),
  de: 'manager direktor leiter chef geschaftsfuhrer teamleiter vorarbeiter'.split(' '),
  es: 'manager director jefe gerente responsable supervisor capataz'.split(' '),
  it: 'manager direttore responsabile capo dirigente supervisore'.split(' '),
  pt: 'manager diretor gerente chefe responsavel supervisor'.split(' '),
  ar: ['مدير', 'رئيس', 'مشرف'],
};
const managementSets = Object.fromEntries(
  Object.entries(managementWords).map(([lang, words]) => [lang, new Set(words.map((w) => fold(w)))]),
) as Record<TextLanguage, Set<string>>;

/** True when a folded word (as in {@link AnalyzedText.words}) names a management rank. */
export function isManagementWord(word: string, lang: LanguageCode): boolean {
  return isTextLanguage(lang) ? managementSets[lang].has(word) : false;
}

/** True when a folded word only qualifies a job title (seniority, contract, urgency). */
export function isQualifier(word: string, lang: LanguageCode): boolean {
  return isTextLanguage(lang) ? qualifierSets[lang].has(word) : false;
}

// The usual word for information technology in ESCO labels, per language.
const informationTechnology: Partial<Record<TextLanguage, string>> = {
  en: 'ICT',
  nl: 'ICT',
  fr: 'informatique',
};

/** Splits a text into raw lower-case word tokens after symbol, elision and gender handling. */
export function rawTokens(text: string, lang: LanguageCode): string[] {
  let t = text.normalize('NFC');
  t = removeGenderMarks(t);
  for (const [pattern, replacement] of symbolTokens) t = t.replace(pattern, replacement);
  // "IT" written in capitals is information technology, not the pronoun.
  const it = isTextLanguage(lang) ? informationTechnology[lang] : undefined;
  if (it !== undefined) t = t.replace(/(?<![\p{L}\p{N}])IT(?![\p{L}\p{N}])/gu, it);
  t = t.replace(possessive, ' ');
  if (lang === 'fr' || lang === 'it') t = t.replace(elision, ' ');
  t = t.toLocaleLowerCase('und');
  return t.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w !== '');
}

const tokenCache = new Map<string, { words: string[]; stems: string[] }>();

/** Normalises one lower-case token: abbreviation expansion, masculine form, stem, folding. */
export function analyzeToken(token: string, lang: LanguageCode): { words: string[]; stems: string[] } {
  const key = `${lang}:${token}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const result = analyzeTokenUncached(token, lang);
  if (tokenCache.size > 200_000) tokenCache.clear();
  tokenCache.set(key, result);
  return result;
}

function analyzeTokenUncached(token: string, lang: LanguageCode): { words: string[]; stems: string[] } {
  const expanded = isTextLanguage(lang) ? abbreviationMaps[lang].get(token) : undefined;
  const parts = expanded !== undefined ? expanded.split(' ').filter((p) => p !== '') : [token];
  const stem = stemmerFor(lang);
  const words: string[] = [];
  const stems: string[] = [];
  for (const part of parts) {
    const masc = masculineForm(part, lang);
    words.push(fold(masc));
    stems.push(fold(/\p{N}/u.test(masc) ? masc : stem(masc)));
  }
  return { words, stems };
}

/** Analyses a title or a short text in a language. */
export function analyzeText(text: string, lang: LanguageCode, options: AnalyzeOptions = {}): AnalyzedText {
  const source = options.dropExceptClauses ? removeExceptClauses(text) : text;
  const stops = isTextLanguage(lang) ? stopWordSets[lang] : undefined;
  const words: string[] = [];
  const stems: string[] = [];
  let qualifiers: AnalyzedText | undefined;
  for (const token of rawTokens(source, lang)) {
    if (!options.keepStopWords && stops?.has(fold(token))) continue;
    const a = analyzeToken(token, lang);
    for (let i = 0; i < a.words.length; i++) {
      const word = a.words[i] as string;
      const stem = a.stems[i] as string;
      if (options.dropQualifiers && isQualifier(word, lang)) {
        qualifiers ??= { words: [], stems: [] };
        qualifiers.words.push(word);
        qualifiers.stems.push(stem);
        continue;
      }
      words.push(word);
      stems.push(stem);
    }
  }
  // A title made only of qualifiers ("Intern") keeps them.
  if (words.length === 0 && qualifiers) return qualifiers;
  if (qualifiers && options.entryLevelAssistant !== false && isTextLanguage(lang)) {
    const entry = entryLevelSets[lang];
    if (qualifiers.words.some((w) => entry.has(w))) {
      const a = analyzeToken(entryLevel[lang].assistant, lang);
      if (!a.stems.every((stem) => stems.includes(stem))) {
        words.push(...a.words);
        stems.push(...a.stems);
      }
    }
  }
  return { words, stems };
}

/** True when a folded word is a stop word of the language. */
export function isStopWord(word: string, lang: LanguageCode): boolean {
  return isTextLanguage(lang) ? stopWordSets[lang].has(fold(word)) : false;
}

/** A word of a text with its position, normalised forms and stop-word flag. */
export interface OffsetToken {
  start: number;
  end: number;
  /** The token as written. */
  raw: string;
  words: string[];
  stems: string[];
  stop: boolean;
}

const offsetToken = /c\+\+|[cf]#|\.net\b|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:\.js\b)?/giu;
const offsetCache = new Map<string, { words: string[]; stems: string[]; stop: boolean }>();

function analyzeOffsetToken(
  lower: string,
  lang: LanguageCode,
): { words: string[]; stems: string[]; stop: boolean } {
  const key = `${lang}:${lower}`;
  const cached = offsetCache.get(key);
  if (cached) return cached;
  let word = lower;
  if (word === 'c++') word = 'cplusplus';
  else if (word === 'c#') word = 'csharp';
  else if (word === 'f#') word = 'fsharp';
  else if (word === '.net') word = 'dotnet';
  else if (word.endsWith('.js')) word = `${word.slice(0, -3)}js`;
  const stop = isStopWord(word, lang);
  const a = stop ? { words: [fold(word)], stems: [fold(word)] } : analyzeToken(word, lang);
  const result = { words: a.words, stems: a.stems, stop };
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, result);
  return result;
}

/** Splits a text into word tokens that keep their character offsets (for spans in free text). */
export function tokenizeWithOffsets(text: string, lang: LanguageCode): OffsetToken[] {
  const out: OffsetToken[] = [];
  offsetToken.lastIndex = 0;
  for (let m = offsetToken.exec(text); m; m = offsetToken.exec(text)) {
    const raw = m[0];
    const a = analyzeOffsetToken(raw.toLowerCase(), lang);
    out.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      words: a.words,
      stems: a.stems,
      stop: a.stop,
    });
  }
  return out;
}
