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
}
const scratches = new WeakMap<Knowledge, Scratch>();

function scratchOf(k: Knowledge): Scratch {
  let s = scratches.get(k);
  if (!s) {
    const n = k.skills.size;
    s = { best: new Int8Array(n).fill(-1), via: new Int32Array(n), order: new Int32Array(n) };
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
  const { best } = scratchOf(knowledge);
  const known = knowledge.skills.size;
  for (let i = 0; i < profile.skill.length; i++)
    if (profile.skill[i]! < known) best[profile.skill[i]!] = profile.kind[i]!;
  const gaps = new Map<number, GapSkill>();
  for (const o of targetOccupations) {
    if (o < 0 || o >= knowledge.occupations.size) continue;
    for (const packed of skillsOfOccupation(knowledge, o)) {
      const skill = packed >> 1;
      const targetOptional = (packed & 1) === 1;
      const held = best[skill]!;
      if (held === KIND_DIRECT) continue;
      const current = gaps.get(skill);
      if (!current || (current.targetOptional && !targetOptional)) {
        gaps.set(skill, { skill, targetOptional, personKind: held === -1 ? KIND_NONE : held });
      }
    }
  }
  for (let i = 0; i < profile.skill.length; i++) if (profile.skill[i]! < known) best[profile.skill[i]!] = -1;
  const all = [...gaps.values()];
  all.sort((a, b) => Number(a.targetOptional) - Number(b.targetOptional) || b.personKind - a.personKind);
  return all.slice(0, expansion.maxGapSkills);
}
