import { buildCsr, csrRow, Interner, type Csr } from '../features/interner';

/**
 * The taxonomy knowledge the engine needs, given as plain arrays (the taxonomy package or a
 * test builds them). Everything is keyed by concept URI; ISCO groups by their code.
 */
export interface KnowledgeInput {
  /** Skill concept URIs. When given (or when occupation–skill relations are), near and inferred skills are limited to these. */
  skills?: string[];
  /** Skill hierarchy: `narrower` is a kind of `broader` (skills and skill groups). */
  skillBroader?: { narrower: string; broader: string }[];
  /** Skill–skill relations (ESCO skillSkillRelations); both directions count as near. */
  skillRelations?: { from: string; to: string; type?: 'essential' | 'optional' }[];
  /** Occupation → skill relations (ESCO occupationSkillRelations). */
  occupationSkills?: { occupation: string; skill: string; type: 'essential' | 'optional' }[];
  /** ESCO occupation → its ISCO-08 unit group code. */
  occupationIsco?: { occupation: string; isco: string }[];
  /** ISCO hierarchy (child code → parent code). Without it, parents are found by code prefix. */
  iscoBroader?: { narrower: string; broader: string }[];
}

/** The taxonomy as compact integer structures. Immutable once built. */
export interface Knowledge {
  readonly skills: Interner;
  readonly occupations: Interner;
  /** Skill id → broader skill ids. */
  readonly broader: Csr;
  /** Skill id → narrower skill ids. */
  readonly narrower: Csr;
  /** Skill id → related skill ids (both directions of skill–skill relations). */
  readonly related: Csr;
  /** Occupation id → skill ids, each packed `skill << 1 | optional`. */
  readonly occupationSkills: Csr;
  /** Occupation id → ISCO unit group code as a number, or -1. */
  readonly occupationIsco: Int32Array;
  /** Skill ids that a requirement can name (near/inferred skills are limited to these). */
  readonly requirable: Uint8Array;
  /** ISCO code → parent code, when an explicit hierarchy was given. */
  readonly iscoParent: ReadonlyMap<string, string>;
  /** A short fingerprint of the input sizes, stored in snapshots. */
  readonly fingerprint: string;
}

/** Builds the knowledge structures from plain arrays. */
export function createKnowledge(input: KnowledgeInput = {}): Knowledge {
  const skills = new Interner();
  const occupations = new Interner();
  for (const uri of input.skills ?? []) skills.intern(uri);
  for (const r of input.occupationSkills ?? []) {
    occupations.intern(r.occupation);
    skills.intern(r.skill);
  }
  for (const r of input.occupationIsco ?? []) occupations.intern(r.occupation);
  const requirableCount = skills.size;

  const bFrom: number[] = [];
  const bTo: number[] = [];
  for (const r of input.skillBroader ?? []) {
    bFrom.push(skills.intern(r.narrower));
    bTo.push(skills.intern(r.broader));
  }
  const rFrom: number[] = [];
  const rTo: number[] = [];
  for (const r of input.skillRelations ?? []) {
    const a = skills.intern(r.from);
    const b = skills.intern(r.to);
    if (a === b) continue;
    rFrom.push(a, b);
    rTo.push(b, a);
  }
  const n = skills.size;
  const requirable = new Uint8Array(n);
  if (requirableCount > 0) requirable.fill(1, 0, requirableCount);
  else requirable.fill(1);

  const oFrom: number[] = [];
  const oTo: number[] = [];
  for (const r of input.occupationSkills ?? []) {
    oFrom.push(occupations.find(r.occupation));
    oTo.push((skills.find(r.skill) << 1) | (r.type === 'optional' ? 1 : 0));
  }
  const occupationIsco = new Int32Array(occupations.size).fill(-1);
  for (const r of input.occupationIsco ?? []) {
    const code = parseIscoUnit(r.isco);
    if (code >= 0) occupationIsco[occupations.find(r.occupation)] = code;
  }
  const iscoParent = new Map<string, string>();
  for (const r of input.iscoBroader ?? [])
    iscoParent.set(normaliseIscoCode(r.narrower), normaliseIscoCode(r.broader));

  return {
    skills,
    occupations,
    broader: buildCsr(n, bFrom, bTo),
    narrower: buildCsr(n, bTo, bFrom),
    related: buildCsr(n, rFrom, rTo),
    occupationSkills: buildCsr(occupations.size, oFrom, oTo),
    occupationIsco,
    requirable,
    iscoParent,
    fingerprint: `s${n}-o${occupations.size}-b${bFrom.length}-r${rFrom.length}-os${oFrom.length}`,
  };
}

/** The ISCO-08 unit group (4 digits) of a code like "7231" or "7231.2", as a number; -1 if none. */
export function parseIscoUnit(code: string | undefined): number {
  if (!code) return -1;
  // Records repeat a few hundred codes: a map lookup is several times cheaper than the regex.
  const cached = unitCache.get(code);
  if (cached !== undefined) return cached;
  const digits = normaliseIscoCode(code);
  const unit = digits.length >= 4 ? Number(digits.slice(0, 4)) : -1;
  if (unitCache.size >= 4096) unitCache.clear();
  unitCache.set(code, unit);
  return unit;
}
const unitCache = new Map<string, number>();

/** The digits of an ISCO code given as "7231", "C7231", "7231.2" or an ESCO ISCO URI ("" if none). */
export function normaliseIscoCode(code: string | undefined): string {
  if (!code) return '';
  const match = /C?(\d+)(?:\.\d+)?$/.exec(code.trim());
  return match?.[1] ?? '';
}

/** The ISCO minor group (3 digits) of a unit group code; -1 if none. */
export function iscoMinorOf(knowledge: Knowledge, unit: number): number {
  if (unit < 0) return -1;
  if (unit >= 10_000) return iscoMinorUncached(knowledge, unit);
  // Per knowledge, a table of the 10,000 unit codes (filled as they come: -2 = not yet).
  let table = minorTables.get(knowledge);
  if (!table) {
    table = new Int32Array(10_000).fill(-2);
    minorTables.set(knowledge, table);
  }
  let minor = table[unit]!;
  if (minor === -2) minor = table[unit] = iscoMinorUncached(knowledge, unit);
  return minor;
}
const minorTables = new WeakMap<Knowledge, Int32Array>();

function iscoMinorUncached(knowledge: Knowledge, unit: number): number {
  const explicit = knowledge.iscoParent.get(String(unit).padStart(4, '0'));
  if (explicit && /^\d{3}$/.test(explicit)) return Number(explicit);
  return Math.floor(unit / 10);
}

/** Broader skill ids of a skill. */
export function broaderOf(k: Knowledge, skill: number): Int32Array {
  return csrRow(k.broader, skill);
}

/** Narrower skill ids of a skill. */
export function narrowerOf(k: Knowledge, skill: number): Int32Array {
  return csrRow(k.narrower, skill);
}

/** Related skill ids of a skill. */
export function relatedOf(k: Knowledge, skill: number): Int32Array {
  return csrRow(k.related, skill);
}

/** Skills of an occupation, packed `skill << 1 | optional`. */
export function skillsOfOccupation(k: Knowledge, occupation: number): Int32Array {
  return csrRow(k.occupationSkills, occupation);
}

/** Occupations of a skill, built once per knowledge on first use. */
const occupationsBySkill = new WeakMap<Knowledge, Csr>();

/** Occupations that list a skill, packed `occupation << 1 | optional` (the reverse of `skillsOfOccupation`). */
export function occupationsOfSkill(k: Knowledge, skill: number): Int32Array {
  let csr = occupationsBySkill.get(k);
  if (!csr) {
    const rows = k.occupationSkills;
    const from: number[] = [];
    const to: number[] = [];
    for (let o = 0; o + 1 < rows.offsets.length; o++) {
      for (let i = rows.offsets[o]!; i < rows.offsets[o + 1]!; i++) {
        const packed = rows.targets[i]!;
        from.push(packed >> 1);
        to.push((o << 1) | (packed & 1));
      }
    }
    csr = buildCsr(k.skills.size, from, to);
    occupationsBySkill.set(k, csr);
  }
  return csrRow(csr, skill);
}
