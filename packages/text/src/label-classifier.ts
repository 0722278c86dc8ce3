/**
 * A discriminative classifier learnt from the taxonomy alone (distant supervision): every label of
 * a concept is a training example for that concept, and a multinomial logistic regression over
 * sparse features (word stems, adjacent stem pairs, optionally character n-grams of the words)
 * learns which words tell concepts apart. Unlike idf, which only says how rare a word is, a learnt
 * weight says how much a word points to one concept rather than to the others that share it.
 *
 * Sparse by construction: a feature has a weight only for the concepts whose training examples
 * hold it (its posting list), so scoring a query is an inverted-index pass. The softmax runs over
 * the concepts reached by the example's features; every other concept has logit 0 and enters the
 * partition function as a count. Trained by seeded SGD (linearly decayed learning rate) when the
 * linker is built; nothing is downloaded and no evaluation data is used.
 *
 * Augmentation for vacancy titles, which carry words that say nothing about the occupation: in
 * every epoch after the first, an example may receive a word of another, random example
 * (`noiseWord`). Dropping words (`dropWord`) is available but cost accuracy on the development
 * titles, so it is off by default (docs/text-understanding.md, sixth pass).
 */

/** One training example: a concept and the analysed text of one of its labels. */
export interface ClassifierExample {
  classId: number;
  stems: readonly string[];
  words: readonly string[];
  /** Weight of the example in the loss. Default 1. */
  weight?: number;
}

export interface LabelClassifierOptions {
  /** Passes over the examples. Default 5. */
  epochs?: number;
  /** Initial learning rate, decayed linearly to 0. Default 2. */
  learningRate?: number;
  /** Probability that a word is dropped from a training example in an epoch (the first epoch drops none). Default 0 (dropping words cost accuracy). */
  dropWord?: number;
  /** Character n-gram lengths of words (with boundary marks). Default none: 4-grams cost five times the training time for no gain once fused. */
  charGrams?: readonly number[];
  /** Weight of each character n-gram feature relative to a word feature. Default 0.3. */
  charWeight?: number;
  /** Adjacent stem pairs as features. Default true. */
  bigrams?: boolean;
  /** Probability that a word of another, random example is added to a training example in an epoch (noise words of vacancy titles). Default 0.3. */
  noiseWord?: number;
  /** L2 shrinkage per update (weight decay). Default 0. */
  l2?: number;
  seed?: number;
}

/** Scores of the classes reached by a query. */
export interface ClassifierScores {
  ids: Int32Array;
  values: Float32Array;
}

/** A trained sparse softmax classifier. */
export class LabelClassifier {
  readonly classCount: number;
  /** Number of distinct classes among the examples (the softmax runs over them). */
  private partition = 0;
  private readonly options: Required<LabelClassifierOptions>;
  private readonly featureRows = new Map<string, number>();
  private rowStart = new Int32Array(1);
  private postingClass = new Int32Array(0);
  private postingWeight = new Float32Array(0);
  private readonly logits: Float32Array;
  private readonly mark: Uint8Array;
  private readonly touched: Int32Array;

  constructor(
    classCount: number,
    examples: readonly ClassifierExample[],
    options: LabelClassifierOptions = {},
  ) {
    this.classCount = classCount;
    this.options = {
      epochs: 5,
      learningRate: 2,
      dropWord: 0,
      charGrams: [],
      charWeight: 0.3,
      bigrams: true,
      l2: 0,
      noiseWord: 0.3,
      seed: 29,
      ...options,
    };
    this.logits = new Float32Array(classCount);
    this.mark = new Uint8Array(classCount);
    this.touched = new Int32Array(classCount);
    this.train(examples);
  }

  /** Features of an analysed text: [row, value] pairs of the known features. */
  private features(stems: readonly string[], words: readonly string[], add: boolean): Map<number, number> {
    const out = new Map<number, number>();
    const put = (key: string, value: number): void => {
      let row = this.featureRows.get(key);
      if (row === undefined) {
        if (!add) return;
        row = this.featureRows.size;
        this.featureRows.set(key, row);
      }
      out.set(row, Math.max(out.get(row) ?? 0, value));
    };
    for (const s of stems) put(`w ${s}`, 1);
    if (this.options.bigrams)
      for (let i = 1; i < stems.length; i++) put(`b ${stems[i - 1] as string} ${stems[i] as string}`, 1);
    const { charGrams, charWeight } = this.options;
    if (charGrams.length > 0 && charWeight > 0)
      for (const w of words) {
        const marked = `<${w}>`;
        for (const n of charGrams)
          for (let i = 0; i + n <= marked.length; i++) put(`c ${marked.slice(i, i + n)}`, charWeight);
      }
    return out;
  }

  private train(examples: readonly ClassifierExample[]): void {
    // Posting lists: a feature gets a weight for every class one of whose examples holds it.
    const classesOf: Set<number>[] = [];
    this.partition = new Set(examples.map((e) => e.classId)).size;
    const encoded = examples.map((e) => {
      const f = this.features(e.stems, e.words, true);
      for (const row of f.keys()) (classesOf[row] ??= new Set()).add(e.classId);
      return f;
    });
    const rows = this.featureRows.size;
    this.rowStart = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++)
      this.rowStart[r + 1] = (this.rowStart[r] as number) + (classesOf[r]?.size ?? 0);
    this.postingClass = new Int32Array(this.rowStart[rows] as number);
    this.postingWeight = new Float32Array(this.rowStart[rows] as number);
    for (let r = 0; r < rows; r++) {
      let p = this.rowStart[r] as number;
      for (const c of [...(classesOf[r] ?? [])].sort((a, b) => a - b)) this.postingClass[p++] = c;
    }
    // Examples' words, to drop words consistently (a word's stem, bigrams and n-grams together).
    const random = uniform(this.options.seed);
    const order = examples.map((_, i) => i);
    const { epochs, learningRate, dropWord, l2, noiseWord } = this.options;
    const total = epochs * examples.length;
    let step = 0;
    const grad = new Float32Array(this.classCount);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const index of order) {
        const lr = learningRate * (1 - step / total);
        step++;
        const e = examples[index] as ClassifierExample;
        let features = encoded[index] as Map<number, number>;
        if (epoch > 0 && dropWord > 0 && e.stems.length > 1) {
          const keep: number[] = [];
          for (let k = 0; k < e.stems.length; k++) if (random() >= dropWord) keep.push(k);
          if (keep.length === 0) keep.push(Math.floor(random() * e.stems.length));
          if (keep.length < e.stems.length)
            features = this.features(
              keep.map((k) => e.stems[k] as string),
              e.words.length === e.stems.length ? keep.map((k) => e.words[k] as string) : e.words,
              false,
            );
        }
        if (epoch > 0 && noiseWord > 0 && random() < noiseWord) {
          const other = examples[Math.floor(random() * examples.length)] as ClassifierExample;
          const k = Math.floor(random() * other.stems.length);
          const extra = this.features([other.stems[k] as string], [other.words[k] ?? ''], false);
          features = new Map(features);
          for (const [row, x] of extra) if (!features.has(row)) features.set(row, x);
        }
        this.step(features, e.classId, lr * (e.weight ?? 1), l2, grad);
      }
    }
  }

  /** One SGD step of the softmax cross-entropy on one example. */
  private step(
    features: Map<number, number>,
    gold: number,
    lr: number,
    l2: number,
    grad: Float32Array,
  ): void {
    const count = this.forward(features);
    const { logits, touched } = this;
    let max = 0;
    for (let i = 0; i < count; i++) max = Math.max(max, logits[touched[i] as number] as number);
    let z = Math.max(0, this.partition - count) * Math.exp(-max);
    for (let i = 0; i < count; i++) {
      const c = touched[i] as number;
      const e = Math.exp((logits[c] as number) - max);
      grad[c] = e;
      z += e;
    }
    for (let i = 0; i < count; i++) {
      const c = touched[i] as number;
      grad[c] = (grad[c] as number) / z - (c === gold ? 1 : 0);
    }
    const { rowStart, postingClass, postingWeight } = this;
    for (const [row, x] of features) {
      for (let p = rowStart[row] as number; p < (rowStart[row + 1] as number); p++) {
        const c = postingClass[p] as number;
        const w = postingWeight[p] as number;
        postingWeight[p] = w - lr * (x * (grad[c] as number) + l2 * w);
      }
    }
    this.clear(count);
  }

  /** Logits of the classes reached by the features; returns how many (listed in `touched`). */
  private forward(features: Map<number, number>): number {
    const { rowStart, postingClass, postingWeight, logits, mark, touched } = this;
    let count = 0;
    for (const [row, x] of features) {
      for (let p = rowStart[row] as number; p < (rowStart[row + 1] as number); p++) {
        const c = postingClass[p] as number;
        if (mark[c] === 0) {
          mark[c] = 1;
          touched[count++] = c;
        }
        logits[c] = (logits[c] as number) + x * (postingWeight[p] as number);
      }
    }
    return count;
  }

  private clear(count: number): void {
    for (let i = 0; i < count; i++) {
      const c = this.touched[i] as number;
      this.logits[c] = 0;
      this.mark[c] = 0;
    }
  }

  /**
   * Class probabilities of an analysed query, for the classes its features reach (every other
   * class has the same, small probability and is left out).
   */
  predict(stems: readonly string[], words: readonly string[]): ClassifierScores {
    const features = this.features(stems, words, false);
    const count = this.forward(features);
    const { logits, touched } = this;
    let max = 0;
    for (let i = 0; i < count; i++) max = Math.max(max, logits[touched[i] as number] as number);
    let z = Math.max(0, this.partition - count) * Math.exp(-max);
    for (let i = 0; i < count; i++) z += Math.exp((logits[touched[i] as number] as number) - max);
    const ids = Int32Array.from(touched.subarray(0, count));
    const values = Float32Array.from(ids, (c) => Math.exp((logits[c] as number) - max) / z);
    this.clear(count);
    return { ids, values };
  }

  /** Number of (feature, class) weights. */
  get weightCount(): number {
    return this.postingWeight.length;
  }
}

/** A seeded uniform generator in [0, 1) (mulberry32). */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
