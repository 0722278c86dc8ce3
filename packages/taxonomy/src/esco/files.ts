import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errors } from '@passerelle/core';

/**
 * The files of the official ESCO CSV package (v1.0.x to v1.2.x) that the importer reads, how it
 * recognises them (by name, then by header), and the columns each one must have. Newer releases
 * may add columns: extra columns are reported as warnings, missing required ones are errors.
 */
export type EscoFileKind =
  | 'isco_groups'
  | 'skill_groups'
  | 'skills_hierarchy'
  | 'skills'
  | 'occupations'
  | 'collection'
  | 'broader_occupation_pillar'
  | 'broader_skill_pillar'
  | 'occupation_skill_relations'
  | 'skill_skill_relations'
  | 'label_list'
  | 'ignored';

interface KindSpec {
  kind: EscoFileKind;
  pattern: RegExp;
  /** Columns the importer needs. */
  required: string[];
  /** Columns it knows (required + optional); anything else is a warning. */
  known: string[];
  /** True when the file carries labels, so its name must tell the language. */
  languageDependent: boolean;
}

const lang = '(?:_([a-z]{2,3}(?:-[a-z0-9]{2,8})?))';

const conceptCommon = [
  'conceptType',
  'conceptUri',
  'preferredLabel',
  'altLabels',
  'hiddenLabels',
  'status',
  'modifiedDate',
  'scopeNote',
  'definition',
  'inScheme',
  'description',
];

export const kindSpecs: KindSpec[] = [
  {
    kind: 'isco_groups',
    pattern: new RegExp(`^ISCOGroups${lang}?\\.csv$`, 'i'),
    required: ['conceptType', 'conceptUri', 'code', 'preferredLabel'],
    known: [...conceptCommon, 'code'],
    languageDependent: true,
  },
  {
    kind: 'skill_groups',
    pattern: new RegExp(`^skillGroups${lang}?\\.csv$`, 'i'),
    required: ['conceptType', 'conceptUri', 'preferredLabel'],
    known: [...conceptCommon, 'code'],
    languageDependent: true,
  },
  {
    kind: 'skills_hierarchy',
    pattern: new RegExp(`^skillsHierarchy${lang}?\\.csv$`, 'i'),
    required: [
      'Level 0 URI',
      'Level 0 preferred term',
      'Level 1 URI',
      'Level 1 preferred term',
      'Level 2 URI',
      'Level 2 preferred term',
      'Level 3 URI',
      'Level 3 preferred term',
    ],
    known: [
      'Level 0 URI',
      'Level 0 preferred term',
      'Level 1 URI',
      'Level 1 preferred term',
      'Level 2 URI',
      'Level 2 preferred term',
      'Level 3 URI',
      'Level 3 preferred term',
      'Description',
      'Scope note',
      'Level 0 code',
      'Level 1 code',
      'Level 2 code',
      'Level 3 code',
    ],
    languageDependent: true,
  },
  {
    kind: 'skills',
    pattern: new RegExp(`^skills${lang}?\\.csv$`, 'i'),
    required: ['conceptType', 'conceptUri', 'skillType', 'preferredLabel', 'altLabels'],
    known: [...conceptCommon, 'skillType', 'reuseLevel'],
    languageDependent: true,
  },
  {
    kind: 'occupations',
    pattern: new RegExp(`^occupations${lang}?\\.csv$`, 'i'),
    required: ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels'],
    known: [...conceptCommon, 'iscoGroup', 'regulatedProfessionNote', 'code', 'naceCode'],
    languageDependent: true,
  },
  {
    kind: 'collection',
    pattern: new RegExp(`^([a-z]+?)(?:Skills|Occupations)Collection${lang}?\\.csv$`, 'i'),
    required: ['conceptUri'],
    known: [
      ...conceptCommon,
      'skillType',
      'reuseLevel',
      'broaderConceptUri',
      'broaderConceptPT',
      'iscoGroup',
      'code',
    ],
    languageDependent: false,
  },
  {
    kind: 'broader_occupation_pillar',
    pattern: new RegExp(`^broaderRelationsOccPillar${lang}?\\.csv$`, 'i'),
    required: ['conceptUri', 'broaderUri'],
    known: ['conceptType', 'conceptUri', 'conceptLabel', 'broaderType', 'broaderUri', 'broaderLabel'],
    languageDependent: false,
  },
  {
    kind: 'broader_skill_pillar',
    pattern: new RegExp(`^broaderRelationsSkillPillar${lang}?\\.csv$`, 'i'),
    required: ['conceptUri', 'broaderUri'],
    known: ['conceptType', 'conceptUri', 'conceptLabel', 'broaderType', 'broaderUri', 'broaderLabel'],
    languageDependent: false,
  },
  {
    kind: 'occupation_skill_relations',
    pattern: new RegExp(`^occupationSkillRelations${lang}?\\.csv$`, 'i'),
    required: ['occupationUri', 'relationType', 'skillUri'],
    known: ['occupationUri', 'occupationLabel', 'relationType', 'skillType', 'skillUri', 'skillLabel'],
    languageDependent: false,
  },
  {
    kind: 'skill_skill_relations',
    pattern: new RegExp(`^skillSkillRelations${lang}?\\.csv$`, 'i'),
    required: ['originalSkillUri', 'relationType', 'relatedSkillUri'],
    known: [
      'originalSkillUri',
      'originalSkillLabel',
      'originalSkillType',
      'relationType',
      'relatedSkillType',
      'relatedSkillUri',
      'relatedSkillLabel',
    ],
    languageDependent: false,
  },
  {
    // Files of the package the importer has no use for: concept schemes, the column dictionary,
    // green-share tables. They are listed as skipped in the summary.
    kind: 'ignored',
    pattern: new RegExp(`^(conceptSchemes|dictionary|greenShare\\w*|README)${lang}?\\.(csv|txt|md)$`, 'i'),
    required: [],
    known: [],
    languageDependent: false,
  },
];

/** One file the importer will read. */
export interface PlannedFile {
  path: string;
  kind: EscoFileKind;
  /** Label language (from the file name, or the folder of a label list); null for relations. */
  lang: string | null;
  /** ESCO version read from the path ("1.1.1"), or null when the path does not say. */
  version: string | null;
  /** For collections: the collection name (digital, green, language, transversal, digcomp, research). */
  collection?: string;
  /** For label lists: the id → concept URI file beside `path`. */
  mappingPath?: string;
  size: number;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** Reads an ESCO version from a path: `.../v1.1.1/en/skills_en.csv` → "1.1.1", `ESCO dataset - v1.2.0 - ...` → "1.2.0". */
export function versionFromPath(path: string): string | null {
  const matches = [...resolve(path).matchAll(/(?:^|[^a-z0-9])v(\d+\.\d+(?:\.\d+)?)(?![\d.]*\d)/gi)];
  const last = matches.at(-1);
  return last?.[1] ?? null;
}

/** Recognises one file by its name; null when the importer does not know it. */
export function recogniseFile(path: string, defaultLang: string | null): Omit<PlannedFile, 'size'> | null {
  const name = basename(path);
  const version = versionFromPath(path);
  if (/^corpus_elements\.tsv$/i.test(name)) {
    const folder = basename(dirname(path)).toLowerCase();
    const lang = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/.test(folder) ? folder : defaultLang;
    return {
      path,
      kind: 'label_list',
      lang,
      version,
      mappingPath: join(dirname(path), 'concept_mapping.tsv'),
    };
  }
  for (const spec of kindSpecs) {
    const m = spec.pattern.exec(name);
    if (!m) continue;
    if (spec.kind === 'collection') {
      return {
        path,
        kind: 'collection',
        lang: m[2]?.toLowerCase() ?? null,
        version,
        collection: (m[1] ?? '').toLowerCase(),
      };
    }
    return {
      path,
      kind: spec.kind,
      lang: m[1]?.toLowerCase() ?? (spec.languageDependent ? defaultLang : null),
      version,
    };
  }
  return null;
}

export function specOf(kind: EscoFileKind): KindSpec | undefined {
  return kindSpecs.find((s) => s.kind === kind);
}

/** Guesses which ESCO file a header belongs to, to explain a file of another kind. */
export function guessKindFromHeader(columns: string[]): EscoFileKind | null {
  const set = new Set(columns);
  const best = kindSpecs
    .filter((s) => s.required.length > 0 && s.kind !== 'collection')
    .map((s) => ({ kind: s.kind, score: s.required.filter((c) => set.has(c)).length / s.required.length }))
    .filter((s) => s.score === 1)
    .sort((a, b) => b.score - a.score);
  // Skills and occupations share most columns: the distinguishing ones decide.
  if (set.has('iscoGroup') && set.has('conceptUri')) return 'occupations';
  if (set.has('skillType') && set.has('conceptUri') && set.has('altLabels')) return 'skills';
  return best[0]?.kind ?? null;
}

const maxDepth = 4;

/**
 * Expands the paths given to the importer into the files to read. Files named explicitly must be
 * recognised (else `invalid_file`); unknown files found in folders are skipped and listed.
 * Files in a language outside `langs` (when given) are skipped.
 */
export function planFiles(
  paths: string[],
  options: { langs?: string[] | undefined } = {},
): { files: PlannedFile[]; skipped: SkippedFile[] } {
  const langs = options.langs && options.langs.length > 0 ? options.langs.map((l) => l.toLowerCase()) : null;
  const defaultLang = langs && langs.length === 1 ? (langs[0] ?? null) : null;
  const files: PlannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();

  const consider = (path: string, explicit: boolean) => {
    const full = resolve(path);
    if (seen.has(full)) return;
    seen.add(full);
    const name = basename(full);
    if (/^concept_mapping\.tsv$/i.test(name)) {
      // Read together with corpus_elements.tsv.
      if (explicit) consider(join(dirname(full), 'corpus_elements.tsv'), true);
      return;
    }
    const found = recogniseFile(full, defaultLang);
    if (!found) {
      if (explicit) {
        throw errors.invalidFile(
          full,
          'not a file of the ESCO CSV package this importer knows (occupations_<lang>.csv, skills_<lang>.csv, ISCOGroups_<lang>.csv, skillGroups_<lang>.csv, skillsHierarchy_<lang>.csv, *Collection_<lang>.csv, broaderRelations*.csv, occupationSkillRelations.csv, skillSkillRelations.csv, or a corpus_elements.tsv label list)',
        );
      }
      skipped.push({ path: full, reason: 'not an ESCO file this importer reads' });
      return;
    }
    if (found.kind === 'ignored') {
      skipped.push({
        path: full,
        reason: 'not needed (concept schemes, column dictionary or another table)',
      });
      return;
    }
    const carriesLabels = found.kind === 'label_list' || specOf(found.kind)?.languageDependent === true;
    // Relations and collections are the same in every language: --lang does not filter them.
    if (carriesLabels && langs && found.lang && !langs.includes(found.lang)) {
      skipped.push({ path: full, reason: `language ${found.lang} not selected (--lang ${langs.join(',')})` });
      return;
    }
    const spec = specOf(found.kind);
    if ((spec?.languageDependent || found.kind === 'label_list') && !found.lang) {
      throw errors.invalidFile(
        full,
        'the language of this file is unknown: name it like occupations_<lang>.csv (or put a label list in a folder named after its language), or pass one language with --lang',
      );
    }
    files.push({ ...found, size: statSync(full).size });
  };

  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth) walk(full, depth + 1);
      } else if (entry.isFile()) {
        consider(full, false);
      }
    }
  };

  for (const p of paths) {
    const full = resolve(p);
    let st;
    try {
      st = statSync(full);
    } catch {
      throw errors.invalidFile(full, 'no such file or folder');
    }
    if (st.isDirectory()) walk(full, 0);
    else consider(full, true);
  }
  return { files: oneLanguageOfEach(files, skipped), skipped };
}

/**
 * A package in many languages repeats the relation and collection files in each (v1.0 and
 * v1.2 name them `occupationSkillRelations_en.csv`, ...): read one copy, English when there.
 */
function oneLanguageOfEach(files: PlannedFile[], skipped: SkippedFile[]): PlannedFile[] {
  const chosen = new Map<string, PlannedFile>();
  const root = (f: PlannedFile) => {
    const parent = dirname(f.path);
    return /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(basename(parent)) ? dirname(parent) : parent;
  };
  // The file name without its language: `researchSkillsCollection_en.csv` and
  // `researchOccupationsCollection_en.csv` are two files of the same collection, not two copies.
  const stem = (f: PlannedFile) =>
    basename(f.path)
      .replace(/(?:_[a-z]{2,3}(?:-[a-z0-9]{2,8})?)?\.csv$/i, '')
      .toLowerCase();
  const key = (f: PlannedFile) => `${root(f)}\u0000${f.kind}\u0000${stem(f)}`;
  for (const f of files) {
    if (specOf(f.kind)?.languageDependent !== false || f.lang === null) continue;
    const current = chosen.get(key(f));
    if (!current || (f.lang === 'en' && current.lang !== 'en')) chosen.set(key(f), f);
  }
  return files.filter((f) => {
    if (specOf(f.kind)?.languageDependent !== false || f.lang === null) return true;
    if (chosen.get(key(f)) === f) return true;
    skipped.push({
      path: f.path,
      reason: 'the same relations or collection as another language already read',
    });
    return false;
  });
}
