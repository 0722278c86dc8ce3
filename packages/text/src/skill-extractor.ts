import { analyzeText, tokenizeWithOffsets, type OffsetToken } from './analyze';
import type { ConceptKnowledge, LabelKind } from './esco-files';
import { detectLanguage, type LanguageCode } from './lang';
import { isNegated, negationScopes } from './negation';
import { SparseIndex } from './sparse-index';

/**
 * Skill extraction: free text → skills with the span of text that mentions them and a confidence.
 *
 * Every skill label (preferred, alternative, hidden; a label with a parenthesised qualifier also
 * counts without it) is a bag of stems. A text scores a label by how much of the label it contains
 * (idf-weighted coverage) and how close together the matched words are (the span). A skill takes
 * the score of its best label; a weak description match breaks ties and reaches skills that are
 * described rather than named. Negation scopes mark skills the text says the person lacks.
 */

/** Parameters of the skill score (see docs/text-understanding.md). */
export interface SkillWeights {
  /** Exponent on coverage: higher favours labels found whole. */
  coveragePower: number;
  /** Bonus per unit of log matched idf mass: longer matched labels are more specific. */
  specificity: number;
  /** Share of the score kept by a scattered match (0 = only compact spans count). */
  scatterFloor: number;
  /** Labels below this coverage are ignored. */
  minCoverage: number;
  /** Weight of the description BM25 (divided by the text's best). */
  description: number;
  /** Multiplier for an all-capitals label (an acronym) matched by a lower-case word. */
  caseMismatch: number;
  kind: Record<LabelKind, number>;
}

/** Defaults tuned on the development sets. */
export const defaultSkillWeights: SkillWeights = {
  coveragePower: 2,
  specificity: 0.15,
  scatterFloor: 0.4,
  minCoverage: 0.34,
  description: 0.1,
  caseMismatch: 0.3,
  kind: { preferred: 1, alternative: 0.95, hidden: 0.85 },
};

export interface SkillExtractorOptions {
  weights?: Partial<SkillWeights>;
  /** Only labels in these languages are indexed. Default: all. */
  languages?: Iterable<LanguageCode>;
  defaultLanguage?: LanguageCode;
}

/** A skill found in a text. */
export interface ExtractedSkill {
  uri: string;
  /** The preferred label in the text's language when known, else the matched label. */
  label: string;
  /** The label that matched. */
  matchedLabel: string;
  /** Character offsets of the mention in the text, and its text. */
  start: number;
  end: number;
  text: string;
  /** 0..1 */
  confidence: number;
  /** The text says the skill is lacking ("no experience with ..."). */
  negated: boolean;
}

export interface ExtractOptions {
  lang?: LanguageCode;
  limit?: number;
  /** Skills below this confidence are left out. Default 0.6. */
  minConfidence?: number;
}

const kindNames: readonly LabelKind[] = ['preferred', 'alternative', 'hidden'];

interface SkillLabel {
  concept: number;
  text: string;
  lang: string;
  kind: LabelKind;
  stems: string[];
  termIds: Int32Array;
  idfs: number[];
  idfTotal: number;
  /** Share of the label's idf mass in common stems. */
  commonShare: number;
  acronym: boolean;
}

/** The score of one skill in one text, with the mention that gave it. */
export interface SkillScore {
  concept: number;
  score: number;
  label: number;
  start: number;
  end: number;
}

/** Extracts ESCO skills from free text. */
export class SkillExtractor {
  readonly conceptUris: string[] = [];
  private readonly conceptIndex = new Map<string, number>();
  /** Preferred label of each concept, by language. */
  private readonly preferred: Map<string, string>[] = [];
  private readonly labels: SkillLabel[] = [];
  private readonly coverage = new SparseIndex({ weighting: 'coverage' });
  private readonly descriptions = new SparseIndex({ weighting: 'bm25', binary: false, k1: 1.2, b: 0.75 });
  private readonly weights: SkillWeights;
  private readonly defaultLanguage: LanguageCode;
  private readonly descriptionBuffer;
  private readonly commonStems = new Set<string>();
  private readonly commonOnly = new Map<string, number[]>();
  private anchorOffset = new Int32Array(0);
  private anchorLabels = new Int32Array(0);
  private anchorSignature = new Int32Array(0);
  private anchorNeed = new Uint8Array(0);
  private anchorNeedStrict = new Uint8Array(0);
  /** Label records (see scoreSkills) and the record offset of each label. */
  private records = new Float32Array(0);
  private recordOf = new Int32Array(0);
  private flatKind = new Uint8Array(0);
  private seenMark = new Uint8Array(0);
  private readonly coverageBuffer;
  private readonly commonShare = 0.005;
  private commonMaxDf = 20;
  private termSlot = new Int32Array(0);

  constructor(knowledge: ConceptKnowledge, options: SkillExtractorOptions = {}) {
    this.weights = {
      ...defaultSkillWeights,
      ...options.weights,
      kind: { ...defaultSkillWeights.kind, ...options.weights?.kind },
    };
    this.defaultLanguage = options.defaultLanguage ?? 'en';
    const languages = options.languages ? new Set(options.languages) : undefined;
    const seen = new Set<string>();
    const sameStems = new Map<string, number>();
    const addLabel = (concept: number, text: string, lang: string, kind: LabelKind): void => {
      const key = `${concept}\u0000${lang}\u0000${text.toLowerCase()}`;
      if (seen.has(key)) return;
      seen.add(key);
      const stems = [...new Set(analyzeText(text, lang).stems)];
      if (stems.length === 0) return;
      // Labels of one concept with the same stems ("manage staff", "managing staff", "staff management")
      // score the same: keep the first (the preferred label comes first).
      const stemKey = `${concept}\u0000${[...stems].sort().join(' ')}`;
      const acronym = /^[\p{Lu}\p{N}]{2,}$/u.test(text.trim());
      const twin = sameStems.get(stemKey);
      if (twin !== undefined) {
        // A lower-case twin ("sql" beside "SQL") lifts the acronym check.
        if (!acronym) (this.labels[twin] as SkillLabel).acronym = false;
        return;
      }
      sameStems.set(stemKey, this.labels.length);
      this.labels.push({
        concept,
        text,
        lang,
        kind,
        stems,
        termIds: new Int32Array(0),
        idfs: [],
        idfTotal: 1,
        commonShare: 0,
        acronym,
      });
      this.coverage.add(stems);
    };
    for (const l of knowledge.labels) {
      if (languages && !languages.has(l.lang)) continue;
      let concept = this.conceptIndex.get(l.uri);
      if (concept === undefined) {
        concept = this.conceptUris.length;
        this.conceptUris.push(l.uri);
        this.conceptIndex.set(l.uri, concept);
      }
      if (l.kind === 'preferred') {
        const byLang = (this.preferred[concept] ??= new Map());
        byLang.set(l.lang, l.text);
      }
      addLabel(concept, l.text, l.lang, l.kind);
      // "Java (computer programming)" is also mentioned as plain "Java".
      const bare = l.text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
      if (bare !== l.text && bare !== '')
        addLabel(concept, bare, l.lang, l.kind === 'preferred' ? 'alternative' : l.kind);
    }
    for (const uri of this.conceptUris) {
      const facts = knowledge.facts.get(uri);
      const terms: string[] = [];
      if (facts)
        for (const [lang, text] of facts.descriptions)
          if (!languages || languages.has(lang)) terms.push(...analyzeText(text, lang).stems);
      this.descriptions.add(terms);
    }
    this.coverage.build();
    this.descriptions.build();
    // Stems in more than a small share of the labels ("manage", "use", "work") do not open candidates on their own.
    const maxDf = Math.max(20, Math.floor(this.labels.length * this.commonShare));
    this.commonMaxDf = maxDf;
    this.termSlot = new Int32Array(this.coverage.termCount);
    for (const label of this.labels) {
      label.termIds = Int32Array.from(label.stems, (st) => this.coverage.termNumber(st) ?? -1);
      label.idfs = label.stems.map((st) => this.coverage.termIdf(st));
      label.idfTotal = label.idfs.reduce((a, b) => a + b, 0);
      for (const st of label.stems) if (this.coverage.documentFrequency(st) > maxDf) this.commonStems.add(st);
    }
    for (const label of this.labels) {
      let common = 0;
      label.stems.forEach((st, k) => {
        if (this.commonStems.has(st)) common += label.idfs[k] as number;
      });
      label.commonShare = label.idfTotal > 0 ? common / label.idfTotal : 0;
    }
    this.labels.forEach((label, d) => {
      if (!label.stems.every((st) => this.commonStems.has(st))) return;
      for (const st of label.stems) {
        const list = this.commonOnly.get(st);
        if (list) list.push(d);
        else this.commonOnly.set(st, [d]);
      }
    });
    const anchorLists: number[][] = Array.from({ length: this.coverage.termCount }, () => []);
    this.labels.forEach((label, d) => {
      const order = label.stems
        .map((_, k) => k)
        .sort((a, b) => (label.idfs[b] as number) - (label.idfs[a] as number));
      for (const k of order.slice(0, label.stems.length >= 4 ? 2 : 1))
        anchorLists[label.termIds[k] as number]?.push(d);
    });
    this.anchorOffset = new Int32Array(anchorLists.length + 1);
    let anchorTotal = 0;
    anchorLists.forEach((list, id) => {
      this.anchorOffset[id] = anchorTotal;
      anchorTotal += list.length;
    });
    this.anchorOffset[anchorLists.length] = anchorTotal;
    this.recordOf = new Int32Array(this.labels.length);
    let size = 0;
    this.labels.forEach((label, d) => {
      this.recordOf[d] = size;
      size += 3 + 2 * label.termIds.length;
    });
    this.records = new Float32Array(size);
    this.labels.forEach((label, d) => {
      const r = this.recordOf[d] as number;
      this.records[r] = d;
      this.records[r + 1] = label.idfTotal || 1;
      this.records[r + 2] = label.termIds.length;
      label.termIds.forEach((t, k) => {
        this.records[r + 3 + 2 * k] = t;
        this.records[r + 4 + 2 * k] = label.idfs[k] as number;
      });
    });
    this.flatKind = Uint8Array.from(this.labels, (l) => kindNames.indexOf(l.kind));
    const anchored = anchorLists.flat();
    this.anchorLabels = Int32Array.from(anchored, (d) => this.recordOf[d] as number);
    // Per anchor entry: the label's stem signature, and how many of its stems (rarest first) it
    // needs to cover half of its idf mass.
    this.anchorSignature = new Int32Array(4 * anchored.length);
    anchored.forEach((d, i) => {
      for (const t of (this.labels[d] as SkillLabel).termIds) {
        const q = 4 * i + ((t >>> 5) & 3);
        this.anchorSignature[q] = (this.anchorSignature[q] as number) | (1 << (t & 31));
      }
    });
    const need = (d: number, share: number): number => {
      const label = this.labels[d] as SkillLabel;
      const sorted = [...label.idfs].sort((a, b) => b - a);
      let sum = 0;
      for (let k = 0; k < sorted.length; k++) {
        sum += sorted[k] as number;
        if (sum >= share * label.idfTotal - 1e-6) return k + 1;
      }
      return sorted.length;
    };
    this.anchorNeed = Uint8Array.from(anchored, (d) => need(d, 0.5));
    this.anchorNeedStrict = Uint8Array.from(anchored, (d) => need(d, 0.6));
    this.seenMark = new Uint8Array(this.labels.length);
    this.coverageBuffer = this.coverage.createBuffer();
    this.descriptionBuffer = this.descriptions.createBuffer();
  }

  /** Number of indexed labels. */
  get labelCount(): number {
    return this.labels.length;
  }

  /** Scores the skills a text mentions, best first. */
  scoreSkills(
    text: string,
    lang?: LanguageCode,
    weights: SkillWeights = this.weights,
    minCoverage = weights.minCoverage,
    minScore = 0,
  ): SkillScore[] {
    const queryLang = lang ?? detectLanguage(text, this.defaultLanguage as never);
    const tokens = tokenizeWithOffsets(text, queryLang).filter((t) => !t.stop);
    if (tokens.length === 0) return [];
    const positions = new Map<string, number[]>();
    tokens.forEach((t, i) => {
      for (const s of t.stems) {
        const list = positions.get(s);
        if (list) list.push(i);
        else positions.set(s, [i]);
      }
    });
    const stems = [...positions.keys()];
    // Query-local slot (1-based) of each known stem, so that label stems are checked by number.
    const slot = this.termSlot;
    const slotPositions: number[][] = [];
    const marked: number[] = [];
    for (const st of stems) {
      const id = this.coverage.termNumber(st);
      if (id === undefined) continue;
      slotPositions.push(positions.get(st) as number[]);
      slot[id] = slotPositions.length;
      marked.push(id);
    }
    // Candidates: labels holding a sentence stem that is not among the most common ones, plus
    // the few labels made only of common stems. Coverage is then computed exactly per candidate.
    const candidates = this.candidateLabels(stems, minCoverage);
    const best = new Map<number, SkillScore>();
    const w = weights;
    const rec = this.records;
    for (const r of candidates) {
      // One record per label in one typed array: a candidate costs a cache line or two, not a
      // walk through objects. Layout: [label, idf total, n, (term, idf) × n].
      const d = rec[r] as number;
      let matchedIdf = 0;
      const end = r + 3 + 2 * (rec[r + 2] as number);
      for (let k = r + 3; k < end; k += 2)
        if (slot[rec[k] as number] !== 0) matchedIdf += rec[k + 1] as number;
      const cov = matchedIdf / (rec[r + 1] as number);
      if (cov < minCoverage) continue;
      const kindFactor = w.kind[kindNames[this.flatKind[d] as number] as LabelKind];
      const upper =
        (w.coveragePower === 2 ? cov * cov : Math.pow(cov, w.coveragePower)) *
        (1 + w.specificity * Math.log1p(matchedIdf)) *
        kindFactor;
      if (upper < minScore) continue;
      const label = this.labels[d] as SkillLabel;
      const span = matchSpan(rec, r, slot, slotPositions);
      if (!span) continue;
      const compact = span.matched / (span.last - span.first + 1);
      let score = upper * (w.scatterFloor + (1 - w.scatterFloor) * compact);
      if (label.acronym && span.matched === 1) {
        const tok = tokens[span.first] as OffsetToken;
        if (tok.raw === tok.raw.toLowerCase()) score *= w.caseMismatch;
      }
      const first = tokens[span.first] as OffsetToken;
      const last = tokens[span.last] as OffsetToken;
      const prev = best.get(label.concept);
      if (!prev || score > prev.score)
        best.set(label.concept, {
          concept: label.concept,
          score,
          label: d,
          start: first.start,
          end: last.end,
        });
    }
    for (const id of marked) slot[id] = 0;
    if (w.description > 0) {
      const desc = this.descriptions.search(stems, this.descriptionBuffer, 0.05);
      let max = 0;
      for (let i = 0; i < desc.count; i++)
        max = Math.max(max, desc.scores[desc.touched[i] as number] as number);
      if (max > 0) {
        for (const s of best.values()) s.score += (w.description * (desc.scores[s.concept] as number)) / max;
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.concept - b.concept);
  }

  /**
   * Labels worth scoring for a set of text stems (each at most once): those whose coverage can
   * still reach `minCoverage`, found through the less common stems (a typed-array accumulation),
   * plus the few labels made only of common stems.
   */
  private candidateLabels(stems: readonly string[], minCoverage: number): number[] {
    if (minCoverage >= 0.5) return this.anchoredLabels(stems, minCoverage >= 0.6);
    const buffer = this.coverage.search(
      stems,
      this.coverageBuffer,
      this.commonMaxDf / Math.max(1, this.labels.length),
    );
    const seen = this.seenMark;
    const out: number[] = [];
    for (let i = 0; i < buffer.count; i++) {
      const d = buffer.touched[i] as number;
      if ((buffer.scores[d] as number) + (this.labels[d] as SkillLabel).commonShare < minCoverage) continue;
      seen[d] = 1;
      out.push(d);
    }
    for (const stem of stems) {
      if (!this.commonStems.has(stem)) continue;
      for (const d of this.commonOnly.get(stem) ?? []) {
        if (seen[d] === 1) continue;
        seen[d] = 1;
        out.push(d);
      }
    }
    for (const d of out) seen[d] = 0;
    return out.map((d) => this.recordOf[d] as number);
  }

  /**
   * Labels that hold one of the text's stems among their anchors (their one or two rarest stems):
   * a label missing its anchors covers at most about half of its idf mass, so the confident path
   * (coverage ≥ 0.5) never needs it.
   */
  private anchoredLabels(stems: readonly string[], strict: boolean): number[] {
    const seen = this.seenMark;
    const out: number[] = [];
    const { anchorOffset, anchorLabels, anchorSignature, records } = this;
    const anchorNeed = strict ? this.anchorNeedStrict : this.anchorNeed;
    // A 128-bit signature of the text's stems: a label whose signature shares fewer bits than the
    // number of stems it needs for half its idf mass cannot pass, and its record is never read.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (const stem of stems) {
      const id = this.coverage.termNumber(stem);
      if (id === undefined) continue;
      const bit = 1 << (id & 31);
      const word = (id >>> 5) & 3;
      if (word === 0) s0 |= bit;
      else if (word === 1) s1 |= bit;
      else if (word === 2) s2 |= bit;
      else s3 |= bit;
    }
    for (const stem of stems) {
      const id = this.coverage.termNumber(stem);
      if (id === undefined) continue;
      for (let i = anchorOffset[id] as number, end = anchorOffset[id + 1] as number; i < end; i++) {
        const q = 4 * i;
        const shared =
          popcount((anchorSignature[q] as number) & s0) +
          popcount((anchorSignature[q + 1] as number) & s1) +
          popcount((anchorSignature[q + 2] as number) & s2) +
          popcount((anchorSignature[q + 3] as number) & s3);
        if (shared < (anchorNeed[i] as number)) continue;
        const r = anchorLabels[i] as number;
        const d = records[r] as number;
        if (seen[d] === 1) continue;
        seen[d] = 1;
        out.push(r);
      }
    }
    for (const r of out) seen[records[r] as number] = 0;
    return out;
  }

  /** Skill URIs ranked for a text (for evaluation and suggestions). */
  rank(text: string, lang?: LanguageCode): string[] {
    return this.scoreSkills(text, lang).map((s) => this.conceptUris[s.concept] as string);
  }

  /** Skills mentioned in a text, with spans, confidence and negation. */
  extract(text: string, options: ExtractOptions = {}): ExtractedSkill[] {
    const lang = options.lang ?? detectLanguage(text, this.defaultLanguage as never);
    const minConfidence = options.minConfidence ?? 0.6;
    const scopes = negationScopes(text, lang);
    const out: ExtractedSkill[] = [];
    // A confident mention covers most of a label: partial matches below that are not even scored.
    // Descriptions only reorder near ties; extraction reports mentions, so it skips them.
    const weights = { ...this.weights, description: 0 };
    for (const s of this.scoreSkills(
      text,
      lang,
      weights,
      // cov² × (1 + 0.15·log(1 + matched idf)) ≥ confidence needs cov ≥ √(confidence / 1.6) for any realistic label.
      Math.max(0.5, this.weights.minCoverage, Math.sqrt(minConfidence / 1.6)),
      minConfidence,
    )) {
      const confidence = Math.min(1, s.score);
      if (confidence < minConfidence) break;
      const label = this.labels[s.label] as SkillLabel;
      out.push({
        uri: this.conceptUris[s.concept] as string,
        label:
          this.preferred[s.concept]?.get(lang) ?? this.preferred[s.concept]?.get(label.lang) ?? label.text,
        matchedLabel: label.text,
        start: s.start,
        end: s.end,
        text: text.slice(s.start, s.end),
        confidence: Math.round(confidence * 1000) / 1000,
        negated: isNegated(scopes, s.start, s.end),
      });
      if (options.limit !== undefined && out.length >= options.limit) break;
    }
    return out;
  }
}

/**
 * The tightest window of token positions holding one occurrence of each label stem found in the
 * text: anchored on each occurrence of the rarest stem, the nearest occurrence of every other one.
 */
function matchSpan(
  rec: Float32Array,
  r: number,
  slot: Int32Array,
  slotPositions: readonly number[][],
): { first: number; last: number; matched: number } | undefined {
  const found: number[][] = [];
  const end = r + 3 + 2 * (rec[r + 2] as number);
  for (let k = r + 3; k < end; k += 2) {
    const at = slot[rec[k] as number] as number;
    if (at !== 0) found.push(slotPositions[at - 1] as number[]);
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.length - b.length);
  const anchors = found[0] as number[];
  let bestSpan: { first: number; last: number; matched: number } | undefined;
  for (const anchor of anchors) {
    let first = anchor;
    let last = anchor;
    for (let k = 1; k < found.length; k++) {
      let nearest = (found[k] as number[])[0] as number;
      for (const p of found[k] as number[])
        if (Math.abs(p - anchor) < Math.abs(nearest - anchor)) nearest = p;
      first = Math.min(first, nearest);
      last = Math.max(last, nearest);
    }
    if (!bestSpan || last - first < bestSpan.last - bestSpan.first)
      bestSpan = { first, last, matched: found.length };
  }
  return bestSpan;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Builds a skill extractor from loaded knowledge (the skills pillar). */
export function createSkillExtractor(
  knowledge: ConceptKnowledge,
  options: SkillExtractorOptions = {},
): SkillExtractor {
  return new SkillExtractor(knowledge, options);
}
