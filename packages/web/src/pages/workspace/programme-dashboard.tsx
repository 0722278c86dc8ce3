import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { useApi } from '../../api/use-api';
import { DataState, Page } from '../../components/ui';
import { useCountryName, useStatusLabel } from '../../components/labels';
import { formatNumber } from '../../i18n/format';
import { ProgrammeIndicators } from './programme-indicators';

interface Cell {
  key: string;
  /**
   * Null when not shown: fewer than `suppressedBelow`, or hidden beside a single small count so
   * that it cannot be worked out from the total (then it may be any size).
   */
  count: number | null;
}

interface Summary {
  /** The organisation the figures are limited to (a case manager's), or null for the whole programme. */
  organisationId: string | null;
  suppressedBelow: number;
  /** Totals are null when not shown (small, or they would give a hidden count away). */
  people: { total: number | null; byReturnCountry: Cell[] };
  referrals: { total: number | null; byStatus: Cell[]; byTargetKind: Cell[] };
  vacancies: { open: number };
  trainings: { open: number };
}

function toSummary(body: unknown): Summary {
  const b = (body ?? {}) as Partial<Summary>;
  const cells = (v: unknown): Cell[] =>
    Array.isArray(v)
      ? v.map((c: { key?: unknown; count?: unknown }) => ({
          key: String(c.key ?? ''),
          count: typeof c.count === 'number' ? c.count : null,
        }))
      : [];
  const scope = (b as { scope?: { organisationId?: unknown } }).scope;
  return {
    organisationId: typeof scope?.organisationId === 'string' ? scope.organisationId : null,
    suppressedBelow: b.suppressedBelow ?? 5,
    people: {
      total: typeof b.people?.total === 'number' ? b.people.total : null,
      byReturnCountry: cells(b.people?.byReturnCountry),
    },
    referrals: {
      total: typeof b.referrals?.total === 'number' ? b.referrals.total : null,
      byStatus: cells(b.referrals?.byStatus),
      byTargetKind: cells(b.referrals?.byTargetKind),
    },
    vacancies: { open: b.vacancies?.open ?? 0 },
    trainings: { open: b.trainings?.open ?? 0 },
  };
}

/** Counts by key; a suppressed count reads "not shown" (not "fewer than N": a hidden count may be any size). */
function CellList({ cells, label }: { cells: Cell[]; label: (k: string) => string }) {
  const { t, i18n } = useTranslation();
  if (cells.length === 0) return <p className="muted">{t('common.empty', 'Nothing here yet.')}</p>;
  return (
    <ul className="stat-list">
      {cells.map((c) => (
        <li key={c.key}>
          <span className="stat-number">
            {c.count === null ? t('report.notShown', 'not shown') : formatNumber(c.count, i18n.language)}
          </span>{' '}
          {label(c.key)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The programme manager's start page: aggregate figures only (no personal detail), from
 * GET /api/reports/summary; small counts arrive suppressed and are shown as "not shown".
 */
export function ProgrammeDashboard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useApi<unknown>(endpoints.reportSummary);
  const countryName = useCountryName();
  const statusLabel = useStatusLabel();
  const shown = (n: number | null) =>
    n === null ? t('report.notShown', 'not shown') : formatNumber(n, lang);
  const kindLabel = (kind: string) =>
    ({
      vacancy: t('report.kindVacancy', 'To a vacancy'),
      training: t('report.kindTraining', 'To a training'),
      service: t('report.kindService', 'To a service'),
    })[kind] ?? kind;

  return (
    <Page title={t('report.title', 'Programme overview')}>
      <DataState state={state} what={t('report.title', 'Programme overview')}>
        {(body) => {
          const s = toSummary(body);
          return (
            <>
              {s.organisationId ? (
                <p>{t('report.scopeOrganisation', 'The figures of your organisation.')}</p>
              ) : null}
              <p className="muted">
                {t(
                  'report.privacyNote',
                  'Figures only, without personal details. Counts below {{n}} are not shown, so that nobody can be recognised; when a single count of a list would be hidden, the next smallest is hidden too, so that it cannot be worked out from the total.',
                  { n: formatNumber(s.suppressedBelow, lang) },
                )}
              </p>
              <div className="grid">
                <section className="card" aria-labelledby="report-people">
                  <h2 id="report-people">
                    {t('report.people', 'People followed: {{n}}', { n: shown(s.people.total) })}
                  </h2>
                  <h3>{t('report.byReturnCountry', 'By country of return')}</h3>
                  <CellList
                    cells={s.people.byReturnCountry}
                    label={(k) => (k === 'unknown' ? t('report.unknown', 'not known') : countryName(k))}
                  />
                </section>
                <section className="card" aria-labelledby="report-referrals">
                  <h2 id="report-referrals">
                    {t('report.referrals', 'Referrals: {{n}}', { n: shown(s.referrals.total) })}
                  </h2>
                  <h3>{t('report.byStatus', 'By status')}</h3>
                  <CellList cells={s.referrals.byStatus} label={statusLabel} />
                  <h3>{t('report.byKind', 'By kind')}</h3>
                  <CellList cells={s.referrals.byTargetKind} label={kindLabel} />
                </section>
                <section className="card" aria-labelledby="report-offers">
                  <h2 id="report-offers">{t('report.offers', 'Open opportunities')}</h2>
                  <ul className="stat-list">
                    <li>
                      <span className="stat-number">{formatNumber(s.vacancies.open, lang)}</span>{' '}
                      {t('report.openVacancies', 'open vacancies')}
                    </li>
                    <li>
                      <span className="stat-number">{formatNumber(s.trainings.open, lang)}</span>{' '}
                      {t('report.openTrainings', 'open trainings')}
                    </li>
                  </ul>
                </section>
              </div>
              <ProgrammeIndicators />
            </>
          );
        }}
      </DataState>
    </Page>
  );
}
