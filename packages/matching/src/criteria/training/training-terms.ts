import { NO_DAY } from '../../features/common';
import { PERSON_CHILDCARE, PERSON_LIMITED_MOBILITY, type PersonView } from '../../features/person';
import {
  DELIVERY_IN_PERSON,
  DELIVERY_ONLINE,
  TRAINING_CHILDCARE,
  TRAINING_STIPEND,
  TRAINING_TRANSPORT,
  type TrainingView,
} from '../../features/training';
import type { MatchOptions } from '../../options';
import { pairCriterion, type Criterion } from '../criterion';
import { educationScore } from '../education';
import { isNear, languageLevel, levelScore } from '../shared';

/** Dates: a training starting soon scores 1, one starting in a year `lateStart`. */
export function trainingDatesScore(t: TrainingView, today: number, options: MatchOptions): number {
  const o = options.training;
  if (Number.isNaN(today) || t.startsDay === NO_DAY) return o.noDates;
  const days = t.startsDay - today;
  if (days <= o.soonDays) return 1;
  if (days >= 365) return o.lateStart;
  return 1 - ((1 - o.lateStart) * (days - o.soonDays)) / (365 - o.soonDays);
}

/** Whether a training can still be joined on `today` and has seats. */
export function trainingOpen(t: TrainingView, today: number): boolean {
  if (t.seats === 0) return false;
  if (Number.isNaN(today)) return true;
  if (t.endsDay !== NO_DAY && t.endsDay < today) return false;
  if (t.enrolmentClosesDay !== NO_DAY && t.enrolmentClosesDay < today) return false;
  return true;
}

/**
 * Support: a stipend, and transport or childcare support where the person needs it (in-person
 * training out of the district or with limited mobility; childcare duties).
 */
export function trainingSupportScore(p: PersonView, t: TrainingView, options: MatchOptions): number {
  const o = options.training;
  let sum = (t.flags & TRAINING_STIPEND) !== 0 ? 1 : o.noStipend;
  let n = 1;
  const inPerson = t.delivery !== DELIVERY_ONLINE;
  if (
    inPerson &&
    ((p.flags & PERSON_LIMITED_MOBILITY) !== 0 ||
      (t.delivery === DELIVERY_IN_PERSON && !isNear(p, t, o.transportNeededKm)))
  ) {
    n++;
    sum += (t.flags & TRAINING_TRANSPORT) !== 0 ? 1 : o.supportMissing;
  }
  if (inPerson && (p.flags & PERSON_CHILDCARE) !== 0) {
    n++;
    sum += (t.flags & TRAINING_CHILDCARE) !== 0 ? 1 : o.supportMissing;
  }
  return sum / n;
}

/** Dates of the training. */
export const trainingDatesCriterion = pairCriterion<PersonView, TrainingView>('trainingDates', (_p, t, ctx) =>
  trainingDatesScore(t, ctx.today, ctx.options),
);

/** Stipend, transport and childcare support. */
export const trainingSupportCriterion = pairCriterion<PersonView, TrainingView>(
  'trainingSupport',
  (p, t, ctx) => trainingSupportScore(p, t, ctx.options),
  {
    explain: (p, t) => ({
      stipend: (t.flags & TRAINING_STIPEND) !== 0,
      transportSupport: (t.flags & TRAINING_TRANSPORT) !== 0,
      childcareSupport: (t.flags & TRAINING_CHILDCARE) !== 0,
      childcareNeeded: (p.flags & PERSON_CHILDCARE) !== 0,
    }),
  },
);

/** The language of instruction against the person's (mean) level in it. */
export const trainingLanguageCriterion = pairCriterion<PersonView, TrainingView>(
  'trainingLanguage',
  (p, t, ctx) =>
    t.language < 0
      ? 1
      : levelScore(
          languageLevel(p, t.language, 0),
          Math.max(1, t.languageLevel),
          ctx.options.languages.perLevelBelow,
        ),
);

/** Education level against the training's entry level. */
export const trainingEducationCriterion = pairCriterion<PersonView, TrainingView>(
  'trainingEducation',
  (p, t, ctx) => educationScore(p.isced, t.minIsced, ctx.options),
);

/** Trainings that can still be joined (filter only). A closed query training matches nobody, at no cost. */
export const trainingOpenCriterion: Criterion<PersonView, TrainingView> = {
  id: 'trainingOpen',
  forPerson: (_p, ctx) => ({ score: () => 1, admits: (t) => trainingOpen(t, ctx.today), ceiling: 1 }),
  forTarget: (t, ctx) => {
    const open = trainingOpen(t, ctx.today);
    return { score: () => 1, admits: () => open, rejectsAll: !open, ceiling: 1 };
  },
};
