import { PL, type PersonView } from '../features/person';
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

// Classes. A vacancy's class is its requirements (without the hard flag, which only filters)
// when it has at most two in languages numbered below 256; a person's class is their highest
// level in each of at most two such languages. Anything else has no class (bound 1).
const NO_CLASS = -1;
const REQUIREMENT_KEYS = 65536;
const PERSON_LANGUAGE_KEYS = 4096;

function requirementKey(v: VacancyView): number {
  const start = v.start(VL.languages);
  const n = v.end(VL.languages) - start;
  if (n === 0) return 0;
  if (n > 2) return NO_CLASS;
  let key = 0;
  for (let i = 0; i < n; i++) {
    const packed = v.i32[start + i]!;
    if (packed >>> 8 >= 256) return NO_CLASS;
    key = key * REQUIREMENT_KEYS + 1 + (packed >>> 1);
  }
  return key;
}

function personLanguageKey(p: PersonView): number {
  const start = p.start(PL.languages);
  const n = p.end(PL.languages) - start;
  if (n > 2) return NO_CLASS;
  let key = 0;
  for (let i = 0; i < n; i++) {
    const packed = p.i32[start + i]!;
    const language = packed >>> 15;
    if (language >= 256) return NO_CLASS;
    let top = 0;
    for (let a = 0; a < 5; a++) top = Math.max(top, (packed >>> (3 * a)) & 7);
    key = key * PERSON_LANGUAGE_KEYS + 1 + ((language << 3) | top);
  }
  return key;
}

/** The best score of a requirement for someone whose level is at most `top`. */
function bestLevelScore(top: number, required: number, perLevelBelow: number): number {
  let best = 0;
  for (let level = 0; level <= top; level++)
    best = Math.max(best, levelScore(level, required, perLevelBelow));
  return best;
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
    classes: {
      person: personLanguageKey,
      target: requirementKey,
      boundForPerson: (p, key, ctx) => {
        if (key === NO_CLASS) return 1;
        if (key === 0) return 1;
        let sum = 0;
        let n = 0;
        for (let rest = key; rest > 0; rest = Math.floor(rest / REQUIREMENT_KEYS)) {
          const requirement = (rest % REQUIREMENT_KEYS) - 1;
          sum += levelScore(
            languageLevel(p, requirement >>> 7, (requirement >>> 4) & 7),
            requirement & 15,
            ctx.options.languages.perLevelBelow,
          );
          n++;
        }
        return sum / n;
      },
      boundForTarget: (v, key, ctx) => {
        if (key === NO_CLASS) return 1;
        const start = v.start(VL.languages);
        const end = v.end(VL.languages);
        if (end === start) return 1;
        let sum = 0;
        for (let i = start; i < end; i++) {
          const packed = v.i32[i]!;
          const language = packed >>> 8;
          let top = 0;
          for (let rest = key; rest > 0; rest = Math.floor(rest / PERSON_LANGUAGE_KEYS)) {
            const held = (rest % PERSON_LANGUAGE_KEYS) - 1;
            if (held >>> 3 === language) top = Math.max(top, held & 7);
          }
          sum += bestLevelScore(top, (packed >>> 1) & 15, ctx.options.languages.perLevelBelow);
        }
        return sum / (end - start);
      },
    },
  },
);
