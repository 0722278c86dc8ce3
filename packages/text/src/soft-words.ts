import { charNgrams, SparseIndex, type ScoreBuffer } from './sparse-index';

/**
 * Soft TF-IDF (Cohen, Ravikumar & Fienberg 2003): a cosine over words in which a query word also
 * matches the vocabulary words that look like it (character n-gram cosine ≥ `minSimilarity`),
 * weighted by that similarity. Catches spelling variants, plural and derived forms the stemmer
 * misses ("logisticians" ~ "logistics", "plafonneur" ~ "plafond") and the parts of compounds,
 * at the cost of a neighbour look-up per distinct query word (cached).
 */
export interface SoftWordOptions {
  minGram?: number;
  maxGram?: number;
  minSimilarity?: number;
  maxNeighbours?: number;
  /** Cached neighbour lists before the cache is cleared. */
  cacheSize?: number;
  /** Words in more than this share of the documents match only themselves. */
  commonShare?: number;
}

/** Documents as lists of words, searched with soft TF-IDF. */
export class SoftWordIndex {
  private readonly options: Required<SoftWordOptions>;
  private readonly docs = new SparseIndex({ weighting: 'tfidf' });
  private readonly vocab: string[] = [];
  private readonly vocabIds = new Map<string, number>();
  private readonly grams = new SparseIndex({ weighting: 'tfidf', binary: false });
  private gramBuffer: ScoreBuffer | undefined;
  private readonly cache = new Map<string, [string, number][]>();

  constructor(options: SoftWordOptions = {}) {
    this.options = {
      minGram: 3,
      maxGram: 5,
      minSimilarity: 0.5,
      maxNeighbours: 20,
      cacheSize: 50_000,
      commonShare: 1,
      ...options,
    };
  }

  /** Adds a document; returns its number. */
  add(words: readonly string[]): number {
    for (const w of words) {
      if (!this.vocabIds.has(w)) {
        this.vocabIds.set(w, this.vocab.length);
        this.vocab.push(w);
      }
    }
    return this.docs.add(words);
  }

  /** Freezes the index. */
  build(): this {
    this.docs.build();
    for (const w of this.vocab) this.grams.add(charNgrams([w], this.options.minGram, this.options.maxGram));
    this.grams.build();
    this.gramBuffer = this.grams.createBuffer();
    return this;
  }

  /** A score buffer for {@link search}. */
  createBuffer(): ScoreBuffer {
    return this.docs.createBuffer();
  }

  /** Vocabulary words similar to a word, with their similarity (the word itself first when known). */
  neighbours(word: string): [string, number][] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const buffer = this.gramBuffer;
    if (!buffer) throw new Error('SoftWordIndex used before build()');
    this.grams.search(charNgrams([word], this.options.minGram, this.options.maxGram), buffer);
    const found: [string, number][] = [];
    for (let i = 0; i < buffer.count; i++) {
      const d = buffer.touched[i] as number;
      const sim = buffer.scores[d] as number;
      if (sim >= this.options.minSimilarity) found.push([this.vocab[d] as string, Math.min(1, sim)]);
    }
    found.sort((a, b) => b[1] - a[1]);
    const result = found.slice(0, this.options.maxNeighbours);
    if (this.cache.size >= this.options.cacheSize) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  /** Soft cosine of the query words against every document. */
  search(words: readonly string[], buffer: ScoreBuffer): ScoreBuffer {
    this.docs.reset(buffer);
    const unique = [...new Set(words)];
    let norm = 0;
    const weights = unique.map((w) => {
      const idf = this.vocabIds.has(w) ? this.docs.termIdf(w) : this.docs.maxIdf();
      norm += idf * idf;
      return idf;
    });
    if (norm === 0) return buffer;
    const scale = 1 / Math.sqrt(norm);
    const commonDf = this.options.commonShare * this.docs.size;
    unique.forEach((word, i) => {
      const wq = (weights[i] as number) * scale;
      // A very common word only matches itself: its look-alikes are common too, weigh little,
      // and would cost most of the time.
      if (this.docs.documentFrequency(word) > commonDf) {
        this.docs.accumulate(word, wq, buffer);
        return;
      }
      for (const [neighbour, sim] of this.neighbours(word)) this.docs.accumulate(neighbour, wq * sim, buffer);
    });
    return buffer;
  }
}
