import { isDomainError } from '@passerelle/core';
import type { ExportRecord, PeopleExportGuard } from '@passerelle/io';
import type { AccessPolicy, Actor } from './policy';

/**
 * The guard of bulk people exports (`GET /api/exports/people`, the hook `PeopleExportGuard` of
 * @passerelle/io). A row leaves only when the caller may export that person (the rule table: an
 * administrator, a case manager for their organisation and caseload, a person for themself), and
 * only with the fields the caller may see: the row goes through `visibleFields` like any response,
 * so sensitive columns stay empty unless the caller is an assigned case manager or an administrator
 * who gave a reason, and each exported person's trail gets its read.
 */
export function peopleExportGuard(policy: AccessPolicy, actor: Actor): PeopleExportGuard {
  const mayExport = async (record: Record<string, unknown>): Promise<boolean> => {
    const resource = { type: 'person', record };
    if (policy.permits) return policy.permits(actor, 'export', resource);
    try {
      await policy.authorize(actor, 'export', resource);
      return true;
    } catch (e) {
      if (isDomainError(e) && (e.code === 'forbidden' || e.code === 'unauthenticated')) return false;
      throw e;
    }
  };
  return async (people) => {
    const out: ExportRecord[] = [];
    for (const p of people) {
      const record = { ...p.record, id: p.id };
      if (!(await mayExport(record))) continue;
      const { id: _id, ...visible } = await policy.visibleFields(actor, 'person', record);
      out.push({ id: p.id, record: visible });
    }
    return out;
  };
}
