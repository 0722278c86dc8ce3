import type { PersonView } from '../features/person';
import { VL, type VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import { pairCriterion } from './criterion';
import { languageLevel, levelScore } from './shared';

function each(
  v: VacancyView,
  fn: (language: number, activity: number, level: number, hard: boolean) => void,
): void {
  const end = v.end(VL.languages);
  for (let i = v.start(VL.languages); i < end; i++) {
    const packed = v.i32[i]!;
    fn(packed >>> 8, (packed >>> 5) & 7, (packed >>> 1) & 15, (packed & 1) === 1);
  }
}

/** Languages: the mean, over the vacancy's language requirements, of how well the person meets each. */
export function languagesScore(p: PersonView, v: VacancyView, options: MatchOptions): number {
  const start = v.start(VL.languages);
  const end = v.end(VL.languages);
  if (end === start) return 1;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const packed = v.i32[i]!;
    sum += levelScore(
      languageLevel(p, packed >>> 8, (packed >>> 5) & 7),
      (packed >>> 1) & 15,
      options.languages.perLevelBelow,
    );
  }
  return sum / (end - start);
}

/** Hard language requirements: the person must reach the minimum level. */
export function meetsHardLanguages(p: PersonView, v: VacancyView): boolean {
  const end = v.end(VL.languages);
  for (let i = v.start(VL.languages); i < end; i++) {
    const packed = v.i32[i]!;
    if ((packed & 1) === 0) continue;
    if (languageLevel(p, packed >>> 8, (packed >>> 5) & 7) < ((packed >>> 1) & 15)) return false;
  }
  return true;
}

/** Languages with CEFR levels; a requirement marked hard filters. */
export const languagesCriterion = pairCriterion<PersonView, VacancyView>(
  'languages',
  (p, v, ctx) => languagesScore(p, v, ctx.options),
  {
    admits: (p, v) => meetsHardLanguages(p, v),
    explain: (p, v) => {
      const requirements: { language: number; required: number; held: number; hard: boolean }[] = [];
      each(v, (language, activity, level, hard) => {
        requirements.push({ language, required: level, held: languageLevel(p, language, activity), hard });
      });
      return { requirements };
    },
  },
);
