import { PL, type PersonView } from '../../features/person';
import { TL, type TrainingView } from '../../features/training';
import type { MatchOptions } from '../../options';
import type { Criterion, PlanTerm } from '../criterion';

const T = { occ: 'tasp.occ:t', isco4: 'tasp.isco4:t', isco3: 'tasp.isco3:t', none: 'tasp.none:t' };
const P = { occ: 'tasp.occ:p', isco4: 'tasp.isco4:p', isco3: 'tasp.isco3:p', none: 'tasp.none:p' };

function targets(p: PersonView): { occ: number; isco4: number; isco3: number } {
  const wished = p.end(PL.wishOcc) > p.start(PL.wishOcc) || p.end(PL.wishIsco4) > p.start(PL.wishIsco4);
  return wished
    ? { occ: PL.wishOcc, isco4: PL.wishIsco4, isco3: PL.wishIsco3 }
    : { occ: PL.pastOcc, isco4: PL.pastIsco4, isco3: PL.pastIsco3 };
}

function hasTarget(p: PersonView): boolean {
  const t = targets(p);
  return p.end(t.occ) > p.start(t.occ) || p.end(t.isco4) > p.start(t.isco4);
}

function trainingHasOccupations(t: TrainingView): boolean {
  return t.end(TL.occ) > t.start(TL.occ) || t.end(TL.isco4) > t.start(TL.isco4);
}

function score(p: PersonView, t: TrainingView, a: MatchOptions['aspirations']): number {
  if (!trainingHasOccupations(t) || !hasTarget(p)) return a.noAspirations;
  const l = targets(p);
  let s = 0;
  if (t.intersects(TL.occ, p, l.occ)) s += a.sameOccupation;
  if (t.intersects(TL.isco4, p, l.isco4)) s += a.sameUnitGroup;
  if (t.intersects(TL.isco3, p, l.isco3)) s += a.sameMinorGroup;
  return Math.min(1, s);
}

/** The occupations a training prepares for, against the person's wished (else past) occupations. */
export const trainingAspirationsCriterion: Criterion<PersonView, TrainingView> = {
  id: 'trainingAspirations',
  postPerson(p, sink) {
    if (!hasTarget(p)) {
      sink.add(P.none, 0);
      return;
    }
    const l = targets(p);
    for (let i = p.start(l.occ); i < p.end(l.occ); i++) sink.add(P.occ, p.i32[i]!);
    for (let i = p.start(l.isco4); i < p.end(l.isco4); i++) sink.add(P.isco4, p.i32[i]!);
    for (let i = p.start(l.isco3); i < p.end(l.isco3); i++) sink.add(P.isco3, p.i32[i]!);
  },
  postTarget(t, sink) {
    if (!trainingHasOccupations(t)) sink.add(T.none, 0);
    for (let i = t.start(TL.occ); i < t.end(TL.occ); i++) sink.add(T.occ, t.i32[i]!);
    for (let i = t.start(TL.isco4); i < t.end(TL.isco4); i++) sink.add(T.isco4, t.i32[i]!);
    for (let i = t.start(TL.isco3); i < t.end(TL.isco3); i++) sink.add(T.isco3, t.i32[i]!);
  },
  forPerson(p, ctx) {
    const a = ctx.options.aspirations;
    if (!hasTarget(p)) return { score: () => a.noAspirations, ceiling: a.noAspirations };
    const l = targets(p);
    const terms: PlanTerm[] = [{ family: T.none, key: 0, weight: a.noAspirations, scaled: false }];
    for (let i = p.start(l.occ); i < p.end(l.occ); i++)
      terms.push({ family: T.occ, key: p.i32[i]!, weight: a.sameOccupation, scaled: false });
    for (let i = p.start(l.isco4); i < p.end(l.isco4); i++)
      terms.push({ family: T.isco4, key: p.i32[i]!, weight: a.sameUnitGroup, scaled: false });
    for (let i = p.start(l.isco3); i < p.end(l.isco3); i++)
      terms.push({ family: T.isco3, key: p.i32[i]!, weight: a.sameMinorGroup, scaled: false });
    return {
      score: (t) => score(p, t, a),
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  forTarget(t, ctx) {
    const a = ctx.options.aspirations;
    if (!trainingHasOccupations(t)) return { score: () => a.noAspirations, ceiling: a.noAspirations };
    const terms: PlanTerm[] = [{ family: P.none, key: 0, weight: a.noAspirations, scaled: false }];
    for (let i = t.start(TL.occ); i < t.end(TL.occ); i++)
      terms.push({ family: P.occ, key: t.i32[i]!, weight: a.sameOccupation, scaled: false });
    for (let i = t.start(TL.isco4); i < t.end(TL.isco4); i++)
      terms.push({ family: P.isco4, key: t.i32[i]!, weight: a.sameUnitGroup, scaled: false });
    for (let i = t.start(TL.isco3); i < t.end(TL.isco3); i++)
      terms.push({ family: P.isco3, key: t.i32[i]!, weight: a.sameMinorGroup, scaled: false });
    return {
      score: (p) => score(p, t, a),
      plan: { combine: 'sum', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
};
