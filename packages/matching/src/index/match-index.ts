import { errors } from '@passerelle/core';
import type { Criterion, CriterionContext } from '../criteria/criterion';
import { vacancyOpen } from '../criteria/requirements';
import { trainingCriteria, vacancyCriteria } from '../criteria/sets';
import { trainingOpen } from '../criteria/training/training-terms';
import { dayNumber } from '../features/common';
import { createDictionaries, type Dictionaries } from '../features/dictionaries';
import { encodePerson, PersonView, PL } from '../features/person';
import { encodeTraining, TrainingView } from '../features/training';
import { encodeVacancy, VacancyView } from '../features/vacancy';
import type { RecordView } from '../features/arena';
import type { Knowledge } from '../knowledge/knowledge';
import { defaultOptions, mergeOptions, type MatchOptions, type MatchOptionsInput } from '../options';
import type { MatchPerson, MatchTraining, MatchVacancy } from '../types';
import { classifiersOf, Collection, posterOf, summarizersOf } from './collection';
import { PARTITIONS } from './postings';
import { rankTop, RankScratch, type RankStats, type WeightedScorer } from './ranker';

/** A page request. */
export interface MatchQuery {
  offset?: number;
  limit?: number;
  /** Hides documents of the ranked side (consent withdrawn, out of the caller's scope, ...). */
  visible?: (id: string) => boolean;
  /** Query-time option overrides (weights, strengths, mode, today, ...). */
  options?: MatchOptionsInput;
}

/** One ranked result. */
export interface MatchResult {
  id: string;
  score: number;
}

/** A page of ranked results. */
export interface MatchPage {
  items: MatchResult[];
  offset: number;
  limit: number;
  hasMore: boolean;
}

export type PairKind = 'vacancy' | 'training';

/** What `createMatchIndex` needs. */
export interface MatchIndexInit {
  knowledge: Knowledge;
  /** Index-time and default query-time options. */
  options?: MatchOptionsInput;
}

/** The in-memory matching index: people, vacancies and trainings, searchable in all four directions. */
export class MatchIndex {
  readonly knowledge: Knowledge;
  readonly options: MatchOptions;
  readonly dictionaries: Dictionaries;
  readonly people: Collection<PersonView>;
  readonly vacancies: Collection<VacancyView>;
  readonly trainings: Collection<TrainingView>;
  private readonly scratch = {
    people: new RankScratch(),
    vacancies: new RankScratch(),
    trainings: new RankScratch(),
  };
  private readonly indexCtx: CriterionContext;

  constructor(init: MatchIndexInit, dictionaries?: Dictionaries) {
    this.knowledge = init.knowledge;
    this.options = mergeOptions(init.options);
    this.dictionaries = dictionaries ?? createDictionaries(init.knowledge);
    const asAny = (
      c: readonly Criterion<PersonView, VacancyView>[] | readonly Criterion<PersonView, TrainingView>[],
    ) => c as unknown as readonly Criterion<never, never>[];
    const personSides = [
      { criteria: asAny(vacancyCriteria), side: 'person' as const },
      { criteria: asAny(trainingCriteria), side: 'person' as const },
    ];
    const vacancySides = [{ criteria: asAny(vacancyCriteria), side: 'target' as const }];
    const trainingSides = [{ criteria: asAny(trainingCriteria), side: 'target' as const }];
    const cluster = this.options.clusterBulkLoads;
    this.people = new Collection(() => new PersonView(), posterOf(personSides), {
      classifiers: classifiersOf(personSides, this.options.classBounds),
      partitionOf: this.options.partitionedListMin > 0 ? regionPartition : undefined,
      partitionedListMin: this.options.partitionedListMin,
      clusterOf: cluster ? personCluster : undefined,
    });
    const [vacancyPartition, vacancyPartitionedListMin] = vacancyPartitions(this.options);
    this.vacancies = new Collection(() => new VacancyView(), posterOf(vacancySides), {
      classifiers: classifiersOf(vacancySides, this.options.classBounds),
      partitionOf: vacancyPartition,
      partitionedListMin: vacancyPartitionedListMin,
      summarizers: this.options.groupBounds ? summarizersOf(asAny(vacancyCriteria)) : [],
      // A vacancy is small and its skills, refined first, drop most candidates at once.
      evaluationCost: 40,
      clusterOf: cluster ? vacancyCluster : undefined,
      // Vacancy records stay in insertion order: moving them costs 0.8–1.5 s of a million
      // vacancies' build (whose target is 15 s) for 5–16 % of person → vacancies, which is at
      // half its target (docs/matching.md, "Slot order").
      clusterRecords: false,
    });
    this.trainings = new Collection(() => new TrainingView(), posterOf(trainingSides), {
      classifiers: classifiersOf(trainingSides, this.options.classBounds),
      summarizers: this.options.groupBounds ? summarizersOf(asAny(trainingCriteria)) : [],
    });
    const skills = this.dictionaries.skills;
    this.indexCtx = {
      knowledge: this.knowledge,
      options: this.options,
      get skillCount() {
        return skills.size;
      },
      today: dayNumber(this.options.today),
    };
  }

  /** Adds or replaces a person (one change: their old postings are retired, new ones appended). */
  putPerson(person: MatchPerson): void {
    this.people.put(
      person.id,
      encodePerson(person, this.knowledge, this.dictionaries, this.options, true),
      this.indexCtx,
    );
  }

  putVacancy(vacancy: MatchVacancy): void {
    this.vacancies.put(
      vacancy.id,
      encodeVacancy(vacancy, this.knowledge, this.dictionaries, this.options, true),
      this.indexCtx,
    );
  }

  putTraining(training: MatchTraining): void {
    this.trainings.put(
      training.id,
      encodeTraining(training, this.knowledge, this.dictionaries, this.options),
      this.indexCtx,
    );
  }

  /** Removes a person at once (erasure, archive); false when absent. */
  removePerson(id: string): boolean {
    return this.people.remove(id, this.indexCtx);
  }

  removeVacancy(id: string): boolean {
    return this.vacancies.remove(id, this.indexCtx);
  }

  removeTraining(id: string): boolean {
    return this.trainings.remove(id, this.indexCtx);
  }

  /** Adds many documents (the start-up rebuild) as one bulk load. */
  putMany(input: {
    people?: Iterable<MatchPerson>;
    vacancies?: Iterable<MatchVacancy>;
    trainings?: Iterable<MatchTraining>;
  }): void {
    this.beginBulk();
    try {
      for (const p of input.people ?? []) this.putPerson(p);
      for (const v of input.vacancies ?? []) this.putVacancy(v);
      for (const t of input.trainings ?? []) this.putTraining(t);
    } finally {
      this.endBulk();
    }
  }

  /**
   * Starts a bulk load (see Collection.beginBulk); queries in between still see every document.
   * With `keepOrder`, documents keep their insertion order (a restore: slots, hence the order of
   * equal scores, stay those of the snapshot) instead of the `clusterBulkLoads` order.
   */
  beginBulk(o: { keepOrder?: boolean } = {}): void {
    this.people.beginBulk(o);
    this.vacancies.beginBulk(o);
    this.trainings.beginBulk(o);
  }

  /** Ends a bulk load, leaving posting lists exactly sized. */
  endBulk(): void {
    this.people.endBulk();
    this.vacancies.endBulk();
    this.trainings.endBulk();
  }

  /** Shrinks posting buffers to their lengths. */
  trim(): void {
    this.people.trim();
    this.vacancies.trim();
    this.trainings.trim();
  }

  /** Options for one query: overrides merged on the index's, index-time fields kept. */
  queryOptions(overrides?: MatchOptionsInput): MatchOptions {
    if (!overrides) return this.options;
    const o = mergeOptions(overrides, this.options);
    return {
      ...o,
      expansion: this.options.expansion,
      skills: { ...o.skills, optionalWeight: this.options.skills.optionalWeight },
      place: {
        ...o.place,
        cellDegrees: this.options.place.cellDegrees,
        maxTravelCapKm: this.options.place.maxTravelCapKm,
      },
    };
  }

  /** The criterion context of a query. */
  context(options: MatchOptions): CriterionContext {
    return {
      knowledge: this.knowledge,
      options,
      skillCount: this.dictionaries.skills.size,
      today: dayNumber(options.today),
    };
  }

  /** Encodes a query's inline record: the skills it leaves out are not the index's (see `stats`). */
  private inline(encode: () => Int32Array): Int32Array {
    const before = this.dictionaries.skillsNotIndexed;
    try {
      return encode();
    } finally {
      this.dictionaries.skillsNotIndexed = before;
    }
  }

  /** A view of an indexed person, or of a person given inline (encoded on the fly). */
  personView(person: string | MatchPerson): PersonView {
    if (typeof person !== 'string')
      return new PersonView(
        this.inline(() => encodePerson(person, this.knowledge, this.dictionaries, this.options)),
      );
    const slot = this.people.slotOf.get(person);
    if (slot === undefined) throw errors.notFound('person', person);
    return this.people.at(new PersonView(), slot);
  }

  /**
   * Whether an indexed vacancy can be matched on the query's `today` (open, with seats): a
   * closed one matches nobody, which a caller may want to say rather than show an empty list.
   */
  isVacancyOpen(id: string, overrides?: MatchOptionsInput): boolean {
    return vacancyOpen(this.vacancyView(id), dayNumber(this.queryOptions(overrides).today));
  }

  /** Whether an indexed training can still be joined on the query's `today` (see `isVacancyOpen`). */
  isTrainingOpen(id: string, overrides?: MatchOptionsInput): boolean {
    return trainingOpen(this.trainingView(id), dayNumber(this.queryOptions(overrides).today));
  }

  vacancyView(vacancy: string | MatchVacancy): VacancyView {
    if (typeof vacancy !== 'string')
      return new VacancyView(
        this.inline(() => encodeVacancy(vacancy, this.knowledge, this.dictionaries, this.options)),
      );
    const slot = this.vacancies.slotOf.get(vacancy);
    if (slot === undefined) throw errors.notFound('vacancy', vacancy);
    return this.vacancies.at(new VacancyView(), slot);
  }

  trainingView(training: string | MatchTraining): TrainingView {
    if (typeof training !== 'string')
      return new TrainingView(encodeTraining(training, this.knowledge, this.dictionaries, this.options));
    const slot = this.trainings.slotOf.get(training);
    if (slot === undefined) throw errors.notFound('training', training);
    return this.trainings.at(new TrainingView(), slot);
  }

  /** Person → vacancies. */
  rankVacanciesForPerson(person: string | MatchPerson, query: MatchQuery = {}, stats?: RankStats): MatchPage {
    const options = this.queryOptions(query.options);
    const ctx = this.context(options);
    const p = this.personView(person);
    const scorers = weigh(
      vacancyCriteria,
      options.weights.vacancy,
      (c) => c.forPerson(p, ctx),
      options.applyFilters,
    );
    return this.page(
      this.vacancies,
      this.scratch.vacancies,
      scorers,
      query,
      options,
      () => new VacancyView(),
      stats,
    );
  }

  /** Person → trainings. */
  rankTrainingsForPerson(person: string | MatchPerson, query: MatchQuery = {}, stats?: RankStats): MatchPage {
    const options = this.queryOptions(query.options);
    const ctx = this.context(options);
    const p = this.personView(person);
    const scorers = weigh(
      trainingCriteria,
      options.weights.training,
      (c) => c.forPerson(p, ctx),
      options.applyFilters,
    );
    return this.page(
      this.trainings,
      this.scratch.trainings,
      scorers,
      query,
      options,
      () => new TrainingView(),
      stats,
    );
  }

  /** Vacancy → people. Pass `visible` to apply consent and scoping. */
  rankPeopleForVacancy(vacancy: string | MatchVacancy, query: MatchQuery = {}, stats?: RankStats): MatchPage {
    const options = this.queryOptions(query.options);
    const ctx = this.context(options);
    const v = this.vacancyView(vacancy);
    const scorers = weigh(
      vacancyCriteria,
      options.weights.vacancy,
      (c) => c.forTarget(v, ctx),
      options.applyFilters,
    );
    return this.page(
      this.people,
      this.scratch.people,
      scorers,
      query,
      options,
      () => new PersonView(),
      stats,
    );
  }

  /** Training → people. Pass `visible` to apply consent and scoping. */
  rankPeopleForTraining(
    training: string | MatchTraining,
    query: MatchQuery = {},
    stats?: RankStats,
  ): MatchPage {
    const options = this.queryOptions(query.options);
    const ctx = this.context(options);
    const t = this.trainingView(training);
    const scorers = weigh(
      trainingCriteria,
      options.weights.training,
      (c) => c.forTarget(t, ctx),
      options.applyFilters,
    );
    return this.page(
      this.people,
      this.scratch.people,
      scorers,
      query,
      options,
      () => new PersonView(),
      stats,
    );
  }

  private page<D extends RecordView>(
    collection: Collection<D>,
    scratch: RankScratch,
    scorers: WeightedScorer<D>[],
    query: MatchQuery,
    options: MatchOptions,
    newView: () => D,
    stats?: RankStats,
  ): MatchPage {
    collection.flush();
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.max(1, Math.floor(query.limit ?? 20));
    if (offset + limit > options.maxResults) {
      throw errors.validation(
        [
          {
            path: ['offset'],
            code: 'too_big',
            message: `offset + limit must be at most ${options.maxResults}`,
          },
        ],
        'query',
      );
    }
    const ranked = rankTop(
      { collection, scorers, k: offset + limit + 1, visible: query.visible, view: newView() },
      scratch,
      stats,
    );
    return {
      items: ranked
        .slice(offset, offset + limit)
        .map((r) => ({ id: collection.ids[r.slot]!, score: r.score })),
      offset,
      limit,
      hasMore: ranked.length > offset + limit,
    };
  }

  /** Sizes and memory, for monitoring and benchmarks. */
  stats(): {
    people: number;
    vacancies: number;
    trainings: number;
    postings: number;
    bytes: number;
    skillsNotIndexed: number;
  } {
    return {
      people: this.people.size,
      vacancies: this.vacancies.size,
      trainings: this.trainings.size,
      postings: this.people.postings() + this.vacancies.postings() + this.trainings.postings(),
      bytes: this.people.bytes() + this.vacancies.bytes() + this.trainings.bytes(),
      // Skills left out of records put since the index was created (see `Dictionaries`).
      skillsNotIndexed: this.dictionaries.skillsNotIndexed,
    };
  }
}

/**
 * People and vacancies are partitioned by region (regions beyond the partitions share them):
 * the candidates of a query gather near its place, so the lists' postings of far regions can
 * often be skipped (see the ranker).
 */
function regionPartition(d: { region: number }): number {
  return d.region < 0 ? 0 : 1 + (d.region % (PARTITIONS - 1));
}

/**
 * Vacancies are partitioned by the ISCO sub-major group of their occupation (the two first digits:
 * 43 groups, one partition each; none: partition 0) when `occupationPartitionedListMin` is set,
 * else like people. A person's threshold usually comes from their own occupations, and a vacancy
 * of a sub-major group that holds none of them scores nothing for the occupation and little for
 * the skills (its groups' bounds), so its postings can often be skipped (see the ranker).
 */
function vacancyPartitions(
  options: MatchOptions,
): [((v: { isco4: number; region: number }) => number) | undefined, number] {
  if (options.occupationPartitionedListMin > 0) return [iscoPartition, options.occupationPartitionedListMin];
  return [options.partitionedListMin > 0 ? regionPartition : undefined, options.partitionedListMin];
}

/** 1 + major × 6 + sub-major digit − 1 (major 0–9, sub-major digit 1–6): 1..60, 0 for none. */
function iscoPartition(v: { isco4: number }): number {
  if (v.isco4 < 0 || v.isco4 >= 10_000) return 0;
  const major = Math.floor(v.isco4 / 1000);
  const sub = Math.floor(v.isco4 / 100) % 10;
  return 1 + major * 6 + ((sub + 5) % 6);
}

/** A 16-bit field of a cluster key: -1 (unknown) and values past 16 bits sort last. */
function field16(v: number): number {
  return v >= 0 && v < 0xffff ? v : 0xffff;
}

/**
 * People cluster by the ISCO unit group of their first past occupation (so that neighbouring
 * groups sit side by side), then by place (region, district), then by ESCO occupation: the lists
 * a vacancy → people query reads first (the occupation and place lists, the skills of the
 * vacancy's occupation) then reach runs of neighbouring slots — a region's people of one unit
 * group in one run (against occupation before place: vacancy → people per query ×0.97–0.996, p99 −10 to
 * −22 %).
 */
function personCluster(p: PersonView, key: Uint16Array, at: number): void {
  const isco = p.start(PL.pastIsco4);
  const occ = p.start(PL.pastOcc);
  key[at] = field16(isco < p.end(PL.pastIsco4) ? p.i32[isco]! : -1);
  key[at + 1] = field16(p.region);
  key[at + 2] = field16(p.district);
  key[at + 3] = field16(occ < p.end(PL.pastOcc) ? p.i32[occ]! : -1);
}

/**
 * Vacancies cluster the same way: ISCO unit group, region, district, ESCO occupation (against
 * occupation before place, person → vacancies per query ×0.92–0.93).
 */
function vacancyCluster(v: VacancyView, key: Uint16Array, at: number): void {
  key[at] = field16(v.isco4);
  key[at + 1] = field16(v.region);
  key[at + 2] = field16(v.district);
  key[at + 3] = field16(v.occupation);
}

/** Creates an empty index. */
export function createMatchIndex(init: MatchIndexInit): MatchIndex {
  return new MatchIndex(init);
}

/** Prepares every criterion of a set for one query, with weights normalised to sum to 1 (filters get 0). */
export function weigh<P, T, D>(
  criteria: readonly Criterion<P, T>[],
  weights: Record<string, number>,
  prepare: (c: Criterion<P, T>) => WeightedScorer<D>['scorer'],
  applyFilters = true,
): WeightedScorer<D>[] {
  let total = 0;
  for (const c of criteria) total += Math.max(0, weights[c.id] ?? 0);
  const out: WeightedScorer<D>[] = [];
  for (const c of criteria) {
    const w = Math.max(0, weights[c.id] ?? 0);
    if (w === 0 && !applyFilters) continue;
    const prepared = prepare(c);
    const scorer = applyFilters || !prepared.admits ? prepared : { ...prepared, admits: undefined };
    if (w === 0 && !scorer.admits) continue;
    out.push({ id: c.id, scorer, weight: total > 0 ? w / total : 0 });
  }
  return out;
}

export { defaultOptions };
