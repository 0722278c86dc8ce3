import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Label, SearchField } from 'react-aria-components';
import { Link } from 'wouter';
import { get, query } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { toPage, toPersonSummary, type PersonSummary } from '../../api/resources';
import { useApi } from '../../api/use-api';
import { useSession } from '../../app/session';
import { useCountryName } from '../../components/labels';
import { DataState, Page } from '../../components/ui';
import { formatDate, formatPercent } from '../../i18n/format';

/** Countries of return the programmes work with (C2 demo data), for the filter. */
const returnCountries = ['IQ', 'GE', 'SN', 'NG', 'GN', 'TN', 'SV', 'MN'];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** People with search and filters. */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const countryName = useCountryName();
  const [q, setQ] = useState('');
  const [country, setCountry] = useState('');
  const [caseload, setCaseload] = useState('');
  const [caseStatus, setCaseStatus] = useState('open');
  const session = useSession();
  const me = session.state.status === 'signed-in' ? session.state.user.id : null;
  const debounced = useDebounced(q, 250);
  const path = `${endpoints.people}${query({ q: debounced, returnCountry: country, caseManagerId: caseload === 'mine' ? me : null, caseStatus, limit: 25 })}`;
  const state = useApi<unknown>(path);
  const [more, setMore] = useState<PersonSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);

  useEffect(() => {
    setMore([]);
    setCursor(state.data === undefined ? null : toPage(state.data, toPersonSummary).nextCursor);
  }, [state.data]);

  async function loadMore() {
    if (!cursor) return;
    const page = toPage(await get<unknown>(`${path}&cursor=${encodeURIComponent(cursor)}`), toPersonSummary);
    setMore((m) => [...m, ...page.items]);
    setCursor(page.nextCursor);
  }

  return (
    <Page
      title={t('people.title', 'People')}
      actions={
        <Link href="/workspace/people/new" className="btn btn-primary">
          {t('people.new', 'New person (interview)')}
        </Link>
      }
    >
      <div className="filters" role="search">
        <SearchField value={q} onChange={setQ} className="field">
          <Label>{t('people.search', 'Search by name, phone or document')}</Label>
          <Input />
        </SearchField>
        <div className="field">
          <label htmlFor="f-country">{t('people.countryOfReturn', 'Country of return')}</label>
          <select id="f-country" value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('common.all', 'All')}</option>
            {returnCountries.map((c) => (
              <option key={c} value={c}>
                {countryName(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-caseload">{t('people.caseload', 'Caseload')}</label>
          <select id="f-caseload" value={caseload} onChange={(e) => setCaseload(e.target.value)}>
            <option value="">{t('people.everyone', 'Everyone I may see')}</option>
            <option value="mine">{t('people.mine', 'Only mine')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-case">{t('people.case', 'Case')}</label>
          <select id="f-case" value={caseStatus} onChange={(e) => setCaseStatus(e.target.value)}>
            <option value="open">{t('people.openCases', 'Open cases')}</option>
            <option value="closed">{t('people.closedCases', 'Closed cases')}</option>
            <option value="">{t('common.all', 'All')}</option>
          </select>
        </div>
      </div>
      <DataState
        state={state}
        what={t('nav.people', 'People')}
        isEmpty={(b) => toPage(b, toPersonSummary).items.length === 0}
        empty={t('people.none', 'No one matches these filters.')}
      >
        {(body) => {
          const rows = [...toPage(body, toPersonSummary).items, ...more];
          return (
            <>
              <div
                className="table-wrap"
                role="region"
                aria-label={t('common.tableOf', 'Table: {{what}}', { what: t('people.title', 'People') })}
                tabIndex={0}
              >
                <table className="table">
                  <caption className="visually-hidden">{t('people.title', 'People')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('people.name', 'Name')}</th>
                      <th scope="col">{t('people.countryOfReturn', 'Country of return')}</th>
                      <th scope="col">{t('people.hostCountry', 'Host country')}</th>
                      <th scope="col">{t('people.profile', 'Profile')}</th>
                      <th scope="col">{t('people.updated', 'Updated')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link href={`/workspace/people/${p.id}`}>
                            {p.name || t('people.unnamed', 'Unnamed person')}
                          </Link>
                          {p.closedOn ? (
                            <>
                              {' '}
                              <span className="badge">
                                {t('people.closedOn', 'closed {{date}}', {
                                  date: formatDate(p.closedOn, lang),
                                })}
                              </span>
                            </>
                          ) : null}
                        </td>
                        <td>{countryName(p.countryOfReturn)}</td>
                        <td>{countryName(p.hostCountry)}</td>
                        <td>{p.completeness === null ? '' : formatPercent(p.completeness, lang)}</td>
                        <td>{formatDate(p.updatedAt, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {cursor ? (
                <button type="button" className="btn" onClick={() => void loadMore()}>
                  {t('common.more', 'Show more')}
                </button>
              ) : null}
            </>
          );
        }}
      </DataState>
    </Page>
  );
}
