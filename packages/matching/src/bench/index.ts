/**
 * The matching benchmark (`passerelle bench match`): data generation from occupation–skill
 * relations, measurement, and the SQL baseline. Separate entry point: it reads files.
 */
import type { CatalogueLike } from '../knowledge/from-catalogue';
import type { GeneratorCatalogue } from './generate';

export { DataGenerator, type GeneratorCatalogue, type OccupationSkillRelation } from './generate';
export { readEscoFolder } from './esco';
export {
  directSkillIds,
  loadSqlTable,
  measureFloor,
  runMatchBenchmark,
  SQL_TOP20,
  type MatchBenchDetails,
  type MatchBenchOptions,
  type MatchBenchResult,
  type SqlClient,
} from './run';
export { Random } from './random';
export { verifyRankings, type VerifyResult } from './verify';

/** Generator input from a catalogue (the taxonomy's starter catalogue). */
export function generatorCatalogueFrom(catalogue: CatalogueLike): GeneratorCatalogue {
  return {
    relations: catalogue.occupations.flatMap((o) => [
      ...o.essentialSkills.map((skill) => ({ occupation: o.uri, skill, type: 'essential' as const })),
      ...o.optionalSkills.map((skill) => ({ occupation: o.uri, skill, type: 'optional' as const })),
    ]),
    isco: new Map(catalogue.occupations.map((o) => [o.uri, o.iscoCode])),
  };
}
