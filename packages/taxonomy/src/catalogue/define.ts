import type { CatalogueLabels, CatalogueSector, SkillReuseLevel } from './types';

/**
 * Authoring helpers for the sector modules. A concept is written as one line: a stable key, the
 * ESCO UUID when one corresponds (null otherwise), and its labels in en, fr, nl, ar, each as
 * 'preferred | alternative | alternative'. Occupations name their skills by key; `buildCatalogue`
 * turns keys into URIs.
 */

/** Labels in en, fr, nl, ar; each 'preferred | alt | alt'. */
export type LabelLine = readonly [en: string, fr: string, nl: string, ar: string];

export interface SkillSpec {
  key: string;
  esco: string | null;
  type: 'skill' | 'knowledge';
  labels: LabelLine;
  broader: readonly string[];
  reuseLevel?: SkillReuseLevel;
}

export interface OccupationSpec {
  key: string;
  iscoCode: string;
  esco: string | null;
  labels: LabelLine;
  essential: readonly string[];
  optional: readonly string[];
}

/** The occupations of one sector and the skills first needed there. */
export interface SectorModule {
  sector: CatalogueSector;
  skills: readonly SkillSpec[];
  occupations: readonly OccupationSpec[];
}

/** Skills shared by many sectors. */
export interface TransversalModule {
  sector: 'transversal';
  skills: readonly SkillSpec[];
}

/** A skill/competence; `broader` names broader skills by key. */
export function skill(
  key: string,
  esco: string | null,
  labels: LabelLine,
  broader: readonly string[] = [],
): SkillSpec {
  return { key, esco, type: 'skill', labels, broader };
}

/** A knowledge concept (ESCO's skillType "knowledge"). */
export function knowledge(
  key: string,
  esco: string | null,
  labels: LabelLine,
  broader: readonly string[] = [],
): SkillSpec {
  return { key, esco, type: 'knowledge', labels, broader };
}

/** An occupation with its ISCO-08 unit group and its essential and optional skills, by key. */
export function occupation(
  key: string,
  iscoCode: string,
  esco: string | null,
  labels: LabelLine,
  essential: readonly string[],
  optional: readonly string[] = [],
): OccupationSpec {
  return { key, iscoCode, esco, labels, essential, optional };
}

/** Splits 'preferred | alt | alt' lines into the catalogue's label objects. */
export function parseLabelLine(line: LabelLine): CatalogueLabels {
  const parse = (text: string) => {
    const [preferred = '', ...alt] = text.split('|').map((part) => part.trim());
    return { preferred, alt: alt.filter((label) => label.length > 0) };
  };
  return { en: parse(line[0]), fr: parse(line[1]), nl: parse(line[2]), ar: parse(line[3]) };
}

export const escoOccupationPrefix = 'http://data.europa.eu/esco/occupation/';
export const escoSkillPrefix = 'http://data.europa.eu/esco/skill/';

/** The URI of a skill: its ESCO URI, or a stable project URN built from its key. */
export function skillUri(spec: Pick<SkillSpec, 'key' | 'esco'>): string {
  return spec.esco ? `${escoSkillPrefix}${spec.esco}` : `urn:passerelle:skill:${spec.key}`;
}

/** The URI of an occupation: its ESCO URI, or a stable project URN built from its key. */
export function occupationUri(spec: Pick<OccupationSpec, 'key' | 'esco'>): string {
  return spec.esco ? `${escoOccupationPrefix}${spec.esco}` : `urn:passerelle:occupation:${spec.key}`;
}

/** Records ESCO's reuse level on a skill (used for the transversal skills). */
export function withReuseLevel(reuseLevel: SkillReuseLevel, spec: SkillSpec): SkillSpec {
  return { ...spec, reuseLevel };
}
