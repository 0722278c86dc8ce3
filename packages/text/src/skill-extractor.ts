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
  caseMismatch: 0.5,
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
  /** Skills below this confidence are left out. Default 0.35. */
  minConfidence?: number;
}

interface SkillLabel {
  concept: number;
  text: string;
  lang: string;
  kind: LabelKind;
  stems: string[];
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
  private readonly preferred = new Map<string, string>(); // `${concept} ${lang}` → preferred label
  private readonly labels: SkillLabel[] = [];
  private readonly coverage = new SparseIndex({ weighting: 'coverage' });
  private readonly descriptions = new SparseIndex({ weighting: 'bm25', binary: false, k1: 1.2, b: 0.75 });
  private readonly weights: SkillWeights;
  private readonly defaultLanguage: LanguageCode;
  private readonly coverageBuffer;
  private readonly descriptionBuffer;

  constructor(knowledge: ConceptKnowledge, options: SkillExtractorOptions = {}) {
    this.weights = { ...defaultSkillWeights, ...options.weights, kind: { ...defaultSkillWeights.kind, ...options.weights?.kind } };
    this.defaultLanguage = options.defaultLanguage ?? 'en';
    const languages = options.languages ? new Set(options.languages) : undefined;
    const seen = new Set<string>();
    const addLabel = (concept: number, text: string, lang: string, kind: LabelKind): void => {
      const key = `${concept}\u0000${lang}\u0000${text.toLowerCase()}`;
      if (seen.has(key)) return;
      seen.add(key);
      const stems = [...new Set(analyzeText(text, lang).stems)];
      if (stems.length === 0) return;
      this.labels.push({ concept, text, lang, kind, stems, acronym: /^[\p{Lu}\p{N}]{2,}$/u.test(text.trim()) });
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
      if (l.kind === 'preferred') this.preferred.set(`${concept} ${l.lang}`, l.text);
      addLabel(concept, l.text, l.lang, l.kind);
      // "Java (computer programming)" is also mentioned as plain "Java".
      const bare = l.text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
      if (bare !== l.text && bare !== '') addLabel(concept, bare, l.lang, l.kind === 'preferred' ? 'alternative' : l.kind);
    }
    for (const uri of this.conceptUris) {
      const facts = knowledge.facts.get(uri);
      const terms: string[] = [];
      if (facts) for (const [lang, text] of facts.descriptions) if (!languages || languages.has(lang)) terms.push(...analyzeText(text, lang).stems);
      this.descriptions.add(terms);
    }
    this.coverage.build();
    this.descriptions.build();
    this.coverageBuffer = this.coverage.createBuffer();
    this.descriptionBuffer = this.descriptions.createBuffer();
  }

  /** Number of indexed labels. */
  get labelCount(): number {
    return this.labels.length;
  }

  /** Scores the skills a text mentions, best first. */
  scoreSkills(text: string, lang?: LanguageCode, weights: SkillWeights = this.weights): SkillScore[] {
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
    const buffer = this.coverage.search(stems, this.coverageBuffer);
    const best = new Map<number, SkillScore>();
    const w = weights;
    for (let i = 0; i < buffer.count; i++) {
      const d = buffer.touched[i] as number;
      const cov = buffer.scores[d] as number;
      if (cov < w.minCoverage) continue;
      const label = this.labels[d] as SkillLabel;
      const span = matchSpan(label.stems, positions);
      if (!span) continue;
      let matchedIdf = 0;
      for (const s of label.stems) if (positions.has(s)) matchedIdf += this.coverage.termIdf(s);
      const compact = span.matched / (span.last - span.first + 1);
      let score = Math.pow(cov, w.coveragePower) * (w.scatterFloor + (1 - w.scatterFloor) * compact) * (1 + w.specificity * Math.log1p(matchedIdf)) * w.kind[label.kind];
      if (label.acronym && span.matched === 1) {
        const tok = tokens[span.first] as OffsetToken;
        if (tok.raw === tok.raw.toLowerCase()) score *= w.caseMismatch;
      }
      const first = tokens[span.first] as OffsetToken;
      const last = tokens[span.last] as OffsetToken;
      const prev = best.get(label.concept);
      if (!prev || score > prev.score) best.set(label.concept, { concept: label.concept, score, label: d, start: first.start, end: last.end });
    }
    if (w.description > 0) {
      const desc = this.descriptions.search(stems, this.descriptionBuffer);
      let max = 0;
      for (let i = 0; i < desc.count; i++) max = Math.max(max, desc.scores[desc.touched[i] as number] as number);
      if (max > 0) {
        for (const s of best.values()) s.score += (w.description * (desc.scores[s.concept] as number)) / max;
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.concept - b.concept);
  }

  /** Skill URIs ranked for a text (for evaluation and suggestions). */
  rank(text: string, lang?: LanguageCode): string[] {
    return this.scoreSkills(text, lang).map((s) => this.conceptUris[s.concept] as string);
  }

  /** Skills mentioned in a text, with spans, confidence and negation. */
  extract(text: string, options: ExtractOptions = {}): ExtractedSkill[] {
    const lang = options.lang ?? detectLanguage(text, this.defaultLanguage as never);
    const minConfidence = options.minConfidence ?? 0.35;
    const scopes = negationScopes(text, lang);
    const out: ExtractedSkill[] = [];
    for (const s of this.scoreSkills(text, lang)) {
      const confidence = Math.min(1, s.score);
      if (confidence < minConfidence) break;
      const label = this.labels[s.label] as SkillLabel;
      out.push({
        uri: this.conceptUris[s.concept] as string,
        label: this.preferred.get(`${s.concept} ${lang}`) ?? this.preferred.get(`${s.concept} ${label.lang}`) ?? label.text,
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
function matchSpan(labelStems: readonly string[], positions: Map<string, number[]>): { first: number; last: number; matched: number } | undefined {
  const found = labelStems.map((s) => positions.get(s)).filter((p): p is number[] => p !== undefined);
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.length - b.length);
  const anchors = found[0] as number[];
  let bestSpan: { first: number; last: number; matched: number } | undefined;
  for (const anchor of anchors) {
    let first = anchor;
    let last = anchor;
    for (let k = 1; k < found.length; k++) {
      let nearest = (found[k] as number[])[0] as number;
      for (const p of found[k] as number[]) if (Math.abs(p - anchor) < Math.abs(nearest - anchor)) nearest = p;
      first = Math.min(first, nearest);
      last = Math.max(last, nearest);
    }
    if (!bestSpan || last - first < bestSpan.last - bestSpan.first) bestSpan = { first, last, matched: found.length };
  }
  return bestSpan;
}

/** Builds a skill extractor from loaded knowledge (the skills pillar). */
export function createSkillExtractor(knowledge: ConceptKnowledge, options: SkillExtractorOptions = {}): SkillExtractor {
  return new SkillExtractor(knowledge, options);
}
