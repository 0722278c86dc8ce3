import { describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import {
  createKnowledge,
  createMatchIndex,
  knowledgeFromCatalogue,
  overlapOptions,
} from '@passerelle/matching';
import {
  DataGenerator,
  directSkillIds,
  generatorCatalogueFrom,
  loadSqlTable,
  Random,
  SQL_TOP20,
} from '@passerelle/matching/bench';
import { starterCatalogue } from '@passerelle/taxonomy';

function smallIndex() {
  const generator = new DataGenerator(generatorCatalogueFrom(starterCatalogue));
  const index = createMatchIndex({
    knowledge: createKnowledge(knowledgeFromCatalogue(starterCatalogue)),
    options: { today: generator.today },
  });
  index.putMany({ vacancies: generator.vacancies(3, 3000), people: generator.people(3, 200) });
  return index;
}

describe.each(testDatabaseKinds())('on $name', (kind) => {
  test('the engine in plain skill-overlap mode returns exactly the top-20 scores SQL computes', async () => {
    const { database, drop } = await kind.create();
    try {
      const index = smallIndex();
      await loadSqlTable(index, database);
      const random = new Random(5);
      let compared = 0;
      for (let q = 0; q < 15; q++) {
        const id = `p${random.int(200)}`;
        const page = index.rankVacanciesForPerson(id, { limit: 20, options: overlapOptions });
        const rows = await database.query<{ score: number }>(SQL_TOP20, [directSkillIds(index, id)]);
        const sql = rows.map((r) => Number(r.score));
        // SQL sees only vacancies sharing a skill; the engine ranks every vacancy, zeros last.
        expect(page.items.map((r) => r.score).filter((s) => s > 0)).toEqual(sql);
        if (sql.length > 0) compared++;
      }
      expect(compared).toBeGreaterThan(10);
    } finally {
      await database.query('drop table if exists bench_match_vacancy');
      await database.close();
      await drop();
    }
  });
});
