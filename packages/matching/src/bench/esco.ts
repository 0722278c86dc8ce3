import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { KnowledgeInput } from '../knowledge/knowledge';
import type { GeneratorCatalogue, OccupationSkillRelation } from './generate';

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  }) as Record<string, string>[];
}

/**
 * Reads what the benchmark needs from an official ESCO CSV folder (e.g. ESCO v1.1.1 as
 * unpacked: `relations/` beside `en/`, or the flat official layout): occupation–skill
 * relations, occupation ISCO codes, the skill hierarchy and skill–skill relations.
 */
export function readEscoFolder(dir: string): { catalogue: GeneratorCatalogue; knowledge: KnowledgeInput } {
  const find = (...names: string[]) => {
    for (const n of names) {
      const f = join(dir, n);
      if (existsSync(f)) return f;
    }
    return null;
  };
  const relFile = find(
    'relations/occupationSkillRelations.csv',
    'occupationSkillRelations.csv',
    'occupationSkillRelations_en.csv',
  );
  if (!relFile) throw new Error(`no occupationSkillRelations.csv under ${dir}`);
  const relations: OccupationSkillRelation[] = readCsv(relFile).map((r) => ({
    occupation: r.occupationUri!,
    skill: r.skillUri!,
    type: r.relationType === 'optional' ? 'optional' : 'essential',
  }));
  const isco = new Map<string, string>();
  const occFile = find('en/occupations_en.csv', 'occupations_en.csv');
  if (occFile)
    for (const r of readCsv(occFile)) if (r.conceptUri && r.iscoGroup) isco.set(r.conceptUri, r.iscoGroup);
  const broaderFile = find(
    'relations/broaderRelationsSkillPillar.csv',
    'broaderRelationsSkillPillar.csv',
    'broaderRelationsSkillPillar_en.csv',
  );
  const skillBroader = broaderFile
    ? readCsv(broaderFile).map((r) => ({ narrower: r.conceptUri!, broader: r.broaderUri! }))
    : [];
  const relatedFile = find(
    'relations/skillSkillRelations.csv',
    'skillSkillRelations.csv',
    'skillSkillRelations_en.csv',
  );
  const skillRelations = relatedFile
    ? readCsv(relatedFile).map((r) => ({
        from: r.originalSkillUri!,
        to: r.relatedSkillUri!,
        type: (r.relationType === 'optional' ? 'optional' : 'essential') as 'essential' | 'optional',
      }))
    : [];
  return {
    catalogue: { relations, isco },
    knowledge: {
      occupationSkills: relations,
      occupationIsco: [...isco].map(([occupation, code]) => ({ occupation, isco: code })),
      skillBroader,
      skillRelations,
    },
  };
}
