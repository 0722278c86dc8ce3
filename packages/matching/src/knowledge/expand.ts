import type { MatchOptions } from '../options';
import { broaderOf, narrowerOf, relatedOf, skillsOfOccupation, type Knowledge } from './knowledge';

/**
 * How a person is known to have a skill, in order of precedence: a skill reached by several
 * paths keeps the first kind in this list. The options give each kind its strength.
 */
export const skillKinds = [
  'direct',
  'broader',
  'inferredEssential',
  'related',
  'narrower',
  'sibling',
] as const;
export type SkillKind = (typeof skillKinds)[number];
export const KIND_DIRECT = 0;
const KIND_BROADER = 1;
const KIND_INFERRED = 2;
const KIND_RELATED = 3;
const KIND_NARROWER = 4;
const KIND_SIBLING = 5;
/** Used in gap codes for "the person does not have this skill at all". */
export const KIND_NONE = 7;

/** An expanded profile: parallel arrays, by kind, then in the order skills were first reached. */
export interface ExpandedProfile {
  skill: number[];
  kind: number[];
  /** For near skills: the direct skill it was reached from; for inferred: the occupation id; else -1. */
  via: number[];
}

/** Per-knowledge scratch arrays (a skill's best kind and path while expanding); always left clean. */
interface Scratch {
  best: Int8Array;
  via: Int32Array;
  order: Int32Array;
  /** Position + 1 of a skill in the gap list being built (0: not in it). */
  gapAt: Int32Array;
}
const scratches = new WeakMap<Knowledge, Scratch>();

function scratchOf(k: Knowledge): Scratch {
  let s = scratches.get(k);
  if (!s) {
    const n = k.skills.size;
    s = {
      best: new Int8Array(n).fill(-1),
      via: new Int32Array(n),
      order: new Int32Array(n),
      gapAt: new Int32Array(n),
    };
    scratches.set(k, s);
  }
  return s;
}

/**
 * Expands a person's direct skills with near skills (skill hierarchy and skill–skill relations)
 * and skills implied by past occupations (their essential skills). Pure; deterministic (the
 * order of the inputs decides ties). Limits apply per direct skill, never to the whole profile,
 * so adding a skill only ever adds or strengthens entries (scores are monotone in skills).
 * Skills beyond the knowledge (ids ≥ knowledge size) are kept as direct but have no neighbours.
 */
export function expandSkills(
  knowledge: Knowledge,
  direct: readonly number[],
  pastOccupations: readonly number[],
  expansion: MatchOptions['expansion'],
): ExpandedProfile {
  const known = knowledge.skills.size;
  const requirable = knowledge.requirable;
  const { best, via, order } = scratchOf(knowledge);
  let count = 0;
  const unknown: number[] = [];
  const offer = (skill: number, kind: number, from: number) => {
    if (skill >= known) {
      if (kind === KIND_DIRECT && !unknown.includes(skill)) unknown.push(skill);
      return;
    }
    if (kind !== KIND_DIRECT && requirable[skill] !== 1) return;
    const current = best[skill]!;
    if (current === -1) {
      order[count++] = skill;
      best[skill] = kind;
      via[skill] = from;
    } else if (kind < current) {
      best[skill] = kind;
      via[skill] = from;
    }
  };
  for (const s of direct) offer(s, KIND_DIRECT, -1);
  for (const s of direct) {
    if (s >= known) continue;
    const broader = broaderOf(knowledge, s);
    for (const b of broader) offer(b, KIND_BROADER, s);
    const related = relatedOf(knowledge, s);
    for (let i = 0; i < related.length && i < expansion.maxRelatedPerSkill; i++)
      offer(related[i]!, KIND_RELATED, s);
    const narrower = narrowerOf(knowledge, s);
    for (let i = 0; i < narrower.length && i < expansion.maxNarrowerPerSkill; i++)
      offer(narrower[i]!, KIND_NARROWER, s);
    for (const b of broader) {
      if (requirable[b] !== 1) continue; // siblings only under a broader skill, not under a skill group
      const siblings = narrowerOf(knowledge, b);
      let taken = 0;
      for (let i = 0; i < siblings.length && taken < expansion.maxSiblingsPerSkill; i++) {
        const sib = siblings[i]!;
        if (sib === s) continue;
        offer(sib, KIND_SIBLING, s);
        taken++;
      }
    }
  }
  for (const o of pastOccupations) {
    if (o < 0 || o >= knowledge.occupations.size) continue;
    // Only essential skills are implied by having held an occupation; optional ones are not.
    for (const packed of skillsOfOccupation(knowledge, o))
      if ((packed & 1) === 0) offer(packed >> 1, KIND_INFERRED, o);
  }
  // Counting sort by kind, keeping first-reach order within a kind.
  const out: ExpandedProfile = { skill: [], kind: [], via: [] };
  for (const s of unknown) {
    out.skill.push(s);
    out.kind.push(KIND_DIRECT);
    out.via.push(-1);
  }
  for (let kind = 0; kind < skillKinds.length; kind++) {
    for (let i = 0; i < count; i++) {
      const s = order[i]!;
      if (best[s] !== kind) continue;
      out.skill.push(s);
      out.kind.push(kind);
      out.via.push(via[s]!);
    }
  }
  for (let i = 0; i < count; i++) best[order[i]!] = -1;
  return out;
}

/** One skill a person lacks for their target occupations: `targetOptional` and the kind they hold it with (KIND_NONE if not at all). */
export interface GapSkill {
  skill: number;
  targetOptional: boolean;
  personKind: number;
}

/**
 * The skills a person lacks (or holds only partly) for their target occupations: the wished
 * occupations, or the past ones when none is wished. Essential skills first, biggest gaps first.
 */
export function gapSkills(
  knowledge: Knowledge,
  profile: ExpandedProfile,
  targetOccupations: readonly number[],
  expansion: MatchOptions['expansion'],
): GapSkill[] {
  const packed = profile.skill.map((skill, i) => (skill << 3) | profile.kind[i]!);
  const codes = gapCodes(
    knowledge,
    packed,
    0,
    packed.length,
    targetOccupations,
    0,
    targetOccupations.length,
    expansion.maxGapSkills,
  );
  return Array.from(codes, (code) => ({
    skill: code >> 4,
    targetOptional: (code & 8) !== 0,
    personKind: code & 7,
  }));
}

let gapSkill: Int32Array = new Int32Array(256);
let gapCode: Int32Array = new Int32Array(256);
let gapOut: Int32Array = new Int32Array(256);

/**
 * The gaps of `gapSkills` as codes `skill << 4 | targetOptional << 3 | personKind`, from a
 * packed profile (`skill << 3 | kind`, items `start..end`) and target occupations (`tStart..tEnd`).
 * Computed when needed (scoring a training, explaining) rather than stored: a few dozen reads of
 * the taxonomy. Returns a view of a scratch buffer, valid until the next call. Pure.
 */
export function gapCodes(
  knowledge: Knowledge,
  profile: ArrayLike<number>,
  start: number,
  end: number,
  targets: ArrayLike<number>,
  tStart: number,
  tEnd: number,
  maxGaps: number,
): Int32Array {
  const { best, gapAt } = scratchOf(knowledge);
  const known = knowledge.skills.size;
  for (let i = start; i < end; i++) {
    const skill = profile[i]! >> 3;
    if (skill < known) best[skill] = profile[i]! & 7;
  }
  let count = 0;
  for (let t = tStart; t < tEnd; t++) {
    const o = targets[t]!;
    if (o < 0 || o >= knowledge.occupations.size) continue;
    for (const packed of skillsOfOccupation(knowledge, o)) {
      const skill = packed >> 1;
      const held = best[skill]!;
      if (held === KIND_DIRECT) continue;
      const optional = packed & 1;
      const at = gapAt[skill]!;
      if (at === 0) {
        if (count === gapSkill.length) {
          gapSkill = grow(gapSkill);
          gapCode = grow(gapCode);
        }
        gapSkill[count] = skill;
        gapCode[count] = (skill << 4) | (optional << 3) | (held === -1 ? KIND_NONE : held);
        gapAt[skill] = ++count;
      } else if (optional === 0) gapCode[at - 1]! &= ~8;
    }
  }
  for (let i = start; i < end; i++) {
    const skill = profile[i]! >> 3;
    if (skill < known) best[skill] = -1;
  }
  for (let i = 0; i < count; i++) gapAt[gapSkill[i]!] = 0;
  // Stable counting sort: essential before optional, then the weakest hold (highest kind) first.
  if (gapOut.length < count) gapOut = new Int32Array(gapSkill.length);
  const n = Math.min(count, maxGaps);
  let w = 0;
  for (let key = 0; key < 16 && w < n; key++) {
    for (let i = 0; i < count && w < n; i++) {
      const code = gapCode[i]!;
      if (((code & 8) | (7 - (code & 7))) === key) gapOut[w++] = code;
    }
  }
  return gapOut.subarray(0, w);
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
