/**
 * Scoring of type-ahead matches, as pure functions with one parameter object (`defaultScoring`),
 * so that the weights are in one place and a benchmark or a test can vary them.
 */
export interface ScoringOptions {
  /** Tokens at least this long tolerate one typo (shorter ones would match too much). */
  minTypoLength: number;
  /** Quality of a word matched with one typo, relative to an exact one. */
  typoPenalty: number;
  /** Quality of a word the query token is only a prefix of: `prefixBase + (1 - prefixBase) * coverage`. */
  prefixBase: number;
  /** Weights of the label kinds: preferred, alternative, hidden. */
  kindWeights: [number, number, number];
  /** Weight of a label that is not in the wanted language, and of one not in the fallback chain either. */
  otherLanguageWeight: number;
  foreignLanguageWeight: number;
  /** Bonus when the label starts with the first query token. */
  startBonus: number;
  /** Share of the score that depends on how much of the label the query covers. */
  coverageShare: number;
  obsoleteWeight: number;
  /** Above this many postings, a query token first looks only at labels it starts. */
  heavyPostings: number;
  /** How many labels a very common query token looks at, at most, before the full scan. */
  heavyCap: number;
}

export const defaultScoring: ScoringOptions = {
  minTypoLength: 5,
  typoPenalty: 0.7,
  prefixBase: 0.6,
  kindWeights: [1, 0.92, 0.8],
  otherLanguageWeight: 0.88,
  foreignLanguageWeight: 0.8,
  startBonus: 0.08,
  coverageShare: 0.35,
  obsoleteWeight: 0.5,
  heavyPostings: 2000,
  heavyCap: 1500,
};

/** Quality (0..1) of a vocabulary word matched by a query token of `queryLength`. */
export function tokenQuality(
  queryLength: number,
  wordLength: number,
  distance: number,
  o: ScoringOptions,
): number {
  const coverage = Math.min(1, queryLength / Math.max(1, wordLength));
  const base = coverage >= 1 ? 1 : o.prefixBase + (1 - o.prefixBase) * coverage;
  return distance === 0 ? base : base * o.typoPenalty;
}

/**
 * The relevance of one label for a query. Positional arguments (not an object) because it runs
 * for every candidate label of every keystroke.
 * @param quality mean token quality over the query tokens (0..1)
 * @param kind 0 preferred, 1 alternative, 2 hidden
 * @param language 0 in the wanted language, 1 in the fallback chain, 2 other
 */
export function scoreEntry(
  quality: number,
  queryTokens: number,
  labelTokens: number,
  startsWithQuery: boolean,
  kind: number,
  language: number,
  obsolete: boolean,
  o: ScoringOptions,
): number {
  const coverage = Math.min(1, queryTokens / Math.max(1, labelTokens));
  let score = quality * (1 - o.coverageShare + o.coverageShare * coverage);
  if (startsWithQuery) score += o.startBonus;
  score *= o.kindWeights[kind] ?? 1;
  if (language === 1) score *= o.otherLanguageWeight;
  else if (language === 2) score *= o.foreignLanguageWeight;
  if (obsolete) score *= o.obsoleteWeight;
  return score;
}
