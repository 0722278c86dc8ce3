import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ageBands,
  bornOnOrBefore,
  groupOrder,
  indicatorsQuery,
  programmeIndicators,
  referralStatuses,
  unknownGroup,
  type IndicatorBreakdown,
  type ProgrammeIndicator,
  type ReferralStatus,
} from '@passerelle/core';
import { writeTableToBuffer } from '@passerelle/io';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import { audit, today } from '../record-kit';

/**
 * Counts of 1 to 4 are not shown (small-cell suppression): in a breakdown by country or status, a
 * count that small can point at a person. Zero is shown; a total is shown unless it would give a
 * hidden count away (see `suppressColumn`).
 */
export const smallCellLimit = 5;

/** A count as a report shows it: null when it is between 1 and `smallCellLimit` − 1. */
export function suppressSmall(n: number): number | null {
  return n > 0 && n < smallCellLimit ? null : n;
}

/**
 * A breakdown and its total as a report shows them:
 * - counts of 1 to 4 hidden, and those `alsoHidden` marks (whatever their size: a count that
 *   another column would give away);
 * - when only one count is hidden, the smallest other non-zero count too (secondary suppression),
 *   so that it cannot be worked out by subtracting the others from the total;
 * - the total hidden when it is small itself, or when one count alone is still hidden (no other
 *   count to hide with it: the total would be the hidden count plus the shown ones).
 */
export function suppressColumn(
  counts: readonly number[],
  alsoHidden: readonly boolean[] = [],
): { cells: (number | null)[]; total: number | null } {
  const cells = counts.map((c, i) => (alsoHidden[i] ? null : suppressSmall(c)));
  if (cells.filter((c) => c === null).length === 1) {
    let smallest = -1;
    for (const [i, c] of cells.entries())
      if (c !== null && c > 0 && (smallest < 0 || c < cells[smallest]!)) smallest = i;
    if (smallest >= 0) cells[smallest] = null;
  }
  const sum = counts.reduce((a, b) => a + b, 0);
  const alone = cells.filter((c) => c === null).length === 1;
  return { cells, total: alone || suppressSmall(sum) === null ? null : sum };
}

const cell = z.object({ key: z.string(), count: z.number().nullable() });
const summary = z
  .object({
    scope: z.object({ organisationId: z.string().nullable(), country: z.string().nullable() }),
    suppressedBelow: z.number(),
    people: z.object({ total: z.number().nullable(), byReturnCountry: z.array(cell) }),
    referrals: z.object({
      total: z.number().nullable(),
      byStatus: z.array(cell),
      byTargetKind: z.array(cell),
    }),
    vacancies: z.object({ open: z.number() }),
    trainings: z.object({ open: z.number() }),
  })
  .meta({ id: 'ReportSummary' });

const indicatorRow = z.object({
  key: z.string(),
  ...Object.fromEntries(programmeIndicators.map((name) => [name, z.number().nullable()])),
}) as z.ZodObject<{ key: z.ZodString } & Record<ProgrammeIndicator, z.ZodNullable<z.ZodNumber>>>;
const indicators = z
  .object({
    scope: z.object({
      organisationId: z.string().nullable(),
      country: z.string().nullable(),
      programme: z.string().nullable(),
    }),
    by: z.string(),
    /** The date ages are counted on (today). */
    asOf: z.string(),
    suppressedBelow: z.number(),
    groups: z.array(indicatorRow),
    total: z.object(
      Object.fromEntries(programmeIndicators.map((name) => [name, z.number().nullable()])),
    ) as z.ZodObject<Record<ProgrammeIndicator, z.ZodNullable<z.ZodNumber>>>,
  })
  .meta({ id: 'ProgrammeIndicators' });

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const query = z.object({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BE or IQ')
    .optional(),
});

interface Row {
  key: string | null;
  n: number;
}

/**
 * People in scope ($1 organisation, $2 country of return, and $3 programme when `programme`; null
 * for any): live, not merged away.
 */
function peopleIn(alias: string, programme = false): string {
  const c = (name: string) => `${alias}.${name}`;
  return `${c('archived_at')} is null and ${c('merged_into_id')} is null
    and ($1::uuid is null or ${c('owning_organisation_id')} = $1::uuid)
    and ($2::text is null or coalesce(${c('return_country')}, ${c('country')}) = $2::text)${
      programme ? `\n    and ($3::text is null or ${c('programme')} = $3::text)` : ''
    }`;
}

/**
 * The SQL of a person's group (alias p) under a breakdown. Age groups compare the birth date with
 * cut-off dates (parameters from $4 on, in `ageParams`), which agree with core's `ageOn`.
 */
function groupKey(by: IndicatorBreakdown): string {
  switch (by) {
    case 'sex':
      return `coalesce(nullif(p.data->>'sex', ''), '${unknownGroup}')`;
    case 'programme':
      return `coalesce(nullif(p.programme, ''), '${unknownGroup}')`;
    case 'returnCountry':
      return `coalesce(p.return_country, p.country, '${unknownGroup}')`;
    case 'ageGroup': {
      const bands = ageBands.filter((b) => b.below !== null);
      const whens = bands.map((b, i) => `when p.birth_date > $${5 + i}::date then '${b.key}'`).join(' ');
      return `case when p.birth_date is null or p.birth_date > $4::date then '${unknownGroup}' ${whens} else '${ageBands[ageBands.length - 1]!.key}' end`;
    }
  }
}

/** The parameters of `groupKey('ageGroup')` from $4: the report date, then each band's cut-off. */
function ageParams(asOf: string): string[] {
  return [asOf, ...ageBands.flatMap((b) => (b.below === null ? [] : [bornOnOrBefore(asOf, b.below)]))];
}

/**
 * The indicators as a report shows them: each column suppressed as a breakdown of its own total
 * (`suppressColumn`). In work at 6 months is a part of reached at 6 months: it is hidden also
 * where the difference (reached, not in work) is 1 to 4, or where reached is hidden.
 */
export function suppressIndicators(rows: readonly ({ key: string } & Record<ProgrammeIndicator, number>)[]): {
  groups: ({ key: string } & Record<ProgrammeIndicator, number | null>)[];
  total: Record<ProgrammeIndicator, number | null>;
} {
  const columns = {} as Record<ProgrammeIndicator, { cells: (number | null)[]; total: number | null }>;
  for (const name of programmeIndicators) {
    if (name === 'employed6m') continue;
    columns[name] = suppressColumn(rows.map((x) => x[name]));
  }
  const apart = (r: number, e: number) => r - e > 0 && r - e < smallCellLimit;
  columns.employed6m = suppressColumn(
    rows.map((x) => x.employed6m),
    rows.map((x, i) => columns.reached6m.cells[i] === null || apart(x.reached6m, x.employed6m)),
  );
  const sum = (name: ProgrammeIndicator) => rows.reduce((s, x) => s + x[name], 0);
  if (columns.reached6m.total === null || apart(sum('reached6m'), sum('employed6m')))
    columns.employed6m.total = null;
  return {
    groups: rows.map((x, i) => ({
      key: x.key,
      ...(Object.fromEntries(programmeIndicators.map((name) => [name, columns[name].cells[i]!])) as Record<
        ProgrammeIndicator,
        number | null
      >),
    })),
    total: Object.fromEntries(programmeIndicators.map((name) => [name, columns[name].total])) as Record<
      ProgrammeIndicator,
      number | null
    >,
  };
}

/** A text cell a spreadsheet will not read as a formula (a programme's name is free text). */
function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Who may see which organisation's figures: programme managers and administrators all, others their own. */
async function reportScope(ctx: AppContext, actor: FastifyRequest['actor']): Promise<string | null> {
  const wide = actor.role === 'administrator' || actor.role === 'programme_manager';
  const organisationId = wide ? null : actor.organisationId;
  await ctx.policy.authorize(actor, 'read', {
    type: 'report',
    record: organisationId ? { organisationId } : {},
  });
  return organisationId;
}

/**
 * Aggregates for programme managers (and administrators; case managers for their organisation):
 * how many people, referrals by status and kind, open vacancies and trainings. No personal detail,
 * and small counts in breakdowns suppressed.
 */
export async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/reports/summary',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Aggregate figures: people by country of return, referrals by status and kind, open vacancies and trainings (small counts suppressed)',
        querystring: query,
        response: { 200: summary, ...errorResponses },
      },
    },
    async (request) => {
      const organisationId = await reportScope(ctx, request.actor);
      const country = request.query.country ?? null;
      const db = ctx.database;
      const params = [organisationId, country];
      const [byCountry, byStatus, byKind, open] = await Promise.all([
        db.query<Row>(
          `select coalesce(p.return_country, p.country) as key, count(*)::int as n from people p
           where ${peopleIn('p')} group by 1 order by 2 desc, 1`,
          params,
        ),
        db.query<Row>(
          `select r.status as key, count(*)::int as n from referrals r join people p on p.id = r.person_id
           where ${peopleIn('p')}
           group by 1 order by 1`,
          params,
        ),
        db.query<Row>(
          `select r.target_kind as key, count(*)::int as n from referrals r join people p on p.id = r.person_id
           where ${peopleIn('p')}
           group by 1 order by 1`,
          params,
        ),
        db.query<{ vacancies: number; trainings: number }>(
          `select (select count(*)::int from vacancies where status = 'open'
                     and ($1::text is null or country = $1::text)) as vacancies,
                  (select count(*)::int from training_offers where status = 'open'
                     and ($1::text is null or country = $1::text)) as trainings`,
          [country],
        ),
      ]);
      // Statuses in the order a referral goes through them.
      const statusOrder = (x: Row) => referralStatuses.indexOf((x.key ?? '') as ReferralStatus);
      byStatus.sort((a, b) => statusOrder(a) - statusOrder(b));
      const column = (rows: Row[]) => {
        const { cells, total } = suppressColumn(rows.map((x) => x.n));
        return { total, cells: rows.map((x, i) => ({ key: x.key ?? 'unknown', count: cells[i]! })) };
      };
      const people = column(byCountry);
      const statuses = column(byStatus);
      const kinds = column(byKind);
      await audit(ctx, request, { action: 'read_report', entity: 'report', entityId: 'summary' });
      return {
        scope: { organisationId, country },
        suppressedBelow: smallCellLimit,
        people: { total: people.total, byReturnCountry: people.cells },
        referrals: {
          // One total for two breakdowns: hidden when either would give a count away with it.
          total: statuses.total === null || kinds.total === null ? null : statuses.total,
          byStatus: statuses.cells,
          byTargetKind: kinds.cells,
        },
        vacancies: { open: open[0]?.vacancies ?? 0 },
        trainings: { open: open[0]?.trainings ?? 0 },
      };
    },
  );

  r.get(
    '/api/reports/indicators',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Programme indicators (people followed, referred, placed, trained, reached and in work at their 6-month follow-up) by sex, age group, programme or country of return; small counts suppressed; JSON, or a CSV or XLSX table with ?format=',
        querystring: indicatorsQuery,
        response: { 200: indicators, ...errorResponses },
      },
    },
    async (request, reply) => {
      const organisationId = await reportScope(ctx, request.actor);
      const { by, format } = request.query;
      const country = request.query.country ?? null;
      const programme = request.query.programme ?? null;
      const asOf = today(ctx);
      // Each person once, with whether any of their referrals counts for each indicator.
      const rows = await ctx.database.query<{ key: string } & Record<ProgrammeIndicator, number>>(
        `with persons as (
           select p.id, ${groupKey(by)} as key from people p where ${peopleIn('p', true)}
         ), flags as (
           select r.person_id,
                  bool_or(r.sent_on is not null) as referred,
                  bool_or(r.target_kind = 'vacancy' and r.started_on is not null) as placed,
                  bool_or(r.target_kind = 'training' and r.status = 'completed') as trained
           from referrals r join persons x on x.id = r.person_id
           group by r.person_id
         ), contacts as (
           -- The latest contact that reached the person at the 6-month point of a placement.
           select distinct on (c.person_id) c.person_id, true as reached6m, c.employed = 'yes' as employed6m
           from follow_ups c join persons x on x.id = c.person_id
             join referrals r on r.id = c.referral_id and r.target_kind = 'vacancy' and r.started_on is not null
           where c.archived_at is null and c.months = 6 and c.reached
           order by c.person_id, c.on desc, c.created_at desc
         )
         select x.key, count(*)::int as people,
                (count(*) filter (where f.referred))::int as referred,
                (count(*) filter (where f.placed))::int as placed,
                (count(*) filter (where f.trained))::int as trained,
                (count(*) filter (where c.reached6m))::int as reached6m,
                (count(*) filter (where c.employed6m))::int as employed6m
         from persons x left join flags f on f.person_id = x.id left join contacts c on c.person_id = x.id
         group by x.key order by people desc, x.key`,
        [organisationId, country, programme, ...(by === 'ageGroup' ? ageParams(asOf) : [])],
      );
      rows.sort((a, b) => groupOrder(by, a.key) - groupOrder(by, b.key));
      const { groups, total } = suppressIndicators(rows);
      await audit(ctx, request, { action: 'read_report', entity: 'report', entityId: `indicators:${by}` });
      if (format === 'json')
        return {
          scope: { organisationId, country, programme },
          by,
          asOf,
          suppressedBelow: smallCellLimit,
          groups,
          total,
        };
      // A table: one row per group and a total row; a suppressed count is an empty cell.
      const cellOf = (n: number | null) => (n === null ? '' : String(n));
      const header = [by, ...programmeIndicators];
      const table = [
        ...groups.map((g) => [spreadsheetText(g.key), ...programmeIndicators.map((name) => cellOf(g[name]))]),
        ['total', ...programmeIndicators.map((name) => cellOf(total[name]))],
      ];
      const buffer = await writeTableToBuffer(format, header, table, {
        numericColumns: new Set(programmeIndicators),
        sheetName: 'indicators',
      });
      reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : xlsxType);
      reply.header('content-disposition', `attachment; filename="indicators-by-${by}.${format}"`);
      return reply.send(buffer as never);
    },
  );
}
