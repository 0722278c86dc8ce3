/**
 * A small inverted index over sparse term vectors with TF-IDF cosine or BM25 scoring.
 * Documents are added as term lists; `build()` freezes the index into typed arrays.
 */

/**
 * tfidf: cosine of TF-IDF vectors. bm25: Okapi BM25. coverage: the idf-weighted share of the
 * document's terms found in the query (1 when the query contains the whole document).
 */
export type Weighting = 'tfidf' | 'bm25' | 'coverage';

export interface SparseIndexOptions {
  weighting: Weighting;
  /** Count a term once per document (labels: gendered doubles must not count twice). Default true. */
  binary?: boolean;
  /** Use 1 + log(tf) instead of tf. Default true. */
  sublinear?: boolean;
  /** BM25 parameters. */
  k1?: number;
  b?: number;
}

interface Posting {
  docs: Int32Array;
  weights: Float32Array;
}

/** Scores of all documents for one query; `touched` lists the documents with a non-zero score. */
export interface ScoreBuffer {
  scores: Float32Array;
  touched: Int32Array;
  count: number;
}

/** A sparse inverted index. */
export class SparseIndex {
  private readonly options: Required<SparseIndexOptions>;
  private readonly termIds = new Map<string, number>();
  private docTerms: Map<number, number>[] = [];
  private postings: Posting[] = [];
  private idf: Float32Array = new Float32Array(0);
  private df: Int32Array = new Int32Array(0);
  private built = false;

  constructor(options: SparseIndexOptions) {
    this.options = { binary: true, sublinear: true, k1: 1.2, b: 0.75, ...options };
  }

  /** Number of documents. */
  get size(): number {
    return this.docTerms.length;
  }

  /** Adds a document and returns its number. */
  add(terms: readonly string[]): number {
    if (this.built) throw new Error('SparseIndex is built; create a new one to add documents');
    const counts = new Map<number, number>();
    for (const term of terms) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
      }
      counts.set(id, this.options.binary ? 1 : (counts.get(id) ?? 0) + 1);
    }
    this.docTerms.push(counts);
    return this.docTerms.length - 1;
  }

  /** Freezes the index: computes idf, document weights and postings. */
  build(): this {
    const nDocs = this.docTerms.length;
    const nTerms = this.termIds.size;
    const df = new Int32Array(nTerms);
    let totalLength = 0;
    for (const doc of this.docTerms) {
      for (const [id, tf] of doc) {
        df[id] = (df[id] ?? 0) + 1;
        totalLength += tf;
      }
    }
    const avgLength = nDocs === 0 ? 1 : totalLength / nDocs;
    this.df = df;
    this.idf = new Float32Array(nTerms);
    for (let t = 0; t < nTerms; t++) {
      const d = df[t] ?? 0;
      this.idf[t] =
        this.options.weighting === 'bm25'
          ? Math.log(1 + (nDocs - d + 0.5) / (d + 0.5))
          : Math.log((1 + nDocs) / (1 + d)) + 1;
    }
    const lists: { docs: number[]; weights: number[] }[] = Array.from({ length: nTerms }, () => ({
      docs: [],
      weights: [],
    }));
    this.docTerms.forEach((doc, docId) => {
      const weights: [number, number][] = [];
      let norm = 0;
      let length = 0;
      for (const tf of doc.values()) length += tf;
      for (const [id, tf] of doc) {
        const idf = this.idf[id] ?? 0;
        let w: number;
        if (this.options.weighting === 'bm25') {
          const { k1, b } = this.options;
          w = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));
        } else {
          w = (this.options.sublinear ? 1 + Math.log(tf) : tf) * idf;
          norm += w * w;
        }
        weights.push([id, w]);
      }
      let scale = this.options.weighting === 'tfidf' && norm > 0 ? 1 / Math.sqrt(norm) : 1;
      if (this.options.weighting === 'coverage') {
        const sum = weights.reduce((a, [id]) => a + (this.idf[id] ?? 0), 0);
        for (const pair of weights) pair[1] = this.idf[pair[0]] ?? 0;
        scale = sum > 0 ? 1 / sum : 1;
      }
      for (const [id, w] of weights) {
        const list = lists[id];
        if (list) {
          list.docs.push(docId);
          list.weights.push(w * scale);
        }
      }
    });
    this.postings = lists.map((l) => ({
      docs: Int32Array.from(l.docs),
      weights: Float32Array.from(l.weights),
    }));
    this.docTerms = this.docTerms.map(() => new Map());
    this.built = true;
    return this;
  }

  /** A buffer sized for this index, reusable across queries. */
  createBuffer(): ScoreBuffer {
    return {
      scores: new Float32Array(this.docTerms.length),
      touched: new Int32Array(this.docTerms.length),
      count: 0,
    };
  }

  /** Number of distinct terms. */
  get termCount(): number {
    return this.termIds.size;
  }

  /** The number of a term, or undefined when unknown. */
  termNumber(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** Number of documents holding a term. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : (this.df[id] ?? 0);
  }

  /** Postings of a term: the documents that hold it (do not modify). */
  postingsOf(term: string): Int32Array | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.postings[id]?.docs;
  }

  /** Inverse document frequency of a term, or 0 when unknown. */
  termIdf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : (this.idf[id] ?? 0);
  }

  /** Largest idf of the index (the weight given to unknown query terms). */
  maxIdf(): number {
    return Math.log(1 + this.docTerms.length) + 1;
  }

  /** Clears a buffer before accumulating a new query. */
  reset(buffer: ScoreBuffer): void {
    for (let i = 0; i < buffer.count; i++) buffer.scores[buffer.touched[i] as number] = 0;
    buffer.count = 0;
  }

  /** Adds `weight` × the document weights of a term's postings to the buffer (no normalisation). */
  accumulate(term: string, weight: number, buffer: ScoreBuffer): void {
    const id = this.termIds.get(term);
    if (id === undefined) return;
    const posting = this.postings[id];
    if (!posting) return;
    const { docs, weights } = posting;
    const { scores, touched } = buffer;
    let count = buffer.count;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      if (scores[d] === 0) touched[count++] = d;
      scores[d] = (scores[d] as number) + weight * (weights[i] as number);
    }
    buffer.count = count;
  }

  /**
   * Scores every document against a query. TF-IDF: cosine similarity; BM25: the BM25 sum.
   * `maxDocShare` skips terms found in more than that share of the documents (they barely move
   * the ranking and cost most of the time).
   */
  search(terms: readonly string[], buffer: ScoreBuffer, maxDocShare = 1): ScoreBuffer {
    if (!this.built) throw new Error('SparseIndex.search before build()');
    for (let i = 0; i < buffer.count; i++) buffer.scores[buffer.touched[i] as number] = 0;
    buffer.count = 0;
    const counts = new Map<number, number>();
    for (const term of terms) {
      const id = this.termIds.get(term);
      if (id === undefined) {
        counts.set(-1 - counts.size, 1); // unknown terms still count in the query norm
        continue;
      }
      counts.set(id, this.options.binary ? 1 : (counts.get(id) ?? 0) + 1);
    }
    let norm = 0;
    const query: [number, number][] = [];
    for (const [id, tf] of counts) {
      if (this.options.weighting !== 'tfidf') {
        if (id >= 0) query.push([id, 1]);
        continue;
      }
      // Unknown terms get the highest idf: a word nobody uses is very specific.
      const idf = id >= 0 ? (this.idf[id] ?? 0) : Math.log(1 + this.docTerms.length) + 1;
      const w = (this.options.sublinear ? 1 + Math.log(tf) : tf) * idf;
      norm += w * w;
      if (id >= 0) query.push([id, w]);
    }
    const scale = this.options.weighting === 'tfidf' && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    const { scores, touched } = buffer;
    let count = 0;
    for (const [id, w] of query) {
      if (maxDocShare < 1 && (this.df[id] ?? 0) > maxDocShare * this.docTerms.length) continue;
      const posting = this.postings[id];
      if (!posting) continue;
      const qw = w * scale;
      const { docs, weights } = posting;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        if (scores[d] === 0) touched[count++] = d;
        scores[d] = (scores[d] as number) + qw * (weights[i] as number);
      }
    }
    buffer.count = count;
    return buffer;
  }
}

/** Character n-grams of each word, padded with spaces at the word edges ("nurse" → " nu", "nur", ...). */
export function charNgrams(words: readonly string[], min = 3, max = 5): string[] {
  const grams: string[] = [];
  for (const word of new Set(words)) {
    const padded = ` ${word} `;
    for (let n = min; n <= max; n++) {
      if (padded.length < n) {
        if (n === min) grams.push(padded);
        break;
      }
      for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
    }
  }
  return grams;
}
