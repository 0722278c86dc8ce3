import { PL, type PersonView } from '../features/person';
import { VL, type VacancyView } from '../features/vacancy';
import { KIND_DIRECT, skillKinds } from '../knowledge/expand';
import type { Criterion, CriterionContext, PlanTerm } from './criterion';
import { strengths } from './shared';

const V_SKILLS = 'skills:v';
const V_NONE = 'skills.none:v';
const P_SKILLS = 'skills:p';
/** A group bound sums in another order than the score: a relative slack keeps it a bound. */
const GROUP_SLACK = 1 + 1e-9;

function norm(v: VacancyView, ctx: CriterionContext): number {
  return v.essentialCount + ctx.options.skills.optionalWeight * v.optionalCount;
}

/**
 * Skills. Weighted mode: the share of the vacancy's requirements the person covers, essential
 * ones counting fully and optional ones `optionalWeight`; a skill the person has through a near
 * skill or a past occupation counts with its kind's strength. Overlap mode: the number of
 * direct skills the two share (the plain baseline SQL can compute too).
 */
export const skillsCriterion: Criterion<PersonView, VacancyView> = {
  id: 'skills',
  postPerson(p, sink) {
    const end = p.end(PL.skills);
    for (let i = p.start(PL.skills); i < end; i++) sink.add(P_SKILLS, p.i32[i]!);
  },
  postTarget(v, sink, ctx) {
    const n = norm(v, ctx);
    sink.scale(V_SKILLS, n > 0 ? 1 / n : 0);
    const end = v.end(VL.skills);
    // Whatever scores `noRequirementsScore`: no skills, or (optionalWeight 0) only optional ones.
    if (!(n > 0)) sink.add(V_NONE, 0);
    for (let i = v.start(VL.skills); i < end; i++) sink.add(V_SKILLS, v.i32[i]!);
  },
  // Groups (docs/matching.md, "Group bounds"): vacancies by occupation, each requirement with
  // its largest share of a vacancy's weight; the group's summary bounds the skills score of all
  // its vacancies. People are not grouped: the expanded profiles of everyone with one past
  // occupation cover so many skills that the bound stays near the cap and costs more than it saves.
  summarizeTarget(v, sink, ctx) {
    const n = norm(v, ctx);
    const occupation = v.occupation;
    if (!(n > 0) || occupation < 0) return -1;
    const optionalWeight = ctx.options.skills.optionalWeight;
    const end = v.end(VL.skills);
    for (let i = v.start(VL.skills); i < end; i++) {
      const packed = v.i32[i]!;
      sink(packed >> 1, ((packed & 1) === 1 ? optionalWeight : 1) / n);
    }
    return occupation;
  },
  forPerson(p, ctx) {
    const overlap = ctx.options.skills.mode === 'overlap';
    const optionalWeight = ctx.options.skills.optionalWeight;
    const strength = strengths(ctx.options);
    const q = new Float64Array(ctx.skillCount);
    const terms: PlanTerm[] = [];
    const end = p.end(PL.skills);
    let directCount = 0;
    /** The skills with a strength in `q`, each once. */
    const held: number[] = [];
    for (let i = p.start(PL.skills); i < end; i++) {
      const packed = p.i32[i]!;
      const kind = packed & 7;
      const skill = packed >> 3;
      if (overlap && kind !== KIND_DIRECT) continue;
      const s = overlap ? 1 : strength[kind]!;
      if (s <= 0 || skill >= q.length) continue;
      if (!(q[skill]! > 0)) held.push(skill);
      q[skill] = s;
      directCount++;
      terms.push({ family: V_SKILLS, key: skill << 1, weight: s, scaled: !overlap });
      terms.push({
        family: V_SKILLS,
        key: (skill << 1) | 1,
        weight: overlap ? 1 : s * optionalWeight,
        scaled: !overlap,
      });
    }
    const none = ctx.options.skills.noRequirementsScore;
    // A share of the requirements times a strength, or `none`: at most 1 unless a query raises
    // a strength or `none` above it (the plan's cap must then follow, or the bounds fail).
    const cap = Math.max(1, none, ...strength);
    if (overlap) {
      return {
        score(v) {
          let n = 0;
          const e = v.end(VL.skills);
          for (let i = v.start(VL.skills); i < e; i++) if (q[v.i32[i]! >> 1]! > 0) n++;
          return n;
        },
        plan: { combine: 'sum', terms, otherwise: 0, cap: directCount },
        ceiling: directCount,
      };
    }
    terms.push({ family: V_NONE, key: 0, weight: none, scaled: false });
    return {
      score(v) {
        const n = norm(v, ctx);
        if (n <= 0) return none;
        let sum = 0;
        const e = v.end(VL.skills);
        for (let i = v.start(VL.skills); i < e; i++) {
          const packed = v.i32[i]!;
          const s = q[packed >> 1] ?? 0;
          if (s > 0) sum += (packed & 1) === 1 ? s * optionalWeight : s;
        }
        return sum / n;
      },
      // Items: skill ids; values: the largest share of a vacancy's requirement weight.
      groupBound(items, values, from, to) {
        let b = 0;
        for (let i = from; i < to; i++) b += values[i]! * (q[items[i]!] ?? 0);
        return b * GROUP_SLACK;
      },
      // The same bound, linear in the person's skills: read from the inverted summaries.
      groupTerms: {
        items: Int32Array.from(held),
        weights: Float64Array.from(held, (skill) => q[skill]!),
        scale: GROUP_SLACK,
      },
      plan: { combine: 'sum', terms, otherwise: 0, cap },
      ceiling: cap,
    };
  },
  forTarget(v, ctx) {
    const overlap = ctx.options.skills.mode === 'overlap';
    const optionalWeight = ctx.options.skills.optionalWeight;
    const strength = strengths(ctx.options);
    const n = norm(v, ctx);
    const w = new Float64Array(ctx.skillCount);
    const terms: PlanTerm[] = [];
    const end = v.end(VL.skills);
    for (let i = v.start(VL.skills); i < end; i++) {
      const packed = v.i32[i]!;
      const skill = packed >> 1;
      if (skill >= w.length) continue;
      const weight = overlap ? 1 : ((packed & 1) === 1 ? optionalWeight : 1) / n;
      w[skill] = weight;
      if (overlap) {
        terms.push({ family: P_SKILLS, key: (skill << 3) | KIND_DIRECT, weight: 1, scaled: false });
        continue;
      }
      for (let kind = 0; kind < skillKinds.length; kind++) {
        if (strength[kind]! > 0)
          terms.push({
            family: P_SKILLS,
            key: (skill << 3) | kind,
            weight: weight * strength[kind]!,
            scaled: false,
            // A person holds a skill in one kind only (expansion keeps the first).
            exclusive: skill,
          });
      }
    }
    if (overlap) {
      const count = end - v.start(VL.skills);
      return {
        score(p) {
          let c = 0;
          const e = p.end(PL.skills);
          for (let i = p.start(PL.skills); i < e; i++) {
            const packed = p.i32[i]!;
            if ((packed & 7) === KIND_DIRECT && w[packed >> 3]! > 0) c++;
          }
          return c;
        },
        plan: { combine: 'sum', terms, otherwise: 0, cap: count },
        ceiling: count,
      };
    }
    if (n <= 0) {
      const none = ctx.options.skills.noRequirementsScore;
      return { score: () => none, ceiling: none };
    }
    return {
      score(p) {
        let sum = 0;
        const e = p.end(PL.skills);
        for (let i = p.start(PL.skills); i < e; i++) {
          const packed = p.i32[i]!;
          const weight = w[packed >> 3] ?? 0;
          if (weight > 0) sum += weight * strength[packed & 7]!;
        }
        return sum;
      },
      plan: { combine: 'sum', terms, otherwise: 0, cap: Math.max(1, ...strength) },
      ceiling: Math.max(1, ...strength),
    };
  },
};
