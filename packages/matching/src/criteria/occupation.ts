import { PL, type PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { Criterion, PlanTerm } from './criterion';

const V_OCC = 'occ:v';
const V_ISCO4 = 'occ.isco4:v';
const V_ISCO3 = 'occ.isco3:v';
const P_OCC = 'occ:p';
const P_ISCO4 = 'occ.isco4:p';
const P_ISCO3 = 'occ.isco3:p';

/**
 * Occupation: the vacancy's occupation against the person's past occupations. Additive, so
 * that the same ESCO occupation (also the same unit and minor group) scores 1, the same ISCO
 * unit group 0.6 and the same minor group 0.3 with the default options.
 */
export const occupationCriterion: Criterion<PersonView, VacancyView> = {
  id: 'occupation',
  postPerson(p, sink) {
    for (let i = p.start(PL.pastOcc); i < p.end(PL.pastOcc); i++) sink.add(P_OCC, p.i32[i]!);
    for (let i = p.start(PL.pastIsco4); i < p.end(PL.pastIsco4); i++) sink.add(P_ISCO4, p.i32[i]!);
    for (let i = p.start(PL.pastIsco3); i < p.end(PL.pastIsco3); i++) sink.add(P_ISCO3, p.i32[i]!);
  },
  postTarget(v, sink) {
    if (v.occupation >= 0) sink.add(V_OCC, v.occupation);
    if (v.isco4 >= 0) sink.add(V_ISCO4, v.isco4);
    if (v.isco3 >= 0) sink.add(V_ISCO3, v.isco3);
  },
  forPerson(p, ctx) {
    const o = ctx.options.occupation;
    const terms: PlanTerm[] = [];
    for (let i = p.start(PL.pastOcc); i < p.end(PL.pastOcc); i++)
      terms.push({ family: V_OCC, key: p.i32[i]!, weight: o.sameOccupation, scaled: false });
    for (let i = p.start(PL.pastIsco4); i < p.end(PL.pastIsco4); i++)
      terms.push({ family: V_ISCO4, key: p.i32[i]!, weight: o.sameUnitGroup, scaled: false });
    for (let i = p.start(PL.pastIsco3); i < p.end(PL.pastIsco3); i++)
      terms.push({ family: V_ISCO3, key: p.i32[i]!, weight: o.sameMinorGroup, scaled: false });
    return {
      score: (v) => occupationScore(p, v, o),
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  forTarget(v, ctx) {
    const o = ctx.options.occupation;
    const terms: PlanTerm[] = [];
    if (v.occupation >= 0)
      terms.push({ family: P_OCC, key: v.occupation, weight: o.sameOccupation, scaled: false });
    if (v.isco4 >= 0) terms.push({ family: P_ISCO4, key: v.isco4, weight: o.sameUnitGroup, scaled: false });
    if (v.isco3 >= 0) terms.push({ family: P_ISCO3, key: v.isco3, weight: o.sameMinorGroup, scaled: false });
    return {
      score: (p) => occupationScore(p, v, o),
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  explain(p, v) {
    return {
      sameOccupation: v.occupation >= 0 && p.has(PL.pastOcc, v.occupation),
      sameUnitGroup: v.isco4 >= 0 && p.has(PL.pastIsco4, v.isco4),
      sameMinorGroup: v.isco3 >= 0 && p.has(PL.pastIsco3, v.isco3),
    };
  },
};

function occupationScore(
  p: PersonView,
  v: VacancyView,
  o: { sameOccupation: number; sameUnitGroup: number; sameMinorGroup: number },
): number {
  let s = 0;
  if (v.occupation >= 0 && p.has(PL.pastOcc, v.occupation)) s += o.sameOccupation;
  if (v.isco4 >= 0 && p.has(PL.pastIsco4, v.isco4)) s += o.sameUnitGroup;
  if (v.isco3 >= 0 && p.has(PL.pastIsco3, v.isco3)) s += o.sameMinorGroup;
  return Math.min(1, s);
}
