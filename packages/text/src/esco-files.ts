import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Readers for the files the text package learns from: the official ESCO CSV package (any
 * language), the MELO label layout (corpus_elements.tsv + concept_mapping.tsv), and the
 * relation files. Kept here rather than in @passerelle/taxonomy so that evaluation runs on plain
 * folders without a database.
 */

export type LabelKind = 'preferred' | 'alternative' | 'hidden';

/** One label of a concept in one language. */
export interface ConceptLabel {
  uri: string;
  text: string;
  lang: string;
  kind: LabelKind;
}

/** What is known about a concept besides its labels. */
export interface ConceptFacts {
  uri: string;
  /** ISCO-08 code: the unit group of an occupation, or the group's own code. */
  iscoCode?: string;
  /** Descriptions by language. */
  descriptions: Map<string, string>;
  /** Broader concepts (occupation → occupation or ISCO group, group → group). */
  broader: string[];
}

/** Labels and facts about concepts, merged from any number of files. */
export interface ConceptKnowledge {
  labels: ConceptLabel[];
  facts: Map<string, ConceptFacts>;
}

/** An empty knowledge store. */
export function createKnowledge(): ConceptKnowledge {
  return { labels: [], facts: new Map() };
}

/** The facts record of a concept, created when missing. */
export function factsOf(knowledge: ConceptKnowledge, uri: string): ConceptFacts {
  let facts = knowledge.facts.get(uri);
  if (!facts) {
    facts = { uri, descriptions: new Map(), broader: [] };
    knowledge.facts.set(uri, facts);
  }
  return facts;
}

/**
 * Adds the labels (those whose concept passes `acceptLabels`) and all facts of `source` to `target`.
 * Facts already known in `target` win; broader links are united.
 */
export function mergeKnowledge(
  target: ConceptKnowledge,
  source: ConceptKnowledge,
  acceptLabels: (uri: string) => boolean = () => true,
): void {
  for (const label of source.labels) if (acceptLabels(label.uri)) target.labels.push(label);
  for (const [uri, facts] of source.facts) {
    const t = factsOf(target, uri);
    t.iscoCode ??= facts.iscoCode;
    for (const [lang, d] of facts.descriptions) if (!t.descriptions.has(lang)) t.descriptions.set(lang, d);
    for (const b of facts.broader) if (!t.broader.includes(b)) t.broader.push(b);
  }
}

/** Reads a CSV file with a header into records (multi-line quoted fields supported). */
export function readCsvRecords(path: string): Record<string, string>[] {
  return parse(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    trim: false,
  }) as Record<string, string>[];
}

/** Splits a multi-valued ESCO cell (values separated by new lines). */
export function splitMulti(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/\r?\n/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** ISCO-08 code of an ISCO group URI ("…/isco/C2166" → "2166"). */
export function iscoCodeOfUri(uri: string): string | undefined {
  const m = /\/isco\/C(\d{1,4})$/.exec(uri);
  return m?.[1];
}

/** URI of an ISCO-08 group code. */
export function iscoUri(code: string): string {
  return `http://data.europa.eu/esco/isco/C${code}`;
}

/**
 * Adds an ESCO occupations or ISCO groups CSV (official layout, any language) to the knowledge.
 * `lang` is taken from the file name (`occupations_fr.csv`) when not given.
 */
export function addEscoConceptsCsv(
  knowledge: ConceptKnowledge,
  path: string,
  lang = languageOfFile(path),
): number {
  let count = 0;
  for (const row of readCsvRecords(path)) {
    const uri = row.conceptUri;
    if (!uri) continue;
    count++;
    const pref = row.preferredLabel?.trim();
    if (pref) knowledge.labels.push({ uri, text: pref, lang, kind: 'preferred' });
    for (const alt of splitMulti(row.altLabels))
      knowledge.labels.push({ uri, text: alt, lang, kind: 'alternative' });
    for (const hidden of splitMulti(row.hiddenLabels))
      knowledge.labels.push({ uri, text: hidden, lang, kind: 'hidden' });
    const facts = factsOf(knowledge, uri);
    const code = row.iscoGroup?.trim() || row.code?.trim() || iscoCodeOfUri(uri);
    if (code && /^\d{1,4}$/.test(code)) {
      facts.iscoCode ??= code;
      if (row.iscoGroup && !facts.broader.includes(iscoUri(code))) facts.broader.push(iscoUri(code));
    }
    const description = row.description?.trim();
    if (description && !facts.descriptions.has(lang)) facts.descriptions.set(lang, description);
  }
  return count;
}

/** Adds a broader-relations CSV (conceptUri, broaderUri). */
export function addBroaderRelationsCsv(knowledge: ConceptKnowledge, path: string): number {
  let count = 0;
  for (const row of readCsvRecords(path)) {
    if (!row.conceptUri || !row.broaderUri) continue;
    const facts = factsOf(knowledge, row.conceptUri);
    if (!facts.broader.includes(row.broaderUri)) facts.broader.push(row.broaderUri);
    count++;
  }
  return count;
}

/** A MELO-style label set: corpus element ids with their text and concept URI. */
export interface MeloCorpus {
  ids: string[];
  texts: string[];
  uris: string[];
  langs: string[];
}

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

/** Reads `corpus_elements.tsv` and `concept_mapping.tsv` of a MELO folder. */
export function readMeloCorpus(dir: string): MeloCorpus {
  const mapping = new Map(
    readTsv(join(dir, 'concept_mapping.tsv')).map(([id, uri]) => [id ?? '', uri ?? '']),
  );
  const corpus: MeloCorpus = { ids: [], texts: [], uris: [], langs: [] };
  for (const [id, text] of readTsv(join(dir, 'corpus_elements.tsv'))) {
    if (!id || text === undefined) continue;
    const uri = mapping.get(id);
    if (!uri) continue;
    corpus.ids.push(id);
    corpus.texts.push(text);
    corpus.uris.push(uri);
    corpus.langs.push(languageOfCorpusId(id) ?? 'und');
  }
  return corpus;
}

/** Language code embedded in a MELO corpus element id ("C000123_fr_004" → "fr"). */
export function languageOfCorpusId(id: string): string | undefined {
  return /_([a-z]{2,3})_\d+$/.exec(id)?.[1];
}

/** Adds a MELO label folder to the knowledge; the first label of each concept counts as preferred. */
export function addMeloLabels(knowledge: ConceptKnowledge, dir: string): number {
  const corpus = readMeloCorpus(dir);
  const seen = new Set<string>();
  corpus.ids.forEach((_, i) => {
    const uri = corpus.uris[i] as string;
    const lang = corpus.langs[i] as string;
    const key = `${uri} ${lang}`;
    knowledge.labels.push({
      uri,
      text: corpus.texts[i] as string,
      lang,
      kind: seen.has(key) ? 'alternative' : 'preferred',
    });
    seen.add(key);
    factsOf(knowledge, uri);
  });
  return corpus.ids.length;
}

/** Language of an ESCO file from its name ("skills_en.csv" → "en"). */
export function languageOfFile(path: string): string {
  return /_([a-z]{2,3})(?:_esco[^.]*)?\.csv$/i.exec(basename(path))?.[1]?.toLowerCase() ?? 'en';
}

/** Files under a folder (a few levels deep), sorted by path. */
export function listEscoFiles(dir: string, depth = 4): string[] {
  if (depth < 0 || !existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listEscoFiles(path, depth - 1));
    else out.push(path);
  }
  return out;
}

/** What {@link loadTaxonomyKnowledge} read. */
export interface KnowledgeSources {
  occupationFiles: string[];
  iscoFiles: string[];
  meloLabelFolders: string[];
  relationFiles: string[];
}

/**
 * Loads occupation knowledge from a folder holding ESCO files in any arrangement: official CSV
 * packages per language (`occupations_xx.csv`, `ISCOGroups_xx.csv`), relation files
 * (`broaderRelationsOccPillar.csv`) and MELO label folders. When several ESCO versions give the
 * same language, all labels are kept (labels are matched, duplicates do no harm).
 */
export function loadTaxonomyKnowledge(
  root: string,
  knowledge = createKnowledge(),
): { knowledge: ConceptKnowledge; sources: KnowledgeSources } {
  const sources: KnowledgeSources = {
    occupationFiles: [],
    iscoFiles: [],
    meloLabelFolders: [],
    relationFiles: [],
  };
  for (const path of listEscoFiles(root)) {
    const name = basename(path);
    if (/^occupations_[a-z]{2,3}\.csv$/i.test(name)) {
      addEscoConceptsCsv(knowledge, path);
      sources.occupationFiles.push(path);
    } else if (/^ISCOGroups_[a-z]{2,3}\.csv$/i.test(name)) {
      addEscoConceptsCsv(knowledge, path);
      sources.iscoFiles.push(path);
    } else if (name === 'broaderRelationsOccPillar.csv') {
      addBroaderRelationsCsv(knowledge, path);
      sources.relationFiles.push(path);
    } else if (
      name === 'corpus_elements.tsv' &&
      existsSync(join(path, '..', 'concept_mapping.tsv')) &&
      !existsSync(join(path, '..', 'queries.tsv'))
    ) {
      addMeloLabels(knowledge, join(path, '..'));
      sources.meloLabelFolders.push(join(path, '..'));
    }
  }
  return { knowledge, sources };
}

/** Loads the skills pillar (`skills_xx.csv` files, any language) from a folder of ESCO files. */
export function loadSkillKnowledge(
  root: string,
  knowledge = createKnowledge(),
): { knowledge: ConceptKnowledge; files: string[] } {
  const files: string[] = [];
  for (const path of listEscoFiles(root)) {
    if (/^skills_[a-z]{2,3}\.csv$/i.test(basename(path))) {
      addEscoConceptsCsv(knowledge, path);
      files.push(path);
    }
  }
  return { knowledge, files };
}
