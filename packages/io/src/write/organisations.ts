import { sql } from 'drizzle-orm';
import type { BulkUpsertResult } from '@passerelle/core';
import type { Db } from '@passerelle/db';

/** An organisation to create or update by external id. */
export interface OrganisationRow {
  id?: string;
  externalId: string;
  kind: string;
  name: string;
  country?: string | null;
  data: Record<string, unknown>;
}

/**
 * Creates or updates organisations by external id with one statement per batch (the batch is one
 * JSON parameter unpacked by jsonb_populate_recordset). An organisation whose name, country and
 * profile did not change keeps its version and updated_at, so re-importing a file changes nothing.
 * The kind of an existing organisation is never changed (the importer refuses such rows first).
 */
export async function upsertOrganisations(
  tx: Db,
  rows: OrganisationRow[],
  newId: () => string,
  batchSize = 2000,
): Promise<BulkUpsertResult> {
  const outcomes: BulkUpsertResult['outcomes'] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const payload = batch.map((r) => ({
      id: r.id ?? newId(),
      external_id: r.externalId,
      kind: r.kind,
      name: r.name,
      country: r.country ?? null,
      data: JSON.parse(JSON.stringify(r.data ?? {})) as unknown,
    }));
    const written = (await tx.execute(sql`
      insert into organisations as t (id, external_id, kind, name, country, data)
      select id, external_id, kind, name, country, data
      from jsonb_populate_recordset(null::organisations, ${JSON.stringify(payload)}::jsonb)
      on conflict (external_id) do update
        set name = excluded.name, country = excluded.country, data = excluded.data,
            version = t.version + 1, updated_at = now()
        where t.kind = excluded.kind
          and (t.name, t.country, t.data) is distinct from (excluded.name, excluded.country, excluded.data)
      returning t.id as id, t.external_id as external_id, (t.xmax = 0) as inserted`)) as unknown as {
      rows: { id: string; external_id: string; inserted: boolean }[];
    };
    const byExternal = new Map(written.rows.map((w) => [w.external_id, w]));
    const missing = batch.map((r) => r.externalId).filter((e) => !byExternal.has(e));
    const unchanged = new Map<string, string>();
    if (missing.length > 0) {
      const found = (await tx.execute(sql`
        select id, external_id from organisations
        where external_id in (select jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb))`)) as unknown as {
        rows: { id: string; external_id: string }[];
      };
      for (const f of found.rows) unchanged.set(f.external_id, f.id);
    }
    for (const r of batch) {
      const w = byExternal.get(r.externalId);
      if (w)
        outcomes.push({ externalId: r.externalId, id: w.id, outcome: w.inserted ? 'created' : 'updated' });
      else
        outcomes.push({
          externalId: r.externalId,
          id: unchanged.get(r.externalId) ?? '',
          outcome: 'unchanged',
        });
    }
  }
  return {
    outcomes,
    created: outcomes.filter((o) => o.outcome === 'created').length,
    updated: outcomes.filter((o) => o.outcome === 'updated').length,
    unchanged: outcomes.filter((o) => o.outcome === 'unchanged').length,
    dryRun: false,
  };
}
