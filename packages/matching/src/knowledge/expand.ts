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
/** Used in gap codes for "the person does not have this skill at all". */
export const KIND_NONE = 7;

/** One skill of an expanded profile, with how it was reached. */
export interface ExpandedSkill {
  skill: number;
  kind: number;
  /** For near skills: the direct skill it was reached from; for inferred: the occupation id; else -1. */
  via: number;
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
): ExpandedSkill[] {
  const best = new Map<number, ExpandedSkill>();
  const known = knowledge.skills.size;
  const requirable = knowledge.requirable;
  const offer = (skill: number, kind: number, via: number) => {
    if (kind !== KIND_DIRECT && (skill >= known || requirable[skill] !== 1)) return;
    const current = best.get(skill);
    if (!current || kind < current.kind) best.set(skill, { skill, kind, via });
  };
  for (const s of direct) offer(s, KIND_DIRECT, -1);
  for (const s of direct) {
    if (s >= known) continue;
    const broader = broaderOf(knowledge, s);
    for (const b of broader) offer(b, 1, s);
    const related = relatedOf(knowledge, s);
    for (let i = 0; i < related.length && i < expansion.maxRelatedPerSkill; i++) offer(related[i]!, 3, s);
    const narrower = narrowerOf(knowledge, s);
    for (let i = 0; i < narrower.length && i < expansion.maxNarrowerPerSkill; i++) offer(narrower[i]!, 4, s);
    for (const b of broader) {
      if (requirable[b] !== 1) continue; // siblings only under a broader skill, not under a skill group
      const siblings = narrowerOf(knowledge, b);
      let taken = 0;
      for (let i = 0; i < siblings.length && taken < expansion.maxSiblingsPerSkill; i++) {
        const sib = siblings[i]!;
        if (sib === s) continue;
        offer(sib, 5, s);
        taken++;
      }
    }
  }
  for (const o of pastOccupations) {
    if (o < 0 || o >= knowledge.occupations.size) continue;
    // Only essential skills are implied by having held an occupation; optional ones are not.
    for (const packed of skillsOfOccupation(knowledge, o)) if ((packed & 1) === 0) offer(packed >> 1, 2, o);
  }
  const all = [...best.values()];
  // Stable by precedence; Map insertion order breaks ties, so the result is deterministic.
  all.sort((a, b) => a.kind - b.kind);
  return all;
}

/** One skill a person lacks for their target occupations: `targetOptional` and the kind they hold it with (KIND_NONE if not at all). */
export interface GapSkill {
  skill: number;
  targetOptional: boolean;
  personKind: number;
}

/**
 * The skills a person lacks (or holds only partly) for their target occupations: the wished
 * occupations, or the past ones when none is wished. Essential skills first.
 */
export function gapSkills(
  knowledge: Knowledge,
  profile: readonly ExpandedSkill[],
  targetOccupations: readonly number[],
  expansion: MatchOptions['expansion'],
): GapSkill[] {
  const held = new Map<number, number>();
  for (const e of profile) held.set(e.skill, e.kind);
  const gaps = new Map<number, GapSkill>();
  for (const o of targetOccupations) {
    if (o < 0 || o >= knowledge.occupations.size) continue;
    for (const packed of skillsOfOccupation(knowledge, o)) {
      const skill = packed >> 1;
      const targetOptional = (packed & 1) === 1;
      const personKind = held.get(skill) ?? KIND_NONE;
      if (personKind === KIND_DIRECT) continue;
      const current = gaps.get(skill);
      if (!current || (current.targetOptional && !targetOptional))
        gaps.set(skill, { skill, targetOptional, personKind });
    }
  }
  const all = [...gaps.values()];
  all.sort((a, b) => Number(a.targetOptional) - Number(b.targetOptional) || b.personKind - a.personKind);
  return all.slice(0, expansion.maxGapSkills);
}
