import { expandSkills, gapCodes, KIND_DIRECT, skillKinds } from '../knowledge/expand';
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
  /**
   * The expanded skills, 16 bits each, read through the record's `u16` alias (see
   * `PersonView.skillsFrom`): first the end of each kind's run (`SKILL_KINDS` items, relative to
   * the list's first half-int), then the skill ids, by kind (direct first), in the order of the
   * expansion within a kind. Half the ints of `skill << 3 | kind` per skill.
   */
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
/** Kinds of a stored profile (`skillKinds`); a kind's skills follow the previous kind's. */
export const SKILL_KINDS = skillKinds.length;
/** Skill ids above this do not fit a profile entry (ESCO has ~14,000 skills; see `encodePerson`). */
const MAX_PROFILE_SKILL = 0xffff;

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
  /**
   * Where the profile's skills start in `u16`. Kind k's skills are `u16[i]` for i from
   * `kindEnd(k - 1)` (`skillsFrom()` for kind 0) to `kindEnd(k)`, kinds in order:
   * `for (let i = p.skillsFrom(), k = 0; k < SKILL_KINDS; k++) for (const e = p.kindEnd(k); i < e; i++) ...`
   */
  skillsFrom(): number {
    return 2 * this.start(PL.skills) + SKILL_KINDS;
  }
  /** One past the last skill of kind `kind` in `u16` (see `skillsFrom`). */
  kindEnd(kind: number): number {
    const at = 2 * this.start(PL.skills);
    return at + this.u16[at + kind]!;
  }
  /** One past the profile's last skill in `u16`. */
  skillsEnd(): number {
    return this.kindEnd(SKILL_KINDS - 1);
  }
  /** The number of skills in the profile. */
  get skillCount(): number {
    return this.skillsEnd() - this.skillsFrom();
  }
}

let packedScratch = new Int32Array(256);

/**
 * The profile as codes `skill << 3 | kind`, in order (for the cold paths: gaps, explanations):
 * a view of a scratch buffer, valid until the next call.
 */
export function packedSkills(p: PersonView): Int32Array {
  const n = p.skillCount;
  if (n > packedScratch.length) packedScratch = new Int32Array(Math.max(n, 2 * packedScratch.length));
  const u = p.u16;
  let w = 0;
  for (let i = p.skillsFrom(), kind = 0; kind < SKILL_KINDS; kind++)
    for (const e = p.kindEnd(kind); i < e; i++) packedScratch[w++] = (u[i]! << 3) | kind;
  return packedScratch.subarray(0, n);
}

/**
 * The `PL.skills` list of a profile given by kind-sorted `skill` and `kind` arrays: per kind the
 * end of its run, then the skills. Skill ids above 65,535 (only possible for skills unknown to a
 * taxonomy of that size, interned one by one) are not stored.
 */
function profileItems(skill: readonly number[], kind: readonly number[]): number[] {
  const out = new Array<number>(SKILL_KINDS).fill(0);
  for (let k = 0; k < SKILL_KINDS; k++) {
    for (let i = 0; i < skill.length; i++)
      if (kind[i] === k && skill[i]! <= MAX_PROFILE_SKILL && out.length < MAX_PROFILE_SKILL)
        out.push(skill[i]!);
    out[k] = out.length;
  }
  return out;
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
  // Not stored (see `profileItems`), but counted.
  for (const id of direct) if (id > MAX_PROFILE_SKILL) d.skillsNotIndexed++;
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
    .u16List(profileItems(profile.skill, profile.kind))
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
  const profile = packedSkills(p);
  return gapCodes(
    knowledge,
    profile,
    0,
    profile.length,
    p.i32,
    p.start(target),
    p.end(target),
    options.expansion.maxGapSkills,
  );
}

/** A copy of a person record in which `skills` are held directly (used for "score after training"). */
export function withDirectSkills(view: PersonView, skills: readonly number[]): PersonView {
  const add = new Set(skills);
  const skill: number[] = [];
  const kind: number[] = [];
  for (const packed of packedSkills(view)) {
    if (add.has(packed >> 3)) continue;
    skill.push(packed >> 3);
    kind.push(packed & 7);
  }
  // Held directly now: after the other direct skills (the profile stays sorted by kind).
  for (const s of add) {
    skill.push(s);
    kind.push(KIND_DIRECT);
  }
  const record = view.copyRecord();
  const writer = new RecordWriter(HEADER, LIST_COUNT);
  for (let slot = 0; slot < HEADER; slot++) writer.int(slot, record[slot]!);
  const copy = new PersonView(record);
  writer.u16List(profileItems(skill, kind));
  for (let l = 1; l < LIST_COUNT; l++) writer.list(copy.list(l));
  return new PersonView(writer.finish());
}

function dedupe(values: number[]): number[] {
  return [...new Set(values)];
}
