import {
  organisationInput,
  personInput,
  trainingInput,
  vacancyInput,
  type OrganisationInput,
  type PersonInput,
  type PersonInputDraft,
  type referralReasonCodes,
  type ReferralStatus,
  type TrainingInput,
  type TrainingInputDraft,
  type TrainingType,
  type VacancyInput,
  type VacancyInputDraft,
} from '@passerelle/core';
import {
  starterCatalogue,
  type CatalogueOccupation,
  type CatalogueSkill,
  type StarterCatalogue,
} from '@passerelle/taxonomy';
import {
  demoCountries,
  hostCountries,
  returnCountries,
  sectorBusinessWords,
  sectorIsic,
  type DemoCity,
  type DemoCountry,
  type DemoName,
} from './countries';
import { createRandom, type Random } from './random';

type ReferralReasonCode = (typeof referralReasonCodes)[number];

/**
 * The demo data generator: organisations, people, vacancies, training offers and a few referrals
 * for the countries of return and the host countries, with skill profiles drawn from the taxonomy
 * catalogue so that matches make sense. Pure and deterministic: the same options give the same
 * records, ids included.
 */

export interface DemoOptions {
  seed?: number | string;
  people?: number;
  vacancies?: number;
  trainings?: number;
  /** Employers besides the fixed demo employer; by default one per five vacancies, at least 12. */
  employers?: number;
  /** Referrals; by default one per five people. */
  referrals?: number;
  /** The day the data is "as of" (dates are drawn around it). Fixed so that a seed gives the same data. */
  referenceDate?: string;
  catalogue?: StarterCatalogue;
}

/** The default size `passerelle serve --demo` loads on first start (a few hundred records). */
export const defaultDemoSize = { people: 200, vacancies: 150, trainings: 60 } as const;

export const defaultDemoSeed = 'passerelle';

/** A record with the id it is stored under. */
export type WithId<T> = T & { id: string };

export interface DemoReferral {
  id: string;
  personId: string;
  targetKind: 'vacancy' | 'training';
  targetId: string;
  motivation: string;
  /** When it was proposed. */
  proposedOn: string;
  /** The status changes after `proposed`, in order. */
  steps: { to: ReferralStatus; on: string; reasonCode?: ReferralReasonCode }[];
}

export interface DemoDataset {
  seed: string;
  referenceDate: string;
  organisations: WithId<OrganisationInput>[];
  people: WithId<PersonInput>[];
  vacancies: WithId<VacancyInput>[];
  trainings: WithId<TrainingInput>[];
  referrals: DemoReferral[];
}

const fixedId = (n: number) => `00000000-de70-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Stable ids of fixed demo organisations, the same for every seed, so that the demo users (created
 * by the trust module) can be linked to them: `demoIds.employer` is the employer a demo employer
 * account belongs to, `demoIds.trainingProvider` the training provider.
 */
export const demoIds = {
  /** The Georgian mission (Tbilisi), which follows returnees to Georgia. */
  missionGeorgia: fixedId(1),
  /** Return counselling in the host country (Brussels). */
  missionBelgium: fixedId(2),
  /** A construction employer in Kutaisi, Georgia, with a few open vacancies. */
  employer: fixedId(3),
  /** A vocational training centre in Tbilisi, Georgia. */
  trainingProvider: fixedId(4),
} as const;

const fixedOrganisationExternalIds = {
  missionGeorgia: 'demo-mission-GE',
  missionBelgium: 'demo-mission-BE',
  employer: 'demo-employer-fixed',
  trainingProvider: 'demo-training-provider-fixed',
} as const;

type Lang = 'en' | 'fr' | 'nl' | 'ar';

const labelOf = (concept: CatalogueSkill | CatalogueOccupation, lang: Lang) =>
  concept.labels[lang]?.preferred ?? concept.labels.en.preferred;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function jitter(r: Random, city: DemoCity) {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { lat: round(city.lat + (r.next() - 0.5) * 0.06), lon: round(city.lon + (r.next() - 0.5) * 0.06) };
}

function phone(r: Random, country: DemoCountry): string {
  let digits = '';
  for (let i = 0; i < country.phoneDigits; i++) digits += String(r.int(0, 9));
  return `${country.phonePrefix}${digits}`;
}

function countryByKey(key: string): DemoCountry {
  const found = demoCountries.find((c) => c.key === key);
  if (!found) throw new Error(`unknown demo country ${key}`);
  return found;
}

/** A place in a country: region, city, coordinates and a street address. */
function placeIn(r: Random, country: DemoCountry, withAddress: boolean) {
  const region = r.pick(country.regions);
  const city = r.pick(region.cities);
  return {
    country: country.code,
    region: region.name,
    city: city.name,
    ...(withAddress ? { address: `${r.int(1, 180)} ${r.pick(country.streets)}` } : {}),
    coordinates: jitter(r, city),
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function padded(n: number, width = 5) {
  return String(n).padStart(width, '0');
}

interface Employer {
  id: string;
  country: DemoCountry;
  sector: string;
  location: ReturnType<typeof placeIn>;
}

interface Provider {
  id: string;
  country: DemoCountry;
  sectors: string[];
  location: ReturnType<typeof placeIn>;
}

/** Generates a demo dataset; deterministic for the options given. */
export function generateDemoData(options: DemoOptions = {}): DemoDataset {
  const seed = String(options.seed ?? defaultDemoSeed);
  const r = createRandom(seed);
  const referenceDate = options.referenceDate ?? '2026-10-01';
  const catalogue = options.catalogue ?? starterCatalogue;
  const peopleCount = options.people ?? defaultDemoSize.people;
  const vacancyCount = options.vacancies ?? defaultDemoSize.vacancies;
  const trainingCount = options.trainings ?? defaultDemoSize.trainings;
  const employerCount = options.employers ?? Math.max(12, Math.ceil(vacancyCount / 5));
  const referralCount = options.referrals ?? Math.floor(peopleCount / 5);

  const skillsByUri = new Map(catalogue.skills.map((s) => [s.uri, s]));
  const occupationsBySector = new Map<string, CatalogueOccupation[]>();
  for (const o of catalogue.occupations) {
    const list = occupationsBySector.get(o.sector) ?? [];
    list.push(o);
    occupationsBySector.set(o.sector, list);
  }
  const sectors = [...occupationsBySector.keys()].sort();
  if (sectors.length === 0) throw new Error('the catalogue has no occupations to draw demo data from');
  const transversal = catalogue.skills.filter((s) => s.sector === 'transversal');
  const skillRef = (uri: string, lang: Lang) => {
    const s = skillsByUri.get(uri);
    return s ? { uri, label: labelOf(s, lang) } : { uri };
  };
  const occupationRef = (o: CatalogueOccupation, lang: Lang) => ({
    uri: o.uri,
    iscoCode: o.iscoCode,
    label: labelOf(o, lang),
  });

  const organisations: WithId<OrganisationInput>[] = [];
  const addOrganisation = (id: string, draft: unknown) => {
    organisations.push({ ...organisationInput.parse(draft), id });
  };

  // Missions: one per country of return (the Kurdistan Region has its own), and return counselling in each host country.
  const missionOf = new Map<string, string>();
  for (const country of demoCountries) {
    const fixedKey = country.key === 'GE' ? 'missionGeorgia' : country.key === 'BE' ? 'missionBelgium' : null;
    const id = fixedKey ? demoIds[fixedKey] : r.uuid();
    const city = country.regions[0]!.cities[0]!;
    missionOf.set(country.key, id);
    addOrganisation(id, {
      kind: 'mission',
      name:
        country.role === 'return'
          ? `Reintegration mission ${country.name} (${city.name})`
          : `Return counselling ${country.name} (${city.name})`,
      country: country.code,
      externalId: fixedKey ? fixedOrganisationExternalIds[fixedKey] : `demo-mission-${country.key}`,
      data: {
        location: { country: country.code, region: country.regions[0]!.name, city: city.name },
        countriesCovered: [country.code],
        email: `mission.${country.key.toLowerCase()}@demo.passerelle.test`,
      },
    });
  }

  // Employers: the fixed one in Georgia, then a spread over countries (mostly countries of return).
  const employers: Employer[] = [];
  const employerName = (country: DemoCountry, sector: string) => {
    const words = sectorBusinessWords[sector]?.[country.businessLanguage] ?? ['Enterprise'];
    const word = r.pick(words);
    const family = r.pick(country.family).latin;
    const city = r.pick(r.pick(country.regions).cities).name;
    switch (r.int(0, 3)) {
      case 0:
        return country.businessLanguage === 'en' || country.businessLanguage === 'de'
          ? `${family} ${word}`
          : `${word} ${family}`;
      case 1:
        return `${city} ${word}`;
      case 2:
        return `${word} ${family} ${country.businessLanguage === 'fr' ? '& Fils' : '& Co'}`;
      default:
        return `${family} ${word} ${country.businessLanguage === 'es' ? 'S.A. de C.V.' : country.businessLanguage === 'fr' ? 'SARL' : country.businessLanguage === 'de' ? 'GmbH' : country.businessLanguage === 'nl' ? 'B.V.' : 'Ltd'}`;
    }
  };
  const addEmployer = (
    id: string,
    externalId: string,
    country: DemoCountry,
    sector: string,
    name: string,
  ) => {
    const location = placeIn(r, country, true);
    const vetted = r.weighted([
      ['vetted', 5],
      ['in_progress', 2],
      ['not_vetted', 2],
    ] as const);
    const size = r.weighted([
      ['micro', 4],
      ['small', 4],
      ['medium', 2],
      ['large', 1],
    ] as const);
    const contactName = `${r.pick(r.chance(0.5) ? country.female : country.male).latin} ${r.pick(country.family).latin}`;
    addOrganisation(id, {
      kind: 'employer',
      name,
      country: country.code,
      externalId,
      data: {
        sector: sectorIsic[sector] ?? { label: sector },
        size,
        employees: {
          micro: r.int(2, 9),
          small: r.int(10, 49),
          medium: r.int(50, 249),
          large: r.int(250, 2000),
        }[size],
        formal: r.chance(0.85),
        location,
        phone: phone(r, country),
        contacts: [{ name: contactName, role: 'Manager', phone: phone(r, country) }],
        partnership: r.chance(0.4)
          ? { status: r.pick(['agreement', 'mou'] as const), since: addDays(referenceDate, -r.int(60, 900)) }
          : { status: r.pick(['none', 'informal'] as const) },
        vetting: {
          status: vetted,
          ...(vetted === 'vetted'
            ? {
                checkedOn: addDays(referenceDate, -r.int(10, 400)),
                framework: 'ILO general principles for fair recruitment',
              }
            : {}),
        },
        demoSector: sector,
      },
    });
    employers.push({ id, country, sector, location });
  };
  const georgia = countryByKey('GE');
  const fixedSector = sectors.includes('construction') ? 'construction' : sectors[0]!;
  addEmployer(
    demoIds.employer,
    fixedOrganisationExternalIds.employer,
    georgia,
    fixedSector,
    'Kutaisi Builders',
  );
  for (let i = 1; i <= employerCount; i++) {
    const country = r.chance(0.8) ? r.pick(returnCountries) : r.pick(hostCountries);
    const sector = r.pick(sectors);
    addEmployer(r.uuid(), `demo-employer-${padded(i)}`, country, sector, employerName(country, sector));
  }

  // Training providers: the fixed one in Georgia, and one or two per country.
  const providers: Provider[] = [];
  const addProvider = (id: string, externalId: string, country: DemoCountry, name: string) => {
    const location = placeIn(r, country, true);
    const provSectors = r.sample(sectors, r.int(1, Math.min(3, sectors.length)));
    addOrganisation(id, {
      kind: 'training_provider',
      name,
      country: country.code,
      externalId,
      data: {
        location,
        accredited: r.chance(0.7),
        sectors: provSectors.map((s) => sectorIsic[s] ?? { label: s }),
        phone: phone(r, country),
      },
    });
    providers.push({ id, country, sectors: provSectors, location });
  };
  addProvider(
    demoIds.trainingProvider,
    fixedOrganisationExternalIds.trainingProvider,
    georgia,
    'Tbilisi Vocational Training Centre',
  );
  let providerNo = 0;
  for (const country of demoCountries) {
    const n = country.role === 'return' ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const city = r.pick(r.pick(country.regions).cities).name;
      const name = {
        en: `${city} Vocational Training Centre`,
        fr: `Centre de formation professionnelle de ${city}`,
        es: `Centro de Formación Profesional ${city}`,
        de: `Berufsbildungszentrum ${city}`,
        nl: `Opleidingscentrum ${city}`,
      }[country.businessLanguage];
      providerNo++;
      addProvider(
        r.uuid(),
        `demo-training-provider-${padded(providerNo, 3)}`,
        country,
        i === 0 ? name : `${name} ${i + 1}`,
      );
    }
  }

  // A microfinance institution per country of return (for the economic-support screens).
  for (const country of returnCountries) {
    addOrganisation(r.uuid(), {
      kind: 'financial_institution',
      name: `${r.pick(country.family).latin} Microfinance ${country.name.split(' ')[0]}`,
      country: country.code,
      externalId: `demo-mfi-${country.key}`,
      data: {
        institutionType: 'microfinance',
        interestRates: [{ product: 'Start-up loan', ratePercent: r.int(12, 30), basis: 'declining_balance' }],
        defaultPolicy:
          'Rescheduling after two missed instalments; no collateral seizure for loans under the threshold.',
        backgroundCheckOn: addDays(referenceDate, -r.int(30, 300)),
        licensed: true,
        location: placeIn(r, country, false),
      },
    });
  }

  // Vacancies.
  const vacancies: WithId<VacancyInput>[] = [];
  /** The occupations open vacancies ask for, per country: vocational trainings follow the demand. */
  const demand = new Map<
    string,
    { occupation: CatalogueOccupation; location: VacancyInputDraft['location'] }[]
  >();
  for (let i = 1; i <= vacancyCount; i++) {
    const employer = i <= 4 ? employers[0]! : r.pick(employers);
    const country = employer.country;
    const lang = country.labelLanguage;
    const occupation = r.pick(
      occupationsBySector.get(employer.sector) ?? occupationsBySector.get(sectors[0]!)!,
    );
    const essential = r.sample(occupation.essentialSkills, r.int(3, 6)).map((u) => skillRef(u, lang));
    const optional = r.sample(occupation.optionalSkills, r.int(0, 3)).map((u) => skillRef(u, lang));
    const postedOn = addDays(referenceDate, -r.int(0, 60));
    const [wMin, wMax] = country.monthlyWage;
    const wageLow = Math.round((wMin + r.next() * (wMax - wMin) * 0.6) / 10) * 10;
    const contractType = r.weighted([
      ['permanent', 3],
      ['fixed_term', 3],
      ['seasonal', occupation.sector === 'agriculture' ? 3 : 0.5],
      ['daily', 1],
      ['apprenticeship', 0.6],
      ['internship', 0.3],
    ] as const);
    const isHost = country.role === 'host';
    const draft: VacancyInputDraft = {
      externalId: `demo-vacancy-${padded(i, 6)}`,
      employerId: employer.id,
      title: labelOf(occupation, lang),
      description: `${capitalise(labelOf(occupation, 'en'))} wanted in ${employer.location.city}. Training on the job; a reliable team.`,
      occupation: occupationRef(occupation, lang),
      essentialSkills: essential,
      optionalSkills: optional,
      languages: r.chance(0.6)
        ? [{ language: country.languages[0]!, level: r.pick(['A2', 'B1', 'B2'] as const) }]
        : [],
      education: r.chance(0.4) ? { minIscedLevel: r.pick([1, 2, 3]) } : undefined,
      location: { ...employer.location },
      contract: {
        type: contractType,
        ...(contractType === 'fixed_term' || contractType === 'seasonal'
          ? { durationMonths: r.int(3, 12) }
          : {}),
      },
      wage: {
        min: wageLow,
        max: Math.round((wageLow * (1.1 + r.next() * 0.4)) / 10) * 10,
        currency: country.currency,
        period: 'month',
      },
      hours: {
        perWeek: r.pick([20, 30, 38, 40, 45, 48]),
        shifts: r.sample(['day', 'evening', 'night', 'weekend'] as const, r.int(1, 2)),
      },
      atHomePossible: occupation.sector === 'tailoring' ? r.chance(0.4) : false,
      seats: r.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
        [5, 1],
        [10, 0.5],
      ] as const),
      postedOn,
      applyBy: addDays(postedOn, r.int(14, 60)),
      startsOn: addDays(postedOn, r.int(20, 90)),
      apprenticeship: contractType === 'apprenticeship',
      internship: contractType === 'internship',
      requirements: {
        drivingLicences: occupation.iscoCode.startsWith('83')
          ? [occupation.iscoCode === '8332' ? 'C' : 'B']
          : [],
        languages: isHost && r.chance(0.5) ? [{ language: country.languages[0]!, minLevel: 'A2' }] : [],
        rightToWork: isHost,
      },
      status: r.weighted([
        ['open', 8],
        ['filled', 1],
        ['closed', 1],
      ] as const),
    };
    vacancies.push({ ...vacancyInput.parse(draft), id: r.uuid() });
    // Open, and still open once a short course (over within 31 days of the reference date) ends.
    if (draft.status === 'open' && draft.applyBy! >= addDays(referenceDate, 31)) {
      const list = demand.get(country.code) ?? [];
      list.push({ occupation, location: draft.location });
      demand.set(country.code, list);
    }
  }

  // Training offers.
  const trainings: WithId<TrainingInput>[] = [];
  const digitalSkills = transversal.filter((s) =>
    /computer|spreadsheet|word processing|online|Microsoft|personal data/i.test(s.labels.en.preferred),
  );
  const businessSkills = transversal.filter((s) =>
    /business plan|entrepreneur|payments|calculations|sell/i.test(s.labels.en.preferred),
  );
  const softSkills = transversal.filter((s) =>
    /team|communicat|listen|stress|time|problem|reliable|empathy|intercultural/i.test(s.labels.en.preferred),
  );
  for (let i = 1; i <= trainingCount; i++) {
    const provider = i <= 3 ? providers[0]! : r.pick(providers);
    const country = provider.country;
    const lang = country.labelLanguage;
    const type: TrainingType = r.weighted([
      ['vocational', 6],
      ['language', 2],
      ['digital', 1.5],
      ['business_planning', 1.5],
      ['soft_skills', 1],
      ['apprenticeship', 0.7],
      ['on_the_job', 0.7],
    ] as const);
    const vocational = type === 'vocational' || type === 'apprenticeship' || type === 'on_the_job';
    // Most vocational courses are short, starting soon, and train for an occupation the country's
    // open vacancies ask for, held where the jobs are, often blended (theory online): so that a
    // match can name a training that closes its gap before the vacancy closes. The others follow
    // the provider's sectors.
    const wanted = demand.get(country.code) ?? [];
    const forDemand = vocational && wanted.length > 0 && r.chance(0.6);
    const startsOn = addDays(referenceDate, forDemand ? r.int(4, 10) : r.int(-30, 120));
    const durationWeeks = forDemand ? r.int(1, 3) : r.int(2, 16);
    const base: Partial<TrainingInputDraft> = {};
    let title: string;
    if (vocational) {
      const target = forDemand ? r.pick(wanted) : undefined;
      if (target) base.location = { ...target.location };
      const occupation =
        target?.occupation ??
        r.pick(occupationsBySector.get(r.pick(provider.sectors)) ?? occupationsBySector.get(sectors[0]!)!);
      title = `${labelOf(occupation, lang)}: ${{ vocational: lang === 'fr' ? 'formation professionnelle' : lang === 'nl' ? 'beroepsopleiding' : 'vocational course', apprenticeship: lang === 'fr' ? 'apprentissage' : lang === 'nl' ? 'leerlingwezen' : 'apprenticeship', on_the_job: lang === 'fr' ? 'formation en entreprise' : lang === 'nl' ? 'opleiding op de werkvloer' : 'on-the-job training' }[type]}`;
      base.occupation = occupationRef(occupation, lang);
      base.skillsTaught = r
        .sample([...occupation.essentialSkills, ...occupation.optionalSkills.slice(0, 3)], r.int(3, 7))
        .map((u) => skillRef(u, lang));
      base.certification = r.chance(0.6) ? 'Certificate of competence' : undefined;
    } else if (type === 'language') {
      const language =
        country.role === 'host'
          ? country.languages[0]!
          : r.pick(['en', 'fr', 'de', 'it'].filter((l) => l !== country.languages[0]));
      const level = r.pick(['A1', 'A2', 'B1', 'B2'] as const);
      const names: Record<string, string> = {
        en: 'English',
        fr: 'French',
        de: 'German',
        it: 'Italian',
        nl: 'Dutch',
      };
      title = `${names[language] ?? language} for work, level ${level}`;
      base.languageTaught = { language, targetLevel: level };
      base.skillsTaught = [];
    } else {
      const pool =
        type === 'digital' ? digitalSkills : type === 'business_planning' ? businessSkills : softSkills;
      const fallback = pool.length > 0 ? pool : transversal;
      title = {
        digital: 'Digital skills for work',
        business_planning: 'Start your business: business planning',
        soft_skills: 'Working in a team: soft skills',
      }[type as 'digital' | 'business_planning' | 'soft_skills'];
      base.skillsTaught = r
        .sample(fallback, r.int(2, 4))
        .map((s) => ({ uri: s.uri, label: labelOf(s, lang) }));
    }
    const delivery =
      type === 'digital' || type === 'language'
        ? r.pick(['in_person', 'online', 'blended'] as const)
        : forDemand
          ? r.pick(['in_person', 'blended'] as const)
          : 'in_person';
    const hoursPerWeek = r.pick([10, 15, 20, 30]);
    const draft: TrainingInputDraft = {
      externalId: `demo-training-${padded(i, 6)}`,
      providerId: provider.id,
      title,
      description: `A ${durationWeeks}-week course in ${provider.location.city}.`,
      type,
      instructionLanguages: [country.languages[0]!],
      delivery,
      // Courses run at the provider, or (short courses for open vacancies) where the jobs are.
      location: delivery === 'online' ? { country: country.code } : { ...provider.location },
      startsOn,
      endsOn: addDays(startsOn, durationWeeks * 7),
      applyBy: addDays(startsOn, -(forDemand ? r.int(1, 5) : r.int(3, 21))),
      durationHours: durationWeeks * hoursPerWeek,
      hours: { perWeek: hoursPerWeek, shifts: [r.pick(['day', 'evening'] as const)] },
      seats: r.pick([8, 10, 12, 15, 20, 25]),
      costCoveredBy: r.weighted([
        ['programme', 5],
        ['free', 3],
        ['participant', 1],
      ] as const),
      stipend: r.chance(0.4)
        ? {
            min: Math.round(country.monthlyWage[0] * 0.2),
            max: Math.round(country.monthlyWage[0] * 0.2),
            currency: country.currency,
            period: 'month',
          }
        : undefined,
      support: {
        transport: r.chance(0.5),
        childcare: r.chance(0.2),
        meals: r.chance(0.4),
        accommodation: false,
      },
      status: r.weighted([
        ['open', 7],
        ['full', 1],
        ['running', 1],
      ] as const),
      ...base,
    };
    trainings.push({ ...trainingInput.parse(draft), id: r.uuid() });
  }

  // People: mostly returnees followed in their country of return.
  const people: WithId<PersonInput>[] = [];
  const returnWeights = returnCountries.map(
    (c) => [c, c.key === 'IQ-KRI' || c.key === 'GE' || c.key === 'NG' ? 2 : 1] as const,
  );
  for (let i = 1; i <= peopleCount; i++) {
    const country = r.weighted(returnWeights);
    const host = r.pick(hostCountries);
    const sex = r.chance(0.42) ? 'female' : 'male';
    const given = r.pick(sex === 'female' ? country.female : country.male);
    const family: DemoName[] = [r.pick(country.family)];
    if (country.twoFamilyNames) family.push(r.pick(country.family));
    const familyLatin = family.map((f) => f.latin).join(' ');
    const otherNames: PersonInputDraft['otherNames'] = [];
    if (given.native && family.every((f) => f.native)) {
      otherNames.push({
        value: `${given.native} ${family.map((f) => f.native).join(' ')}`,
        script: country.script === 'latin' ? 'other' : country.script,
        kind: 'transliteration',
      });
    }
    const age = r.int(19, 56);
    const approximate = r.chance(0.1);
    const birthYear = Number(referenceDate.slice(0, 4)) - age;
    const birthDate = approximate
      ? `${birthYear}-01-01`
      : `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const home = placeIn(r, country, r.chance(0.7));
    const returnDate = addDays(referenceDate, -r.int(-60, 700));
    const sector = r.pick(sectors);
    const trade = r.pick(occupationsBySector.get(sector)!);
    const lang: Lang = country.labelLanguage;
    const workExperience: NonNullable<PersonInputDraft['workExperience']> = [];
    const skillUris = new Set<string>();
    const jobs = r.weighted([
      [0, 1],
      [1, 4],
      [2, 3],
      [3, 1],
    ] as const);
    let year = Number(returnDate.slice(0, 4));
    for (let j = 0; j < jobs; j++) {
      const occupation =
        j === 0 ? trade : r.pick(occupationsBySector.get(r.chance(0.6) ? sector : r.pick(sectors))!);
      const used = r.sample(occupation.essentialSkills, r.int(2, 5));
      used.forEach((u) => skillUris.add(u));
      const abroad = j === 0 && r.chance(0.5);
      const end = year - (j === 0 ? 0 : r.int(0, 2));
      const start = end - r.int(1, 6);
      year = start;
      workExperience.push({
        occupation: occupationRef(occupation, 'en'),
        title: labelOf(occupation, lang),
        employer: r.chance(0.5) ? employerName(abroad ? host : country, occupation.sector) : undefined,
        country: abroad ? host.code : country.code,
        startDate: String(start),
        endDate: r.chance(0.5) ? `${end}-${String(r.int(1, 12)).padStart(2, '0')}` : String(end),
        arrangement: r.weighted([
          ['formal', 2],
          ['informal', 3],
          ['unpaid', 0.3],
        ] as const),
        skillsUsed: used.map((u) => skillRef(u, 'en')),
      });
    }
    for (const s of r.sample(transversal, r.int(1, 4))) skillUris.add(s.uri);
    const skills = [...skillUris].map((uri) => ({
      ...skillRef(uri, 'en'),
      proficiency: r.pick(['basic', 'intermediate', 'advanced'] as const),
      evidence: r.chance(0.15)
        ? { kind: 'certificate' as const, reference: 'Training certificate' }
        : { kind: 'self_declared' as const },
    }));
    const iscedLevel = r.weighted([
      [1, 3],
      [2, 4],
      [3, 3],
      [4, 1],
      [6, 1],
    ] as const);
    const languages: NonNullable<PersonInputDraft['languages']> = [
      {
        language: country.languages[0]!,
        motherTongue: true,
        listening: 'C2',
        reading: iscedLevel >= 2 ? 'C1' : 'B1',
        spokenInteraction: 'C2',
        spokenProduction: 'C2',
        writing: iscedLevel >= 2 ? 'C1' : 'A2',
      },
    ];
    const hostLanguage = host.languages[0]!;
    if (hostLanguage !== country.languages[0]) {
      const level = r.pick(['A1', 'A2', 'A2', 'B1', 'B2'] as const);
      languages.push({
        language: hostLanguage,
        listening: level,
        reading: level,
        spokenInteraction: level,
        spokenProduction: level,
        writing: r.pick(['A1', level] as const),
      });
    }
    if (r.chance(0.3) && !languages.some((l) => l.language === 'en')) {
      const level = r.pick(['A1', 'A2', 'B1'] as const);
      languages.push({
        language: 'en',
        listening: level,
        reading: level,
        spokenInteraction: level,
        spokenProduction: level,
        writing: level,
      });
    }
    const licence = r.chance(0.3);
    const childcare = sex === 'female' ? r.chance(0.3) : r.chance(0.08);
    const draft: PersonInputDraft = {
      externalId: `demo-person-${padded(i, 6)}`,
      givenName: given.latin,
      familyName: familyLatin,
      otherNames,
      sex,
      birthDate,
      birthDateApproximate: approximate,
      nationalities: [country.code],
      preferredLanguage: country.languages[0],
      contact: {
        phone: phone(r, country),
        address: home,
        preferredChannel: r.pick(['phone', 'whatsapp', 'sms', 'in_person'] as const),
      },
      education: [
        {
          iscedLevel,
          formal: true,
          country: country.code,
          completed: r.chance(0.75),
          endDate: String(birthYear + 6 + iscedLevel * 3),
        },
      ],
      workExperience,
      skills,
      digitalSkills: r.chance(0.5) ? [{ area: 'communication_and_collaboration', level: r.int(1, 4) }] : [],
      languages,
      drivingLicences: licence ? [{ category: 'B', country: country.code }] : [],
      declaredNone: [
        ...(licence ? [] : (['drivingLicences'] as const)),
        ...(jobs === 0 ? (['workExperience'] as const) : []),
      ],
      aspirations: {
        occupations: [occupationRef(r.chance(0.7) ? trade : r.pick(catalogue.occupations), 'en')],
        workTypes: r.sample(
          ['wage_employment', 'self_employment', 'training', 'apprenticeship'] as const,
          r.int(1, 2),
        ),
        places: [{ country: country.code, region: home.region }],
        willingToRelocate: r.chance(0.3),
      },
      limitations: {
        childcare,
        familyDuties: r.chance(0.2),
        workNearHomeOnly: childcare ? r.chance(0.5) : r.chance(0.1),
        maxTravelKm: r.pick([5, 10, 20, 50]),
        hoursPerWeek: childcare ? r.pick([20, 25, 30]) : 40,
      },
      returnInfo: {
        hostCountry: host.code,
        returnCountry: country.code,
        returnRegion: home.region,
        returnCity: home.city,
        returnDate,
        programme: `AVRR-${host.code}-${returnDate.slice(0, 4)}`,
      },
      healthNotes: r.chance(0.05) ? 'Back pain: avoid lifting heavy loads for long periods.' : undefined,
      owningOrganisationId: missionOf.get(country.key),
      country: country.code,
    };
    people.push({ ...personInput.parse(draft), id: r.uuid() });
  }

  // Referrals: people referred to vacancies and trainings in their country, at various stages.
  const referrals: DemoReferral[] = [];
  const paths: { steps: ReferralStatus[]; reason?: ReferralReasonCode }[] = [
    { steps: [] },
    { steps: ['sent'] },
    { steps: ['sent', 'accepted'] },
    { steps: ['sent', 'rejected'], reason: 'position_filled' },
    { steps: ['sent', 'accepted', 'started'] },
    { steps: ['sent', 'accepted', 'started', 'completed'] },
    { steps: ['sent', 'accepted', 'started', 'dropped'], reason: 'transport' },
  ];
  const group = <T extends { location: { country?: string | null } }>(records: T[]) => {
    const byCountry = new Map<string, T[]>();
    for (const rec of records) {
      const key = rec.location.country ?? '';
      const list = byCountry.get(key) ?? [];
      list.push(rec);
      byCountry.set(key, list);
    }
    return byCountry;
  };
  const trainingsByCountry = group(trainings);
  const openVacanciesByCountry = group(vacancies.filter((v) => v.status === 'open'));
  const seen = new Set<string>();
  for (let i = 0; i < referralCount * 3 && referrals.length < referralCount && people.length > 0; i++) {
    const person = r.pick(people);
    const toTraining = r.chance(0.35);
    const candidates =
      (toTraining ? trainingsByCountry : openVacanciesByCountry).get(person.country ?? '') ?? [];
    if (candidates.length === 0) continue;
    const target = r.pick(candidates as { id: string; title: string }[]);
    const key = `${person.id}:${target.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = r.pick(paths);
    let on = addDays(referenceDate, -r.int(45, 120));
    const proposedOn = on;
    const steps = path.steps.map((to) => {
      const next = addDays(on, r.int(1, 10));
      on = next > referenceDate ? referenceDate : next;
      return {
        to,
        on,
        ...((to === 'rejected' || to === 'dropped') && path.reason ? { reasonCode: path.reason } : {}),
      };
    });
    referrals.push({
      id: r.uuid(),
      personId: person.id,
      targetKind: toTraining ? 'training' : 'vacancy',
      targetId: target.id,
      motivation: `Matches ${person.givenName}'s experience; proposed for "${target.title}".`,
      proposedOn,
      steps,
    });
  }

  return { seed, referenceDate, organisations, people, vacancies, trainings, referrals };
}
