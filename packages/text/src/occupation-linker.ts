import { analyzeText } from './analyze';
import { iscoCodeOfUri, type ConceptKnowledge, type LabelKind } from './esco-files';
import { detectLanguage, type LanguageCode } from './lang';
import { charNgrams, SparseIndex, type ScoreBuffer } from './sparse-index';

/**
 * Occupation linking: a job title or short description → ranked occupation concepts.
 *
 * Lexical and structural: every label of every concept (preferred, alternative, hidden, in every
 * language known) is matched with word-stem TF-IDF and character n-gram TF-IDF; the best label
 * gives the concept its base score, to which are added a BM25 score over all the concept's words,
 * a description score, and the scores of the concept's neighbours (its ISCO group and broader
 * occupations). Labels in another language than the query's count with a discount, which is how a
 * French title reaches a concept through its French labels even if the caller ranks English ones.
 */

/** Weights of the signals; see docs/text-understanding.md for how they were chosen. */
export interface LinkerWeights {
  /** Word-stem TF-IDF cosine of the best label. */
  labelWords: number;
  /** Character n-gram TF-IDF cosine of the best label. */
  labelChars: number;
  /** Share of the second-best label of the same concept added to the best one. */
  secondLabel: number;
  /** BM25 over all words of all labels of the concept, scaled by the query's maximum. */
  conceptWords: number;
  /** BM25 over the concept's description, scaled by the query's maximum. */
  description: number;
  /** Best label score of the concept's ISCO group / broader concepts. */
  broader: number;
  /** Best label score among the concept's narrower concepts. */
  narrower: number;
  /** Multiplier for labels in another language than the query. */
  otherLanguage: number;
  /** Multiplier per label kind. */
  kind: Record<LabelKind, number>;
}

/** Default weights (tuned on the development sets, see docs/text-understanding.md). */
export const defaultLinkerWeights: LinkerWeights = {
  labelWords: 0.5,
  labelChars: 0.5,
  secondLabel: 0.1,
  conceptWords: 0.15,
  description: 0.1,
  broader: 0.05,
  narrower: 0.05,
  otherLanguage: 0.5,
  kind: { preferred: 1, alternative: 1, hidden: 0.9 },
};

export interface OccupationLinkerOptions {
  /** Only these concepts are ranked (others still serve as neighbours). Default: every concept with a label. */
  candidates?: Iterable<string>;
  /** Only labels in these languages are indexed. Default: all. */
  languages?: Iterable<LanguageCode>;
  weights?: Partial<LinkerWeights>;
  /** Language of queries when `link` is not told: default 'en' with detection. */
  defaultLanguage?: LanguageCode;
}

/** A ranked occupation or ISCO group. */
export interface OccupationMatch {
  uri: string;
  /** ISCO-08 code of the unit group (or of the group itself). */
  iscoCode?: string;
  score: number;
  /** The label that matched best, and its language. */
  label: string;
  labelLang: string;
  kind: 'occupation' | 'isco-group';
}

export interface LinkOptions {
  lang?: LanguageCode;
  limit?: number;
}

interface LabelDoc {
  concept: number;
  lang: string;
  kind: LabelKind;
  text: string;
}

/** The scores of every concept for one query, for evaluation and fusion. */
export interface ConceptScores {
  scores: Float32Array;
  /** Best label (index into `labelTexts`) per concept, -1 when none matched. */
  bestLabel: Int32Array;
}

/** An occupation linker over a fixed set of concepts and labels. */
export class OccupationLinker {
  readonly conceptUris: string[];
  private readonly conceptIndex = new Map<string, number>();
  private readonly isCandidate: Uint8Array;
  private readonly iscoCodes: (string | undefined)[];
  private readonly labels: LabelDoc[] = [];
  private readonly labelWords = new SparseIndex({ weighting: 'tfidf' });
  private readonly labelChars = new SparseIndex({ weighting: 'tfidf', binary: false });
  private readonly conceptWords = new SparseIndex({ weighting: 'bm25', k1: 1.2, b: 0.5 });
  private readonly descriptions = new SparseIndex({ weighting: 'bm25', binary: false, k1: 1.2, b: 0.75 });
  private readonly broaderOf: number[][];
  private readonly narrowerOf: number[][];
  private readonly weights: LinkerWeights;
  private readonly defaultLanguage: LanguageCode;
  private readonly buffers: { words: ScoreBuffer; chars: ScoreBuffer; concept: ScoreBuffer; desc: ScoreBuffer };

  constructor(knowledge: ConceptKnowledge, options: OccupationLinkerOptions = {}) {
    this.weights = { ...defaultLinkerWeights, ...options.weights, kind: { ...defaultLinkerWeights.kind, ...options.weights?.kind } };
    this.defaultLanguage = options.defaultLanguage ?? 'en';
    const languages = options.languages ? new Set(options.languages) : undefined;
    const labels = knowledge.labels.filter((l) => !languages || languages.has(l.lang));

    // Concepts: those with labels, plus every concept named in the facts (neighbours).
    this.conceptUris = [];
    const addConcept = (uri: string): number => {
      let i = this.conceptIndex.get(uri);
      if (i === undefined) {
        i = this.conceptUris.length;
        this.conceptUris.push(uri);
        this.conceptIndex.set(uri, i);
      }
      return i;
    };
    for (const l of labels) addConcept(l.uri);
    for (const f of knowledge.facts.values()) {
      addConcept(f.uri);
      for (const b of f.broader) addConcept(b);
    }
    const n = this.conceptUris.length;
    this.isCandidate = new Uint8Array(n);
    if (options.candidates) for (const uri of options.candidates) this.isCandidate[addConceptChecked(this.conceptIndex, uri)] = 1;
    else for (const l of labels) this.isCandidate[this.conceptIndex.get(l.uri) as number] = 1;

    this.iscoCodes = this.conceptUris.map((uri) => knowledge.facts.get(uri)?.iscoCode ?? iscoCodeOfUri(uri));
    this.broaderOf = Array.from({ length: n }, () => []);
    this.narrowerOf = Array.from({ length: n }, () => []);
    for (const f of knowledge.facts.values()) {
      const c = this.conceptIndex.get(f.uri) as number;
      for (const b of f.broader) {
        const bi = this.conceptIndex.get(b) as number;
        if (bi === c) continue;
        this.broaderOf[c]?.push(bi);
        this.narrowerOf[bi]?.push(c);
      }
    }
    // ISCO groups without explicit relations: parent is the code without its last digit.
    this.conceptUris.forEach((uri, i) => {
      const code = iscoCodeOfUri(uri);
      if (!code || code.length < 2 || (this.broaderOf[i]?.length ?? 0) > 0) return;
      const parent = this.conceptIndex.get(`http://data.europa.eu/esco/isco/C${code.slice(0, -1)}`);
      if (parent !== undefined) {
        this.broaderOf[i]?.push(parent);
        this.narrowerOf[parent]?.push(i);
      }
    });

    const conceptTerms: string[][] = Array.from({ length: n }, () => []);
    const seenLabel = new Set<string>();
    for (const l of labels) {
      const key = `${l.uri}\u0000${l.lang}\u0000${l.text.toLowerCase()}`;
      if (seenLabel.has(key)) continue;
      seenLabel.add(key);
      const concept = this.conceptIndex.get(l.uri) as number;
      const a = analyzeText(l.text, l.lang);
      this.labels.push({ concept, lang: l.lang, kind: l.kind, text: l.text });
      this.labelWords.add(a.stems.map((s) => `${s}`));
      this.labelChars.add(charNgrams(a.words));
      conceptTerms[concept]?.push(...a.stems);
    }
    for (const terms of conceptTerms) this.conceptWords.add(terms);
    for (const uri of this.conceptUris) {
      const facts = knowledge.facts.get(uri);
      const terms: string[] = [];
      if (facts) for (const [lang, text] of facts.descriptions) if (!languages || languages.has(lang)) terms.push(...analyzeText(text, lang).stems);
      this.descriptions.add(terms);
    }
    this.labelWords.build();
    this.labelChars.build();
    this.conceptWords.build();
    this.descriptions.build();
    this.buffers = {
      words: this.labelWords.createBuffer(),
      chars: this.labelChars.createBuffer(),
      concept: this.conceptWords.createBuffer(),
      desc: this.descriptions.createBuffer(),
    };
  }

  /** Number of indexed labels. */
  get labelCount(): number {
    return this.labels.length;
  }

  /** Text of an indexed label. */
  labelText(index: number): string {
    return this.labels[index]?.text ?? '';
  }

  /** Scores every concept for a query (candidates and non-candidates alike). */
  scoreConcepts(text: string, lang?: LanguageCode): ConceptScores {
    const queryLang = lang ?? detectLanguage(text, this.defaultLanguage as never);
    const w = this.weights;
    const a = analyzeText(text, queryLang, { dropExceptClauses: true });
    const n = this.conceptUris.length;
    const best = new Float32Array(n);
    const second = new Float32Array(n);
    const bestLabel = new Int32Array(n).fill(-1);

    const words = this.labelWords.search(a.stems, this.buffers.words);
    const chars = this.labelChars.search(charNgrams(a.words), this.buffers.chars, 1.5);
    const labelScore = new Map<number, number>();
    for (let i = 0; i < words.count; i++) {
      const d = words.touched[i] as number;
      labelScore.set(d, w.labelWords * (words.scores[d] as number));
    }
    for (let i = 0; i < chars.count; i++) {
      const d = chars.touched[i] as number;
      labelScore.set(d, (labelScore.get(d) ?? 0) + w.labelChars * (chars.scores[d] as number));
    }
    for (const [d, raw] of labelScore) {
      const doc = this.labels[d] as LabelDoc;
      const s = raw * w.kind[doc.kind] * (doc.lang === queryLang ? 1 : w.otherLanguage);
      const c = doc.concept;
      if (s > (best[c] as number)) {
        second[c] = best[c] as number;
        best[c] = s;
        bestLabel[c] = d;
      } else if (s > (second[c] as number)) second[c] = s;
    }

    const scores = new Float32Array(n);
    for (let c = 0; c < n; c++) scores[c] = (best[c] as number) + w.secondLabel * (second[c] as number);

    const addScaled = (buffer: ScoreBuffer, weight: number): void => {
      if (weight === 0 || buffer.count === 0) return;
      let max = 0;
      for (let i = 0; i < buffer.count; i++) max = Math.max(max, buffer.scores[buffer.touched[i] as number] as number);
      if (max <= 0) return;
      for (let i = 0; i < buffer.count; i++) {
        const c = buffer.touched[i] as number;
        scores[c] = (scores[c] as number) + (weight * (buffer.scores[c] as number)) / max;
      }
    };
    if (w.conceptWords > 0) addScaled(this.conceptWords.search(a.stems, this.buffers.concept), w.conceptWords);
    if (w.description > 0) addScaled(this.descriptions.search(a.stems, this.buffers.desc), w.description);

    if (w.broader > 0 || w.narrower > 0) {
      const base = Float32Array.from(best);
      for (let c = 0; c < n; c++) {
        let up = 0;
        for (const b of this.broaderOf[c] ?? []) up = Math.max(up, base[b] as number);
        let down = 0;
        for (const d of this.narrowerOf[c] ?? []) down = Math.max(down, base[d] as number);
        scores[c] = (scores[c] as number) + w.broader * up + w.narrower * down;
      }
    }
    return { scores, bestLabel };
  }

  /** Ranked occupations (and ISCO groups) for a title or short text. */
  link(text: string, options: LinkOptions = {}): OccupationMatch[] {
    const { scores, bestLabel } = this.scoreConcepts(text, options.lang);
    const limit = options.limit ?? 10;
    const order = topCandidates(scores, this.isCandidate, limit);
    return order.map((c) => {
      const label = this.labels[bestLabel[c] as number];
      const uri = this.conceptUris[c] as string;
      const iscoCode = this.iscoCodes[c];
      return {
        uri,
        ...(iscoCode !== undefined ? { iscoCode } : {}),
        score: Math.round((scores[c] as number) * 1e4) / 1e4,
        label: label?.text ?? '',
        labelLang: label?.lang ?? '',
        kind: uri.includes('/isco/') ? 'isco-group' : 'occupation',
      };
    });
  }

  /** Candidate concepts in ranking order for a score vector (all of them when `limit` is omitted). */
  rankCandidates(scores: Float32Array, limit?: number): number[] {
    return topCandidates(scores, this.isCandidate, limit ?? this.conceptUris.length);
  }

  /** Concept number of a URI. */
  conceptNumber(uri: string): number | undefined {
    return this.conceptIndex.get(uri);
  }
}

function addConceptChecked(index: Map<string, number>, uri: string): number {
  const i = index.get(uri);
  if (i === undefined) throw new Error(`candidate concept without labels or facts: ${uri}`);
  return i;
}

function topCandidates(scores: Float32Array, isCandidate: Uint8Array, limit: number): number[] {
  const ids: number[] = [];
  for (let c = 0; c < scores.length; c++) if (isCandidate[c]) ids.push(c);
  ids.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
  return ids.slice(0, limit);
}

/** Builds an occupation linker from loaded knowledge. */
export function createOccupationLinker(knowledge: ConceptKnowledge, options: OccupationLinkerOptions = {}): OccupationLinker {
  return new OccupationLinker(knowledge, options);
}
