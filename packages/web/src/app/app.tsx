import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { LanguageSwitcher } from '../components/language-switcher';
import { DashboardPage } from '../pages/workspace/dashboard';
import {
  SessionProvider,
  currentArea,
  mayImportInWorkspace,
  mayReadReports,
  useSession,
  type Area,
} from './session';

// The dashboard ships with the first load; other screens (sign-in too) are fetched when opened, so
// the first screen of a signed-in counsellor carries no form widgets.
const SignInPage = lazy(() => import('../pages/sign-in').then((m) => ({ default: m.SignInPage })));
const PeoplePage = lazy(() => import('../pages/workspace/people').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('../pages/workspace/person').then((m) => ({ default: m.PersonPage })));
const PersonPrintPage = lazy(() =>
  import('../pages/workspace/person-print').then((m) => ({ default: m.PersonPrintPage })),
);
const InterviewPage = lazy(() =>
  import('../pages/workspace/interview').then((m) => ({ default: m.InterviewPage })),
);
const EmployersPage = lazy(() =>
  import('../pages/workspace/labour-market').then((m) => ({ default: m.EmployersPage })),
);
const VacanciesPage = lazy(() =>
  import('../pages/workspace/labour-market').then((m) => ({ default: m.VacanciesPage })),
);
const VacancyPage = lazy(() =>
  import('../pages/workspace/labour-market').then((m) => ({ default: m.VacancyPage })),
);
const TrainingsPage = lazy(() =>
  import('../pages/workspace/labour-market').then((m) => ({ default: m.TrainingsPage })),
);
const ReferralsPage = lazy(() =>
  import('../pages/workspace/referrals').then((m) => ({ default: m.ReferralsPage })),
);
const ImportsPage = lazy(() =>
  import('../pages/workspace/imports').then((m) => ({ default: m.ImportsPage })),
);
const ProgrammeDashboard = lazy(() =>
  import('../pages/workspace/programme-dashboard').then((m) => ({ default: m.ProgrammeDashboard })),
);
const EmployerHome = lazy(() =>
  import('../pages/employer/employer-home').then((m) => ({ default: m.EmployerHome })),
);
const SelfServicePage = lazy(() =>
  import('../pages/self/self-service').then((m) => ({ default: m.SelfServicePage })),
);

const homeOf: Record<Area, string> = { workspace: '/workspace', employer: '/employer', self: '/me' };

/** The app: session, router, language, and the shell around the screens. */
export function App() {
  const { i18n } = useTranslation();
  // Links are wouter's; React Aria widgets only need the language (for direction and keyboard).
  return (
    <I18nProvider locale={i18n.language}>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const active = href === '/workspace' ? location === href : location.startsWith(href);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const area = currentArea(session.state);
  const [location] = useLocation();

  // Move focus to the new page's heading after navigation, for screen readers and keyboards.
  useEffect(() => {
    const h = document.getElementById('page-title');
    if (h && location !== '/sign-in') {
      h.setAttribute('tabindex', '-1');
      h.focus({ preventScroll: true });
    }
  }, [location]);

  useEffect(() => {
    document.title = t('shell.documentTitle', 'Passerelle');
  }, [t]);

  if (session.state.status === 'loading')
    return (
      <p className="boot" role="status">
        {t('common.loading', 'Loading…')}
      </p>
    );

  const name =
    session.state.status === 'signed-in' ? (session.state.user.name ?? session.state.user.email) : null;
  const aggregatesOnly =
    session.state.status === 'signed-in' && session.state.user.role === 'programme_manager';

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip', 'Skip to content')}
      </a>
      <header className="topbar">
        <Link href={area ? homeOf[area] : '/sign-in'} className="brand">
          Passerelle
        </Link>
        {area === 'workspace' ? (
          <nav aria-label={t('shell.mainNav', 'Main')} className="nav">
            <NavLink href="/workspace">{t('nav.dashboard', 'Dashboard')}</NavLink>
            {/* Programme managers work with aggregates: no people, referrals or imports. */}
            {aggregatesOnly ? null : (
              <>
                <NavLink href="/workspace/people">{t('nav.people', 'People')}</NavLink>
                <NavLink href="/workspace/referrals">{t('nav.referrals', 'Referrals')}</NavLink>
              </>
            )}
            <NavLink href="/workspace/vacancies">{t('nav.vacancies', 'Vacancies')}</NavLink>
            <NavLink href="/workspace/trainings">{t('nav.trainings', 'Trainings')}</NavLink>
            <NavLink href="/workspace/employers">{t('nav.employers', 'Employers')}</NavLink>
            {/* Administrators and case managers read the aggregate figures too (programme managers start there). */}
            {mayReadReports(session.state) ? (
              <NavLink href="/workspace/figures">{t('nav.figures', 'Figures')}</NavLink>
            ) : null}
            {/* Only administrators import in the workspace: others would find every file refused. */}
            {aggregatesOnly || !mayImportInWorkspace(session.state) ? null : (
              <NavLink href="/workspace/imports">{t('nav.imports', 'Imports')}</NavLink>
            )}
          </nav>
        ) : null}
        <div className="topbar-end">
          <LanguageSwitcher />
          {name ? <span className="whoami">{name}</span> : null}
          {area ? (
            <button type="button" className="btn btn-quiet" onClick={() => void session.signOut()}>
              {t('shell.signOut', 'Sign out')}
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" className="main">
        <Suspense
          fallback={
            <p className="muted" role="status">
              {t('common.loading', 'Loading…')}
            </p>
          }
        >
          <Routes area={area} />
        </Suspense>
      </main>
      <footer className="footer">
        <p>
          {t(
            'shell.escoAttribution',
            'This service uses the ESCO classification of the European Commission.',
          )}
        </p>
      </footer>
    </>
  );
}

function Routes({ area }: { area: Area | null }) {
  if (!area)
    return (
      <Switch>
        <Route path="/sign-in" component={SignInPage} />
        <Route>
          <Redirect to="/sign-in" replace />
        </Route>
      </Switch>
    );
  return (
    <Switch>
      <Route path="/sign-in">
        <Redirect to={homeOf[area]} replace />
      </Route>
      {area === 'workspace' ? (
        <>
          <Route path="/workspace" component={DashboardPage} />
          <Route path="/workspace/people" component={PeoplePage} />
          <Route path="/workspace/people/new" component={InterviewPage} />
          <Route path="/workspace/people/:id/print">{(p) => <PersonPrintPage id={p.id} />}</Route>
          <Route path="/workspace/people/:id">{(p) => <PersonPage id={p.id} />}</Route>
          <Route path="/workspace/employers" component={EmployersPage} />
          <Route path="/workspace/vacancies" component={VacanciesPage} />
          <Route path="/workspace/vacancies/:id">{(p) => <VacancyPage id={p.id} />}</Route>
          <Route path="/workspace/trainings" component={TrainingsPage} />
          <Route path="/workspace/referrals" component={ReferralsPage} />
          <Route path="/workspace/imports" component={ImportsPage} />
          <Route path="/workspace/figures" component={ProgrammeDashboard} />
        </>
      ) : null}
      {area === 'employer' ? <Route path="/employer" component={EmployerHome} /> : null}
      {area === 'self' ? <Route path="/me" component={SelfServicePage} /> : null}
      <Route>
        <Redirect to={homeOf[area]} replace />
      </Route>
    </Switch>
  );
}
