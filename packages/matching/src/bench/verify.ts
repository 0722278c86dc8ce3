import type { Criterion } from '../criteria/criterion';
import { trainingCriteria, vacancyCriteria } from '../criteria/sets';
import type { RecordView } from '../features/arena';
import type { Collection } from '../index/collection';
import { weigh, type MatchIndex, type MatchPage } from '../index/match-index';
import { overlapOptions, type MatchOptionsInput } from '../options';
import { Random } from './random';

/** What `verifyRankings` found. */
export interface VerifyResult {
  /** Queries compared, over all directions. */
  queries: number;
  /** Queries whose page differs from scoring every document (ids or scores, bit for bit). */
  mismatches: number;
  /** The first few differences, for a reader. */
  examples: string[];
}

type Direction = 'p2v' | 'v2p' | 'p2t' | 't2p' | 'overlap';

/**
 * Scores every document of a collection for one query (every criterion prepared once, summed
 * in the criteria's order as `explain/score.ts` does), and returns the best `k` as a page would.
 */
function scoreEverything<P, T, D extends RecordView>(
  index: MatchIndex,
  criteria: readonly Criterion<P, T>[],
  weights: Record<string, number>,
  prepare: (c: Criterion<P, T>) => ReturnType<Criterion<P, T>['forPerson']>,
  collection: Collection<D>,
  k: number,
  applyFilters: boolean,
): { id: string; score: number }[] {
  const scorers = weigh(criteria, weights, prepare as never, applyFilters) as {
    scorer: { score(d: D): number; admits?(d: D): boolean };
    weight: number;
  }[];
  const view = collection.newView();
  const all: { slot: number; score: number }[] = [];
  for (let slot = 0; slot < collection.slots; slot++) {
    if (collection.alive[slot] !== 1) continue;
    collection.at(view, slot);
    let ok = true;
    let score = 0;
    for (const { scorer, weight } of scorers) {
      if (scorer.admits && !scorer.admits(view)) ok = false;
      if (weight > 0) score += weight * scorer.score(view);
    }
    if (ok) all.push({ slot, score });
  }
  all.sort((a, b) => b.score - a.score || a.slot - b.slot);
  return all.slice(0, k).map((r) => ({ id: collection.ids[r.slot]!, score: r.score }));
}

function samePage(page: MatchPage, want: { id: string; score: number }[]): boolean {
  if (page.items.length !== want.length) return false;
  return page.items.every((r, i) => r.id === want[i]!.id && r.score === want[i]!.score);
}

/**
 * Compares the engine's top 20 with scoring every document, query by query, in every direction
 * (and in overlap mode): the same ids in the same order with the same scores, bit for bit.
 * Linear in the collection per query: a check for generated sets of ~100,000, not a benchmark.
 */
export function verifyRankings(
  index: MatchIndex,
  o: { queries: number; seed: number; log?: (line: string) => void },
): VerifyResult {
  const random = new Random(o.seed * 104729 + 7);
  const result: VerifyResult = { queries: 0, mismatches: 0, examples: [] };
  const k = 20;
  const pick = <D extends RecordView>(c: Collection<D>) => {
    for (;;) {
      const slot = random.int(c.slots);
      if (c.alive[slot] === 1) return c.ids[slot]!;
    }
  };
  const check = (
    direction: Direction,
    id: string,
    page: MatchPage,
    want: { id: string; score: number }[],
  ) => {
    result.queries++;
    if (samePage(page, want)) return;
    result.mismatches++;
    if (result.examples.length < 5)
      result.examples.push(
        `${direction} ${id}: engine ${page.items.map((r) => `${r.id}=${r.score}`).join(' ')} | all ${want.map((r) => `${r.id}=${r.score}`).join(' ')}`,
      );
  };
  const directions: Direction[] = ['p2v', 'v2p', 'overlap'];
  if (index.trainings.size > 0) directions.push('p2t', 't2p');
  for (let q = 0; q < o.queries; q++) {
    for (const direction of directions) {
      const overrides: MatchOptionsInput | undefined = direction === 'overlap' ? overlapOptions : undefined;
      const options = index.queryOptions(overrides);
      const ctx = index.context(options);
      const page = { limit: k, options: overrides };
      if (direction === 'p2v' || direction === 'overlap') {
        const id = pick(index.people);
        const p = index.personView(id);
        const want = scoreEverything(
          index,
          vacancyCriteria,
          options.weights.vacancy,
          (c) => c.forPerson(p, ctx),
          index.vacancies,
          k,
          options.applyFilters,
        );
        check(direction, id, index.rankVacanciesForPerson(id, page), want);
      } else if (direction === 'v2p') {
        const id = pick(index.vacancies);
        const v = index.vacancyView(id);
        const want = scoreEverything(
          index,
          vacancyCriteria,
          options.weights.vacancy,
          (c) => c.forTarget(v, ctx) as never,
          index.people,
          k,
          options.applyFilters,
        );
        check(direction, id, index.rankPeopleForVacancy(id, page), want);
      } else if (direction === 'p2t') {
        const id = pick(index.people);
        const p = index.personView(id);
        const want = scoreEverything(
          index,
          trainingCriteria,
          options.weights.training,
          (c) => c.forPerson(p, ctx),
          index.trainings,
          k,
          options.applyFilters,
        );
        check(direction, id, index.rankTrainingsForPerson(id, page), want);
      } else {
        const id = pick(index.trainings);
        const t = index.trainingView(id);
        const want = scoreEverything(
          index,
          trainingCriteria,
          options.weights.training,
          (c) => c.forTarget(t, ctx) as never,
          index.people,
          k,
          options.applyFilters,
        );
        check(direction, id, index.rankPeopleForTraining(id, page), want);
      }
    }
    if ((q + 1) % 20 === 0) o.log?.(`  verified ${q + 1} / ${o.queries} (${result.mismatches} mismatches)`);
  }
  return result;
}
