import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, get, query } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import {
  countOpenReferrals,
  toMatch,
  toPage,
  toPersonSummary,
  toReferral,
  type Referral,
  type Match,
  type PersonSummary,
} from '../../api/resources';
import { useApi } from '../../api/use-api';
import { useReferralNames } from '../../api/names';
import { useSession } from '../../app/session';
import { DataState, NotAvailable, Page } from '../../components/ui';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';
import { useCountryName, useStatusLabel } from '../../components/labels';
import { ProgrammeDashboard } from './programme-dashboard';
import { isolate } from '../../i18n/rtl';

/** The start page of the workspace: programme managers get aggregates, everyone else the counsellor's page. */
export function DashboardPage() {
  const session = useSession();
  const role = session.state.status === 'signed-in' ? session.state.user.role : null;
  return role === 'programme_manager' ? <ProgrammeDashboard /> : <CounsellorDashboard />;
}

/** The counsellor's start page: caseload, follow-ups due, new matches, referrals in progress. */
function CounsellorDashboard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useSession();
  const me = session.state.status === 'signed-in' ? session.state.user.id : null;
  const mine = useApi<unknown>(
    `${endpoints.people}${query({ limit: 8, caseManagerId: me, caseStatus: 'open', sort: 'updatedAt', order: 'desc' })}`,
  );
  const mineEmpty = mine.data !== undefined && toPage(mine.data, toPersonSummary).items.length === 0;
  // Nobody assigned yet (a new counsellor, a demo): show the people updated most recently instead.
  // Asked at the same time as the caseload, not after it, to save a round trip on slow connections.
  const recent = useApi<unknown>(
    `${endpoints.people}${query({ limit: 8, caseStatus: 'open', sort: 'updatedAt', order: 'desc' })}`,
  );
  const caseload = mineEmpty ? recent : mine;
  // In progress: the open ones (not rejected, completed or dropped), counted over up to 100.
  const referrals = useApi<unknown>(`${endpoints.referrals}${query({ open: true, limit: 100 })}`);
  const people = caseload.data === undefined ? [] : toPage(caseload.data, toPersonSummary).items;
  const statusLabel = useStatusLabel();
  const countryName = useCountryName();

  return (
    <Page
      title={t('dashboard.title', 'Dashboard')}
      actions={
        <Link href="/workspace/people/new" className="btn btn-primary">
          {t('people.new', 'New person (interview)')}
        </Link>
      }
    >
      <div className="grid">
        <section className="card" aria-labelledby="caseload-title">
          <h2 id="caseload-title">{t('dashboard.caseload', 'My caseload')}</h2>
          <DataState
            state={caseload}
            what={t('nav.people', 'People')}
            isEmpty={() => people.length === 0}
            empty={t('dashboard.noCaseload', 'No one is assigned to you yet.')}
          >
            {() => (
              <ul className="rows">
                {people.map((p) => (
                  <li key={p.id}>
                    <Link href={`/workspace/people/${p.id}`}>
                      {p.name || t('people.unnamed', 'Unnamed person')}
                    </Link>
                    <span className="muted">
                      {[
                        p.countryOfReturn ? countryName(p.countryOfReturn) : null,
                        p.completeness !== null
                          ? t('people.completeness', 'Profile {{pct}} complete', {
                              pct: formatPercent(p.completeness, lang),
                            })
                          : null,
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

        <section className="card" aria-labelledby="followups-title">
          <h2 id="followups-title">{t('dashboard.followUps', 'Follow-ups due')}</h2>
          {/* The caseload's follow-ups; everyone's visible ones while nobody is assigned to me (as above). */}
          <FollowUps caseManagerId={mine.data === undefined ? null : mineEmpty ? undefined : me} />
        </section>

        <section className="card" aria-labelledby="matches-title">
          <h2 id="matches-title">{t('dashboard.newMatches', 'New matches')}</h2>
          <NewMatches people={people.slice(0, 3)} waiting={caseload.data === undefined} />
        </section>

        <section className="card" aria-labelledby="refs-title">
          <h2 id="refs-title">{t('dashboard.referrals', 'Referrals in progress')}</h2>
          <DataState state={referrals} what={t('nav.referrals', 'Referrals')}>
            {(body) => {
              const page = toPage(body, (r) => toReferral(r, lang));
              const counts = countOpenReferrals(page.items);
              if (counts.length === 0)
                return (
                  <p className="muted">{t('dashboard.noReferralsInProgress', 'No referral in progress.')}</p>
                );
              return (
                <ul className="stat-list">
                  {counts.map(([status, n]) => (
                    <li key={status}>
                      <span className="stat-number">{formatNumber(n, lang)}</span> {statusLabel(status)}
                    </li>
                  ))}
                  {page.nextCursor ? (
                    <li className="muted small">
                      {t('dashboard.countedOver', 'Counted over the first {{n}}.', {
                        n: formatNumber(page.items.length, lang),
                      })}
                    </li>
                  ) : null}
                  <li>
                    <Link href="/workspace/referrals">
                      {t('dashboard.openBoard', 'Open the referrals board')}
                    </Link>
                  </li>
                </ul>
              );
            }}
          </DataState>
        </section>
      </div>
    </Page>
  );
}

/** Today as YYYY-MM-DD in the reader's time zone, plus `days`. */
function localDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Referrals still open whose follow-up date (set on the person page) is past or within two weeks,
 * soonest first: of the people `caseManagerId` manages, or every visible one when undefined
 * (null: not known yet, nothing asked).
 */
function FollowUps({ caseManagerId }: { caseManagerId: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  const state = useApi<unknown>(
    caseManagerId === null
      ? null
      : `${endpoints.referrals}${query({
          followUpBefore: localDay(14),
          open: true,
          caseManagerId,
          sort: 'followUpOn',
          order: 'asc',
          limit: 50,
        })}`,
  );
  const due = (b: unknown) => toPage(b, (r) => toReferral(r, i18n.language)).items;
  return (
    <DataState
      state={state}
      what={t('dashboard.followUps', 'Follow-ups due')}
      isEmpty={(b) => due(b).length === 0}
      empty={t('dashboard.noFollowUps', 'No follow-up is due.')}
    >
      {(body) => <FollowUpRows items={due(body)} />}
    </DataState>
  );
}

function FollowUpRows({ items: raw }: { items: Referral[] }) {
  const { t, i18n } = useTranslation();
  const today = localDay();
  const items = useReferralNames(raw); // soonest first, as the server sorted them
  return (
    <ul className="rows">
      {items.map((r) => (
        <li key={r.id}>
          <span>
            <Link href={`/workspace/people/${r.personId}`}>
              {r.personName || t('people.unnamed', 'Unnamed person')}
            </Link>
            {/* Follow-ups (still employed after 1, 3, 6, 12 months?) go on after a case is closed: marked, not hidden. */}
            {r.personCaseClosedOn ? (
              <>
                {' '}
                <span className="badge">
                  {t('dashboard.caseClosed', 'case closed {{date}}', {
                    date: formatDate(r.personCaseClosedOn, i18n.language),
                  })}
                </span>
              </>
            ) : null}
          </span>
          <span className="muted">
            {[r.targetTitle, formatDate(r.followUpOn, i18n.language)]
              .filter(Boolean)
              .map(isolate)
              .join(' · ')}
            {r.followUpOn && r.followUpOn < today ? (
              <>
                {' '}
                <span className="badge badge-overdue">{t('dashboard.overdue', 'overdue')}</span>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

function NewMatches({ people, waiting }: { people: PersonSummary[]; waiting: boolean }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<{ person: PersonSummary; match: Match }[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const key = people.map((p) => p.id).join(',');
  useEffect(() => {
    if (people.length === 0) {
      setRows([]);
      return;
    }
    let live = true;
    // A new list of people: "Loading…" until their matches answer, not the previous list's result.
    setRows(null);
    Promise.all(
      people.map(async (person) => {
        try {
          const body = await get<unknown>(
            `${endpoints.personMatches(person.id)}${query({ kind: 'vacancy', limit: 1 })}`,
          );
          const first = toPage(body, (m) => toMatch(m, i18n.language)).items[0];
          return first ? { person, match: first } : null;
        } catch (e) {
          if (e instanceof ApiError && e.notAvailable) setUnavailable(true);
          return null;
        }
      }),
    ).then((r) => {
      if (live) setRows(r.filter((x): x is { person: PersonSummary; match: Match } => x !== null));
    });
    return () => {
      live = false;
    };
  }, [key, i18n.language]);
  if (unavailable) return <NotAvailable what={t('matches.title', 'Matches')} />;
  if (rows === null || waiting) return <p className="muted">{t('common.loading', 'Loading…')}</p>;
  if (rows.length === 0) return <p className="muted">{t('dashboard.noMatches', 'No new matches.')}</p>;
  return (
    <ul className="rows">
      {rows.map(({ person, match }) => (
        <li key={person.id}>
          <Link href={`/workspace/people/${person.id}`}>{person.name}</Link>
          <span className="muted">
            {match.title} · {formatPercent(match.score, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  );
}
