import type {
  CefrLevel,
  MatchLocation,
  MatchPerson,
  MatchTraining,
  MatchVacancy,
  MoveWillingness,
  Shift,
} from '../types';
import { Random, ZipfSampler } from './random';

/** Occupation–skill relations as the generator needs them (from ESCO or the starter catalogue). */
export interface OccupationSkillRelation {
  occupation: string;
  skill: string;
  type: 'essential' | 'optional';
}

/** What generated data is made from. */
export interface GeneratorCatalogue {
  relations: readonly OccupationSkillRelation[];
  /** Occupation URI → ISCO-08 unit group code, when known. */
  isco?: ReadonlyMap<string, string>;
}

interface Occupation {
  uri: string;
  isco: string;
  essential: string[];
  optional: string[];
}

interface District {
  country: string;
  region: string;
  district: string;
  lat: number;
  lon: number;
}

const COUNTRIES = ['TN', 'MA', 'SN', 'IQ', 'NG'];
const LANGUAGES: Record<string, string[]> = {
  TN: ['ar', 'fr'],
  MA: ['ar', 'fr'],
  SN: ['fr', 'wo'],
  IQ: ['ar', 'ku'],
  NG: ['en', 'ha'],
};
const CEFR: CefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/**
 * Generates people, vacancies and trainings whose skills follow real occupation–skill relations,
 * so that skills are correlated and some are very common. Deterministic for a seed. Places are
 * synthetic: 5 countries × 10 regions × 10 districts, with coordinates, popular places first.
 */
export class DataGenerator {
  readonly occupations: Occupation[];
  private readonly byMinor = new Map<string, number[]>();
  private readonly districts: District[] = [];
  private readonly occupationSampler: ZipfSampler;
  private readonly districtSampler: ZipfSampler;
  /** Day number of "today" in generated dates (2025-06-01). */
  readonly today = '2025-06-01';

  constructor(catalogue: GeneratorCatalogue) {
    const map = new Map<string, Occupation>();
    for (const r of catalogue.relations) {
      let o = map.get(r.occupation);
      if (!o) {
        o = {
          uri: r.occupation,
          isco: catalogue.isco?.get(r.occupation) ?? syntheticIsco(r.occupation),
          essential: [],
          optional: [],
        };
        map.set(r.occupation, o);
      }
      (r.type === 'essential' ? o.essential : o.optional).push(r.skill);
    }
    // A stable order (by URI), then shuffled by a fixed seed so popularity is not alphabetical.
    this.occupations = [...map.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const shuffle = new Random(12345);
    for (let i = this.occupations.length - 1; i > 0; i--) {
      const j = shuffle.int(i + 1);
      [this.occupations[i], this.occupations[j]] = [this.occupations[j]!, this.occupations[i]!];
    }
    this.occupations.forEach((o, i) => {
      const minor = o.isco.slice(0, 3);
      const list = this.byMinor.get(minor) ?? [];
      list.push(i);
      this.byMinor.set(minor, list);
    });
    const geo = new Random(777);
    COUNTRIES.forEach((country, ci) => {
      const clat = 5 + ci * 7;
      const clon = -10 + ci * 12;
      for (let r = 0; r < 10; r++) {
        const rlat = clat + (geo.next() - 0.5) * 4;
        const rlon = clon + (geo.next() - 0.5) * 4;
        for (let d = 0; d < 10; d++) {
          this.districts.push({
            country,
            region: `${country}-R${r}`,
            district: `${country}-R${r}-D${d}`,
            lat: rlat + (geo.next() - 0.5) * 0.8,
            lon: rlon + (geo.next() - 0.5) * 0.8,
          });
        }
      }
    });
    // Interleave countries so the most popular districts are spread over them.
    this.districts.sort(
      (a, b) => Number(a.district.slice(-1)) - Number(b.district.slice(-1)) || (a.region < b.region ? -1 : 1),
    );
    this.occupationSampler = new ZipfSampler(this.occupations.length, 0.8);
    this.districtSampler = new ZipfSampler(this.districts.length, 0.7);
  }

  private location(r: Random, withCoords: number): MatchLocation {
    const d = this.districts[this.districtSampler.sample(r)]!;
    const loc: MatchLocation = { country: d.country, region: d.region, district: d.district };
    if (r.chance(withCoords)) {
      loc.lat = d.lat + (r.next() - 0.5) * 0.2;
      loc.lon = d.lon + (r.next() - 0.5) * 0.2;
    }
    return loc;
  }

  private relatedOccupation(r: Random, o: number): number {
    const peers = this.byMinor.get(this.occupations[o]!.isco.slice(0, 3)) ?? [o];
    return r.chance(0.5) ? r.pick(peers) : this.occupationSampler.sample(r);
  }

  private shifts(r: Random): Shift[] {
    const s: Shift[] = ['day'];
    if (r.chance(0.15)) s.push('evening');
    if (r.chance(0.1)) s.push('night');
    if (r.chance(0.1)) s.push('weekend');
    return s;
  }

  /** The vacancy number `i` of the stream seeded with `seed`. */
  vacancy(seed: number, i: number): MatchVacancy {
    const r = new Random(hash(seed, i, 1));
    const o = this.occupations[this.occupationSampler.sample(r)]!;
    const location = this.location(r, 0.8);
    const languages = LANGUAGES[location.country]!;
    const v: MatchVacancy = {
      id: `v${i}`,
      occupation: { uri: o.uri, isco: o.isco },
      sector: String.fromCharCode(65 + (Number(o.isco[0]) % 21)),
      essentialSkills: o.essential.filter(() => r.chance(0.9)),
      optionalSkills: o.optional.filter(() => r.chance(0.4)),
      languages: [
        { language: languages[0]!, minLevel: r.pick(['A2', 'B1', 'B2'] as const), hard: r.chance(0.2) },
      ],
      location,
      homeBasedPossible: r.chance(0.05),
      hoursPerWeek: r.chance(0.1) ? undefined : r.chance(0.75) ? 40 : 20 + r.int(11),
      shifts: this.shifts(r),
      seats: 1 + r.int(5),
      opensOn: '2025-05-01',
      closesOn: r.chance(0.95) ? '2025-09-30' : '2025-05-15',
      requirements: { drivingLicence: r.chance(0.1) ? 'B' : undefined, rightToWork: r.chance(0.3) },
    };
    if (r.chance(0.1)) v.languages!.push({ language: 'en', minLevel: 'B2' });
    if (r.chance(0.6)) v.minIscedLevel = r.int(7);
    return v;
  }

  /** The person number `i` of the stream seeded with `seed`. */
  person(seed: number, i: number): MatchPerson {
    const r = new Random(hash(seed, i, 2));
    const first = this.occupationSampler.sample(r);
    const past = [first];
    if (r.chance(0.4)) past.push(this.relatedOccupation(r, first));
    const skills = new Set<string>();
    for (const o of past) {
      const occ = this.occupations[o]!;
      for (const s of occ.essential) if (r.chance(0.6)) skills.add(s);
      for (const s of occ.optional) if (r.chance(0.2)) skills.add(s);
    }
    const location = this.location(r, 0.7);
    const langs = LANGUAGES[location.country]!;
    const wished: number[] = [];
    const w = r.next();
    if (w < 0.5) wished.push(first);
    else if (w < 0.8) wished.push(this.relatedOccupation(r, first));
    const move: MoveWillingness = r.pick([
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'region',
      'region',
      'country',
      'abroad',
    ]);
    const person: MatchPerson = {
      id: `p${i}`,
      pastOccupations: past.map((o) => ({ uri: this.occupations[o]!.uri, isco: this.occupations[o]!.isco })),
      skills: [...skills].map((uri) => ({
        uri,
        evidence: r.chance(0.3) ? 'counsellor_assessed' : 'self_declared',
      })),
      languages: [
        {
          language: langs[0]!,
          levels: {
            listening: r.pick(CEFR.slice(2)),
            spokenProduction: r.pick(CEFR.slice(2)),
            reading: r.pick(CEFR.slice(1)),
          },
        },
      ],
      iscedLevel: r.int(8),
      location,
      mobility: { willingToMove: move, maxTravelKm: r.chance(0.7) ? 10 + r.int(51) : undefined },
      availability: { maxHoursPerWeek: r.chance(0.8) ? 20 + r.int(21) : undefined, shifts: this.shifts(r) },
      wantsWorkAtOrNearHome: r.chance(0.1),
      limitations: { childcare: r.chance(0.15), limitedMobility: r.chance(0.05) },
      aspirations: {
        occupations: wished.map((o) => ({ uri: this.occupations[o]!.uri, isco: this.occupations[o]!.isco })),
        sectors: r.chance(0.2) ? [String.fromCharCode(65 + r.int(21))] : [],
      },
      drivingLicences: r.chance(0.4) ? ['B'] : [],
      rightToWork: r.chance(0.1) ? [location.country, r.pick(COUNTRIES)] : [location.country],
      protected: {
        sex: r.chance(0.5) ? 'female' : 'male',
        gender: r.chance(0.5) ? 'woman' : 'man',
        birthYear: 1960 + r.int(45),
        nationality: r.pick(COUNTRIES),
        religion: r.pick(['a', 'b', 'c', 'none']),
        ethnicity: r.pick(['x', 'y', 'z']),
      },
    };
    if (r.chance(0.5))
      person.languages!.push({
        language: langs[1]!,
        levels: { listening: r.pick(CEFR), writing: r.pick(CEFR) },
      });
    return person;
  }

  /** The training number `i` of the stream seeded with `seed`. */
  training(seed: number, i: number): MatchTraining {
    const r = new Random(hash(seed, i, 3));
    const o = this.occupations[this.occupationSampler.sample(r)]!;
    const pool = [...o.essential, ...o.optional];
    const taught = new Set<string>();
    const n = Math.min(pool.length, 3 + r.int(6));
    while (taught.size < n) taught.add(r.pick(pool));
    const delivery = r.pick([
      'in_person',
      'in_person',
      'in_person',
      'in_person',
      'in_person',
      'in_person',
      'in_person',
      'online',
      'online',
      'blended',
    ] as const);
    const start = 1 + r.int(9);
    return {
      id: `t${i}`,
      skillsTaught: [...taught],
      occupations: [{ uri: o.uri, isco: o.isco }],
      location: this.location(r, 0.8),
      delivery,
      startsOn: `2025-${String(start).padStart(2, '0')}-15`,
      endsOn: `2025-${String(Math.min(12, start + 2)).padStart(2, '0')}-15`,
      seats: r.chance(0.05) ? 0 : 5 + r.int(20),
      stipend: r.chance(0.3),
      transportSupport: r.chance(0.3),
      childcareSupport: r.chance(0.15),
    };
  }

  *vacancies(seed: number, n: number): Generator<MatchVacancy> {
    for (let i = 0; i < n; i++) yield this.vacancy(seed, i);
  }

  *people(seed: number, n: number): Generator<MatchPerson> {
    for (let i = 0; i < n; i++) yield this.person(seed, i);
  }

  *trainings(seed: number, n: number): Generator<MatchTraining> {
    for (let i = 0; i < n; i++) yield this.training(seed, i);
  }
}

/** A stable 4-digit pseudo ISCO code for an occupation without one (tests, odd catalogues). */
function syntheticIsco(uri: string): string {
  let h = 0;
  for (let i = 0; i < uri.length; i++) h = (Math.imul(h, 31) + uri.charCodeAt(i)) >>> 0;
  return String(1000 + (h % 9000));
}

function hash(seed: number, i: number, stream: number): number {
  let h =
    Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35) ^ Math.imul(stream, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}
