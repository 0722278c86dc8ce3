import type { Knowledge } from '../knowledge/knowledge';
import type { MatchOptions } from '../options';

/**
 * A criterion is a module that owns everything about one signal: the posting lists it needs
 * in the index, how it scores a pair exactly, the upper bounds the ranker may use to skip
 * documents, its hard filter (if any) and its explanation. The ranker only sees this
 * interface; it never asks which criterion it is dealing with.
 *
 * `P` is the person side, `T` the target side (vacancy or training). The score of a pair
 * must be the same whichever side is the query (a property test checks this).
 */
export interface Criterion<P, T> {
  readonly id: string;
  /** Index time: the posting lists a person is in. */
  postPerson?(person: P, sink: PostingSink, ctx: CriterionContext): void;
  /** Index time: the posting lists a target is in. */
  postTarget?(target: T, sink: PostingSink, ctx: CriterionContext): void;
  /** Prepares the scoring of targets for one person. */
  forPerson(person: P, ctx: CriterionContext): Scorer<T>;
  /** Prepares the scoring of people for one target. */
  forTarget(target: T, ctx: CriterionContext): Scorer<P>;
  /** A small, JSON-safe account of how the pair scored (for explanations). */
  explain?(person: P, target: T, ctx: CriterionContext): Record<string, unknown>;
  /**
   * Index time, for a criterion without posting lists: the class key of a person — a number
   * standing for everything the criterion reads of the person, or for an upper bound of it
   * (e.g. the highest level of a language). A query scores each class once (`Scorer.classBound`)
   * instead of bounding every document by the ceiling. A collection keeps up to 255 classes per
   * criterion; documents beyond them are bounded by the ceiling.
   */
  classifyPerson?(person: P, ctx: CriterionContext): number;
  /** Index time: the class key of a target (see `classifyPerson`). */
  classifyTarget?(target: T, ctx: CriterionContext): number;
  /**
   * Index time, for a criterion with posting lists: the group of a target (a key ≥ 0, or -1 for
   * none) and what it holds that the criterion reads, as items with values passed to `sink`. The
   * collection keeps, per group, the largest value each item has in any of its documents, so that
   * a person's query can bound a whole group at once (`Scorer.groupBound`) before reading the
   * criterion's lists — e.g. the skills of every vacancy of one occupation. (People are not
   * grouped: measured, their groups' bounds stay near the cap; see docs/matching.md.)
   */
  summarizeTarget?(target: T, sink: SummarySink, ctx: CriterionContext): number;
  /**
   * Set when the criterion's classes (`classifyPerson`, `classifyTarget`) serve its filter
   * (`Scorer.admitsClass`): a collection keeps them whatever the index's `classBounds` says.
   */
  readonly filterClasses?: boolean;
}

/** Receives a document's summary items at index time (see `Criterion.summarizeTarget`). */
export type SummarySink = (item: number, value: number) => void;

/** What a criterion may read. Pure data: clock and options are passed in. */
export interface CriterionContext {
  readonly knowledge: Knowledge;
  readonly options: MatchOptions;
  /** Number of skill ids known to the index (size of dense per-query vectors). */
  readonly skillCount: number;
  /** Today as a day number (NaN when the options give no date). */
  readonly today: number;
}

/** Receives a document's postings at index time. A scaled family's `scale` comes before its `add`s. */
export interface PostingSink {
  /** Puts the document in list `key` of `family`. */
  add(family: string, key: number): void;
  /** Sets the document's scale in a scaled family (e.g. 1 / its number of requirements). */
  scale(family: string, value: number): void;
}

/** One posting list of a query plan: each document in it may gain `weight` (× its scale when `scaled`). */
export interface PlanTerm {
  family: string;
  key: number;
  weight: number;
  scaled: boolean;
  /**
   * Terms of a sum plan with the same `exclusive` key are exclusive: a document is in the lists
   * of at most one of them (e.g. a skill's lists by kind: a person holds each skill in one kind),
   * or at least scores no more from them than the largest of their contributions that it gets.
   * The ranker then bounds a document that none of their read lists reached by the largest
   * contribution of their unread lists, instead of the sum.
   */
  exclusive?: number;
}

/**
 * An upper-bound plan: the criterion promises that a document's exact score is at most
 * `min(cap, otherwise + Σ term contributions)` (`combine: 'sum'`) or
 * `max(otherwise, max term contribution)` (`combine: 'max'`), summed or maxed over the terms
 * whose lists hold the document.
 */
export interface CriterionPlan {
  combine: 'sum' | 'max';
  terms: PlanTerm[];
  otherwise: number;
  cap: number;
}

/** A criterion prepared for one query. */
export interface Scorer<D> {
  /** The exact score of a document, in [0, ceiling]. */
  score(doc: D): number;
  /** Hard filter: false removes the document from the results. */
  admits?(doc: D): boolean;
  /** Set when `admits` is false for every document (e.g. the query vacancy is closed). */
  rejectsAll?: boolean;
  /**
   * For a filter whose criterion classifies the documents (`Criterion.filterClasses`): false
   * when `admits` is false for every document of the class with key `key`, true when it may be
   * true for some. The ranker then drops the documents of a rejected class without reading them.
   */
  admitsClass?(key: number): boolean;
  /** Upper-bound plan over posting lists; without one, `ceiling` bounds every document. */
  plan?: CriterionPlan;
  /** The highest score any document can get from this scorer. */
  ceiling: number;
  /**
   * An upper bound of `score` over the documents of one class, given its key (from the
   * criterion's `classifyPerson` or `classifyTarget` of the ranked side).
   */
  classBound?(key: number): number;
  /**
   * An upper bound of `score` over the documents of one group (from the criterion's
   * `summarizeTarget`), given the group's items (each
   * once, in no particular order) and, for each, the largest value any of its documents has:
   * `items[from..to)`, `values[from..to)`. Any document whose items are among these, with
   * values no larger, must score at most the bound.
   */
  groupBound?(items: Int32Array, values: Float32Array, from: number, to: number): number;
  /**
   * Set when `groupBound` is linear in the items: `scale` × the sum, over the group's items that
   * are among `items`, of the item's value × its entry in `weights` (other items add nothing).
   * Every group is then bounded from the summaries by item, reading only these items' entries
   * instead of every item of every group.
   */
  groupTerms?: { items: Int32Array; weights: Float64Array; scale: number };
}

/** Builds a criterion from one pure pair function, for signals that need no posting lists. */
export function pairCriterion<P, T>(
  id: string,
  pair: (person: P, target: T, ctx: CriterionContext) => number,
  extra: {
    admits?: (person: P, target: T, ctx: CriterionContext) => boolean;
    explain?: (person: P, target: T, ctx: CriterionContext) => Record<string, unknown>;
    classes?: PairClasses<P, T>;
  } = {},
): Criterion<P, T> {
  const { admits, explain, classes } = extra;
  return {
    id,
    forPerson: (person, ctx) => ({
      score: (target) => pair(person, target, ctx),
      admits: admits ? (target) => admits(person, target, ctx) : undefined,
      ceiling: 1,
      classBound: classes ? (key) => classes.boundForPerson(person, key, ctx) : undefined,
    }),
    forTarget: (target, ctx) => ({
      score: (person) => pair(person, target, ctx),
      admits: admits ? (person) => admits(person, target, ctx) : undefined,
      ceiling: 1,
      classBound: classes ? (key) => classes.boundForTarget(target, key, ctx) : undefined,
    }),
    explain,
    classifyPerson: classes?.person,
    classifyTarget: classes?.target,
  };
}

/**
 * Classes of a pair criterion: a key per person and per target (index time), and upper bounds
 * of the pair score for a query against a class of the other side. A bound must hold for every
 * document of the class: `pair(person, target) <= boundForPerson(person, target(target))`.
 */
export interface PairClasses<P, T> {
  person(person: P, ctx: CriterionContext): number;
  target(target: T, ctx: CriterionContext): number;
  /** For a person's query: a bound over the targets of class `key`. */
  boundForPerson(person: P, key: number, ctx: CriterionContext): number;
  /** For a target's query: a bound over the people of class `key`. */
  boundForTarget(target: T, key: number, ctx: CriterionContext): number;
}

/**
 * Classes of a filter: a key per person and per target (index time), and whether the filter may
 * admit a document of a class for a query. It must hold that `admits(person, target)` is false
 * whenever `admitsForPerson(person, target(target))` or `admitsForTarget(target, person(person))`
 * is false.
 */
export interface FilterClasses<P, T> {
  person(person: P, ctx: CriterionContext): number;
  target(target: T, ctx: CriterionContext): number;
  /** For a person's query: false when no target of class `key` is admitted. */
  admitsForPerson(person: P, key: number, ctx: CriterionContext): boolean;
  /** For a target's query: false when no person of class `key` is admitted. */
  admitsForTarget(target: T, key: number, ctx: CriterionContext): boolean;
}

/**
 * A pure filter: it never scores (its weight is absent), it only admits or removes. With
 * classes, the ranker drops the documents of the classes it surely removes before reading them.
 */
export function filterCriterion<P, T>(
  id: string,
  admits: (person: P, target: T, ctx: CriterionContext) => boolean,
  classes?: FilterClasses<P, T>,
): Criterion<P, T> {
  const criterion = pairCriterion(id, () => 1, { admits });
  if (!classes) return criterion;
  return {
    ...criterion,
    forPerson: (person, ctx) => ({
      ...criterion.forPerson(person, ctx),
      admitsClass: (key) => classes.admitsForPerson(person, key, ctx),
    }),
    forTarget: (target, ctx) => ({
      ...criterion.forTarget(target, ctx),
      admitsClass: (key) => classes.admitsForTarget(target, key, ctx),
    }),
    classifyPerson: classes.person,
    classifyTarget: classes.target,
    filterClasses: true,
  };
}
