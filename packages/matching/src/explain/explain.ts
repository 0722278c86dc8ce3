import { T_SKILLS } from '../criteria/training/skill-gap';
import { trainingPlaceScore } from '../criteria/training/training-place';
import { trainingOpen } from '../criteria/training/training-terms';
import { NO_DAY } from '../features/common';
import { personGaps, PL, withDirectSkills, type PersonView } from '../features/person';
import { TL, TrainingView } from '../features/training';
import { broaderOf } from '../knowledge/knowledge';
import { expandSkills, KIND_DIRECT, skillKinds, type SkillKind } from '../knowledge/expand';
import type { MatchIndex } from '../index/match-index';
import type { MatchOptionsInput } from '../options';
import type { MatchPerson, MatchTraining, MatchVacancy } from '../types';
import { scoreTrainingPair, scoreVacancyPair, type CriterionScore } from './score';

/** A requirement the person meets, and how. */
export interface SkillMatch {
  uri: string;
  requirement: 'essential' | 'optional';
  kind: SkillKind;
  strength: number;
  /** From what the person has to the requirement: skill URIs, or an occupation URI then the skill. */
  path: string[];
  /** True when the skill is near (hierarchy, relation) rather than held. */
  near: boolean;
  /** True when the skill is implied by a past occupation. */
  inferred: boolean;
}

/** A training that would close part of the gap. */
export interface TrainingSuggestion {
  id: string;
  /** Missing essential skills it teaches (not covered by an earlier suggestion). */
  covers: string[];
  /** The person–training match score. */
  score: number;
}

/** Why a vacancy matches a person. */
export interface VacancyExplanation {
  score: number;
  admitted: boolean;
  criteria: CriterionScore[];
  skills: { matched: SkillMatch[]; missingEssential: string[]; missingOptional: string[] };
  trainings: { suggestions: TrainingSuggestion[]; stillMissing: string[]; scoreAfter: number };
}

/** Options of an explanation. */
export interface ExplainQuery {
  options?: MatchOptionsInput;
  /** Trainings the caller may propose (scoping). */
  visibleTraining?: (id: string) => boolean;
  /** At most this many trainings are suggested (greedy set cover). */
  maxTrainings?: number;
}

/** The path by which a person holds each skill of their profile, as URIs. */
export function skillPaths(index: MatchIndex, p: PersonView): Map<number, { kind: number; path: string[] }> {
  const k = index.knowledge;
  const d = index.dictionaries;
  const direct: number[] = [];
  for (let i = p.skillsFrom(), e = p.kindEnd(KIND_DIRECT); i < e; i++) direct.push(p.u16[i]!);
  const out = new Map<number, { kind: number; path: string[] }>();
  const profile = expandSkills(k, direct, p.list(PL.pastOcc), index.options.expansion);
  for (let i = 0; i < profile.skill.length; i++) {
    const e = { skill: profile.skill[i]!, kind: profile.kind[i]!, via: profile.via[i]! };
    const skill = d.skills.value(e.skill);
    let path: string[];
    if (e.kind === KIND_DIRECT) path = [skill];
    else if (skillKinds[e.kind] === 'inferredEssential') path = [d.occupations.value(e.via), skill];
    else if (skillKinds[e.kind] === 'sibling') {
      const parents = new Set(broaderOf(k, e.via));
      const common = [...broaderOf(k, e.skill)].find((b) => parents.has(b));
      path =
        common === undefined
          ? [d.skills.value(e.via), skill]
          : [d.skills.value(e.via), d.skills.value(common), skill];
    } else path = [d.skills.value(e.via), skill];
    out.set(e.skill, { kind: e.kind, path });
  }
  return out;
}

/**
 * Explains a person–vacancy match: the score per criterion, the matched skills with their
 * paths, the missing skills, and the trainings (open, reachable, in time) that cover the most
 * missing essential skills by greedy set cover, with the score the person would reach after.
 */
export function explainVacancyMatch(
  index: MatchIndex,
  person: string | MatchPerson,
  vacancy: string | MatchVacancy,
  query: ExplainQuery = {},
): VacancyExplanation {
  const options = index.queryOptions(query.options);
  const ctx = index.context(options);
  const p = index.personView(person);
  const v = index.vacancyView(vacancy);
  const pair = scoreVacancyPair(index, p, v, options, true);
  const paths = skillPaths(index, p);
  const d = index.dictionaries;
  const matched: SkillMatch[] = [];
  const missingEssential: number[] = [];
  const missingOptional: string[] = [];
  for (let i = v.skillsFrom(), essentialEnd = v.essentialEnd(); i < v.skillsEnd(); i++) {
    const skill = v.u16[i]!;
    const optional = i >= essentialEnd;
    const held = paths.get(skill);
    if (!held) {
      if (optional) missingOptional.push(d.skills.value(skill));
      else missingEssential.push(skill);
      continue;
    }
    const kind = skillKinds[held.kind]!;
    matched.push({
      uri: d.skills.value(skill),
      requirement: optional ? 'optional' : 'essential',
      kind,
      strength: options.skills.strength[kind],
      path: held.path,
      near: held.kind !== KIND_DIRECT && kind !== 'inferredEssential',
      inferred: kind === 'inferredEssential',
    });
  }

  // Greedy set cover over the trainings that teach a missing essential skill.
  index.trainings.flush();
  const missing = new Set(missingEssential);
  const candidates = new Map<number, number[]>();
  const family = index.trainings.families.get(T_SKILLS);
  for (const skill of missingEssential) {
    for (const list of family?.listsOf(skill) ?? []) {
      for (let i = 0; i < list.length; i++) {
        const slot = list.docs[i]!;
        const covers = candidates.get(slot);
        if (covers) covers.push(skill);
        else candidates.set(slot, [skill]);
      }
    }
  }
  const t = new TrainingView();
  const eligible: { slot: number; covers: number[]; score: number }[] = [];
  for (const [slot, covers] of candidates) {
    if (index.trainings.alive[slot] !== 1) continue;
    const id = index.trainings.ids[slot]!;
    if (query.visibleTraining && !query.visibleTraining(id)) continue;
    index.trainings.at(t, slot);
    if (!trainingOpen(t, ctx.today)) continue;
    if (trainingPlaceScore(p, t, options) <= 0) continue;
    if (v.closesDay !== NO_DAY && t.endsDay !== NO_DAY && t.endsDay > v.closesDay) continue;
    eligible.push({ slot, covers, score: scoreTrainingPair(index, p, t, options).score });
  }
  const suggestions: TrainingSuggestion[] = [];
  const covered: number[] = [];
  const maxTrainings = query.maxTrainings ?? 3;
  while (missing.size > 0 && suggestions.length < maxTrainings) {
    let best: (typeof eligible)[number] | undefined;
    let bestGain = 0;
    for (const e of eligible) {
      let gain = 0;
      for (const s of e.covers) if (missing.has(s)) gain++;
      if (
        gain > bestGain ||
        (gain === bestGain &&
          gain > 0 &&
          best &&
          (e.score > best.score || (e.score === best.score && e.slot < best.slot)))
      ) {
        best = e;
        bestGain = gain;
      }
    }
    if (!best || bestGain === 0) break;
    const now = best.covers.filter((s) => missing.has(s));
    for (const s of now) {
      missing.delete(s);
      covered.push(s);
    }
    suggestions.push({
      id: index.trainings.ids[best.slot]!,
      covers: now.map((s) => d.skills.value(s)),
      score: best.score,
    });
  }
  const scoreAfter =
    covered.length > 0 ? scoreVacancyPair(index, withDirectSkills(p, covered), v, options).score : pair.score;
  return {
    score: pair.score,
    admitted: pair.admitted,
    criteria: pair.criteria,
    skills: { matched, missingEssential: missingEssential.map((s) => d.skills.value(s)), missingOptional },
    trainings: { suggestions, stillMissing: [...missing].map((s) => d.skills.value(s)), scoreAfter },
  };
}

/** Why a training suits a person: the score per criterion and the gap skills it teaches. */
export interface TrainingExplanation {
  score: number;
  admitted: boolean;
  criteria: CriterionScore[];
  /** Skills the training teaches that the person lacks for their target occupations. */
  closesGaps: string[];
}

/** Explains a person–training match. */
export function explainTrainingMatch(
  index: MatchIndex,
  person: string | MatchPerson,
  training: string | MatchTraining,
  query: { options?: MatchOptionsInput } = {},
): TrainingExplanation {
  const options = index.queryOptions(query.options);
  const p = index.personView(person);
  const t = index.trainingView(training);
  const pair = scoreTrainingPair(index, p, t, options, true);
  const gaps = new Set<number>();
  for (const code of personGaps(p, index.knowledge, index.options)) gaps.add(code >> 4);
  const closesGaps: string[] = [];
  for (let i = t.start(TL.skills); i < t.end(TL.skills); i++)
    if (gaps.has(t.i32[i]!)) closesGaps.push(index.dictionaries.skills.value(t.i32[i]!));
  return { score: pair.score, admitted: pair.admitted, criteria: pair.criteria, closesGaps };
}
