import type { ImportKind, ImportReport } from '@passerelle/io';
import type { Actor } from '../../auth/policy';
import { recordAuditEntries, type AuditEntry, type AuditSink } from '../../auth/ports';

/** The access-control (and audit) type of each importable kind. */
export const importResourceTypes: Record<ImportKind, string> = {
  people: 'person',
  employers: 'employer',
  vacancies: 'vacancy',
  trainings: 'training',
};

/**
 * The audit entries of a committed import: the import itself, then, for a people file, a
 * `close_case` / `reopen_case` per person whose closure it changed, as the close and reopen
 * endpoints write them (with `via: import`).
 */
export function importAuditEntries(
  report: ImportReport,
  actor: Actor,
  requestId: string | null,
): AuditEntry[] {
  const entries: AuditEntry[] = [
    {
      actor,
      action: 'import',
      entity: importResourceTypes[report.kind],
      entityId: null,
      changes: { rows: report.rows, created: report.created, updated: report.updated },
      requestId,
    },
  ];
  for (const change of report.caseClosureChanges) {
    entries.push({
      actor,
      action: change.action,
      entity: 'person',
      entityId: change.id,
      personId: change.id,
      changes: { fields: ['caseClosure'], via: 'import', row: change.row },
      requestId,
    });
  }
  return entries;
}

/**
 * Audits a committed import in one batch, after its commit: the same entries whether it came
 * through HTTP (the signed-in user) or `passerelle import` (the operator, as `systemActor`).
 */
export async function auditImport(
  sink: AuditSink,
  report: ImportReport,
  actor: Actor,
  requestId: string | null,
): Promise<void> {
  if (!report.committed) return;
  await recordAuditEntries(sink, importAuditEntries(report, actor, requestId));
}
