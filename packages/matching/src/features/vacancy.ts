import { iscoMinorOf, parseIscoUnit, type Knowledge } from '../knowledge/knowledge';
import type { MatchOptions } from '../options';
import type { MatchVacancy } from '../types';
import { Marks, RecordView, RecordWriter } from './arena';
import { cefrRank, cefrSkillRank, cellOf, daySlot, shiftMask } from './common';
import {
  internLanguage,
  internLicence,
  internLocation,
  internSector,
  type Dictionaries,
} from './dictionaries';

const HEADER = 21;
/** Lists of a vacancy record. */
export const VL = {
  /**
   * Skill ids, 16 bits each, read through the record's `u16` alias from `skillsFrom()`: the
   * `essentialCount` essential ones first, then the `optionalCount` optional ones. Half the ints
   * of `skill << 1 | optional` per requirement.
   */
  skills: 0,
  /** `language << 8 | activity << 5 | level << 1 | hard` (activity 0 = any, 1..5; level 1..6). */
  languages: 1,
} as const;
const LIST_COUNT = 2;

/** Reads a vacancy record. */
export class VacancyView extends RecordView {
  constructor(record?: Int32Array) {
    super(HEADER, LIST_COUNT, record);
  }
  get country(): number {
    return this.i32[this.base]!;
  }
  get region(): number {
    return this.i32[this.base + 1]!;
  }
  get district(): number {
    return this.i32[this.base + 2]!;
  }
  get lat(): number {
    return this.f32[this.base + 3]!;
  }
  get lon(): number {
    return this.f32[this.base + 4]!;
  }
  get cell(): number {
    return this.i32[this.base + 5]!;
  }
  get occupation(): number {
    return this.i32[this.base + 6]!;
  }
  get isco4(): number {
    return this.i32[this.base + 7]!;
  }
  get isco3(): number {
    return this.i32[this.base + 8]!;
  }
  get sector(): number {
    return this.i32[this.base + 9]!;
  }
  get minIsced(): number {
    return this.i32[this.base + 10]!;
  }
  get homeBased(): boolean {
    return this.i32[this.base + 11] === 1;
  }
  get hours(): number {
    return this.f32[this.base + 12]!;
  }
  get shifts(): number {
    return this.i32[this.base + 13]!;
  }
  /** -1 when unknown. */
  get seats(): number {
    return this.i32[this.base + 14]!;
  }
  get opensDay(): number {
    return this.i32[this.base + 15]!;
  }
  get closesDay(): number {
    return this.i32[this.base + 16]!;
  }
  /** Required driving licence id, -1 for none. */
  get licence(): number {
    return this.i32[this.base + 17]!;
  }
  get rightToWorkRequired(): boolean {
    return this.i32[this.base + 18] === 1;
  }
  get essentialCount(): number {
    return this.i32[this.base + 19]!;
  }
  get optionalCount(): number {
    return this.i32[this.base + 20]!;
  }
  /** Where the skills start in `u16`: essential ones up to `essentialEnd()`, then optional ones. */
  skillsFrom(): number {
    return 2 * this.start(VL.skills);
  }
  /** One past the last essential skill in `u16`. */
  essentialEnd(): number {
    return this.skillsFrom() + this.essentialCount;
  }
  /** One past the last skill in `u16`. */
  skillsEnd(): number {
    return this.essentialEnd() + this.optionalCount;
  }
}

/** Skill ids above this do not fit a requirement entry (ESCO has ~14,000 skills; see `encodeVacancy`). */
const MAX_REQUIREMENT_SKILL = 0xffff;

const seen = new Marks();
let skillScratch = new Int32Array(256);
let idScratch = new Int32Array(256);
let languageScratch = new Int32Array(16);
/** One writer for every vacancy record (a record is written at once; nothing allocated per record). */
const writer = new RecordWriter(HEADER, LIST_COUNT);

/**
 * Encodes a vacancy for the engine. Pure apart from interning new strings into `d`. With
 * `transient`, the record is a view of a scratch buffer, valid until the next encoding.
 */
export function encodeVacancy(
  vacancy: MatchVacancy,
  knowledge: Knowledge,
  d: Dictionaries,
  options: MatchOptions,
  transient = false,
): Int32Array {
  const loc = internLocation(d, vacancy.location);
  const lat = vacancy.location?.lat;
  const lon = vacancy.location?.lon;
  const hasCoords =
    typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon);
  const occ = vacancy.occupation?.uri ? d.occupations.intern(vacancy.occupation.uri) : -1;
  let unit = parseIscoUnit(vacancy.occupation?.isco);
  if (unit < 0 && occ >= 0 && occ < knowledge.occupationIsco.length) unit = knowledge.occupationIsco[occ]!;
  // Skill ids, essential first; a skill listed twice (or as both) counts once, as essential.
  // Ids above 65,535 (only skills unknown to a taxonomy of that size) are not stored, but counted
  // (`Dictionaries.skillsNotIndexed`).
  const essential = vacancy.essentialSkills ?? [];
  const optional = vacancy.optionalSkills ?? [];
  if (skillScratch.length < essential.length + optional.length)
    skillScratch = new Int32Array(2 * (essential.length + optional.length));
  if (idScratch.length < Math.max(essential.length, optional.length))
    idScratch = new Int32Array(2 * Math.max(essential.length, optional.length));
  const skills = skillScratch;
  const ids = idScratch;
  let skillCount = 0;
  seen.reset();
  d.skills.internAll(essential, ids);
  for (let i = 0; i < essential.length; i++) {
    const id = ids[i]!;
    if (id <= MAX_REQUIREMENT_SKILL) {
      if (seen.mark(id)) skills[skillCount++] = id;
    } else d.skillsNotIndexed++;
  }
  const essentialCount = skillCount;
  d.skills.internAll(optional, ids);
  for (let i = 0; i < optional.length; i++) {
    const id = ids[i]!;
    if (id <= MAX_REQUIREMENT_SKILL) {
      if (seen.mark(id)) skills[skillCount++] = id;
    } else d.skillsNotIndexed++;
  }
  const languageList = vacancy.languages ?? [];
  if (languageScratch.length < languageList.length) languageScratch = new Int32Array(2 * languageList.length);
  const languages = languageScratch;
  let languageCount = 0;
  for (const l of languageList) {
    languages[languageCount++] =
      (internLanguage(d, l.language) << 8) |
      (cefrSkillRank(l.skill) << 5) |
      (cefrRank(l.minLevel) << 1) |
      (l.hard ? 1 : 0);
  }
  const hours = vacancy.hoursPerWeek;
  const licence = vacancy.requirements?.drivingLicence;
  const w = writer.begin();
  // Header slots written straight into the writer's buffer (no call, and no boxed float, per slot).
  const h = w.ints;
  const hf = w.floats;
  h[0] = loc.country;
  h[1] = loc.region;
  h[2] = loc.district;
  hf[3] = hasCoords ? (lat as number) : Number.NaN;
  hf[4] = hasCoords ? (lon as number) : Number.NaN;
  h[5] = hasCoords ? cellOf(lat as number, lon as number, options.place.cellDegrees) : -1;
  h[6] = occ;
  h[7] = unit;
  h[8] = iscoMinorOf(knowledge, unit);
  h[9] = vacancy.sector ? internSector(d, vacancy.sector) : -1;
  h[10] = typeof vacancy.minIscedLevel === 'number' ? vacancy.minIscedLevel : -1;
  h[11] = vacancy.homeBasedPossible ? 1 : 0;
  hf[12] = typeof hours === 'number' && hours > 0 ? hours : Number.NaN;
  h[13] = shiftMask(vacancy.shifts);
  h[14] = typeof vacancy.seats === 'number' ? vacancy.seats : -1;
  h[15] = daySlot(vacancy.opensOn);
  h[16] = daySlot(vacancy.closesOn);
  h[17] = licence ? internLicence(d, licence) : -1;
  h[18] = vacancy.requirements?.rightToWork ? 1 : 0;
  h[19] = essentialCount;
  h[20] = skillCount - essentialCount;
  return w.u16List(skills, skillCount).list(languages, languageCount).finish(transient);
}
