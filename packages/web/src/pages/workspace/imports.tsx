import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button, Checkbox } from 'react-aria-components';
import { ApiError, post, query } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { ErrorNotice, NotAvailable, Page } from '../../components/ui';
import { formatNumber } from '../../i18n/format';
import { mayImportInWorkspace, useSession } from '../../app/session';

const kinds = ['people', 'employers', 'vacancies', 'trainings'] as const;

interface RowProblem {
  row: number | null;
  field: string | null;
  code: string;
  message: string;
}

/**
 * A row problem in the reader's language. The server's message is English and the most precise
 * (it names the column or the value): shown as it is in English, and when the code is not known.
 */
function problemText(t: TFunction, lang: string, p: RowProblem): string {
  if (lang.startsWith('en')) return p.message;
  switch (p.code) {
    case 'required':
      return t('imports.problemRequired', 'A value is required.');
    case 'invalid_type':
      return t('imports.problemType', 'The value is not of the expected kind.');
    case 'invalid_number':
      return t('imports.problemNumber', 'The value is not a number.');
    case 'invalid_boolean':
      return t('imports.problemBoolean', 'The value is not yes or no.');
    case 'duplicate_external_id':
      return t('imports.problemDuplicateId', 'Another row has the same external id.');
    case 'too_small':
      return t('imports.problemTooSmall', 'The value is too short or too small.');
    case 'too_big':
      return t('imports.problemTooBig', 'The value is too long or too large.');
    case 'invalid_format':
      return t('imports.problemFormat', 'The value is not in the expected format.');
    case 'invalid_value':
    case 'invalid_union':
      return t('imports.problemValue', 'The value is not one of those allowed.');
    case 'unknown_column':
      return t('imports.problemUnknownColumn', 'This column is not part of the layout.');
    case 'duplicate_column':
      return t('imports.problemDuplicateColumn', 'This column appears twice.');
    case 'missing_column':
      return t('imports.problemMissingColumn', 'A required column is missing.');
    case 'unknown_reference':
    case 'reference_missing':
      return t('imports.problemReference', 'It refers to a record that does not exist.');
    case 'wrong_kind':
      return t('imports.problemWrongKind', 'It refers to a record of the wrong kind.');
    case 'forbidden':
      return t('imports.problemForbidden', 'You may not change this record.');
    case 'custom':
      return t('imports.problemInvalid', 'The value is not valid.');
    default:
      return p.message;
  }
}

/** A row whose occupation was coded from its text, for the counsellor to check. */
interface CodedRow {
  row: number;
  text: string;
  label: string;
}

interface DryRunReport {
  rows: number | null;
  created: number | null;
  updated: number | null;
  unchanged: number | null;
  problems: RowProblem[];
  coded: CodedRow[];
  codedCount: number;
  /** People: cases the file closes and reopens (each audited as through the person page). */
  casesClosed: number;
  casesReopened: number;
}

/** The file as base64, for the JSON upload of the import API. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function toReport(body: unknown): DryRunReport {
  const b = (body ?? {}) as Record<string, unknown>;
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  const raw = (
    Array.isArray(b.errors)
      ? b.errors
      : Array.isArray(b.problems)
        ? b.problems
        : Array.isArray(b.issues)
          ? b.issues
          : []
  ) as Record<string, unknown>[];
  return {
    rows: n(b.rows ?? b.total),
    created: n(b.created ?? b.inserted),
    updated: n(b.updated),
    unchanged: n(b.unchanged ?? b.skipped),
    problems: raw.map((p) => ({
      row: typeof p.row === 'number' ? p.row : typeof p.line === 'number' ? p.line : null,
      field: typeof p.field === 'string' ? p.field : typeof p.column === 'string' ? p.column : null,
      code: String(p.code ?? ''),
      message: String(p.message ?? p.code ?? ''),
    })),
    coded: (Array.isArray(b.codedOccupations) ? (b.codedOccupations as Record<string, unknown>[]) : []).map(
      (c) => ({ row: Number(c.row), text: String(c.text ?? ''), label: String(c.label ?? '') }),
    ),
    codedCount: n(b.occupationsCoded) ?? 0,
    ...closureCounts(b.caseClosureChanges),
  };
}

/** How many cases a people file closes and reopens (a changed closure counts as both). */
function closureCounts(changes: unknown): { casesClosed: number; casesReopened: number } {
  const list = Array.isArray(changes) ? (changes as { action?: unknown }[]) : [];
  return {
    casesClosed: list.filter((c) => c.action === 'close_case').length,
    casesReopened: list.filter((c) => c.action === 'reopen_case').length,
  };
}

/** A table of the report, scrollable and reachable from the keyboard. */
function ReportTable({
  label,
  caption,
  columns,
  rows,
}: {
  label: string;
  caption: string;
  columns: string[];
  rows: string[][];
}) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Import screens, for those who may import; others are told who does it rather than shown a form every file fails. */
export function ImportsPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!mayImportInWorkspace(session.state))
    return (
      <Page title={t('imports.title', 'Imports')}>
        <p className="muted">
          {t('imports.adminOnly', 'Files are imported by an administrator. Ask one to import yours.')}
        </p>
      </Page>
    );
  return <ImportForm />;
}

/** Upload a CSV or XLSX file, see the dry-run report row by row, then import for real. */
function ImportForm() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<(typeof kinds)[number]>('vacancies');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ dryRun: boolean; report: DryRunReport } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [codeOccupations, setCodeOccupations] = useState(false);
  const canCode = kind === 'vacancies' || kind === 'trainings';
  const kindLabel = (k: string) =>
    ({
      people: t('nav.people', 'People'),
      employers: t('nav.employers', 'Employers'),
      vacancies: t('nav.vacancies', 'Vacancies'),
      trainings: t('nav.trainings', 'Trainings'),
    })[k] ?? k;

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
      const content = await toBase64(file);
      const path =
        (dryRun ? endpoints.importDryRun(kind) : endpoints.importCommit(kind)) +
        query({ codeOccupations: canCode && codeOccupations ? 'true' : null });
      const body = await post<unknown>(
        path,
        { format, content },
        dryRun ? undefined : { 'idempotency-key': crypto.randomUUID() },
      );
      setReport({ dryRun, report: toReport(body) });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run(true);
  }

  const lang = i18n.language;
  return (
    <Page title={t('imports.title', 'Imports')}>
      <form className="card form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="imp-kind">{t('imports.kind', 'What the file holds')}</label>
          <select
            id="imp-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as (typeof kinds)[number])}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="imp-file">{t('imports.file', 'CSV or XLSX file')}</label>
          <input
            id="imp-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {canCode ? (
          <Checkbox className="checkbox" isSelected={codeOccupations} onChange={setCodeOccupations}>
            <span className="box" aria-hidden="true" />
            {t(
              'imports.codeOccupations',
              'Find the occupation of rows that give only its name (you check them below)',
            )}
          </Checkbox>
        ) : null}
        <p className="muted">
          {t(
            'imports.explain',
            'A dry run checks every row and changes nothing. The import then takes the whole file or nothing.',
          )}
        </p>
        <Button type="submit" className="btn btn-primary" isDisabled={!file || busy}>
          {t('imports.dryRun', 'Check the file (dry run)')}
        </Button>
      </form>
      {error ? (
        error.notAvailable ? (
          <NotAvailable what={t('imports.title', 'Imports')} />
        ) : (
          <ErrorNotice error={error} />
        )
      ) : null}
      {report ? (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">
            {report.dryRun
              ? t('imports.reportDry', 'Dry-run report')
              : t('imports.reportDone', 'Import report')}
          </h2>
          <ul className="stat-list">
            {(
              [
                ['rows', t('imports.rows', 'rows read')],
                // After the import, what was done; before it, what would be.
                [
                  'created',
                  report.dryRun
                    ? t('imports.created', 'would be created')
                    : t('imports.createdDone', 'created'),
                ],
                [
                  'updated',
                  report.dryRun
                    ? t('imports.updated', 'would be updated')
                    : t('imports.updatedDone', 'updated'),
                ],
                ['unchanged', t('imports.unchanged', 'unchanged')],
              ] as const
            ).map(([k, label]) =>
              report.report[k] === null ? null : (
                <li key={k}>
                  <span className="stat-number">{formatNumber(report.report[k] ?? 0, lang)}</span> {label}
                </li>
              ),
            )}
            {/* A file can close or reopen cases: said before it is imported. */}
            {report.report.casesClosed > 0 ? (
              <li>
                {report.dryRun
                  ? t('imports.casesClosed', 'Cases the file would close:')
                  : t('imports.casesClosedDone', 'Cases closed by the file:')}{' '}
                <span className="stat-number">{formatNumber(report.report.casesClosed, lang)}</span>
              </li>
            ) : null}
            {report.report.casesReopened > 0 ? (
              <li>
                {report.dryRun
                  ? t('imports.casesReopened', 'Cases the file would reopen:')
                  : t('imports.casesReopenedDone', 'Cases reopened by the file:')}{' '}
                <span className="stat-number">{formatNumber(report.report.casesReopened, lang)}</span>
              </li>
            ) : null}
          </ul>
          {report.report.coded.length ? (
            <ReportTable
              label={t('common.tableOf', 'Table: {{what}}', {
                what: t('imports.codedTitle', 'Occupations found from their names'),
              })}
              caption={t(
                'imports.codedCaption',
                'Rows whose occupation was found from its name: {{n}}. Check each one.',
                { n: formatNumber(report.report.codedCount, lang) },
              )}
              columns={[
                t('imports.row', 'Row'),
                t('imports.codedText', 'In the file'),
                t('imports.codedAs', 'Occupation found'),
              ]}
              rows={report.report.coded.map((c) => [formatNumber(c.row, lang), c.text, c.label])}
            />
          ) : null}
          {report.report.problems.length ? (
            <ReportTable
              label={t('common.tableOf', 'Table: {{what}}', {
                what: t('imports.reportDry', 'Dry-run report'),
              })}
              caption={t(
                'imports.problems',
                'Rows with problems: nothing will be imported until they are fixed',
              )}
              columns={[
                t('imports.row', 'Row'),
                t('imports.field', 'Field'),
                t('imports.problem', 'Problem'),
              ]}
              rows={report.report.problems.map((p) => [
                p.row === null ? '' : formatNumber(p.row, lang),
                p.field ?? '',
                problemText(t, lang, p),
              ])}
            />
          ) : (
            <>
              <p className="notice notice-ok">{t('imports.clean', 'No problem found.')}</p>
              {report.dryRun ? (
                <Button className="btn btn-primary" isDisabled={busy} onPress={() => void run(false)}>
                  {t('imports.importNow', 'Import now')}
                </Button>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      <Exports kindLabel={kindLabel} />
    </Page>
  );
}

/**
 * Downloads of every kind in the import layout (C7: CSV and XLSX exports), from GET /api/exports;
 * the session cookie goes with the link. People exports hold only what the policy lets the caller see.
 */
function Exports({ kindLabel }: { kindLabel: (k: string) => string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('imports.exportsTitle', 'Exports')}</h2>
      <p className="muted">
        {t(
          'imports.exportsExplain',
          'The same columns as an import: a file exported, corrected and imported again updates the records.',
        )}
      </p>
      <ul className="rows">
        {kinds.map((k) => (
          <li key={k}>
            <span>{kindLabel(k)}</span>
            <span>
              {(['csv', 'xlsx'] as const).map((format, i) => (
                <span key={format}>
                  {i > 0 ? ' · ' : null}
                  <a
                    href={`${endpoints.exportFile(k)}${query({ format })}`}
                    download={`${k}.${format}`}
                    aria-label={t('imports.exportAs', 'Export {{what}} as {{format}}', {
                      what: kindLabel(k),
                      format: format.toUpperCase(),
                    })}
                  >
                    {format.toUpperCase()}
                  </a>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
