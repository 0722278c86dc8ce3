import { PL, type PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import type { Criterion, PlanTerm } from './criterion';

const V_OCC = 'asp.occ:v';
const V_ISCO4 = 'asp.isco4:v';
const V_ISCO3 = 'asp.isco3:v';
const V_SECTOR = 'asp.sector:v';
const P_OCC = 'asp.occ:p';
const P_ISCO4 = 'asp.isco4:p';
const P_ISCO3 = 'asp.isco3:p';
const P_SECTOR = 'asp.sector:p';
const P_NONE = 'asp.none:p';

function hasAspirations(p: PersonView): boolean {
  return (
    p.end(PL.wishOcc) > p.start(PL.wishOcc) ||
    p.end(PL.wishIsco4) > p.start(PL.wishIsco4) ||
    p.end(PL.wishSectors) > p.start(PL.wishSectors)
  );
}

/**
 * Aspirations: the vacancy against the occupations and sectors the person wishes for. The
 * person's own wishes only — never a default derived from who they are.
 */
export const aspirationsCriterion: Criterion<PersonView, VacancyView> = {
  id: 'aspirations',
  postPerson(p, sink) {
    if (!hasAspirations(p)) sink.add(P_NONE, 0);
    for (let i = p.start(PL.wishOcc); i < p.end(PL.wishOcc); i++) sink.add(P_OCC, p.i32[i]!);
    for (let i = p.start(PL.wishIsco4); i < p.end(PL.wishIsco4); i++) sink.add(P_ISCO4, p.i32[i]!);
    for (let i = p.start(PL.wishIsco3); i < p.end(PL.wishIsco3); i++) sink.add(P_ISCO3, p.i32[i]!);
    for (let i = p.start(PL.wishSectors); i < p.end(PL.wishSectors); i++) sink.add(P_SECTOR, p.i32[i]!);
  },
  postTarget(v, sink) {
    if (v.occupation >= 0) sink.add(V_OCC, v.occupation);
    if (v.isco4 >= 0) sink.add(V_ISCO4, v.isco4);
    if (v.isco3 >= 0) sink.add(V_ISCO3, v.isco3);
    if (v.sector >= 0) sink.add(V_SECTOR, v.sector);
  },
  forPerson(p, ctx) {
    const a = ctx.options.aspirations;
    if (!hasAspirations(p)) return { score: () => a.noAspirations, ceiling: a.noAspirations };
    const terms: PlanTerm[] = [];
    const add = (family: string, list: number, weight: number) => {
      for (let i = p.start(list); i < p.end(list); i++)
        terms.push({ family, key: p.i32[i]!, weight, scaled: false });
    };
    add(V_OCC, PL.wishOcc, a.sameOccupation);
    add(V_ISCO4, PL.wishIsco4, a.sameUnitGroup);
    add(V_ISCO3, PL.wishIsco3, a.sameMinorGroup);
    add(V_SECTOR, PL.wishSectors, a.sameSector);
    return {
      score: (v) => aspirationScore(p, v, a),
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  forTarget(v, ctx) {
    const a = ctx.options.aspirations;
    const terms: PlanTerm[] = [{ family: P_NONE, key: 0, weight: a.noAspirations, scaled: false }];
    if (v.occupation >= 0)
      terms.push({ family: P_OCC, key: v.occupation, weight: a.sameOccupation, scaled: false });
    if (v.isco4 >= 0) terms.push({ family: P_ISCO4, key: v.isco4, weight: a.sameUnitGroup, scaled: false });
    if (v.isco3 >= 0) terms.push({ family: P_ISCO3, key: v.isco3, weight: a.sameMinorGroup, scaled: false });
    if (v.sector >= 0) terms.push({ family: P_SECTOR, key: v.sector, weight: a.sameSector, scaled: false });
    return {
      score: (p) => aspirationScore(p, v, a),
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  explain(p, v) {
    return {
      stated: hasAspirations(p),
      wishedOccupation: v.occupation >= 0 && p.has(PL.wishOcc, v.occupation),
      wishedUnitGroup: v.isco4 >= 0 && p.has(PL.wishIsco4, v.isco4),
      wishedSector: v.sector >= 0 && p.has(PL.wishSectors, v.sector),
    };
  },
};

function aspirationScore(p: PersonView, v: VacancyView, a: MatchOptions['aspirations']): number {
  if (!hasAspirations(p)) return a.noAspirations;
  let s = 0;
  if (v.occupation >= 0 && p.has(PL.wishOcc, v.occupation)) s += a.sameOccupation;
  if (v.isco4 >= 0 && p.has(PL.wishIsco4, v.isco4)) s += a.sameUnitGroup;
  if (v.isco3 >= 0 && p.has(PL.wishIsco3, v.isco3)) s += a.sameMinorGroup;
  if (v.sector >= 0 && p.has(PL.wishSectors, v.sector)) s += a.sameSector;
  return Math.min(1, s);
}
