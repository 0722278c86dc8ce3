import { analyzeText, analyzeToken, isManagementWord, type AnalyzedText } from './analyze';
import { CompoundSplitter, compoundingLanguages } from './compounds';
import { iscoCodeOfUri, type ConceptKnowledge, type ConceptLabel, type LabelKind } from './esco-files';
import { isPluralTitle } from './grammatical-number';
import { LabelClassifier, type ClassifierExample, type LabelClassifierOptions } from './label-classifier';
import { detectLanguage, type LanguageCode } from './lang';
import { LatentSpace, type LatentSpaceOptions } from './latent-space';
import { SoftWordIndex, type SoftWordOptions } from './soft-words';
import { SparseIndex, type ScoreBuffer } from './sparse-index';

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
  /**
   * Cosine of query and concept in a latent space (LSI) of the concepts' label and description
   * words, for the closest candidates (its measured gain comes from re-ranking concepts that share
   * a word with the query, see docs/text-understanding.md). 0 (the default) builds no space; the
   * title normalisation preset uses it.
   */
  latent: number;
  /**
   * BM25 over all label words of the concept of the query's words translated into the index's
   * other languages through the concepts (word alignments learnt from the labels of the concepts
   * labelled in several languages, IBM model 1), scaled by the query's maximum. Nothing to
   * translate when the index holds only the query's language.
   */
  translated: number;
  /**
   * Square root of the concept's probability under a softmax classifier learnt from the concepts'
   * own labels (`label-classifier.ts`): learnt word weights that tell concepts apart. 0 (the
   * default) trains no classifier; the title normalisation preset uses it.
   */
  classifier: number;
  /** Best label score of the concept's ISCO group / broader concepts. */
  broader: number;
  /** Best label score among the concept's narrower concepts. */
  narrower: number;
  /** Multiplier for labels in another language than the query. */
  otherLanguage: number;
  /** Multiplier for ISCO groups: a group is the answer only when no occupation fits. */
  groupPrior: number;
  /**
   * Multiplier for ISCO groups, instead of `groupPrior`, when the query's head word is singular
   * ("Conducteur de camion", "Truck driver"): groups are named in the plural, occupations in the
   * singular, so a title naming one person asks for an occupation (see `isPluralTitle`).
   */
  singularGroupPrior: number;
  /** Multiplier for occupations narrower than another occupation: specialisations are rarer answers than the occupations they specialise. */
  specialisationPrior: number;
  /**
   * Multiplier for occupations whose preferred label is another candidate's preferred label plus
   * words ("aquaculture site supervisor" ⊃ "site supervisor"): specialisations found from the
   * labels alone, for when the hierarchy is not known.
   */
  labelSpecialisationPrior: number;
  /**
   * Multiplier for occupations whose preferred label names a management rank (manager, director,
   * head, chief, lead, supervisor; `isManagementWord`) when the query names none. 1 (the default)
   * leaves them alone; the title normalisation preset lowers them: a vacancy title that names no
   * rank is seldom a manager's job, while ESCO's manager occupations carry the loose alternative
   * labels ("marketing executive" is one of marketing manager's).
   */
  managementPrior: number;
  /** Multiplier per label kind. */
  kind: Record<LabelKind, number>;
}

/** Default weights (tuned on the development sets, see docs/text-understanding.md). */
export const defaultLinkerWeights: LinkerWeights = {
  labelWords: 0.5,
  labelChars: 0.6,
  secondLabel: 0.1,
  conceptWords: 0.1,
  description: 0.1,
  latent: 0,
  translated: 0.25,
  classifier: 0,
  broader: 0.2,
  narrower: 0.1,
  otherLanguage: 0.9,
  groupPrior: 0.9,
  singularGroupPrior: 0.5,
  specialisationPrior: 0.95,
  labelSpecialisationPrior: 0.95,
  managementPrior: 1,
  kind: { preferred: 1, alternative: 1, hidden: 0.9 },
};

export interface OccupationLinkerOptions {
  /** Only these concepts are ranked (others still serve as neighbours). Default: every concept with a label. */
  candidates?: Iterable<string>;
  /** Only labels in these languages are indexed. Default: all. */
  languages?: Iterable<LanguageCode>;
  weights?: Partial<LinkerWeights>;
  /** Character n-gram matching of words (soft TF-IDF). */
  softWords?: SoftWordOptions;
  /** Split Dutch and German compounds into their parts (added beside the compound). Default true. */
  compounds?: boolean;
  /** Language of queries when `link` is not told: default 'en' with detection. */
  defaultLanguage?: LanguageCode;
  /** Options of the latent space (built when the `latent` weight is above 0). */
  latent?: LatentSpaceOptions;
  /** Options of the label classifier (trained when the `classifier` weight is above 0). */
  classifier?: LabelClassifierOptions;
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
  /** Best label per concept, -1 when none matched. */
  bestLabel: Int32Array;
  /** Concepts with a score (the others score 0). */
  touched: number[];
}

/** Unweighted evidence for one query. */
export interface QuerySignals {
  queryLang: string;
  /** Whether the query's head word is plural; undefined when not known (see `isPluralTitle`). */
  plural: boolean | undefined;
  /** Whether the query names a management rank (`isManagementWord`). */
  namesManagement: boolean;
  /** Labels touched by the query, with their word and character cosines. */
  labelIds: Int32Array;
  wordScores: Float32Array;
  charScores: Float32Array;
  /** Concept → BM25 over all label words, divided by the query's best. */
  conceptWords: { ids: Int32Array; values: Float32Array };
  /** Concept → BM25 over the description, divided by the query's best. */
  description: { ids: Int32Array; values: Float32Array };
  /** Concept → latent-space cosine, for the closest candidates. */
  latent: { ids: Int32Array; values: Float32Array };
  /** Concept → BM25 of the query's words translated into the other languages, divided by the query's best. */
  translated: { ids: Int32Array; values: Float32Array };
  /** Concept → square root of its probability under the label classifier. */
  classifier: { ids: Int32Array; values: Float32Array };
}

/** An occupation linker over a fixed set of concepts and labels. */
export class OccupationLinker {
  readonly conceptUris: string[];
  private readonly conceptIndex = new Map<string, number>();
  private readonly isCandidate: Uint8Array;
  private readonly iscoCodes: (string | undefined)[];
  private readonly isGroup: Uint8Array;
  private readonly isSpecialisation: Uint8Array;
  private readonly splitters = new Map<string, CompoundSplitter>();
  private isLabelSpecialisation: Uint8Array = new Uint8Array(0);
  /** Occupations whose preferred label (in some language) names a management rank. */
  private readonly isManagement: Uint8Array;
  private readonly labels: LabelDoc[] = [];
  private readonly labelWords = new SparseIndex({ weighting: 'tfidf' });
  private readonly labelChars: SoftWordIndex;
  private readonly conceptWords = new SparseIndex({ weighting: 'bm25', k1: 1.2, b: 0.5 });
  private readonly descriptions = new SparseIndex({ weighting: 'bm25', binary: false, k1: 1.2, b: 0.75 });
  private readonly broaderOf: number[][];
  private readonly narrowerOf: number[][];
  private readonly weights: LinkerWeights;
  private readonly latentSpace: LatentSpace | undefined;
  private readonly latentCandidates: Int32Array;
  private readonly latentScores: Float32Array;
  private readonly classifier: LabelClassifier | undefined;
  /** Stems of each concept's labels by language (kept for the translation tables when the index holds several languages). */
  private readonly conceptLangStems: Map<string, Set<string>>[] = [];
  /** Per query language: its stems → stems of the other languages, with their translation probability. */
  private readonly translations = new Map<string, Map<string, [string, number][]>>();
  private readonly defaultLanguage: LanguageCode;
  private readonly labelFloor = 0.2;
  private labelConcept = new Int32Array(0);
  private labelKind = new Uint8Array(0);
  private labelLang = new Int16Array(0);
  private readonly languageIds = new Map<string, number>();
  private readonly work: {
    best: Float32Array;
    second: Float32Array;
    bestLabel: Int32Array;
    scores: Float32Array;
    mark: Uint8Array;
    up: Float32Array;
    down: Float32Array;
    all: number[];
  };
  private readonly buffers: {
    words: ScoreBuffer;
    chars: ScoreBuffer;
    concept: ScoreBuffer;
    desc: ScoreBuffer;
    translated: ScoreBuffer;
  };

  constructor(knowledge: ConceptKnowledge, options: OccupationLinkerOptions = {}) {
    this.weights = {
      ...defaultLinkerWeights,
      ...options.weights,
      kind: { ...defaultLinkerWeights.kind, ...options.weights?.kind },
    };
    this.defaultLanguage = options.defaultLanguage ?? 'en';
    this.labelChars = new SoftWordIndex({
      minGram: 2,
      maxGram: 4,
      minSimilarity: 0.5,
      maxNeighbours: 20,
      commonShare: 0.005,
      ...options.softWords,
    });
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
    if (options.candidates)
      for (const uri of options.candidates) this.isCandidate[addConceptChecked(this.conceptIndex, uri)] = 1;
    else for (const l of labels) this.isCandidate[this.conceptIndex.get(l.uri) as number] = 1;

    this.iscoCodes = this.conceptUris.map((uri) => knowledge.facts.get(uri)?.iscoCode ?? iscoCodeOfUri(uri));
    this.isGroup = Uint8Array.from(this.conceptUris, (uri) => (uri.includes('/isco/') ? 1 : 0));
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
    this.isSpecialisation = Uint8Array.from(this.broaderOf, (parents, c) =>
      this.isGroup[c] === 0 && parents.some((p) => this.isGroup[p] === 0) ? 1 : 0,
    );
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

    // Compound splitters for the languages that glue words together, from the labels' own words.
    for (const lang of options.compounds === false ? [] : compoundingLanguages) {
      if (!labels.some((l) => l.lang === lang)) continue;
      const splitter = new CompoundSplitter(lang);
      for (const l of labels) if (l.lang === lang) splitter.addWords(analyzeText(l.text, lang).words);
      this.splitters.set(lang, splitter);
    }
    const conceptTerms: string[][] = Array.from({ length: n }, () => []);
    const seenLabel = new Set<string>();
    const examples: ClassifierExample[] = [];
    for (const l of labels) {
      const key = `${l.uri}\u0000${l.lang}\u0000${l.text.toLowerCase()}`;
      if (seenLabel.has(key)) continue;
      seenLabel.add(key);
      const concept = this.conceptIndex.get(l.uri) as number;
      const a = this.analyze(l.text, l.lang, { dropQualifiers: true, entryLevelAssistant: false });
      this.labels.push({ concept, lang: l.lang, kind: l.kind, text: l.text });
      this.labelWords.add(a.stems.map((s) => `${s}`));
      this.labelChars.add(a.words);
      conceptTerms[concept]?.push(...a.stems);
      if (this.weights.classifier > 0 && this.isCandidate[concept] === 1 && a.stems.length > 0)
        examples.push({ classId: concept, stems: a.stems, words: a.words });
      if (this.weights.translated > 0) {
        const byLang = (this.conceptLangStems[concept] ??= new Map());
        let set = byLang.get(l.lang);
        if (!set) byLang.set(l.lang, (set = new Set()));
        for (const stem of a.stems) set.add(stem);
      }
    }
    for (const terms of conceptTerms) this.conceptWords.add(terms);
    const latentDocs: string[][] = [];
    for (const [c, uri] of this.conceptUris.entries()) {
      const facts = knowledge.facts.get(uri);
      const terms: string[] = [];
      if (facts)
        for (const [lang, text] of facts.descriptions)
          if (!languages || languages.has(lang)) terms.push(...analyzeText(text, lang).stems);
      this.descriptions.add(terms);
      if (this.weights.latent > 0) latentDocs.push([...(conceptTerms[c] ?? []), ...terms]);
    }
    this.latentSpace = this.weights.latent > 0 ? new LatentSpace(latentDocs, options.latent) : undefined;
    this.latentCandidates = this.latentSpace
      ? Int32Array.from([...this.isCandidate.keys()].filter((c) => this.isCandidate[c] === 1))
      : new Int32Array(0);
    this.latentScores = new Float32Array(this.latentCandidates.length);
    this.classifier =
      this.weights.classifier > 0 ? new LabelClassifier(n, examples, options.classifier) : undefined;
    this.isLabelSpecialisation = this.findLabelSpecialisations(labels);
    this.isManagement = new Uint8Array(n);
    for (const l of labels) {
      if (l.kind !== 'preferred') continue;
      const c = this.conceptIndex.get(l.uri) as number;
      if (this.isGroup[c] === 0 && analyzeText(l.text, l.lang).words.some((w) => isManagementWord(w, l.lang)))
        this.isManagement[c] = 1;
    }
    const kinds: LabelKind[] = ['preferred', 'alternative', 'hidden'];
    this.labelConcept = Int32Array.from(this.labels, (l) => l.concept);
    this.labelKind = Uint8Array.from(this.labels, (l) => kinds.indexOf(l.kind));
    this.labelLang = Int16Array.from(this.labels, (l) => {
      let id = this.languageIds.get(l.lang);
      if (id === undefined) this.languageIds.set(l.lang, (id = this.languageIds.size));
      return id;
    });
    this.work = {
      best: new Float32Array(n),
      second: new Float32Array(n),
      bestLabel: new Int32Array(n).fill(-1),
      scores: new Float32Array(n),
      mark: new Uint8Array(n),
      up: new Float32Array(n),
      down: new Float32Array(n),
      all: [],
    };
    this.labelWords.build();
    this.labelChars.build();
    this.conceptWords.build();
    this.descriptions.build();
    this.buffers = {
      words: this.labelWords.createBuffer(),
      chars: this.labelChars.createBuffer(),
      concept: this.conceptWords.createBuffer(),
      desc: this.descriptions.createBuffer(),
      translated: this.conceptWords.createBuffer(),
    };
  }

  /**
   * Word translations from the query's language into the other indexed languages, learnt from the
   * labels of the concepts as a parallel corpus: each concept labelled in both is a pair of
   * sentences (the bag of its stems in the query's language, the bag of its stems in the others),
   * aligned by IBM model 1 (Brown et al. 1993; expectation-maximisation of t(other | own) from a
   * uniform start, no null word). A stem keeps its translations of probability 0.05 or more, at
   * most five. Built on the first query of a language.
   */
  private translationTable(lang: string): Map<string, [string, number][]> {
    let table = this.translations.get(lang);
    if (table) return table;
    table = new Map();
    this.translations.set(lang, table);
    const stemIds = new Map<string, number>();
    const stems: string[] = [];
    const idOf = (stem: string): number => {
      let id = stemIds.get(stem);
      if (id === undefined) {
        id = stems.length;
        stems.push(stem);
        stemIds.set(stem, id);
      }
      return id;
    };
    const sentences: { own: number[]; other: number[] }[] = [];
    for (const byLang of this.conceptLangStems) {
      const own = byLang?.get(lang);
      if (!byLang || !own || byLang.size < 2) continue;
      const other = new Set<string>();
      for (const [l, words] of byLang) if (l !== lang) for (const stem of words) other.add(stem);
      sentences.push({ own: [...own].map(idOf), other: [...other].map(idOf) });
    }
    // Every (own, other) pair seen in one concept gets a number; each concept lists its pairs
    // other-major, so that the expectation step normalises over the own stems of each other stem.
    const pairIds = new Map<number, number>();
    const pairOwn: number[] = [];
    const pairOther: number[] = [];
    const conceptPairs = sentences.map(({ own, other }) => {
      const ids = new Int32Array(own.length * other.length);
      let k = 0;
      for (const e of other)
        for (const f of own) {
          const key = f * stems.length + e;
          let p = pairIds.get(key);
          if (p === undefined) {
            p = pairOwn.length;
            pairOwn.push(f);
            pairOther.push(e);
            pairIds.set(key, p);
          }
          ids[k++] = p;
        }
      return { ids, width: own.length };
    });
    const degree = new Float64Array(stems.length);
    for (const f of pairOwn) degree[f] = (degree[f] as number) + 1;
    let t = Float64Array.from(pairOwn, (f) => 1 / (degree[f] as number));
    const totals = new Float64Array(stems.length);
    for (let iteration = 0; iteration < translationIterations; iteration++) {
      const counts = new Float64Array(pairOwn.length);
      for (const { ids, width } of conceptPairs) {
        for (let row = 0; row < ids.length; row += width) {
          let z = 0;
          for (let i = row; i < row + width; i++) z += t[ids[i] as number] as number;
          if (z <= 0) continue;
          for (let i = row; i < row + width; i++) {
            const p = ids[i] as number;
            counts[p] = (counts[p] as number) + (t[p] as number) / z;
          }
        }
      }
      totals.fill(0);
      for (let p = 0; p < counts.length; p++) {
        const f = pairOwn[p] as number;
        totals[f] = (totals[f] as number) + (counts[p] as number);
      }
      for (let p = 0; p < counts.length; p++) {
        const total = totals[pairOwn[p] as number] as number;
        counts[p] = total > 0 ? (counts[p] as number) / total : 0;
      }
      t = counts;
    }
    const lists = new Map<number, [string, number][]>();
    for (let p = 0; p < t.length; p++) {
      const probability = t[p] as number;
      if (probability < translationMinProbability) continue;
      const f = pairOwn[p] as number;
      let list = lists.get(f);
      if (!list) lists.set(f, (list = []));
      list.push([stems[pairOther[p] as number] as string, probability]);
    }
    for (const [f, list] of lists) {
      list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      table.set(stems[f] as string, list.slice(0, translationsPerWord));
    }
    return table;
  }

  /** BM25 over the concepts' label words of the query's stems translated into the other languages. */
  private translatedSignal(
    stems: readonly string[],
    lang: string,
  ): { ids: Int32Array; values: Float32Array } {
    const empty = { ids: new Int32Array(0), values: new Float32Array(0) };
    if (this.weights.translated <= 0 || this.languageIds.size < 2) return empty;
    const table = this.translationTable(lang);
    const query = new Map<string, number>();
    for (const stem of new Set(stems))
      for (const [other, dice] of table.get(stem) ?? [])
        query.set(other, Math.max(query.get(other) ?? 0, dice));
    if (query.size === 0) return empty;
    const buffer = this.buffers.translated;
    this.conceptWords.reset(buffer);
    for (const [term, weight] of query) this.conceptWords.accumulate(term, weight, buffer);
    return normalizedScores(buffer);
  }

  /**
   * Candidate occupations whose preferred label holds all the stems of another candidate
   * occupation's preferred label in the same language, and more.
   */
  private findLabelSpecialisations(labels: readonly ConceptLabel[]): Uint8Array {
    const flags = new Uint8Array(this.conceptUris.length);
    const keyOf = (stems: readonly string[]): string => [...new Set(stems)].sort().join(' ');
    const preferred: { concept: number; lang: string; stems: string[] }[] = [];
    const byKey = new Map<string, number>();
    for (const l of labels) {
      if (l.kind !== 'preferred' || l.uri.includes('/isco/')) continue;
      const concept = this.conceptIndex.get(l.uri) as number;
      if (this.isCandidate[concept] !== 1) continue;
      const stems = [...new Set(analyzeText(l.text, l.lang, { dropQualifiers: true }).stems)];
      if (stems.length === 0) continue;
      preferred.push({ concept, lang: l.lang, stems });
      byKey.set(`${l.lang}:${keyOf(stems)}`, concept);
    }
    for (const { concept, lang, stems } of preferred) {
      const n = stems.length;
      if (n < 2 || n > 10) continue;
      // Every proper non-empty subset of the label's stems.
      for (let mask = 1; mask < (1 << n) - 1 && flags[concept] === 0; mask++) {
        const subset = stems.filter((_, i) => (mask >> i) & 1);
        const other = byKey.get(`${lang}:${keyOf(subset)}`);
        if (other !== undefined && other !== concept) flags[concept] = 1;
      }
    }
    return flags;
  }

  /**
   * Analyses a label or a query. The stems of the parts of compounds are added beside the
   * compound's own stem ("vrachtwagenchauffeur" also counts as "vrachtwagen" and "chauffeur");
   * the words are left whole, since the character n-gram signal already sees their pieces.
   */
  private analyze(text: string, lang: string, options: Parameters<typeof analyzeText>[2]): AnalyzedText {
    const a = analyzeText(text, lang, options);
    const splitter = this.splitters.get(lang);
    if (!splitter) return a;
    const stems = [...a.stems];
    for (const w of a.words) {
      for (const part of splitter.split(w)) {
        stems.push(...analyzeToken(part, lang).stems);
      }
    }
    return { words: a.words, stems };
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
    return this.combineSignals(this.computeSignals(text, lang));
  }

  /** The raw signals of a query, before weighting (exposed for tuning). */
  computeSignals(text: string, lang?: LanguageCode): QuerySignals {
    const queryLang = lang ?? detectLanguage(text, this.defaultLanguage as never);
    const a = this.analyze(text, queryLang, { dropExceptClauses: true, dropQualifiers: true });
    const words = this.labelWords.search(a.stems, this.buffers.words);
    const chars = this.labelChars.search(a.words, this.buffers.chars);

    // Union of the labels touched by either search; both buffers are indexed by label number.
    // Labels far below the best one cannot make a concept's best label reach the top: keep those
    // within `labelFloor` of the best (both signals summed), which spares most of the combining.
    let top = 0;
    for (let i = 0; i < words.count; i++) {
      const d = words.touched[i] as number;
      top = Math.max(top, (words.scores[d] as number) + (chars.scores[d] as number));
    }
    for (let i = 0; i < chars.count; i++)
      top = Math.max(top, chars.scores[chars.touched[i] as number] as number);
    const floor = top * this.labelFloor;
    const total = words.count + chars.count;
    const labelIds = new Int32Array(total);
    const wordScores = new Float32Array(total);
    const charScores = new Float32Array(total);
    let k = 0;
    const keep = (d: number, word: number, char: number): void => {
      labelIds[k] = d;
      wordScores[k] = word;
      charScores[k] = char;
      k++;
    };
    for (let i = 0; i < words.count; i++) {
      const d = words.touched[i] as number;
      if ((words.scores[d] as number) + (chars.scores[d] as number) < floor) continue;
      keep(d, words.scores[d] as number, chars.scores[d] as number);
    }
    for (let i = 0; i < chars.count; i++) {
      const d = chars.touched[i] as number;
      if ((words.scores[d] as number) !== 0 || (chars.scores[d] as number) < floor) continue;
      keep(d, 0, chars.scores[d] as number);
    }

    const conceptWords = normalizedScores(this.conceptWords.search(a.stems, this.buffers.concept, 0.1));
    const description = normalizedScores(this.descriptions.search(a.stems, this.buffers.desc, 0.1));
    const latent = this.latentSignal(a.stems);
    const translated = this.translatedSignal(a.stems, queryLang);
    const classifier = this.classifier
      ? this.classifier.predict(a.stems, a.words)
      : { ids: new Int32Array(0), values: new Float32Array(0) };
    for (let i = 0; i < classifier.values.length; i++)
      classifier.values[i] = Math.sqrt(classifier.values[i] as number);
    return {
      queryLang,
      plural: isPluralTitle(text, queryLang),
      namesManagement: a.words.some((w) => isManagementWord(w, queryLang)),
      labelIds: labelIds.subarray(0, k),
      wordScores: wordScores.subarray(0, k),
      charScores: charScores.subarray(0, k),
      conceptWords,
      description,
      latent,
      translated,
      classifier,
    };
  }

  /** The candidates closest to the query in the latent space, with their cosines. */
  private latentSignal(stems: readonly string[]): { ids: Int32Array; values: Float32Array } {
    const space = this.latentSpace;
    const vector = space?.embed(stems);
    if (!space || !vector) return { ids: new Int32Array(0), values: new Float32Array(0) };
    const { latentCandidates: candidates, latentScores: scores } = this;
    const max = space.cosines(vector, candidates, scores);
    // The best `latentKeep` cosines within `latentFloor` of the best: raise the floor to the
    // keep-th best through a small sorted list rather than sorting every candidate.
    const best: number[] = [];
    const floor = max * latentFloor;
    for (let i = 0; i < candidates.length; i++) {
      const s = scores[i] as number;
      if (s < floor || s <= 0) continue;
      if (best.length === latentKeep && s <= (scores[best[latentKeep - 1] as number] as number)) continue;
      let j = best.length === latentKeep ? latentKeep - 1 : best.length;
      while (j > 0 && (scores[best[j - 1] as number] as number) < s) {
        best[j] = best[j - 1] as number;
        j--;
      }
      best[j] = i;
    }
    return {
      ids: Int32Array.from(best, (i) => candidates[i] as number),
      values: Float32Array.from(best, (i) => scores[i] as number),
    };
  }

  /**
   * Combines raw signals with weights into concept scores. The returned arrays are reused by the
   * next call: read them before scoring another query.
   */
  combineSignals(signals: QuerySignals, weights: LinkerWeights = this.weights): ConceptScores {
    const w = weights;
    const { best, second, bestLabel, scores, mark } = this.work;
    // Reset what the previous query touched.
    for (const c of this.work.all) {
      best[c] = 0;
      second[c] = 0;
      bestLabel[c] = -1;
      scores[c] = 0;
      mark[c] = 0;
    }
    const all: number[] = [];
    this.work.all = all;
    const touched: number[] = [];
    const { labelIds, wordScores, charScores, queryLang } = signals;
    const langId = this.languageIds.get(queryLang) ?? -1;
    const kindFactor = [w.kind.preferred, w.kind.alternative, w.kind.hidden];
    const { labelConcept, labelKind, labelLang } = this;
    for (let i = 0; i < labelIds.length; i++) {
      const d = labelIds[i] as number;
      const raw = w.labelWords * (wordScores[i] as number) + w.labelChars * (charScores[i] as number);
      const s =
        raw *
        (kindFactor[labelKind[d] as number] as number) *
        (labelLang[d] === langId ? 1 : w.otherLanguage);
      const c = labelConcept[d] as number;
      if (bestLabel[c] === -1) {
        touched.push(c);
        best[c] = s;
        bestLabel[c] = d;
      } else if (s > (best[c] as number)) {
        second[c] = best[c] as number;
        best[c] = s;
        bestLabel[c] = d;
      } else if (s > (second[c] as number)) second[c] = s;
    }
    const touch = (c: number): void => {
      if (mark[c] === 0) {
        mark[c] = 1;
        all.push(c);
      }
    };
    for (const c of touched) {
      scores[c] = (best[c] as number) + w.secondLabel * (second[c] as number);
      touch(c);
    }
    const addSparse = (sparse: { ids: Int32Array; values: Float32Array }, weight: number): void => {
      if (weight === 0) return;
      const { ids, values } = sparse;
      for (let i = 0; i < ids.length; i++) {
        const c = ids[i] as number;
        scores[c] = (scores[c] as number) + weight * (values[i] as number);
        touch(c);
      }
    };
    addSparse(signals.conceptWords, w.conceptWords);
    addSparse(signals.description, w.description);
    addSparse(signals.latent, w.latent);
    addSparse(signals.translated, w.translated);
    addSparse(signals.classifier, w.classifier);
    if (w.broader > 0 || w.narrower > 0) {
      // A concept gains from its best-scoring broader concept and its best-scoring narrower one.
      const { up, down } = this.work;
      const changed: number[] = [];
      for (const c of touched) {
        const v = best[c] as number;
        if (v <= 0) continue;
        for (const child of this.narrowerOf[c] ?? []) {
          if (v > (up[child] as number)) {
            if (up[child] === 0 && down[child] === 0) changed.push(child);
            up[child] = v;
          }
        }
        for (const parent of this.broaderOf[c] ?? []) {
          if (v > (down[parent] as number)) {
            if (up[parent] === 0 && down[parent] === 0) changed.push(parent);
            down[parent] = v;
          }
        }
      }
      for (const c of changed) {
        scores[c] = (scores[c] as number) + w.broader * (up[c] as number) + w.narrower * (down[c] as number);
        up[c] = 0;
        down[c] = 0;
        touch(c);
      }
    }
    const groupPrior = signals.plural === false ? w.singularGroupPrior : w.groupPrior;
    if (groupPrior !== 1 || w.specialisationPrior !== 1 || w.labelSpecialisationPrior !== 1) {
      for (const c of all) {
        if (this.isGroup[c]) scores[c] = (scores[c] as number) * groupPrior;
        else if (this.isSpecialisation[c]) scores[c] = (scores[c] as number) * w.specialisationPrior;
        else if (this.isLabelSpecialisation[c])
          scores[c] = (scores[c] as number) * w.labelSpecialisationPrior;
      }
    }
    if (w.managementPrior !== 1 && !signals.namesManagement) {
      for (const c of all) if (this.isManagement[c]) scores[c] = (scores[c] as number) * w.managementPrior;
    }
    return { scores, bestLabel, touched: all };
  }

  /** Ranked occupations (and ISCO groups) for a title or short text. */
  link(text: string, options: LinkOptions = {}): OccupationMatch[] {
    const { scores, bestLabel, touched } = this.scoreConcepts(text, options.lang);
    const limit = options.limit ?? 10;
    const order = topK(touched, scores, this.isCandidate, limit);
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

  /** All candidate concepts in ranking order: scored ones by score, then the rest in a fixed order. */
  rankCandidates(result: ConceptScores): number[] {
    const { scores, touched } = result;
    const scored = touched.filter((c) => this.isCandidate[c] === 1 && (scores[c] as number) > 0);
    scored.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
    const inScored = new Uint8Array(scores.length);
    for (const c of scored) inScored[c] = 1;
    for (let c = 0; c < scores.length; c++)
      if (this.isCandidate[c] === 1 && inScored[c] === 0) scored.push(c);
    return scored;
  }

  /** Concept number of a URI. */
  conceptNumber(uri: string): number | undefined {
    return this.conceptIndex.get(uri);
  }
}

/** The latent signal keeps at most this many candidates per query, those within half of the best cosine. */
const latentKeep = 50;
const latentFloor = 0.5;

/** Word translations through the concepts: IBM model 1 iterations, the least probability kept, at most this many per word. */
const translationIterations = 10;
const translationMinProbability = 0.05;
const translationsPerWord = 5;

function addConceptChecked(index: Map<string, number>, uri: string): number {
  const i = index.get(uri);
  if (i === undefined) throw new Error(`candidate concept without labels or facts: ${uri}`);
  return i;
}

/** The `limit` best candidates among `ids` by score (ties by number), without sorting them all. */
function topK(
  ids: readonly number[],
  scores: Float32Array,
  isCandidate: Uint8Array,
  limit: number,
): number[] {
  const heap: number[] = []; // min-heap on (score, -id): the root is the weakest kept
  const weaker = (a: number, b: number): boolean =>
    (scores[a] as number) < (scores[b] as number) ||
    ((scores[a] as number) === (scores[b] as number) && a > b);
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && weaker(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && weaker(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (const c of ids) {
    if (isCandidate[c] !== 1 || (scores[c] as number) <= 0) continue;
    if (heap.length < limit) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!weaker(heap[i] as number, heap[p] as number)) break;
        [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
        i = p;
      }
    } else if (limit > 0 && weaker(heap[0] as number, c)) {
      heap[0] = c;
      siftDown(0);
    }
  }
  return heap.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
}

/** Builds an occupation linker from loaded knowledge. */
export function createOccupationLinker(
  knowledge: ConceptKnowledge,
  options: OccupationLinkerOptions = {},
): OccupationLinker {
  return new OccupationLinker(knowledge, options);
}

/** The documents a buffer touched, with their scores divided by the best one. */
function normalizedScores(buffer: ScoreBuffer): { ids: Int32Array; values: Float32Array } {
  let max = 0;
  for (let i = 0; i < buffer.count; i++)
    max = Math.max(max, buffer.scores[buffer.touched[i] as number] as number);
  const ids = buffer.touched.slice(0, buffer.count);
  const values = new Float32Array(buffer.count);
  if (max > 0)
    for (let i = 0; i < buffer.count; i++) values[i] = (buffer.scores[ids[i] as number] as number) / max;
  return { ids, values };
}
