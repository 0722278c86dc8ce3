import { useTranslation } from 'react-i18next';
import { Switch } from 'react-aria-components';
import { post, query } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { useReferralNames } from '../../api/names';
import {
  personName,
  toCaseClosure,
  toConsent,
  toMatch,
  toPage,
  profileConceptUris,
  toProfileSections,
  toReferral,
  type Consent,
  type Referral,
} from '../../api/resources';
import { useAction, useApi, type ApiState } from '../../api/use-api';
import { useFoundConceptLabels } from '../../api/concept-labels';
import { useSession } from '../../app/session';
import { useProfileWords, useSectionLabel, useStatusLabel } from '../../components/labels';
import { MatchCard } from '../../components/match-card';
import { DataState, ErrorNotice, Page, StatusBadge } from '../../components/ui';
import { formatDate } from '../../i18n/format';

/** The person's own view, phone-first: profile, opportunities proposed, consent choices. */
export function SelfServicePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const personId = session.state.status === 'signed-in' ? session.state.user.personId : null;
  const me = useApi<unknown>(personId ? endpoints.person(personId) : endpoints.me);
  const id =
    personId ??
    (me.data
      ? String(
          (me.data as { id?: unknown; personId?: unknown }).personId ??
            (me.data as { id?: unknown }).id ??
            '',
        )
      : null);
  const sectionLabel = useSectionLabel();
  const profileWords = useProfileWords();
  // Skills and occupations in the person's language (the record stores the label it was taken in).
  const concept = useFoundConceptLabels(profileConceptUris(me.data), i18n.language);
  const words = { ...profileWords, concept };
  return (
    <Page title={t('self.title', 'My space')}>
      <DataState state={me} what={t('self.profile', 'My profile')}>
        {(raw) => (
          <>
            <p className="lead">{t('self.hello', 'Hello {{name}}', { name: personName(raw) || '' })}</p>
            <section className="card" aria-labelledby="self-profile">
              <h2 id="self-profile">{t('self.profile', 'My profile')}</h2>
              <ul className="rows">
                {toProfileSections(raw, i18n.language, words)
                  .filter((s) => s.entries.length > 0)
                  .map((s) => (
                    <li key={s.key}>
                      <strong>{sectionLabel(s.key)}</strong>
                      <span dir="auto">{s.entries.join('، ')}</span>
                    </li>
                  ))}
              </ul>
            </section>
            {id ? <SelfSections personId={id} closedOn={toCaseClosure(raw).closure?.on ?? null} /> : null}
          </>
        )}
      </DataState>
    </Page>
  );
}

/**
 * The person's referrals are read once: listed as proposed, and left out of the other opportunities.
 * While their case is closed nothing is matched for them: they are told so (with the date only; the
 * reason and the counsellor's note stay in their record and its export), not shown an error.
 */
function SelfSections({ personId, closedOn }: { personId: string; closedOn: string | null }) {
  const { t, i18n } = useTranslation();
  const referrals = useApi<unknown>(`${endpoints.referrals}${query({ personId, limit: 20 })}`);
  const proposedIds = new Set(
    referrals.data === undefined ? [] : toPage(referrals.data, toReferral).items.map((r) => r.targetId),
  );
  return (
    <>
      <Proposed state={referrals} />
      {closedOn ? (
        <section aria-labelledby="self-opps">
          <h2 id="self-opps">{t('self.otherOpportunities', 'Other opportunities that fit you')}</h2>
          <p className="muted">
            {t(
              'self.caseClosed',
              'Your case was closed on {{date}}. If you would like support again, contact your counsellor.',
              { date: formatDate(closedOn, i18n.language) },
            )}
          </p>
        </section>
      ) : (
        <Opportunities personId={personId} exclude={proposedIds} />
      )}
      <Consents personId={personId} />
    </>
  );
}

/** What the counsellor proposed: the person's referrals and where each one stands. */
function Proposed({ state }: { state: ApiState<unknown> }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="self-proposed">
      <h2 id="self-proposed">{t('self.proposed', 'Proposed to you')}</h2>
      <DataState
        state={state}
        what={t('self.proposed', 'Proposed to you')}
        isEmpty={(b) => toPage(b, toReferral).items.length === 0}
        empty={t('self.noProposed', 'Nothing has been proposed to you yet.')}
      >
        {(body) => <ProposedRows items={toPage(body, (r) => toReferral(r, i18n.language)).items} />}
      </DataState>
    </section>
  );
}

function ProposedRows({ items: raw }: { items: Referral[] }) {
  const { i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const items = useReferralNames(raw);
  return (
    <ul className="rows">
      {items.map((r) => (
        <li key={r.id}>
          <span dir="auto">
            <strong>{r.targetTitle}</strong>
            {r.organisation ? <span className="muted"> · {r.organisation}</span> : null}
          </span>
          <span>
            <StatusBadge status={r.status} label={statusLabel(r.status)} />{' '}
            <span className="muted small">{formatDate(r.statusOn, i18n.language)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function Opportunities({ personId, exclude }: { personId: string; exclude: Set<string> }) {
  const { t, i18n } = useTranslation();
  const state = useApi<unknown>(
    `${endpoints.personMatches(personId)}${query({ kind: 'vacancy', limit: 5 })}`,
  );
  return (
    <section aria-labelledby="self-opps">
      <h2 id="self-opps">{t('self.otherOpportunities', 'Other opportunities that fit you')}</h2>
      <DataState
        state={state}
        what={t('self.otherOpportunities', 'Other opportunities that fit you')}
        isEmpty={(b) => toPage(b, toMatch).items.filter((m) => !exclude.has(m.id)).length === 0}
        empty={t('self.noOpportunities', 'Your counsellor will propose opportunities here.')}
      >
        {(body) => (
          <div className="stack">
            {toPage(body, (m) => toMatch(m, i18n.language))
              .items.filter((m) => !exclude.has(m.id))
              .map((m) => (
                <MatchCard key={m.id} match={m} />
              ))}
          </div>
        )}
      </DataState>
    </section>
  );
}

/** The consent choices a person makes themselves: one switch per purpose, recorded as self-service. */
const consentChoices = [
  { purpose: 'matching', recipientCategory: 'programme' },
  { purpose: 'share_profile_with_employer', recipientCategory: 'employers' },
  { purpose: 'referral', recipientCategory: 'employers' },
  { purpose: 'reporting', recipientCategory: 'programme' },
] as const;

function Consents({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<unknown>(endpoints.personConsents(personId));
  const { busy, error, run } = useAction(state.reload);
  const purposeLabel = (p: string) =>
    ({
      matching: t('consent.matching', 'Use my profile to find opportunities'),
      referral: t('consent.referral', 'Send my profile when I am referred'),
      share_profile_with_employer: t('consent.sharing', 'Share my profile with employers'),
      reporting: t('consent.reporting', 'Count me in anonymous reports'),
    })[p] ?? p;

  function toggle(purpose: string, recipientCategory: string, active: Consent[], on: boolean) {
    return run(purpose, async () => {
      if (on) {
        await post(endpoints.personConsents(personId), {
          purpose,
          recipientCategory,
          method: 'self_service',
        });
      } else {
        for (const c of active)
          await post(endpoints.withdrawConsent(c.id), { reason: 'withdrawn in self-service' });
      }
    });
  }

  return (
    <section className="card" aria-labelledby="self-consent">
      <h2 id="self-consent">{t('self.consents', 'Who may see my data')}</h2>
      <p className="muted">
        {t('self.consentExplain', 'You decide. You can change each choice at any time; it counts at once.')}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <DataState state={state} what={t('self.consents', 'Who may see my data')}>
        {(body) => {
          const all = toPage(body, toConsent).items;
          return (
            <ul className="rows">
              {consentChoices.map(({ purpose, recipientCategory }) => {
                const active = all.filter((c) => c.purpose === purpose && c.status === 'active');
                const until = active.map((c) => c.until).find(Boolean) ?? null;
                return (
                  <li key={purpose}>
                    <Switch
                      className="switch"
                      isSelected={active.length > 0}
                      isDisabled={busy !== null}
                      onChange={(on) => void toggle(purpose, recipientCategory, active, on)}
                    >
                      <span className="switch-track" aria-hidden="true" />
                      <span>{purposeLabel(purpose)}</span>
                    </Switch>
                    {until ? (
                      <span className="muted small">
                        {t('self.until', 'until {{date}}', { date: formatDate(until, i18n.language) })}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </DataState>
    </section>
  );
}
