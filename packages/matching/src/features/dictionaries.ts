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
  };
}

/** The ids of a location: region and district names are only meaningful within their country. */
export function internLocation(
  d: Dictionaries,
  location: { country: string; region?: string; district?: string } | undefined,
): { country: number; region: number; district: number } {
  if (!location?.country) return { country: -1, region: -1, district: -1 };
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
  return d.languages.intern(code.trim().toLowerCase());
}
