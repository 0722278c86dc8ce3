import type { Knowledge } from '../knowledge/knowledge';
import { Interner } from './interner';

/** The string ↔ id tables of one index. Skills and occupations start from the knowledge's. */
export interface Dictionaries {
  skills: Interner;
  occupations: Interner;
  countries: Interner;
  regions: Interner;
  districts: Interner;
  sectors: Interner;
  languages: Interner;
  licences: Interner;
  /**
   * Skills of indexed records left out of them because their id is above 65,535 (the most a
   * record's 16-bit skill entry holds; ESCO has ~14,000 skills, so only a dictionary grown past
   * that by skills unknown to the taxonomy gets there). Counted per record encoded; the index takes
   * back what a query's inline record added.
   */
  skillsNotIndexed: number;
}

export function createDictionaries(knowledge: Knowledge): Dictionaries {
  return {
    skills: knowledge.skills.clone(),
    occupations: knowledge.occupations.clone(),
    countries: new Interner(),
    regions: new Interner(),
    districts: new Interner(),
    sectors: new Interner(),
    languages: new Interner(),
    licences: new Interner(),
    skillsNotIndexed: 0,
  };
}

interface LocationIds {
  readonly country: number;
  readonly region: number;
  readonly district: number;
}
const NO_LOCATION: LocationIds = { country: -1, region: -1, district: -1 };
/** Per dictionaries: country → region → district (as given) → ids; records repeat a few places. */
const locationCaches = new WeakMap<Dictionaries, Map<string, Map<string, Map<string, LocationIds>>>>();

/** The ids of a location: region and district names are only meaningful within their country. */
export function internLocation(
  d: Dictionaries,
  location: { country: string; region?: string; district?: string } | undefined,
): LocationIds {
  if (!location?.country) return NO_LOCATION;
  let byCountry = locationCaches.get(d);
  if (!byCountry) {
    byCountry = new Map();
    locationCaches.set(d, byCountry);
  }
  let byRegion = byCountry.get(location.country);
  if (!byRegion) {
    byRegion = new Map();
    byCountry.set(location.country, byRegion);
  }
  let byDistrict = byRegion.get(location.region ?? '');
  if (!byDistrict) {
    byDistrict = new Map();
    byRegion.set(location.region ?? '', byDistrict);
  }
  let ids = byDistrict.get(location.district ?? '');
  if (!ids) {
    ids = internLocationUncached(d, location);
    if (byDistrict.size < 65_536) byDistrict.set(location.district ?? '', ids);
  }
  return ids;
}

function internLocationUncached(
  d: Dictionaries,
  location: { country: string; region?: string; district?: string },
): LocationIds {
  const country = location.country.trim().toUpperCase();
  const regionKey = location.region ? `${country}\u0000${location.region.trim().toLowerCase()}` : '';
  return {
    country: d.countries.intern(country),
    region: regionKey ? d.regions.intern(regionKey) : -1,
    district:
      regionKey && location.district
        ? d.districts.intern(`${regionKey}\u0000${location.district.trim().toLowerCase()}`)
        : -1,
  };
}

/** A normalised language code id. */
export function internLanguage(d: Dictionaries, code: string): number {
  return internNormalised(d.languages, code, lowerCase);
}

/** A normalised (trimmed, upper-case) sector code id. */
export function internSector(d: Dictionaries, code: string): number {
  return internNormalised(d.sectors, code, upperCase);
}

/** A normalised (trimmed, upper-case) driving licence category id. */
export function internLicence(d: Dictionaries, code: string): number {
  return internNormalised(d.licences, code, upperCase);
}

const lowerCase = (s: string) => s.trim().toLowerCase();
const upperCase = (s: string) => s.trim().toUpperCase();
/** Per interner: raw code as given → id (records repeat a few codes: no normalised copy per record). */
const rawCaches = new WeakMap<Interner, Map<string, number>>();

function internNormalised(interner: Interner, raw: string, normalise: (s: string) => string): number {
  let cache = rawCaches.get(interner);
  if (!cache) {
    cache = new Map();
    rawCaches.set(interner, cache);
  }
  let id = cache.get(raw);
  if (id === undefined) {
    id = interner.intern(normalise(raw));
    if (cache.size >= 4096) cache.clear();
    cache.set(raw, id);
  }
  return id;
}
