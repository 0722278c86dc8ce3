import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referralStatuses, type ReferralStatus } from '@passerelle/core';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import { audit } from '../record-kit';

/**
 * Counts of 1 to 4 are not shown (small-cell suppression): in a breakdown by country or status, a
 * count that small can point at a person. Zero is shown; totals are shown.
 */
export const smallCellLimit = 5;

/** A count as a report shows it: null when it is between 1 and `smallCellLimit` − 1. */
export function suppressSmall(n: number): number | null {
  return n > 0 && n < smallCellLimit ? null : n;
}

/**
 * A breakdown whose total is shown: small counts suppressed, and when only one count is, the
 * smallest other non-zero count too (secondary suppression), so that the hidden count cannot be
 * worked out by subtracting the others from the total.
 */
export function suppressBreakdown(counts: readonly number[]): (number | null)[] {
  const out = counts.map(suppressSmall);
  if (out.filter((c) => c === null).length === 1) {
    let smallest = -1;
    for (const [i, c] of out.entries())
      if (c !== null && c > 0 && (smallest < 0 || c < out[smallest]!)) smallest = i;
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

const cell = z.object({ key: z.string(), count: z.number().nullable() });
const summary = z
  .object({
    scope: z.object({ organisationId: z.string().nullable(), country: z.string().nullable() }),
    suppressedBelow: z.number(),
    people: z.object({ total: z.number(), byReturnCountry: z.array(cell) }),
    referrals: z.object({
      total: z.number(),
      byStatus: z.array(cell),
      byTargetKind: z.array(cell),
    }),
    vacancies: z.object({ open: z.number() }),
    trainings: z.object({ open: z.number() }),
  })
  .meta({ id: 'ReportSummary' });

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

/** People in scope ($1 organisation, $2 country of return; null for any): live, not merged away. */
function peopleIn(alias: string): string {
  const c = (name: string) => `${alias}.${name}`;
  return `${c('archived_at')} is null and ${c('merged_into_id')} is null
    and ($1::uuid is null or ${c('owning_organisation_id')} = $1::uuid)
    and ($2::text is null or coalesce(${c('return_country')}, ${c('country')}) = $2::text)`;
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
      const actor = request.actor;
      // Programme managers and administrators see every organisation; others only their own.
      const wide = actor.role === 'administrator' || actor.role === 'programme_manager';
      const organisationId = wide ? null : actor.organisationId;
      await ctx.policy.authorize(actor, 'read', {
        type: 'report',
        record: organisationId ? { organisationId } : {},
      });
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
      const cells = (rows: Row[]) => {
        const counts = suppressBreakdown(rows.map((x) => x.n));
        return rows.map((x, i) => ({ key: x.key ?? 'unknown', count: counts[i]! }));
      };
      // Statuses in the order a referral goes through them.
      const statusOrder = (x: Row) => referralStatuses.indexOf((x.key ?? '') as ReferralStatus);
      byStatus.sort((a, b) => statusOrder(a) - statusOrder(b));
      const total = (rows: Row[]) => rows.reduce((s, x) => s + x.n, 0);
      await audit(ctx, request, { action: 'read_report', entity: 'report', entityId: 'summary' });
      return {
        scope: { organisationId, country },
        suppressedBelow: smallCellLimit,
        people: { total: total(byCountry), byReturnCountry: cells(byCountry) },
        referrals: { total: total(byStatus), byStatus: cells(byStatus), byTargetKind: cells(byKind) },
        vacancies: { open: open[0]?.vacancies ?? 0 },
        trainings: { open: open[0]?.trainings ?? 0 },
      };
    },
  );
}
