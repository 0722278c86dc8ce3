import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import {
  createPersonStore,
  createReferralStore,
  createTrainingStore,
  createVacancyStore,
  type Database,
  type Db,
} from '@passerelle/db';
import { defaultDemoSeed, defaultDemoSize, generateDemoData, type DemoOptions } from '@passerelle/demo';
import { jsonbKeyOrder, upsertOrganisations } from '@passerelle/io';
import { UsageError } from '../shared/exit';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';

export interface DemoSeedSummary {
  seed: string;
  organisations: { created: number; updated: number; unchanged: number };
  people: { created: number; updated: number; unchanged: number };
  vacancies: { created: number; updated: number; unchanged: number };
  trainings: { created: number; updated: number; unchanged: number };
  referrals: number;
  seconds: number;
}

const counts = (r: { created: number; updated: number; unchanged: number }) => ({
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
});

/**
 * Loads generated demo data in one transaction, by external id (seeding twice with the same seed
 * changes nothing). Organisations keep the generator's ids (so `demoIds` are stable); people,
 * vacancies and trainings get ids from the stores, and referrals are created for the people this
 * run created.
 */
export async function seedDemoData(database: Database, options: DemoOptions = {}): Promise<DemoSeedSummary> {
  const start = performance.now();
  const data = generateDemoData(options);
  const newId = randomUUID;
  return database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const orgs = await upsertOrganisations(
      tx,
      data.organisations.map((o) => ({ ...o, externalId: o.externalId ?? `demo-organisation-${o.id}` })),
      newId,
    );
    const people = await createPersonStore(tx, { newId }).upsertByExternalId(
      data.people.map(({ id: _id, ...p }) => jsonbKeyOrder({ ...p, externalId: p.externalId! })),
      { newId },
    );
    const vacancies = await createVacancyStore(tx).upsertByExternalId(
      data.vacancies.map(({ id: _id, ...v }) => ({ ...v, externalId: v.externalId! })),
      { newId },
    );
    const trainings = await createTrainingStore(tx).upsertByExternalId(
      data.trainings.map(({ id: _id, ...v }) => ({ ...v, externalId: v.externalId! })),
      { newId },
    );
    // The generator's ids of people, vacancies and trainings, mapped to the stored ones.
    const stored = new Map<string, { id: string; created: boolean }>();
    const remember = (
      records: { id: string; externalId?: string | null }[],
      outcomes: typeof people.outcomes,
    ) => {
      const byExternal = new Map(outcomes.map((o) => [o.externalId, o]));
      for (const r of records) {
        const o = byExternal.get(r.externalId ?? '');
        if (o) stored.set(r.id, { id: o.id, created: o.outcome === 'created' });
      }
    };
    remember(data.people, people.outcomes);
    remember(data.vacancies, vacancies.outcomes);
    remember(data.trainings, trainings.outcomes);
    const referralStore = createReferralStore(tx, { newId });
    let referrals = 0;
    for (const r of data.referrals) {
      const person = stored.get(r.personId);
      const target = stored.get(r.targetId);
      if (!person?.created || !target) continue;
      let referral = await referralStore.create(
        {
          personId: person.id,
          targetKind: r.targetKind,
          targetId: target.id,
          motivation: r.motivation,
          status: 'proposed',
          on: r.proposedOn,
        },
        newId(),
      );
      for (const step of r.steps) {
        referral = await referralStore.transition(
          referral.id,
          referral.version,
          { to: step.to, on: step.on, reasonCode: step.reasonCode ?? null },
          data.referenceDate > step.on ? data.referenceDate : step.on,
        );
      }
      referrals++;
    }
    return {
      seed: data.seed,
      organisations: counts(orgs),
      people: counts(people),
      vacancies: counts(vacancies),
      trainings: counts(trainings),
      referrals,
      seconds: Math.round((performance.now() - start) / 10) / 100,
    };
  });
}

/** True when the database holds no person yet (first start of a demo). */
export async function databaseHasNoPeople(database: Database): Promise<boolean> {
  const rows = await database.query<{ found: boolean }>('select exists (select 1 from people) as found');
  return !rows[0]?.found;
}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
    throw new UsageError(`${name} must be a whole number from 0 to 1000000`);
  return n;
}

/** `passerelle demo seed`: generated demo data of any size. */
export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('demo data');
  addDatabaseOptions(
    demo
      .command('seed')
      .description(
        'load generated people, employers, vacancies, trainings and referrals (same seed, same data)',
      )
      .option('--people <n>', `people (default ${defaultDemoSize.people})`)
      .option('--vacancies <n>', `vacancies (default ${defaultDemoSize.vacancies})`)
      .option('--trainings <n>', `training offers (default ${defaultDemoSize.trainings})`)
      .option('--employers <n>', 'employers (default: one per five vacancies, at least 12)')
      .option('--referrals <n>', 'referrals (default: one per five people)')
      .option('--seed <seed>', `the random seed (default "${defaultDemoSeed}")`)
      .option('--json', 'print the summary as JSON (the default)'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const options: DemoOptions = {
      seed: opts.seed ?? defaultDemoSeed,
      people: count('--people', opts.people, defaultDemoSize.people),
      vacancies: count('--vacancies', opts.vacancies, defaultDemoSize.vacancies),
      trainings: count('--trainings', opts.trainings, defaultDemoSize.trainings),
      ...(opts.employers !== undefined ? { employers: count('--employers', opts.employers, 0) } : {}),
      ...(opts.referrals !== undefined ? { referrals: count('--referrals', opts.referrals, 0) } : {}),
    };
    const summary = await withDatabase(config, (database) => seedDemoData(database, options));
    printJson(summary);
  });
}
