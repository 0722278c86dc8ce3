import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Link } from 'wouter';
import { ApiError, get, query } from '../../api/client';
import { createReferral, setReferralFollowUp } from '../../api/actions';
import { endpoints } from '../../api/endpoints';
import {
  personName,
  toMatch,
  toPage,
  toPersonSummary,
  profileConceptUris,
  toProfileSections,
  toCaseClosure,
  toReferral,
  toVacancy,
  isReferralOpen,
  type Referral,
} from '../../api/resources';
import { useApi } from '../../api/use-api';
import { useFoundConceptLabels } from '../../api/concept-labels';
import { useReferralNames } from '../../api/names';
import {
  useCountryName,
  useFieldLabel,
  useLanguageName,
  useSectionLabel,
  useStatusLabel,
  useProfileWords,
} from '../../components/labels';
import { MatchCard } from '../../components/match-card';
import { PersonConsents } from './person-consents';
import { PersonFollowUps } from './person-follow-ups';
import { CaseStatus } from './person-case';
import { SearchPicker } from '../../components/search-picker';
import { DataState, ErrorNotice, Page, StatusBadge } from '../../components/ui';
import { formatDate, formatDateTime, formatList, formatPercent } from '../../i18n/format';
import { directionOf, isolate } from '../../i18n/rtl';

/** One view of a person: profile sections with completeness, matches with reasons, referrals, history. */
export function PersonPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const person = useApi<unknown>(endpoints.person(id));
  const summary = person.data === undefined ? null : toPersonSummary(person.data);
  const countryName = useCountryName();
  const languageName = useLanguageName();
  // A follow-up of a placement moves its referral's follow-up date (and version): the referral
  // list is read again after one is recorded.
  const [followUpsSaved, setFollowUpsSaved] = useState(0);
  return (
    <Page
      title={summary?.name || t('person.title', 'Person')}
      actions={
        <Link href={`/workspace/people/${encodeURIComponent(id)}/print`} className="btn">
          {t('cv.print', 'Print profile')}
        </Link>
      }
    >
      <DataState state={person} what={t('nav.people', 'People')}>
        {(raw) => (
          <>
            <p className="muted person-meta">
              {[
                summary?.countryOfReturn
                  ? t('person.returnsTo', 'Returns to {{country}}', {
                      country: countryName(summary.countryOfReturn),
                    })
                  : null,
                summary?.hostCountry
                  ? t('person.livesIn', 'Lives in {{country}}', { country: countryName(summary.hostCountry) })
                  : null,
                summary?.language
                  ? t('person.speaks', 'Interview language: {{language}}', {
                      language: languageName(summary.language),
                    })
                  : null,
                summary?.completeness !== null && summary?.completeness !== undefined
                  ? t('people.completeness', 'Profile {{pct}} complete', {
                      pct: formatPercent(summary.completeness, i18n.language),
                    })
                  : null,
              ]
                .filter(Boolean)
                .map(isolate)
                .join(' · ')}
            </p>
            <CaseStatus person={raw} onChanged={person.reload} />
            <Tabs className="tabs" defaultSelectedKey="profile">
              <TabList aria-label={t('person.sections', 'Person sections')} className="tab-list">
                <Tab id="profile">{t('person.profile', 'Profile')}</Tab>
                <Tab id="matches">{t('person.matches', 'Matches')}</Tab>
                <Tab id="referrals">{t('person.referrals', 'Referrals')}</Tab>
                <Tab id="consents">{t('consents.title', 'Consents')}</Tab>
                <Tab id="history">{t('person.history', 'History')}</Tab>
              </TabList>
              <TabPanel id="profile">
                <ProfileSections raw={raw} language={summary?.language ?? i18n.language} />
              </TabPanel>
              <TabPanel id="matches">
                {/* A closed case is out of matching (the server answers 409): said plainly, not as an error. */}
                {toCaseClosure(raw).closure ? (
                  <p className="muted">
                    {/* Only those who may reopen the case are told to. */}
                    {toCaseClosure(raw).mayChange
                      ? t('closure.noMatches', 'No matches while the case is closed: reopen it to see them.')
                      : t('closure.noMatchesClosed', 'No matches while the case is closed.')}
                  </p>
                ) : (
                  <PersonMatches personId={id} />
                )}
              </TabPanel>
              <TabPanel id="referrals">
                <PersonReferrals key={followUpsSaved} personId={id} />
                <PersonFollowUps personId={id} onSaved={() => setFollowUpsSaved((n) => n + 1)} />
              </TabPanel>
              <TabPanel id="consents">
                <PersonConsents personId={id} />
              </TabPanel>
              <TabPanel id="history">
                <PersonHistory personId={id} />
              </TabPanel>
            </Tabs>
          </>
        )}
      </DataState>
    </Page>
  );
}

function ProfileSections({ raw, language }: { raw: unknown; language: string }) {
  const { t, i18n } = useTranslation();
  const sectionLabel = useSectionLabel();
  const profileWords = useProfileWords();
  // Skills and occupations in the reader's language (the record stores the label it was taken in).
  const concept = useFoundConceptLabels(profileConceptUris(raw), i18n.language);
  const words = { ...profileWords, concept };
  const sections = toProfileSections(raw, i18n.language, words);
  const stateLabel = (s: string) =>
    s === 'complete'
      ? t('completeness.complete', 'Complete')
      : s === 'partial'
        ? t('completeness.partial', 'Partly filled')
        : t('completeness.empty', 'Not started');
  return (
    <div className="grid">
      {sections.map((s) => (
        <section key={s.key} className="card section" aria-labelledby={`sec-${s.key}`}>
          <header className="section-head">
            <h2 id={`sec-${s.key}`}>{sectionLabel(s.key)}</h2>
            <StatusBadge status={s.state} label={stateLabel(s.state)} />
          </header>
          {s.entries.length ? (
            <ul className="rows" dir="auto">
              {s.entries.map((e, i) => (
                <li
                  key={i}
                  dir={directionOf(language) === 'rtl' && /[\u0600-\u06FF]/.test(e) ? 'rtl' : undefined}
                >
                  {e}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('completeness.nothing', 'Nothing recorded yet.')}</p>
          )}
        </section>
      ))}
    </div>
  );
}

function PersonMatches({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<'vacancy' | 'training'>('vacancy');
  const matches = useApi<unknown>(`${endpoints.personMatches(personId)}${query({ kind, limit: 20 })}`);
  const [referred, setReferred] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);

  async function refer(targetId: string) {
    setError(null);
    try {
      await createReferral(personId, kind, targetId);
      setReferred((s) => new Set(s).add(targetId));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
    }
  }

  return (
    <div>
      <div className="segmented" role="group" aria-label={t('matches.kind', 'Kind of match')}>
        <button type="button" aria-pressed={kind === 'vacancy'} onClick={() => setKind('vacancy')}>
          {t('nav.vacancies', 'Vacancies')}
        </button>
        <button type="button" aria-pressed={kind === 'training'} onClick={() => setKind('training')}>
          {t('nav.trainings', 'Trainings')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {/* Without consent to matching the server answers 403 consent_required: said plainly, not as an error. */}
      {matches.error?.code === 'consent_required' ? (
        <p className="muted">
          {t(
            'matches.noConsent',
            'No matches: the person has not agreed to their profile being used to find opportunities. Their consent is recorded in the Consents tab.',
          )}
        </p>
      ) : (
        <DataState
          state={matches}
          what={t('matches.title', 'Matches')}
          isEmpty={(b) => toPage(b, toMatch).items.length === 0}
          empty={t('matches.none', 'No match yet. A fuller profile gives better matches.')}
        >
          {(body) => (
            <div className="stack">
              {toPage(body, (m) => toMatch(m, i18n.language)).items.map((m) => (
                <MatchCard
                  key={m.id}
                  match={m}
                  actions={
                    referred.has(m.id) ? (
                      <span className="notice notice-ok" role="status">
                        {t('matches.referred', 'Referred')}
                      </span>
                    ) : (
                      <Button className="btn btn-primary" onPress={() => void refer(m.id)}>
                        {kind === 'vacancy'
                          ? t('matches.refer', 'Refer to this vacancy')
                          : t('matches.referTraining', 'Refer to this training')}
                      </Button>
                    )
                  }
                />
              ))}
            </div>
          )}
        </DataState>
      )}
    </div>
  );
}

function PersonReferrals({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<unknown>(`${endpoints.referrals}${query({ personId, limit: 50 })}`);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function refer(vacancyId: string, title: string) {
    setError(null);
    setDone(null);
    try {
      await createReferral(personId, 'vacancy', vacancyId);
      setDone(title);
      state.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
    }
  }

  return (
    <div className="stack">
      <div className="card">
        <SearchPicker
          label={t('referrals.referToVacancy', 'Refer to a vacancy')}
          description={t(
            'referrals.referHint',
            'Search vacancies by title; the person’s consent is checked.',
          )}
          unavailableText={t('common.notAvailableTitle', 'Not available yet')}
          onPick={(v) => void refer(v.id, v.label)}
          search={async (q, signal) => {
            const body = await get<unknown>(`${endpoints.vacancies}${query({ q, limit: 10 })}`, signal);
            return toPage(body, (v) => toVacancy(v, i18n.language)).items.map((v) => ({
              id: v.id,
              label: v.title,
              detail: [v.place, v.country].filter(Boolean).join(', ') || null,
            }));
          }}
        />
        {done ? (
          <p className="notice notice-ok" role="status">
            {t('referrals.done', 'Referred to {{title}}', { title: done })}
          </p>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
      <DataState
        state={state}
        what={t('nav.referrals', 'Referrals')}
        isEmpty={(b) => toPage(b, toReferral).items.length === 0}
        empty={t('dashboard.noReferrals', 'No referrals yet.')}
      >
        {(body) => (
          <ReferralRows
            items={toPage(body, (r) => toReferral(r, i18n.language)).items}
            onChanged={state.reload}
          />
        )}
      </DataState>
    </div>
  );
}

function ReferralRows({ items: raw, onChanged }: { items: Referral[]; onChanged: () => void }) {
  const { i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const items = useReferralNames(raw);
  return (
    <ul className="rows">
      {items.map((r) => (
        <li key={r.id}>
          <span>
            <strong>{r.targetTitle}</strong>{' '}
            {r.organisation ? <span className="muted">· {r.organisation}</span> : null}
          </span>
          <span>
            <StatusBadge status={r.status} label={statusLabel(r.status)} />{' '}
            <span className="muted">{formatDate(r.statusOn, i18n.language)}</span>
          </span>
          {isReferralOpen(r) ? <FollowUpDate referral={r} onChanged={onChanged} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The date the counsellor means to follow up on a referral; the dashboard lists the ones due. */
function FollowUpDate({ referral, onChanged }: { referral: Referral; onChanged: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(referral.followUpOn ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `follow-up-${referral.id}`;

  async function save() {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      await setReferralFollowUp(referral.id, value === '' ? null : value);
      setSaved(true);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="follow-up"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id}>{t('referrals.followUpOn', 'Follow up on')}</label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setSaved(false);
        }}
      />
      <button type="submit" className="btn btn-small" disabled={busy}>
        {t('referrals.saveFollowUp', 'Save the date')}
      </button>
      {saved ? (
        <span className="muted" role="status">
          {t('referrals.followUpSaved', 'Saved')}
        </span>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

function PersonHistory({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const historyLabel = (action: string) =>
    ({
      created: t('history.created', 'Profile created'),
      updated: t('history.updated', 'Profile updated'),
      archived: t('history.archived', 'Archived'),
      merged_into: t('history.mergedInto', 'Merged into another record'),
      merged_from: t('history.mergedFrom', 'Another record merged into this one'),
    })[action] ?? action;
  const fieldLabel = useFieldLabel();
  const state = useApi<unknown>(endpoints.personHistory(personId));
  return (
    <DataState
      state={state}
      what={t('person.history', 'History')}
      isEmpty={(b) => toPage(b, (x) => x).items.length === 0}
      empty={t('person.noHistory', 'No history yet.')}
    >
      {(body) => (
        <ol className="timeline">
          {toPage(body, (x) => x as Record<string, unknown>).items.map((e, i) => (
            <li key={String(e.id ?? i)}>
              <time dateTime={String(e.at ?? e.createdAt ?? '')}>
                {formatDateTime(String(e.at ?? e.createdAt ?? ''), i18n.language)}
              </time>{' '}
              <span>
                {historyLabel(String(e.action ?? e.type ?? ''))}
                {Array.isArray(e.changedFields) && e.changedFields.length
                  ? `: ${formatList(
                      e.changedFields.map((f) => fieldLabel(String(f))),
                      i18n.language,
                    )}`
                  : ''}
              </span>{' '}
              {e.by || e.actor ? (
                <span className="muted">· {personName(e.by ?? e.actor) || String(e.by ?? '')}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </DataState>
  );
}
