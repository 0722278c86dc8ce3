import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Label, SearchField } from 'react-aria-components';
import { Link } from 'wouter';
import { query } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { toEmployer, toMatch, toPage, toTraining, toVacancy } from '../../api/resources';
import { useApi } from '../../api/use-api';
import { useRecordNames } from '../../api/names';
import { useCountryName, useRecordTerm, useVacancyStatus } from '../../components/labels';
import { MatchCard } from '../../components/match-card';
import {
  OccupationHints,
  useOccupationHints,
  type OccupationChoice,
} from '../../components/occupation-hints';
import { DataState, Page } from '../../components/ui';
import { formatDate, formatNumber } from '../../i18n/format';
import { isolate } from '../../i18n/rtl';

function Search({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  return (
    <div className="filters" role="search">
      <SearchField value={value} onChange={onChange} className="field">
        <Label>{label}</Label>
        <Input />
      </SearchField>
    </div>
  );
}

/** The employers roster. */
export function EmployersPage() {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const term = useRecordTerm();
  const [q, setQ] = useState('');
  const state = useApi<unknown>(`${endpoints.organisations}${query({ kind: 'employer', q, limit: 50 })}`);
  return (
    <Page title={t('employers.title', 'Employers')}>
      <Search value={q} onChange={setQ} label={t('common.search', 'Search')} />
      <DataState
        state={state}
        what={t('employers.title', 'Employers')}
        isEmpty={(b) => toPage(b, toEmployer).items.length === 0}
      >
        {(body) => (
          <div
            className="table-wrap"
            role="region"
            aria-label={t('common.tableOf', 'Table: {{what}}', { what: t('employers.title', 'Employers') })}
            tabIndex={0}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('employers.name', 'Name')}</th>
                  <th scope="col">{t('employers.country', 'Country')}</th>
                  <th scope="col">{t('employers.sector', 'Sector')}</th>
                  <th scope="col">{t('employers.vetting', 'Fair-recruitment vetting')}</th>
                </tr>
              </thead>
              <tbody>
                {toPage(body, toEmployer).items.map((e) => (
                  <tr key={e.id}>
                    <td>{e.name}</td>
                    <td>{countryName(e.country)}</td>
                    <td>{e.sector ?? ''}</td>
                    <td>{term(e.vetting)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </DataState>
    </Page>
  );
}

/** Vacancies; each opens with the people who match it. */
export function VacanciesPage() {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const vacancyStatus = useVacancyStatus();
  const [q, setQ] = useState('');
  // The words may also mean an occupation: then vacancies coded with it, whatever their language.
  const [occupation, setOccupation] = useState<OccupationChoice | null>(null);
  const hints = useOccupationHints(occupation ? '' : q);
  const state = useApi<unknown>(
    `${endpoints.vacancies}${query(occupation ? { occupationUri: occupation.uri, limit: 50 } : { q, limit: 50 })}`,
  );
  // Vacancies name their employer by id: the names are looked up once and shared.
  const employerName = useRecordNames(
    state.data === undefined
      ? []
      : toPage(state.data, (v) => toVacancy(v, i18n.language))
          .items.filter((v) => !v.employer && v.employerId)
          .map((v) => ['organisation', v.employerId!] as const),
  );
  return (
    <Page title={t('vacancies.title', 'Vacancies')}>
      <Search
        value={q}
        onChange={(v) => {
          setQ(v);
          setOccupation(null);
        }}
        label={t('common.search', 'Search')}
      />
      <OccupationHints hints={hints} chosen={occupation} onChoose={setOccupation} />
      <DataState
        state={state}
        what={t('vacancies.title', 'Vacancies')}
        isEmpty={(b) => toPage(b, toVacancy).items.length === 0}
      >
        {(body) => (
          <div
            className="table-wrap"
            role="region"
            aria-label={t('common.tableOf', 'Table: {{what}}', { what: t('vacancies.title', 'Vacancies') })}
            tabIndex={0}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('vacancies.vacancy', 'Vacancy')}</th>
                  <th scope="col">{t('vacancies.employer', 'Employer')}</th>
                  <th scope="col">{t('vacancies.place', 'Place')}</th>
                  <th scope="col">{t('vacancies.seats', 'Seats')}</th>
                  <th scope="col">{t('vacancies.closes', 'Closes')}</th>
                </tr>
              </thead>
              <tbody>
                {toPage(body, (v) => toVacancy(v, i18n.language)).items.map((v) => (
                  <tr key={v.id}>
                    <td>
                      <Link href={`/workspace/vacancies/${v.id}`}>{v.title}</Link>
                      {/* Filled, closed and draft vacancies are listed too: marked, since nobody is matched to them. */}
                      {v.status && v.status !== 'open' ? (
                        <>
                          {' '}
                          <span className="badge">{vacancyStatus(v.status)}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {v.employer || (v.employerId ? (employerName('organisation', v.employerId) ?? '') : '')}
                    </td>
                    <td>{[v.place, countryName(v.country)].filter(Boolean).join(', ')}</td>
                    <td>{v.seats === null ? '' : formatNumber(v.seats, i18n.language)}</td>
                    <td>{formatDate(v.closesAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </DataState>
    </Page>
  );
}

/** A vacancy and the people ranked for it. */
export function VacancyPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const vacancy = useApi<unknown>(endpoints.vacancy(id));
  const v = vacancy.data === undefined ? null : toVacancy(vacancy.data, i18n.language);
  // Only open vacancies are matched (the server answers 409 otherwise): the candidates are asked
  // for once the vacancy is known to be open, never for a draft, filled or closed one.
  const open = v !== null && (!v.status || v.status === 'open');
  const candidates = useApi<unknown>(
    open ? `${endpoints.vacancyCandidates(id)}${query({ limit: 20 })}` : null,
  );
  const term = useRecordTerm();
  const employerName = useRecordNames(
    v && !v.employer && v.employerId ? [['organisation', v.employerId] as const] : [],
  );
  const employer = v
    ? (v.employer ?? (v.employerId ? employerName('organisation', v.employerId) : null))
    : null;
  return (
    <Page title={v?.title || t('vacancies.vacancy', 'Vacancy')}>
      {v ? (
        <p className="muted">
          {[employer, v.place, v.contract ? term(v.contract) : null].filter(Boolean).map(isolate).join(' · ')}
        </p>
      ) : null}
      <h2>{t('vacancies.candidates', 'People who match')}</h2>
      {/* A vacancy that is not open is said plainly, not as an error; one that failed to load says why. */}
      {v === null ? (
        vacancy.error ? (
          <DataState state={vacancy} what={t('vacancies.vacancy', 'Vacancy')}>
            {() => null}
          </DataState>
        ) : null
      ) : !open ? (
        <p className="muted">
          {v.status === 'draft'
            ? t('vacancies.notOpenDraft', 'Nobody is matched to this vacancy yet: it is a draft.')
            : v.status === 'filled'
              ? t('vacancies.notOpenFilled', 'Nobody is matched to this vacancy any more: it is filled.')
              : t('vacancies.notOpenClosed', 'Nobody is matched to this vacancy any more: it is closed.')}
        </p>
      ) : (
        <DataState
          state={candidates}
          what={t('vacancies.candidates', 'People who match')}
          isEmpty={(b) => toPage(b, toMatch).items.length === 0}
        >
          {(body) => (
            <div className="stack">
              {toPage(body, (m) => toMatch(m, i18n.language)).items.map((m) => (
                <MatchCard
                  key={m.id}
                  match={m}
                  actions={
                    <Link href={`/workspace/people/${m.id}`}>
                      {t('vacancies.openPerson', 'Open the person')}
                    </Link>
                  }
                />
              ))}
            </div>
          )}
        </DataState>
      )}
    </Page>
  );
}

/** The training catalogue. */
export function TrainingsPage() {
  const { t, i18n } = useTranslation();
  const term = useRecordTerm();
  const [q, setQ] = useState('');
  const state = useApi<unknown>(`${endpoints.trainings}${query({ q, limit: 50 })}`);
  // Trainings name their provider by id: the names are looked up once and shared.
  const providerName = useRecordNames(
    state.data === undefined
      ? []
      : toPage(state.data, toTraining)
          .items.filter((x) => !x.provider && x.providerId)
          .map((x) => ['organisation', x.providerId!] as const),
  );
  return (
    <Page title={t('trainings.title', 'Trainings')}>
      <Search value={q} onChange={setQ} label={t('common.search', 'Search')} />
      <DataState
        state={state}
        what={t('trainings.title', 'Trainings')}
        isEmpty={(b) => toPage(b, toTraining).items.length === 0}
      >
        {(body) => (
          <div
            className="table-wrap"
            role="region"
            aria-label={t('common.tableOf', 'Table: {{what}}', { what: t('trainings.title', 'Trainings') })}
            tabIndex={0}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('trainings.training', 'Training')}</th>
                  <th scope="col">{t('trainings.provider', 'Provider')}</th>
                  <th scope="col">{t('trainings.delivery', 'Delivery')}</th>
                  <th scope="col">{t('trainings.starts', 'Starts')}</th>
                  <th scope="col">{t('vacancies.seats', 'Seats')}</th>
                </tr>
              </thead>
              <tbody>
                {toPage(body, (x) => toTraining(x, i18n.language)).items.map((x) => (
                  <tr key={x.id}>
                    <td>{x.title}</td>
                    <td>
                      {[
                        x.provider ?? (x.providerId ? providerName('organisation', x.providerId) : null),
                        x.place,
                      ]
                        .filter(Boolean)
                        .map(isolate)
                        .join(' · ')}
                    </td>
                    <td>{term(x.delivery)}</td>
                    <td>{formatDate(x.startsAt, i18n.language)}</td>
                    <td>{x.seats === null ? '' : formatNumber(x.seats, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </DataState>
    </Page>
  );
}
