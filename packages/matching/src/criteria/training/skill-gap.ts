import { personGaps, targetOccupationList, type PersonView } from '../../features/person';
import { occupationsOfSkill } from '../../knowledge/knowledge';
import { TL, type TrainingView } from '../../features/training';
import type { Criterion, PlanTerm } from '../criterion';
import { strengths } from '../shared';

/** Trainings by taught skill (also used to find trainings that close a gap). */
export const T_SKILLS = 'gap.skill:t';
/** People by target occupation (wished, else past): where their gaps come from. */
const P_TARGET = 'gap.target:p';

/** Gap weight of a packed gap code (`targetOptional << 3 | personKind`). */
function gapWeights(strength: Float64Array, optionalWeight: number): Float64Array {
  const w = new Float64Array(16);
  for (let code = 0; code < 16; code++) {
    const target = (code & 8) !== 0 ? optionalWeight : 1;
    w[code] = target * (1 - (strength[code & 7] ?? 0));
  }
  return w;
}

/**
 * Skill gap: how much of what the training teaches fills the person's gaps for their target
 * occupations (wished ones, else past ones) — the mean gap weight over the taught skills.
 */
export const skillGapCriterion: Criterion<PersonView, TrainingView> = {
  id: 'skillGap',
  postPerson(p, sink) {
    const target = targetOccupationList(p);
    for (let i = p.start(target); i < p.end(target); i++) sink.add(P_TARGET, p.i32[i]!);
  },
  postTarget(t, sink) {
    const n = t.end(TL.skills) - t.start(TL.skills);
    sink.scale(T_SKILLS, n > 0 ? 1 / n : 0);
    for (let i = t.start(TL.skills); i < t.end(TL.skills); i++) sink.add(T_SKILLS, t.i32[i]!);
  },
  forPerson(p, ctx) {
    const weights = gapWeights(strengths(ctx.options), ctx.options.skills.optionalWeight);
    const g = new Float64Array(ctx.skillCount);
    const terms: PlanTerm[] = [];
    for (const packed of personGaps(p, ctx.knowledge, ctx.options)) {
      const skill = packed >> 4;
      const w = weights[packed & 15]!;
      if (w <= 0 || skill >= g.length) continue;
      g[skill] = w;
      terms.push({ family: T_SKILLS, key: skill, weight: w, scaled: true });
    }
    return {
      score(t) {
        const s = t.start(TL.skills);
        const e = t.end(TL.skills);
        if (e === s) return 0;
        let sum = 0;
        for (let i = s; i < e; i++) sum += g[t.i32[i]!] ?? 0;
        return sum / (e - s);
      },
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  forTarget(t, ctx) {
    const weights = gapWeights(strengths(ctx.options), ctx.options.skills.optionalWeight);
    // The largest gap weight a skill can have, as an essential and as an optional requirement.
    const most = [0, 0];
    for (let code = 0; code < 16; code++) {
      if ((code & 7) === 0) continue;
      const optional = code >> 3;
      most[optional] = Math.max(most[optional]!, weights[code]!);
    }
    const s0 = t.start(TL.skills);
    const n = t.end(TL.skills) - s0;
    const taught = new Uint8Array(ctx.skillCount);
    // Bound per target occupation: every taught skill it lists counts as a full gap.
    const bound = new Map<number, number>();
    for (let i = s0; i < s0 + n; i++) {
      const skill = t.i32[i]!;
      if (skill >= taught.length) continue;
      taught[skill] = 1;
      for (const packed of occupationsOfSkill(ctx.knowledge, skill)) {
        const o = packed >> 1;
        bound.set(o, (bound.get(o) ?? 0) + most[packed & 1]! / n);
      }
    }
    const terms: PlanTerm[] = [];
    for (const [o, weight] of bound)
      if (weight > 0) terms.push({ family: P_TARGET, key: o, weight, scaled: false });
    return {
      score(p) {
        if (n === 0) return 0;
        let sum = 0;
        for (const packed of personGaps(p, ctx.knowledge, ctx.options))
          if (taught[packed >> 4] === 1) sum += weights[packed & 15]!;
        return sum / n;
      },
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: n === 0 ? 0 : 1,
    };
  },
};
