import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  addEscoConceptsCsv,
  createKnowledge,
  listEscoFiles,
  readCsvRecords,
  type ConceptKnowledge,
} from './esco-files';
import { mean, rPrecisionAtK, reciprocalRank, round4 } from './metrics';
import { SkillExtractor, type SkillWeights } from './skill-extractor';

/** Result of `passerelle eval extract-skills`. */
export interface SkillExtractionReport {
  sentences: number;
  rp_at_5: number;
  rp_at_10: number;
  mrr: number;
  uses_taxonomy: boolean;
}

export interface SkillExtractionEvalOptions {
  /** Folder with ESCO skills CSVs (`skills_xx.csv`): alternative labels and descriptions for the label space. */
  escoDir?: string;
  /** Language of the sentences and labels. Default 'en'. */
  lang?: string;
  weights?: Partial<SkillWeights>;
  onSentence?: (row: { sentence: string; gold: string[]; top: string[]; rr: number }) => void;
}

/** Labels that mark an annotation without a usable skill. */
const notASkill = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);

/** A skill-extraction set loaded with its extractor. */
export interface SkillExtractionEvaluation {
  lang: string;
  usesTaxonomy: boolean;
  extractor: SkillExtractor;
  sentences: { sentence: string; gold: Set<string> }[];
}

/**
 * Reads the label space: a text file with one preferred label a line, or an ESCO skills CSV. Each
 * skill is identified by its preferred label (the annotations use labels).
 */
export function readSkillLabelSpace(path: string, lang: string): ConceptKnowledge {
  const knowledge = createKnowledge();
  if (/\.csv$/i.test(path)) {
    const full = createKnowledge();
    addEscoConceptsCsv(full, path, lang);
    const prefOf = new Map<string, string>();
    for (const l of full.labels) if (l.kind === 'preferred') prefOf.set(l.uri, l.text);
    for (const l of full.labels) {
      const id = prefOf.get(l.uri);
      if (id) knowledge.labels.push({ ...l, uri: id });
    }
    for (const [uri, facts] of full.facts) {
      const id = prefOf.get(uri);
      if (id) knowledge.facts.set(id, { ...facts, uri: id });
    }
    return knowledge;
  }
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const label = line.trim();
    if (label !== '') knowledge.labels.push({ uri: label, text: label, lang, kind: 'preferred' });
  }
  return knowledge;
}

/** Adds ESCO alternative labels and descriptions to a label space keyed by preferred label. */
export function enrichSkillLabelSpace(space: ConceptKnowledge, escoDir: string, lang: string): boolean {
  const ids = new Map<string, string>();
  for (const l of space.labels) if (l.kind === 'preferred') ids.set(l.text.trim().toLowerCase(), l.uri);
  let used = false;
  for (const path of listEscoFiles(escoDir).filter((p) =>
    new RegExp(`^skills_${lang}\\.csv$`, 'i').test(basename(p)),
  )) {
    const full = createKnowledge();
    addEscoConceptsCsv(full, path, lang);
    const idOf = new Map<string, string>();
    for (const l of full.labels) {
      if (l.kind !== 'preferred') continue;
      const id = ids.get(l.text.trim().toLowerCase());
      if (id) idOf.set(l.uri, id);
    }
    for (const l of full.labels) {
      const id = idOf.get(l.uri);
      if (id && l.kind !== 'preferred') {
        space.labels.push({ ...l, uri: id });
        used = true;
      }
    }
    for (const [uri, facts] of full.facts) {
      const id = idOf.get(uri);
      if (!id) continue;
      const existing = space.facts.get(id);
      if (!existing) space.facts.set(id, { ...facts, uri: id });
      used = true;
    }
  }
  return used;
}

/** Loads annotations and the label space and builds the extractor. */
export function loadSkillExtraction(
  annotationsFile: string,
  skillsFile: string,
  options: SkillExtractionEvalOptions = {},
): SkillExtractionEvaluation {
  const lang = options.lang ?? 'en';
  const space = readSkillLabelSpace(skillsFile, lang);
  const usesTaxonomy = options.escoDir ? enrichSkillLabelSpace(space, options.escoDir, lang) : false;
  const known = new Set(space.labels.filter((l) => l.kind === 'preferred').map((l) => l.uri));
  const bySentence = new Map<string, Set<string>>();
  for (const row of readCsvRecords(annotationsFile)) {
    const sentence = row.sentence ?? '';
    const label = (row.label ?? '').trim();
    if (sentence.trim() === '') continue;
    let gold = bySentence.get(sentence);
    if (!gold) bySentence.set(sentence, (gold = new Set()));
    if (label !== '' && !notASkill.has(label) && known.has(label)) gold.add(label);
  }
  const sentences = [...bySentence.entries()]
    .filter(([, gold]) => gold.size > 0)
    .map(([sentence, gold]) => ({ sentence, gold }));
  const extractor = new SkillExtractor(space, {
    languages: [lang],
    defaultLanguage: lang,
    ...(options.weights ? { weights: options.weights } : {}),
  });
  return { lang, usesTaxonomy, extractor, sentences };
}

/** Scores a loaded set with a ranking function (RP@K as in Decorte et al.: hits in top K / min(K, gold)). */
export function scoreSkillExtraction(
  ev: SkillExtractionEvaluation,
  rank: (sentence: string, index: number) => string[],
  onSentence?: SkillExtractionEvalOptions['onSentence'],
): SkillExtractionReport {
  const rp5: number[] = [];
  const rp10: number[] = [];
  const rr: number[] = [];
  ev.sentences.forEach(({ sentence, gold }, index) => {
    const ranked = rank(sentence, index);
    rp5.push(rPrecisionAtK(ranked, gold, 5));
    rp10.push(rPrecisionAtK(ranked, gold, 10));
    const r = reciprocalRank(ranked, gold);
    rr.push(r);
    if (onSentence) onSentence({ sentence, gold: [...gold], top: ranked.slice(0, 5), rr: r });
  });
  return {
    sentences: rr.length,
    rp_at_5: round4(mean(rp5)),
    rp_at_10: round4(mean(rp10)),
    mrr: round4(mean(rr)),
    uses_taxonomy: ev.usesTaxonomy,
  };
}

/** Evaluates skill extraction on sentences with at least one skill label present. */
export function evaluateSkillExtraction(
  annotationsFile: string,
  skillsFile: string,
  options: SkillExtractionEvalOptions = {},
): SkillExtractionReport {
  const ev = loadSkillExtraction(annotationsFile, skillsFile, options);
  return scoreSkillExtraction(ev, (sentence) => ev.extractor.rank(sentence, ev.lang), options.onSentence);
}
