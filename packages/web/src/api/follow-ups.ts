import type { ContractKind, FollowUpBody, LeftReason } from '@passerelle/core';
import type { ApiError } from './client';
import { post, query, request } from './client';
import { endpoints } from './endpoints';

/**
 * Follow-ups after a placement (C5), as the page shows them, and the placements a follow-up can
 * be attached to. The server's record is read loosely, like the other adapters in resources.ts.
 */

export interface FollowUpRow {
  id: string;
  referralId: string | null;
  months: number | null;
  on: string;
  channel: string;
  reached: boolean;
  employed: 'yes' | 'no' | null;
  sameJob: boolean | null;
  monthlyWage: number | null;
  currency: string | null;
  contract: ContractKind | null;
  satisfaction: number | null;
  leftReason: LeftReason | null;
  notes: string | null;
  /** For If-Match when it is deleted. */
  version: number;
}

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

export function toFollowUp(raw: unknown): FollowUpRow {
  const r = asRaw(raw);
  return {
    id: String(r.id ?? ''),
    referralId: str(r.referralId),
    months: num(r.months),
    on: String(r.on ?? ''),
    channel: String(r.channel ?? ''),
    reached: r.reached === true,
    employed: r.employed === 'yes' || r.employed === 'no' ? r.employed : null,
    sameJob: bool(r.sameJob),
    monthlyWage: num(r.monthlyWage),
    currency: str(r.currency),
    contract: str(r.contract) as ContractKind | null,
    satisfaction: num(r.satisfaction),
    leftReason: str(r.leftReason) as LeftReason | null,
    notes: str(r.notes),
    version: num(r.version) ?? 0,
  };
}

/** A referral that placed the person in a job, with the date the follow-ups count from. */
export interface Placement {
  id: string;
  targetId: string;
  status: string;
  startedOn: string;
}

/**
 * The person's placements: referrals to a vacancy that were accepted or went further. The
 * follow-ups count from the start date, or from the answer while the job has not started.
 */
export function toPlacements(items: unknown[]): Placement[] {
  const out: Placement[] = [];
  for (const item of items) {
    const r = asRaw(item);
    const status = String(r.status ?? '');
    if (r.targetKind !== 'vacancy') continue;
    const start = str(r.startedOn) ?? (status === 'accepted' ? str(r.respondedOn) : null);
    if (!start || !['accepted', 'started', 'completed', 'dropped'].includes(status)) continue;
    out.push({ id: String(r.id ?? ''), targetId: String(r.targetId ?? ''), status, startedOn: start });
  }
  return out;
}

/** The person's vacancy referrals (the candidates for placements). */
export function placementsPath(personId: string): string {
  return `${endpoints.referrals}${query({ personId, targetKind: 'vacancy', limit: 100 })}`;
}

/**
 * Records a follow-up under an idempotency key: the same key for the same body (a double click,
 * or a retry after an answer that was lost) records it once.
 */
export function recordFollowUp(personId: string, body: FollowUpBody, key: string): Promise<unknown> {
  return post(endpoints.personFollowUps(personId), body, { 'idempotency-key': key });
}

/** Deletes a follow-up recorded by mistake (If-Match: the version it was read at). */
export async function deleteFollowUp(row: FollowUpRow): Promise<void> {
  await request(endpoints.followUp(row.id), {
    method: 'DELETE',
    headers: { 'if-match': `"${row.version}"` },
  });
}

/** One problem with one field, as the API reports it (`details.issues`). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** The field problems of a validation error, by the first segment of their path. */
export function fieldProblems(error: ApiError | null): FieldProblem[] {
  if (!error || (error.code !== 'validation_failed' && error.code !== 'invalid_reference')) return [];
  const issues = Array.isArray(error.details.issues) ? error.details.issues : [];
  return issues.map((i) => {
    const issue = asRaw(i);
    const path = Array.isArray(issue.path) ? issue.path : [];
    return {
      field: String(path[0] ?? ''),
      code: String(issue.code ?? issue.reason ?? ''),
      message: String(issue.message ?? ''),
    };
  });
}

/**
 * A wage as typed: `612.5`, `612,5` (decimal comma), `1,200` / `1 200` / `1.200` / `750.000`
 * (thousands; a wage is never a fraction with three decimals), in Western or Arabic-Indic digits
 * (`٦٤٠`, `۶۴۰`, with `٫` as the decimal and `٬` as the thousands sign). Text that is not a number
 * is sent as it is, so that the API refuses it on the field rather than the wage being dropped.
 */
export function parseWage(typed: string): number | string | null {
  const s = typed
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',');
  if (s === '') return null;
  const normal = /^\d+,\d{1,2}$/.test(s)
    ? s.replace(',', '.')
    : /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)
      ? s.replace(/,/g, '')
      : /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)
        ? s.replace(/\./g, '').replace(',', '.')
        : s;
  const n = Number(normal);
  return Number.isFinite(n) ? n : typed;
}

/** What the form holds: text as typed, empty strings for no answer. */
export interface FollowUpDraft {
  referralId: string;
  months: string;
  on: string;
  channel: string;
  reached: boolean;
  employed: string;
  sameJob: boolean;
  monthlyWage: string;
  currency: string;
  contract: string;
  satisfaction: string;
  leftReason: string;
  notes: string;
}

/**
 * The body the API expects: employment answers only when the person was reached. The date is
 * always the one the reader gave (in their own time zone; the server accepts a reader's today even
 * when its own UTC date is still yesterday).
 */
export function followUpBodyOf(d: FollowUpDraft): FollowUpBody {
  const body: FollowUpBody = {
    referralId: d.referralId || null,
    months: d.months ? (Number(d.months) as FollowUpBody['months']) : null,
    on: d.on,
    channel: d.channel as FollowUpBody['channel'],
    reached: d.reached,
    notes: d.notes.trim() || null,
  };
  if (!d.reached) return body;
  const employed = d.employed === 'yes' || d.employed === 'no' ? d.employed : null;
  return {
    ...body,
    employed,
    sameJob: employed === 'yes' ? d.sameJob : null,
    // Text that is not a number goes as typed: the API refuses it on the field.
    monthlyWage: parseWage(d.monthlyWage) as number | null,
    currency: d.currency.trim() ? d.currency.trim().toUpperCase() : null,
    contract: (d.contract || null) as FollowUpBody['contract'],
    satisfaction: d.satisfaction ? Number(d.satisfaction) : null,
    leftReason: employed === 'no' && d.leftReason ? (d.leftReason as LeftReason) : null,
  };
}
