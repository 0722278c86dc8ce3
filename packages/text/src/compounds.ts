import { analyzeToken } from './analyze';
import type { LanguageCode } from './lang';

/**
 * Splits Dutch and German compounds ("vrachtwagenchauffeur" → "vrachtwagen" + "chauffeur",
 * "Krankenpfleger" → "kranken" + "pfleger") into words that occur on their own in a vocabulary,
 * after Koehn & Knight (2003): a split is kept when every part's stem is a known stem (the left
 * part may end in a linking element such as "s" or "en"), the best split being the one whose parts
 * are the most frequent (geometric mean). The compound itself is kept beside its parts by callers,
 * so a needless split costs little.
 */
export interface CompoundSplitterOptions {
  /** Shortest part, in characters. Default 4. */
  minPart?: number;
  /** Shortest word worth splitting. Default 8. */
  minWord?: number;
}

/** Linking elements between the parts of a compound, per language (longest first). */
const linkingElements: Record<string, string[]> = {
  nl: ['en', 's', 'e'],
  de: ['es', 'en', 'er', 's', 'n', 'e'],
};

/** Languages whose words are compounded without spaces and handled here. */
export const compoundingLanguages = Object.keys(linkingElements);

export class CompoundSplitter {
  private readonly stemCounts = new Map<string, number>();
  private readonly cache = new Map<string, string[]>();
  private readonly minPart: number;
  private readonly minWord: number;

  constructor(
    private readonly lang: LanguageCode,
    options: CompoundSplitterOptions = {},
  ) {
    this.minPart = options.minPart ?? 4;
    this.minWord = options.minWord ?? 8;
  }

  /** Counts the words of one text (folded word forms, as from `analyzeText(...).words`). */
  addWords(words: readonly string[]): void {
    for (const w of words) {
      const stem = this.stemOf(w);
      this.stemCounts.set(stem, (this.stemCounts.get(stem) ?? 0) + 1);
    }
  }

  /** The parts of a compound word (folded forms), or an empty list when it is not split. */
  split(word: string): string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const parts = this.splitUncached(word, 2);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(word, parts);
    return parts;
  }

  private stemOf(word: string): string {
    return analyzeToken(word, this.lang).stems.join(' ');
  }

  private count(part: string): number {
    return part.length < this.minPart ? 0 : (this.stemCounts.get(this.stemOf(part)) ?? 0);
  }

  private splitUncached(word: string, depth: number): string[] {
    if (word.length < this.minWord || depth === 0) return [];
    const links = linkingElements[this.lang] ?? [];
    let best: string[] = [];
    let bestScore = 0;
    for (let i = this.minPart; i <= word.length - this.minPart; i++) {
      const right = word.slice(i);
      let rightParts = [right];
      let rightCount = this.count(right);
      if (rightCount === 0) {
        // The head may itself be a compound ("vrachtwagen|chauffeur" inside a longer word).
        const sub = this.splitUncached(right, depth - 1);
        if (sub.length === 0) continue;
        rightParts = sub;
        rightCount = Math.min(...sub.map((p) => this.count(p)));
      }
      const whole = word.slice(0, i);
      // The left part as written, else without its linking element ("bewegings" → "beweging").
      const candidates = [
        whole,
        ...links.filter((l) => whole.endsWith(l)).map((l) => whole.slice(0, -l.length)),
      ];
      for (const left of candidates) {
        const leftCount = this.count(left);
        if (leftCount === 0) continue;
        const score = Math.sqrt(leftCount * rightCount);
        if (score > bestScore) {
          bestScore = score;
          best = [left, ...rightParts];
        }
      }
    }
    return best;
  }
}
