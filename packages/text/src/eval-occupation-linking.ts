import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  createKnowledge,
  factsOf,
  loadTaxonomyKnowledge,
  mergeKnowledge,
  readMeloCorpus,
  type ConceptKnowledge,
} from './esco-files';
import { detectLanguage, isTextLanguage, type TextLanguage } from './lang';
import { accuracyAt1, mean, recallAtK, reciprocalRank, round4 } from './metrics';
import { OccupationLinker, type LinkerWeights } from './occupation-linker';

/** Result of `passerelle eval link-occupations`. */
export interface OccupationLinkingReport {
  dataset: string;
  queries: number;
  mrr: number;
  acc_at_1: number;
  recall_at_5: number;
  recall_at_10: number;
  uses_taxonomy: boolean;
}

export interface OccupationLinkingEvalOptions {
  /** A folder with ESCO files (official CSV packages, relations, MELO label folders) used as extra knowledge. */
  escoDir?: string;
  /** Extra knowledge already loaded (e.g. from the database). */
  knowledge?: ConceptKnowledge;
  /** Query language; default: from the folder name (`xxx_q_fr_c_en`) or guessed from the queries. */
  queryLanguage?: string;
  weights?: Partial<LinkerWeights>;
  /** Label languages indexed besides the query's and the corpus's. Default English: titles everywhere mix in English words ("Sales engineer (h/f/x)"). */
  extraLanguages?: string[];
  /** Called with each query's outcome (for error analysis). */
  onQuery?: (row: { qid: string; text: string; rank: number; gold: string[]; top: string[] }) => void;
}

function readLines(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
}

/** Reads TREC qrels (`qid 0 docid rel`, tabs or spaces); keeps relevance > 0. */
export function readQrels(path: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 4) continue;
    const [qid, , docId, rel] = parts as [string, string, string, string];
    if (Number(rel) <= 0) continue;
    let set = qrels.get(qid);
    if (!set) qrels.set(qid, (set = new Set()));
    set.add(docId);
  }
  return qrels;
}

/** Query language of a MELO folder: from its name, else the most frequent guess over its queries. */
export function meloQueryLanguage(dir: string, queries: readonly string[], fallback: TextLanguage): string {
  const named = /_q_([a-z]{2,3})_c_/.exec(basename(resolve(dir)))?.[1];
  if (named) return named;
  const counts = new Map<string, number>();
  for (const q of queries) {
    const lang = detectLanguage(q, fallback);
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

/** A MELO folder loaded with its linker, ready to be scored. */
export interface MeloEvaluation {
  dataset: string;
  queryLang: string;
  usesTaxonomy: boolean;
  linker: OccupationLinker;
  queries: { qid: string; text: string; relevantElements: Set<string>; goldConcepts: Set<string> }[];
  elementsOf: Map<string, string[]>;
}

/** Loads a MELO-layout folder and builds the linker over its corpus (plus any extra knowledge). */
export function loadMeloEvaluation(dir: string, options: OccupationLinkingEvalOptions = {}): MeloEvaluation {
  for (const f of ['queries.tsv', 'corpus_elements.tsv', 'concept_mapping.tsv', 'annotations.tsv']) {
    if (!existsSync(join(dir, f))) throw new Error(`not a MELO folder, missing ${f}: ${dir}`);
  }
  const queryRows = readLines(join(dir, 'queries.tsv')).filter((r) => r.length >= 2) as [string, string][];
  const corpus = readMeloCorpus(dir);
  const qrels = readQrels(join(dir, 'annotations.tsv'));
  const corpusLangs = new Set(corpus.langs);
  const fallback = [...corpusLangs].find(isTextLanguage) ?? 'en';
  const queryLang =
    options.queryLanguage ??
    meloQueryLanguage(
      dir,
      queryRows.map((q) => q[1]),
      fallback,
    );

  // The folder's own labels, plus whatever the taxonomy knows about the same concepts.
  // The first element of a concept in a language is its preferred label (as in MELO's files).
  const knowledge = createKnowledge();
  const seen = new Set<string>();
  corpus.ids.forEach((_, i) => {
    const key = `${corpus.uris[i] as string} ${corpus.langs[i] as string}`;
    knowledge.labels.push({
      uri: corpus.uris[i] as string,
      text: corpus.texts[i] as string,
      lang: corpus.langs[i] as string,
      kind: seen.has(key) ? 'alternative' : 'preferred',
    });
    seen.add(key);
    factsOf(knowledge, corpus.uris[i] as string);
  });
  let usesTaxonomy = false;
  const extra: ConceptKnowledge[] = [];
  if (options.escoDir) extra.push(loadTaxonomyKnowledge(options.escoDir).knowledge);
  if (options.knowledge) extra.push(options.knowledge);
  for (const k of extra) {
    if (k.labels.length > 0 || k.facts.size > 0) usesTaxonomy = true;
    mergeKnowledge(knowledge, k);
  }

  const linker = new OccupationLinker(knowledge, {
    candidates: new Set(corpus.uris),
    languages: new Set([queryLang, ...corpusLangs, ...(options.extraLanguages ?? ['en'])]),
    ...(options.weights ? { weights: options.weights } : {}),
  });

  const elementsOf = new Map<string, string[]>();
  corpus.ids.forEach((id, i) => {
    const uri = corpus.uris[i] as string;
    const list = elementsOf.get(uri);
    if (list) list.push(id);
    else elementsOf.set(uri, [id]);
  });
  const uriOfElement = new Map(corpus.ids.map((id, i) => [id, corpus.uris[i] as string]));
  const queries: MeloEvaluation['queries'] = [];
  for (const [qid, text] of queryRows) {
    const relevantElements = qrels.get(qid);
    if (!relevantElements || relevantElements.size === 0) continue;
    const goldConcepts = new Set(
      [...relevantElements].map((e) => uriOfElement.get(e)).filter((u): u is string => u !== undefined),
    );
    queries.push({ qid, text, relevantElements, goldConcepts });
  }
  return { dataset: basename(resolve(dir)), queryLang, usesTaxonomy, linker, queries, elementsOf };
}

/**
 * Scores a loaded MELO folder with a concept ranking per query. The element ranking is the first
 * element of each concept in concept order, then the other elements; MRR and Acc@1 come from the
 * first relevant element, recall@k is the share of gold concepts with an element in the top k.
 */
export function scoreMeloEvaluation(
  ev: MeloEvaluation,
  rankConcepts: (text: string, index: number) => string[],
  onQuery?: OccupationLinkingEvalOptions['onQuery'],
): OccupationLinkingReport {
  const rr: number[] = [];
  const acc: number[] = [];
  const r5: number[] = [];
  const r10: number[] = [];
  ev.queries.forEach(({ qid, text, relevantElements, goldConcepts }, index) => {
    const ranked = rankConcepts(text, index);
    const rankedElements = [
      ...ranked.map((uri) => (ev.elementsOf.get(uri) ?? [])[0] as string),
      ...ranked.flatMap((uri) => (ev.elementsOf.get(uri) ?? []).slice(1)),
    ];
    rr.push(reciprocalRank(rankedElements, relevantElements));
    acc.push(accuracyAt1(ranked, goldConcepts));
    r5.push(recallAtK(ranked, goldConcepts, 5));
    r10.push(recallAtK(ranked, goldConcepts, 10));
    if (onQuery) {
      const rank = ranked.findIndex((u) => goldConcepts.has(u)) + 1;
      onQuery({ qid, text, rank, gold: [...goldConcepts], top: ranked.slice(0, 5) });
    }
  });
  return {
    dataset: ev.dataset,
    queries: rr.length,
    mrr: round4(mean(rr)),
    acc_at_1: round4(mean(acc)),
    recall_at_5: round4(mean(r5)),
    recall_at_10: round4(mean(r10)),
    uses_taxonomy: ev.usesTaxonomy,
  };
}

/** Evaluates occupation linking on a MELO-layout folder (see {@link scoreMeloEvaluation}). */
export function evaluateOccupationLinking(
  dir: string,
  options: OccupationLinkingEvalOptions = {},
): OccupationLinkingReport {
  const ev = loadMeloEvaluation(dir, options);
  return scoreMeloEvaluation(
    ev,
    (text) =>
      ev.linker
        .rankCandidates(ev.linker.scoreConcepts(text, ev.queryLang))
        .map((c) => ev.linker.conceptUris[c] as string),
    options.onQuery,
  );
}
