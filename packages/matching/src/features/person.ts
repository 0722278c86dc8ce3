import { expandSkills, gapCodes, KIND_DIRECT } from '../knowledge/expand';
import { iscoMinorOf, parseIscoUnit, type Knowledge } from '../knowledge/knowledge';
import type { MatchOptions } from '../options';
import { cefrSkills, moveWillingness, type MatchOccupation, type MatchPerson } from '../types';
import { RecordView, RecordWriter } from './arena';
import { cefrRank, cellOf, shiftMask } from './common';
import { internLanguage, internLocation, type Dictionaries } from './dictionaries';

// Scalar slots of a person record.
const HEADER = 12;
/** Lists of a person record. */
export const PL = {
  /** Expanded skills, `skill << 3 | kind`. */
  skills: 0,
  pastOcc: 1,
  pastIsco4: 2,
  pastIsco3: 3,
  wishOcc: 4,
  wishIsco4: 5,
  wishIsco3: 6,
  wishSectors: 7,
  /** `language << 15 | level of activity i at bits 3i..3i+2` (levels 1..6, 0 unknown). */
  languages: 8,
  licences: 9,
  rightToWork: 10,
} as const;
const LIST_COUNT = 11;

export const PERSON_WANTS_HOME = 1;
export const PERSON_CHILDCARE = 2;
export const PERSON_LIMITED_MOBILITY = 4;

/** Reads a person record. Criteria receive this view; it never holds protected attributes. */
export class PersonView extends RecordView {
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
  /** 0 no, 1 region, 2 country, 3 abroad. */
  get willingToMove(): number {
    return this.i32[this.base + 5]!;
  }
  /** NaN when unknown. */
  get maxTravelKm(): number {
    return this.f32[this.base + 6]!;
  }
  /** NaN when unknown. */
  get maxHours(): number {
    return this.f32[this.base + 7]!;
  }
  get shifts(): number {
    return this.i32[this.base + 8]!;
  }
  get flags(): number {
    return this.i32[this.base + 9]!;
  }
  /** -1 when unknown. */
  get isced(): number {
    return this.i32[this.base + 10]!;
  }
  /** Grid cell of the coordinates, -1 without. */
  get cell(): number {
    return this.i32[this.base + 11]!;
  }
}

function occupationIds(
  d: Dictionaries,
  knowledge: Knowledge,
  list: readonly MatchOccupation[] | undefined,
): { occ: number[]; isco4: number[]; isco3: number[] } {
  const occ: number[] = [];
  const isco4: number[] = [];
  const isco3: number[] = [];
  const push = (arr: number[], v: number) => {
    if (v >= 0 && !arr.includes(v)) arr.push(v);
  };
  for (const o of list ?? []) {
    const id = o.uri ? d.occupations.intern(o.uri) : -1;
    push(occ, id);
    let unit = parseIscoUnit(o.isco);
    if (unit < 0 && id >= 0 && id < knowledge.occupationIsco.length) unit = knowledge.occupationIsco[id]!;
    push(isco4, unit);
    push(isco3, iscoMinorOf(knowledge, unit));
  }
  return { occ, isco4, isco3 };
}

/**
 * Encodes a person for the engine: interned ids, the expanded skill profile, the skill gaps.
 * Protected attributes are not read. Pure apart from interning new strings into `d`.
 */
export function encodePerson(
  person: MatchPerson,
  knowledge: Knowledge,
  d: Dictionaries,
  options: MatchOptions,
  transient = false,
): Int32Array {
  const loc = internLocation(d, person.location);
  const lat = person.location?.lat;
  const lon = person.location?.lon;
  const hasCoords =
    typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon);
  const past = occupationIds(d, knowledge, person.pastOccupations);
  const wish = occupationIds(d, knowledge, person.aspirations?.occupations);
  const direct: number[] = [];
  for (const s of person.skills ?? []) direct.push(d.skills.intern(s.uri));
  const profile = expandSkills(knowledge, direct, past.occ, options.expansion);
  const languages: number[] = [];
  for (const l of person.languages ?? []) {
    let levels = 0;
    cefrSkills.forEach((skill, i) => {
      levels |= cefrRank(l.levels[skill]) << (3 * i);
    });
    languages.push((internLanguage(d, l.language) << 15) | levels);
  }
  const flags =
    (person.wantsWorkAtOrNearHome ? PERSON_WANTS_HOME : 0) |
    (person.limitations?.childcare ? PERSON_CHILDCARE : 0) |
    (person.limitations?.limitedMobility ? PERSON_LIMITED_MOBILITY : 0);
  const travel = person.mobility?.maxTravelKm;
  const hours = person.availability?.maxHoursPerWeek;
  const move = moveWillingness.indexOf(person.mobility?.willingToMove ?? 'no');
  return new RecordWriter(HEADER, LIST_COUNT)
    .int(0, loc.country)
    .int(1, loc.region)
    .int(2, loc.district)
    .float(3, hasCoords ? (lat as number) : Number.NaN)
    .float(4, hasCoords ? (lon as number) : Number.NaN)
    .int(5, Math.max(0, move))
    .float(
      6,
      typeof travel === 'number' && travel >= 0 ? Math.min(travel, options.place.maxTravelCapKm) : Number.NaN,
    )
    .float(7, typeof hours === 'number' && hours >= 0 ? hours : Number.NaN)
    .int(8, shiftMask(person.availability?.shifts))
    .int(9, flags)
    .int(10, typeof person.iscedLevel === 'number' ? person.iscedLevel : -1)
    .int(11, hasCoords ? cellOf(lat as number, lon as number, options.place.cellDegrees) : -1)
    .list(profile.skill.map((skill, i) => (skill << 3) | profile.kind[i]!))
    .list(past.occ)
    .list(past.isco4)
    .list(past.isco3)
    .list(wish.occ)
    .list(wish.isco4)
    .list(wish.isco3)
    .list(dedupe((person.aspirations?.sectors ?? []).map((s) => d.sectors.intern(s.trim().toUpperCase()))))
    .list(languages)
    .list(dedupe((person.drivingLicences ?? []).map((l) => d.licences.intern(l.trim().toUpperCase()))))
    .list(dedupe((person.rightToWork ?? []).map((c) => d.countries.intern(c.trim().toUpperCase()))))
    .finish(transient);
}

/** The occupations a person's skill gaps are measured against: the wished ones, else the past ones. */
export function targetOccupationList(p: PersonView): number {
  return p.end(PL.wishOcc) > p.start(PL.wishOcc) ? PL.wishOcc : PL.pastOcc;
}

/**
 * The skills a person lacks for their target occupations, as codes
 * `skill << 4 | targetOptional << 3 | personKind` (see `gapSkills`), computed from the record
 * (expanded profile and occupations) rather than stored. A view of a scratch buffer, valid
 * until the next call.
 */
export function personGaps(p: PersonView, knowledge: Knowledge, options: MatchOptions): Int32Array {
  const target = targetOccupationList(p);
  return gapCodes(
    knowledge,
    p.i32,
    p.start(PL.skills),
    p.end(PL.skills),
    p.i32,
    p.start(target),
    p.end(target),
    options.expansion.maxGapSkills,
  );
}

/** A copy of a person record in which `skills` are held directly (used for "score after training"). */
export function withDirectSkills(view: PersonView, skills: readonly number[]): PersonView {
  const add = new Set(skills);
  const profile: number[] = [];
  for (let i = view.start(PL.skills); i < view.end(PL.skills); i++) {
    const packed = view.i32[i]!;
    if (add.has(packed >> 3)) continue;
    profile.push(packed);
  }
  for (const s of add) profile.push((s << 3) | KIND_DIRECT);
  const record = view.copyRecord();
  const writer = new RecordWriter(HEADER, LIST_COUNT);
  for (let slot = 0; slot < HEADER; slot++) writer.int(slot, record[slot]!);
  const copy = new PersonView(record);
  writer.list(profile);
  for (let l = 1; l < LIST_COUNT; l++) writer.list(copy.list(l));
  return new PersonView(writer.finish());
}

function dedupe(values: number[]): number[] {
  return [...new Set(values)];
}
