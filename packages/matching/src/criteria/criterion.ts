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
}

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
  /** Upper-bound plan over posting lists; without one, `ceiling` bounds every document. */
  plan?: CriterionPlan;
  /** The highest score any document can get from this scorer. */
  ceiling: number;
}

/** Builds a criterion from one pure pair function, for signals that need no posting lists. */
export function pairCriterion<P, T>(
  id: string,
  pair: (person: P, target: T, ctx: CriterionContext) => number,
  extra: {
    admits?: (person: P, target: T, ctx: CriterionContext) => boolean;
    explain?: (person: P, target: T, ctx: CriterionContext) => Record<string, unknown>;
  } = {},
): Criterion<P, T> {
  const { admits, explain } = extra;
  return {
    id,
    forPerson: (person, ctx) => ({
      score: (target) => pair(person, target, ctx),
      admits: admits ? (target) => admits(person, target, ctx) : undefined,
      ceiling: 1,
    }),
    forTarget: (target, ctx) => ({
      score: (person) => pair(person, target, ctx),
      admits: admits ? (person) => admits(person, target, ctx) : undefined,
      ceiling: 1,
    }),
    explain,
  };
}

/** A pure filter: it never scores (its weight is absent), it only admits or removes. */
export function filterCriterion<P, T>(
  id: string,
  admits: (person: P, target: T, ctx: CriterionContext) => boolean,
): Criterion<P, T> {
  return pairCriterion(id, () => 1, { admits });
}
