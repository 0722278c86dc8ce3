import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { query } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { useReferralNames } from '../../api/names';
import { referralStatuses, toPage, toReferral, type Referral } from '../../api/resources';
import { useApi } from '../../api/use-api';
import { useStatusLabel } from '../../components/labels';
import { DataState, Page } from '../../components/ui';
import { formatDate, formatNumber } from '../../i18n/format';
import { isolate } from '../../i18n/rtl';

/** All referrals as a board, one column per status of the pipeline. */
export function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const state = useApi<unknown>(`${endpoints.referrals}${query({ limit: 200 })}`);
  return (
    <Page title={t('referrals.title', 'Referrals')}>
      <DataState state={state} what={t('referrals.title', 'Referrals')}>
        {(body) => <Board items={toPage(body, (r) => toReferral(r, i18n.language)).items} />}
      </DataState>
    </Page>
  );
}

function Board({ items: raw }: { items: Referral[] }) {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const items = useReferralNames(raw);
  return (
    <div
      className="board"
      role="region"
      aria-label={t('referrals.board', 'Referrals by status')}
      tabIndex={0}
    >
      {referralStatuses.map((status) => {
        const col = items.filter((r) => r.status === status);
        return (
          <section key={status} className="board-col" aria-labelledby={`col-${status}`}>
            <h2 id={`col-${status}`}>
              {statusLabel(status)} <span className="count">{formatNumber(col.length, i18n.language)}</span>
            </h2>
            <ul>
              {col.map((r) => (
                <li key={r.id} className="board-card">
                  <Link href={`/workspace/people/${r.personId}`}>
                    {r.personName || t('people.unnamed', 'Unnamed person')}
                  </Link>
                  <span>{r.targetTitle}</span>
                  <span className="muted small">
                    {[r.organisation, formatDate(r.statusOn, i18n.language)]
                      .filter(Boolean)
                      .map(isolate)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
