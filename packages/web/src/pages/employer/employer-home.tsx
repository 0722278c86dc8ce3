import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import { ApiError, query } from '../../api/client';
import { setReferralStatus } from '../../api/actions';
import { endpoints } from '../../api/endpoints';
import { toPage, toReferral, toVacancy, type Referral, type ReferralStatus } from '../../api/resources';
import { useApi } from '../../api/use-api';
import { useSession } from '../../app/session';
import { useReferralNames } from '../../api/names';
import { useStatusLabel, useVacancyStatus } from '../../components/labels';
import { DataState, ErrorNotice, Page, StatusBadge } from '../../components/ui';
import { formatDate, formatNumber } from '../../i18n/format';
import { isolate } from '../../i18n/rtl';

/** The employer's view: their vacancies, and the people referred to them with consent. */
export function EmployerHome() {
  const { t, i18n } = useTranslation();
  const vacancyStatus = useVacancyStatus();
  const session = useSession();
  const organisationId = session.state.status === 'signed-in' ? session.state.user.organisationId : null;
  const vacancies = useApi<unknown>(
    `${endpoints.vacancies}${query({ limit: 50, employerId: organisationId })}`,
  );
  const referrals = useApi<unknown>(`${endpoints.referrals}${query({ limit: 100 })}`);
  return (
    <Page title={t('employer.title', 'Your vacancies and candidates')}>
      <section aria-labelledby="emp-refs">
        <h2 id="emp-refs">{t('employer.referred', 'People referred to you')}</h2>
        <p className="muted">
          {t(
            'employer.consentNote',
            'You see only people who agreed to share their profile with you, and only what they agreed to share.',
          )}
        </p>
        <DataState
          state={referrals}
          what={t('referrals.title', 'Referrals')}
          isEmpty={(b) => toPage(b, toReferral).items.length === 0}
          empty={t('employer.noReferrals', 'No one has been referred to you yet.')}
        >
          {(body) => (
            <EmployerReferrals
              items={toPage(body, (r) => toReferral(r, i18n.language)).items}
              onChanged={referrals.reload}
            />
          )}
        </DataState>
      </section>
      <section aria-labelledby="emp-vac">
        <h2 id="emp-vac">{t('employer.vacancies', 'Your vacancies')}</h2>
        <DataState
          state={vacancies}
          what={t('vacancies.title', 'Vacancies')}
          isEmpty={(b) => toPage(b, toVacancy).items.length === 0}
        >
          {(body) => (
            <ul className="rows card">
              {toPage(body, (v) => toVacancy(v, i18n.language)).items.map((v) => (
                <li key={v.id}>
                  <span>
                    <strong>{v.title}</strong>
                    {/* Closed and filled vacancies stay listed: marked, since nobody is referred to them. */}
                    {v.status && v.status !== 'open' ? (
                      <>
                        {' '}
                        <span className="badge">{vacancyStatus(v.status)}</span>
                      </>
                    ) : null}
                  </span>
                  <span className="muted">
                    {[
                      v.place,
                      v.seats !== null
                        ? t('employer.seatsCount', 'Seats: {{n}}', {
                            n: formatNumber(v.seats, i18n.language),
                          })
                        : null,
                      v.closesAt ? formatDate(v.closesAt, i18n.language) : null,
                    ]
                      .filter(Boolean)
                      .map(isolate)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </DataState>
      </section>
    </Page>
  );
}

function EmployerReferrals({ items: raw, onChanged }: { items: Referral[]; onChanged: () => void }) {
  const items = useReferralNames(raw);
  return (
    <div className="stack">
      {items.map((r) => (
        <ReferralCard key={r.id} referral={r} onChanged={onChanged} />
      ))}
    </div>
  );
}

function ReferralCard({ referral, onChanged }: { referral: Referral; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<ReferralStatus>(referral.status);

  async function change(next: ReferralStatus) {
    setBusy(true);
    setError(null);
    try {
      await setReferralStatus(referral.id, next, note, referral.version);
      setStatus(next);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
    } finally {
      setBusy(false);
    }
  }

  const open = status === 'proposed' || status === 'sent';
  return (
    <article className="card" aria-label={referral.personName}>
      <header className="match-head">
        <h3>{referral.personName || t('people.unnamed', 'Unnamed person')}</h3>
        <StatusBadge status={status} label={statusLabel(status)} />
      </header>
      <p className="muted">
        {t('employer.forVacancy', 'For: {{title}}', { title: referral.targetTitle })} ·{' '}
        {formatDate(referral.statusOn, i18n.language)}
      </p>
      {referral.feedback ? <p>{referral.feedback}</p> : null}
      <TextField className="field" value={note} onChange={setNote}>
        <Label>{t('employer.feedback', 'Feedback for the counsellor (optional)')}</Label>
        <TextArea rows={2} dir="auto" />
      </TextField>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        {open ? (
          <>
            <Button className="btn btn-primary" isDisabled={busy} onPress={() => void change('accepted')}>
              {t('employer.accept', 'Accept')}
            </Button>
            <Button className="btn btn-danger" isDisabled={busy} onPress={() => void change('rejected')}>
              {t('employer.reject', 'Reject')}
            </Button>
          </>
        ) : status === 'accepted' ? (
          <Button className="btn" isDisabled={busy} onPress={() => void change('started')}>
            {t('employer.started', 'Mark as started')}
          </Button>
        ) : null}
      </div>
    </article>
  );
}
