import { loadavg } from 'node:os';
import { KIND_DIRECT } from '../knowledge/expand';
import { createKnowledge, type KnowledgeInput } from '../knowledge/knowledge';
import { createMatchIndex, weigh, type MatchIndex } from '../index/match-index';
import { vacancyCriteria } from '../criteria/sets';
import { emptyRankStats } from '../index/ranker';
import { SCALE_DECODE } from '../index/postings';
import { overlapOptions, type MatchOptionsInput } from '../options';
import { DataGenerator, type GeneratorCatalogue } from './generate';
import { Random } from './random';
import { verifyRankings, type VerifyResult } from './verify';

/** Raw SQL access (the CLI passes a @passerelle/db Database). */
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface MatchBenchOptions {
  vacancies: number;
  people: number;
  queries: number;
  seed: number;
  sqlQueries: number;
  catalogue: GeneratorCatalogue;
  knowledge: KnowledgeInput;
  /** Where the SQL baseline runs, and its name in the output. */
  sql?: { name: string; client: SqlClient };
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** Forces a garbage collection before the heap is measured (node --expose-gc or v8 flags). */
  gc?: () => void;
  /**
   * After the timings: this many queries per direction compared with scoring every document
   * (with 5,000 generated trainings added for the training directions). Linear per query.
   */
  verifyQueries?: number;
  /** Index-time options for the engine (e.g. `partitionedListMin`, `classBounds`). */
  indexOptions?: MatchOptionsInput;
}

/** The benchmark's JSON figures (see issue 6). */
export interface MatchBenchResult {
  vacancies: number;
  people: number;
  build_s: number;
  heap_mb: number;
  person_to_vacancies: { p50_ms: number; p99_ms: number };
  vacancy_to_people: { p50_ms: number; p99_ms: number };
  sql_overlap: { database: string; queries: number; p50_ms: number; same_top20: boolean } | null;
  engine_overlap_p50_ms: number;
  floor_p50_ms: number;
}

/** Extra figures printed on stderr (not part of the JSON contract). */
export interface MatchBenchDetails {
  /** The `putVacancy` calls of the bulk load (records generated outside the timed region). */
  buildVacanciesSeconds: number;
  buildPeopleSeconds: number;
  /** The end of the bulk load, per side: every posting list allocated and filled (`endBulk`). */
  fillVacanciesSeconds: number;
  fillPeopleSeconds: number;
  /** Vacancies alone: their `putVacancy` calls plus their list fill, wall and CPU (the build target). */
  vacanciesBuild: { wall_s: number; cpu_s: number };
  indexBytes: number;
  vacancyIndexBytes: number;
  peopleIndexBytes: number;
  postings: number;
  personToVacanciesMeanPostingsProcessed: number;
  personToVacanciesMeanPostingsTotal: number;
  personToVacanciesMeanEvaluated: number;
  sqlLoadSeconds: number;
  /**
   * CPU time of this process for the same work (user + system): on a shared machine, wall-clock
   * figures grow with the load while these mostly do not.
   */
  cpu: {
    build_s: number;
    person_to_vacancies: { p50_ms: number; p99_ms: number };
    vacancy_to_people: { p50_ms: number; p99_ms: number };
    engine_overlap_p50_ms: number;
    floor_p50_ms: number;
  };
  /** 1-minute load average of the machine when the run started and when it ended. */
  loadAverage: { start: number; end: number };
  /** Vacancy → people: mean postings read and in the query's lists, and mean evaluations. */
  vacancyToPeopleMeanPostingsProcessed: number;
  vacancyToPeopleMeanPostingsTotal: number;
  vacancyToPeopleMeanEvaluated: number;
  /** Mean candidates left once no new document could qualify, per direction. */
  personToVacanciesMeanCandidates: number;
  vacancyToPeopleMeanCandidates: number;
  /** The comparison with scoring every document (`verifyQueries`), when asked for. */
  verify?: VerifyResult;
}

/** Runs `f` and returns [wall ms, CPU ms]. */
function timed(f: () => void): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1000];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const mean = (sum: number, n: number) => (n > 0 ? Math.round(sum / n) : 0);

/** Direct skill ids of an indexed person (the overlap baseline's query). */
export function directSkillIds(index: MatchIndex, id: string): number[] {
  const p = index.personView(id);
  const out: number[] = [];
  for (let i = p.skillsFrom(), e = p.kindEnd(KIND_DIRECT); i < e; i++) out.push(p.u16[i]!);
  return out;
}

/**
 * Times the engine on generated data at a given size: index build, heap, top-20 latencies in
 * both directions, the plain overlap mode, a bare posting-list floor, and the SQL baseline.
 */
export async function runMatchBenchmark(
  o: MatchBenchOptions,
): Promise<{ result: MatchBenchResult; details: MatchBenchDetails }> {
  const log = o.log ?? (() => {});
  // With no people there is nothing to query: only the build (and the heap) is measured.
  const buildOnly = o.people === 0;
  const loadAtStart = loadavg()[0]!;
  const knowledge = createKnowledge(o.knowledge);
  const generator = new DataGenerator(o.catalogue);
  const index = createMatchIndex({ knowledge, options: { ...o.indexOptions, today: generator.today } });

  // Build: records are generated in chunks outside the timed region, then added.
  let buildCpuMs = 0;
  let sideCpuMs = 0;
  const timeBuild = <T>(n: number, make: (i: number) => T, put: (r: T) => void, label: string) => {
    let seconds = 0;
    sideCpuMs = 0;
    const chunk = 20_000;
    for (let start = 0; start < n; start += chunk) {
      const batch: T[] = [];
      for (let i = start; i < Math.min(n, start + chunk); i++) batch.push(make(i));
      const [wall, cpu] = timed(() => {
        for (const r of batch) put(r);
      });
      seconds += wall / 1000;
      buildCpuMs += cpu;
      sideCpuMs += cpu;
      if ((start / chunk) % 10 === 0)
        log(`  ${label}: ${Math.min(n, start + chunk)} / ${n} (${seconds.toFixed(1)} s)`);
    }
    return seconds;
  };
  log(`building the index (${o.vacancies} vacancies, ${o.people} people)...`);
  index.beginBulk();
  const buildVacanciesSeconds = timeBuild(
    o.vacancies,
    (i) => generator.vacancy(o.seed, i),
    (v) => index.putVacancy(v),
    'vacancies',
  );
  const vacanciesCpuMs = sideCpuMs;
  const buildPeopleSeconds = timeBuild(
    o.people,
    (i) => generator.person(o.seed, i),
    (p) => index.putPerson(p),
    'people',
  );
  // The end of the bulk load, per side (the index's endBulk then has nothing left to fill).
  const [fillVacanciesWall, fillVacanciesCpu] = timed(() => index.vacancies.endBulk());
  const [fillPeopleWall, fillPeopleCpu] = timed(() => index.people.endBulk());
  const [endWall, endCpu] = timed(() => index.endBulk());
  const trimSeconds = (fillVacanciesWall + fillPeopleWall + endWall) / 1000;
  buildCpuMs += fillVacanciesCpu + fillPeopleCpu + endCpu;
  // Twice: the backing stores of the typed arrays a bulk load drops (its counting and fill
  // buffers) are only given back by the collection after the one that finds them unreachable.
  o.gc?.();
  o.gc?.();
  const memory = process.memoryUsage();
  const heapMb = (memory.heapUsed + memory.arrayBuffers) / 1024 / 1024;
  const stats = index.stats();
  log(
    `  built in ${(buildVacanciesSeconds + buildPeopleSeconds + trimSeconds).toFixed(1)} s (vacancies ${(buildVacanciesSeconds + fillVacanciesWall / 1000).toFixed(2)} s with their list fill, CPU ${((vacanciesCpuMs + fillVacanciesCpu) / 1000).toFixed(2)} s); heap ${heapMb.toFixed(0)} MB; ${stats.postings} postings`,
  );

  // Queries: seeded picks of people and vacancies (none when only the build is measured).
  const random = new Random(o.seed * 7919 + 1);
  const queries = buildOnly ? 0 : o.queries;
  const peopleIds = Array.from({ length: queries }, () => `p${random.int(o.people)}`);
  const vacancyIds = Array.from({ length: queries }, () => `v${random.int(o.vacancies)}`);
  const warm = Math.min(20, queries);
  for (let i = 0; i < warm; i++) {
    index.rankVacanciesForPerson(peopleIds[i]!, { limit: 20 });
    index.rankPeopleForVacancy(vacancyIds[i]!, { limit: 20 });
    index.rankVacanciesForPerson(peopleIds[i]!, { limit: 20, options: overlapOptions });
  }
  if (!buildOnly) log(`timing ${queries} queries per direction...`);
  const p2v: number[] = [];
  const p2vCpu: number[] = [];
  let processed = 0;
  let total = 0;
  let evaluated = 0;
  let candidates = 0;
  for (const id of peopleIds) {
    const s = emptyRankStats();
    const [wall, cpu] = timed(() => index.rankVacanciesForPerson(id, { limit: 20 }, s));
    p2v.push(wall);
    p2vCpu.push(cpu);
    processed += s.postingsProcessed;
    total += s.postingsTotal;
    evaluated += s.evaluated;
    candidates += s.candidates;
  }
  const v2p: number[] = [];
  const v2pCpu: number[] = [];
  const v2pCounts = { processed: 0, total: 0, evaluated: 0, candidates: 0 };
  for (const id of vacancyIds) {
    const s = emptyRankStats();
    const [wall, cpu] = timed(() => index.rankPeopleForVacancy(id, { limit: 20 }, s));
    v2p.push(wall);
    v2pCpu.push(cpu);
    v2pCounts.processed += s.postingsProcessed;
    v2pCounts.total += s.postingsTotal;
    v2pCounts.evaluated += s.evaluated;
    v2pCounts.candidates += s.candidates;
  }
  const overlap: number[] = [];
  const overlapCpu: number[] = [];
  for (const id of peopleIds) {
    const [wall, cpu] = timed(() => index.rankVacanciesForPerson(id, { limit: 20, options: overlapOptions }));
    overlap.push(wall);
    overlapCpu.push(cpu);
  }
  const floorCpu: number[] = [];
  const floor = measureFloor(index, peopleIds, floorCpu);

  let verify: VerifyResult | undefined;
  if (!buildOnly && o.verifyQueries && o.verifyQueries > 0) {
    log(`comparing ${o.verifyQueries} queries per direction with scoring every document...`);
    index.putMany({ trainings: generator.trainings(o.seed, 5000) });
    verify = verifyRankings(index, { queries: o.verifyQueries, seed: o.seed, log });
    log(`  ${verify.queries} queries, ${verify.mismatches} mismatches`);
  }

  let sql: MatchBenchResult['sql_overlap'] = null;
  let sqlLoadSeconds = 0;
  if (o.sql && !buildOnly) {
    const n = Math.min(o.sqlQueries, peopleIds.length);
    log(`loading ${index.vacancies.size} vacancies into ${o.sql.name} for the SQL baseline...`);
    const t1 = performance.now();
    await loadSqlTable(index, o.sql.client, log);
    sqlLoadSeconds = (performance.now() - t1) / 1000;
    log(`  loaded in ${sqlLoadSeconds.toFixed(1)} s; running ${n} queries...`);
    const times: number[] = [];
    let same = true;
    for (const id of peopleIds.slice(0, n)) {
      const skills = directSkillIds(index, id);
      const t0 = performance.now();
      const rows = await o.sql.client.query<{ score: number }>(SQL_TOP20, [skills]);
      times.push(performance.now() - t0);
      const engine = index
        .rankVacanciesForPerson(id, { limit: 20, options: overlapOptions })
        .items.map((r) => r.score);
      // SQL only sees vacancies sharing a skill; the engine ranks every vacancy (zeros last).
      const sqlScores = rows.map((r) => Number(r.score));
      const engineNonZero = engine.filter((s) => s > 0);
      if (sqlScores.length !== engineNonZero.length || sqlScores.some((s, i) => s !== engineNonZero[i]))
        same = false;
    }
    sql = { database: o.sql.name, queries: n, p50_ms: round(percentile(times, 50)), same_top20: same };
  }

  return {
    result: {
      vacancies: index.vacancies.size,
      people: index.people.size,
      build_s: round(buildVacanciesSeconds + buildPeopleSeconds + trimSeconds, 2),
      heap_mb: Math.round(heapMb),
      person_to_vacancies: { p50_ms: round(percentile(p2v, 50)), p99_ms: round(percentile(p2v, 99)) },
      vacancy_to_people: { p50_ms: round(percentile(v2p, 50)), p99_ms: round(percentile(v2p, 99)) },
      sql_overlap: sql,
      engine_overlap_p50_ms: round(percentile(overlap, 50)),
      floor_p50_ms: round(percentile(floor, 50)),
    },
    details: {
      buildVacanciesSeconds: round(buildVacanciesSeconds, 2),
      buildPeopleSeconds: round(buildPeopleSeconds, 2),
      fillVacanciesSeconds: round(fillVacanciesWall / 1000, 2),
      fillPeopleSeconds: round(fillPeopleWall / 1000, 2),
      vacanciesBuild: {
        wall_s: round(buildVacanciesSeconds + fillVacanciesWall / 1000, 2),
        cpu_s: round((vacanciesCpuMs + fillVacanciesCpu) / 1000, 2),
      },
      indexBytes: stats.bytes,
      vacancyIndexBytes: index.vacancies.bytes(),
      peopleIndexBytes: index.people.bytes(),
      postings: stats.postings,
      personToVacanciesMeanPostingsProcessed: mean(processed, peopleIds.length),
      personToVacanciesMeanPostingsTotal: mean(total, peopleIds.length),
      personToVacanciesMeanEvaluated: mean(evaluated, peopleIds.length),
      sqlLoadSeconds: round(sqlLoadSeconds, 1),
      cpu: {
        build_s: round(buildCpuMs / 1000, 2),
        person_to_vacancies: { p50_ms: round(percentile(p2vCpu, 50)), p99_ms: round(percentile(p2vCpu, 99)) },
        vacancy_to_people: { p50_ms: round(percentile(v2pCpu, 50)), p99_ms: round(percentile(v2pCpu, 99)) },
        engine_overlap_p50_ms: round(percentile(overlapCpu, 50)),
        floor_p50_ms: round(percentile(floorCpu, 50)),
      },
      loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0]!, 2) },
      vacancyToPeopleMeanPostingsProcessed: mean(v2pCounts.processed, vacancyIds.length),
      vacancyToPeopleMeanPostingsTotal: mean(v2pCounts.total, vacancyIds.length),
      vacancyToPeopleMeanEvaluated: mean(v2pCounts.evaluated, vacancyIds.length),
      personToVacanciesMeanCandidates: mean(candidates, peopleIds.length),
      vacancyToPeopleMeanCandidates: mean(v2pCounts.candidates, vacancyIds.length),
      ...(verify ? { verify } : {}),
    },
  };
}

/**
 * The floor: for each person query, a bare loop that only adds up the posting lists the
 * full-mode query names (every criterion's terms), with no bounds, no scoring and no selection.
 */
export function measureFloor(index: MatchIndex, peopleIds: readonly string[], cpuTimes?: number[]): number[] {
  const options = index.options;
  const ctx = index.context(options);
  const acc = new Float32Array(index.vacancies.slots);
  const times: number[] = [];
  for (const id of peopleIds) {
    const p = index.personView(id);
    const lists: { docs: Int32Array; length: number; w: number; scale: Uint16Array | null }[] = [];
    for (const { scorer, weight } of weigh(vacancyCriteria, options.weights.vacancy, (c) =>
      c.forPerson(p, ctx),
    )) {
      for (const term of scorer.plan?.terms ?? []) {
        const family = index.vacancies.families.get(term.family);
        for (const list of family?.listsOf(term.key) ?? [])
          lists.push({
            docs: list.docs,
            length: list.length,
            w: weight * term.weight,
            scale: term.scaled ? list.impacts : null,
          });
      }
    }
    const [wall, cpu] = timed(() => {
      for (const l of lists) {
        const docs = l.docs;
        const w = l.w;
        const scale = l.scale;
        if (scale) for (let i = 0; i < l.length; i++) acc[docs[i]!]! += w * SCALE_DECODE[scale[i]!]!;
        else for (let i = 0; i < l.length; i++) acc[docs[i]!]! += w;
      }
    });
    times.push(wall);
    cpuTimes?.push(cpu);
    acc.fill(0);
  }
  return times;
}

/** Top 20 vacancies by the number of skills shared with the query, over an int[] column with a GIN index. */
export const SQL_TOP20 = `select id, (select count(*) from unnest(skills) s where s = any($1::int[]))::int as score
from bench_match_vacancy where skills && $1::int[] order by score desc, id limit 20`;

/** Creates the baseline table (dropping an old one) and loads every live vacancy's skill ids. */
export async function loadSqlTable(
  index: MatchIndex,
  client: SqlClient,
  log: (line: string) => void = () => {},
): Promise<void> {
  await client.query('drop table if exists bench_match_vacancy');
  await client.query('create table bench_match_vacancy (id integer primary key, skills integer[] not null)');
  const view = index.vacancies.newView();
  let ids: number[] = [];
  let arrays: string[] = [];
  const flush = async () => {
    if (ids.length === 0) return;
    await client.query(
      'insert into bench_match_vacancy (id, skills) select id, s::integer[] from unnest($1::integer[], $2::text[]) as u(id, s)',
      [ids, arrays],
    );
    ids = [];
    arrays = [];
  };
  for (let slot = 0; slot < index.vacancies.slots; slot++) {
    if (index.vacancies.alive[slot] !== 1) continue;
    index.vacancies.at(view, slot);
    const skills: number[] = [];
    for (let i = view.skillsFrom(); i < view.skillsEnd(); i++) skills.push(view.u16[i]!);
    ids.push(slot);
    arrays.push(`{${skills.join(',')}}`);
    if (ids.length >= 5000) await flush();
    if (slot % 200_000 === 0 && slot > 0) log(`  ${slot} rows`);
  }
  await flush();
  log('  building the GIN index...');
  await client.query('create index bench_match_vacancy_skills on bench_match_vacancy using gin (skills)');
  await client.query('analyze bench_match_vacancy');
}
