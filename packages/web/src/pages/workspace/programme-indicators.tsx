import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  indicatorBreakdowns,
  programmeIndicators,
  unknownGroup,
  type IndicatorBreakdown,
  type ProgrammeIndicator,
} from '@passerelle/core/indicators';
import { endpoints } from '../../api/endpoints';
import { useApi } from '../../api/use-api';
import { useCountryName } from '../../components/labels';
import { DataState } from '../../components/ui';
import { formatNumber } from '../../i18n/format';
import { isRtl } from '../../i18n/rtl';

// Its own chunk: the chart library is fetched only when a chart is shown.
const IndicatorChart = lazy(() =>
  import('../../components/indicator-chart').then((m) => ({ default: m.IndicatorChart })),
);

const breakdowns = indicatorBreakdowns;
type Breakdown = IndicatorBreakdown;
const indicators = programmeIndicators;
type Indicator = ProgrammeIndicator;

interface Group extends Record<Indicator, number | null> {
  key: string;
}
interface Indicators {
  groups: Group[];
  /** Null when not shown (small, or it would give a hidden count away). */
  total: Record<Indicator, number | null>;
  asOf: string;
}

function toIndicators(body: unknown): Indicators {
  const b = (body ?? {}) as { groups?: unknown; total?: Record<string, unknown>; asOf?: unknown };
  const count = (v: unknown) => (typeof v === 'number' ? v : null);
  const groups = Array.isArray(b.groups)
    ? b.groups.map(
        (g: Record<string, unknown>) =>
          ({
            key: String(g.key ?? ''),
            ...Object.fromEntries(indicators.map((i) => [i, count(g[i])])),
          }) as Group,
      )
    : [];
  const total = Object.fromEntries(indicators.map((i) => [i, count(b.total?.[i])])) as Record<
    Indicator,
    number | null
  >;
  return { groups, total, asOf: String(b.asOf ?? '') };
}

/**
 * Programme indicators (C7) broken down by sex, age group, programme or country of return, from
 * GET /api/reports/indicators: a table with a total row (small counts arrive suppressed), and the
 * same table to download as CSV or XLSX.
 */
export function ProgrammeIndicators() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [by, setBy] = useState<Breakdown>('sex');
  const path = `${endpoints.reportIndicators}?by=${by}`;
  const state = useApi<unknown>(path);
  const countryName = useCountryName();
  const byLabel: Record<Breakdown, string> = {
    sex: t('indicators.bySex', 'Sex'),
    ageGroup: t('indicators.byAgeGroup', 'Age group'),
    programme: t('indicators.byProgramme', 'Programme'),
    returnCountry: t('indicators.byReturnCountry', 'Country of return'),
  };
  const indicatorLabel: Record<Indicator, string> = {
    people: t('indicators.people', 'People followed'),
    referred: t('indicators.referred', 'Referred'),
    placed: t('indicators.placed', 'Placed in a job'),
    trained: t('indicators.trained', 'Completed a training'),
    reached6m: t('indicators.reached6m', 'Reached at 6 months'),
    employed6m: t('indicators.employed6m', 'In work at 6 months'),
  };
  const groupLabel = (key: string) => {
    if (key === unknownGroup) return t('report.unknown', 'not known');
    if (by === 'returnCountry') return countryName(key);
    if (by === 'sex')
      return (
        {
          female: t('indicators.female', 'Women'),
          male: t('indicators.male', 'Men'),
          other: t('indicators.otherSex', 'Other'),
        }[key] ?? key
      );
    if (by === 'ageGroup')
      return key === '65+' ? t('indicators.age65', '65 and over') : key.replace('-', '–');
    return key;
  };
  const cell = (n: number | null) => (n === null ? t('report.notShown', 'not shown') : formatNumber(n, lang));
  const caption = t('indicators.caption', 'Indicators by {{by}}', { by: byLabel[by].toLowerCase() });

  return (
    <section className="card report-indicators" aria-labelledby="report-indicators">
      <h2 id="report-indicators">{t('indicators.title', 'Indicators')}</h2>
      <p className="muted small">
        {t(
          'indicators.explain',
          'Each indicator counts people, once each: referred means at least one referral sent; placed, a referral to a job that started; completed a training, a referral to a training that completed; reached and in work at 6 months, what their 6-month follow-up found.',
        )}
      </p>
      <div className="indicator-controls">
        <div className="field">
          <label htmlFor="indicators-by">{t('indicators.by', 'Broken down by')}</label>
          <select id="indicators-by" value={by} onChange={(e) => setBy(e.target.value as Breakdown)}>
            {breakdowns.map((b) => (
              <option key={b} value={b}>
                {byLabel[b]}
              </option>
            ))}
          </select>
        </div>
        <p className="indicator-downloads">
          {t('indicators.download', 'Download:')}{' '}
          <a href={`${path}&format=csv`} download>
            CSV
          </a>{' '}
          ·{' '}
          <a href={`${path}&format=xlsx`} download>
            XLSX
          </a>
        </p>
      </div>
      <DataState state={state} what={t('indicators.title', 'Indicators')}>
        {(body) => {
          const data = toIndicators(body);
          return (
            <>
              <Suspense fallback={<div className="chart-box" />}>
                <IndicatorChart
                  labels={data.groups.map((g) => groupLabel(g.key))}
                  series={indicators.map((i) => ({
                    label: indicatorLabel[i],
                    values: data.groups.map((g) => g[i]),
                  }))}
                  title={t(
                    'indicators.chartTitle',
                    'Chart: {{what}} (the table below gives the figures; counts not shown have no bar)',
                    { what: caption },
                  )}
                  locale={lang}
                  rtl={isRtl(lang)}
                />
              </Suspense>
              <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">{caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{byLabel[by]}</th>
                      {indicators.map((i) => (
                        <th key={i} scope="col" className="numeric">
                          {indicatorLabel[i]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.groups.map((g) => (
                      <tr key={g.key}>
                        <th scope="row">{groupLabel(g.key)}</th>
                        {indicators.map((i) => (
                          <td key={i} className="numeric">
                            {cell(g[i])}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('indicators.total', 'Total')}</th>
                      {indicators.map((i) => (
                        <td key={i} className="numeric">
                          {cell(data.total[i])}
                        </td>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              </div>
            </>
          );
        }}
      </DataState>
    </section>
  );
}
