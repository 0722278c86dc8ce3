import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { ApiError, get } from '../api/client';
import { endpoints } from '../api/endpoints';
import { useSession, type Area } from '../app/session';

interface DemoAccount {
  role: string;
  email: string;
  password: string;
  label: string | null;
}

function toDemoAccounts(body: unknown): DemoAccount[] {
  const b = body as { accounts?: unknown; users?: unknown; items?: unknown } | unknown[];
  const items = Array.isArray(b)
    ? b
    : ((b as { accounts?: unknown }).accounts ??
      (b as { users?: unknown }).users ??
      (b as { items?: unknown }).items);
  if (!Array.isArray(items)) return [];
  return items
    .map((raw) => {
      const r = raw as Record<string, unknown>;
      return {
        role: String(r.role ?? ''),
        email: String(r.email ?? r.username ?? ''),
        password: String(r.password ?? ''),
        label: typeof r.label === 'string' ? r.label : typeof r.name === 'string' ? r.name : null,
      };
    })
    .filter((a) => a.email !== '');
}

/** Sign-in; in demo mode the server lists demo accounts, shown here with a one-press sign-in. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccount[]>([]);

  useEffect(() => {
    get<unknown>(endpoints.demoAccounts)
      .then((b) => setDemo(toDemoAccounts(b)))
      .catch(() => setDemo([]));
  }, []);

  async function signIn(e: string, p: string, demoAccount = false) {
    setBusy(true);
    setError(null);
    try {
      if (demoAccount) await session.demoSignIn(e);
      else await session.signIn(e, p, totp || undefined);
    } catch (err) {
      if (err instanceof ApiError && /totp|two.?factor|otp/i.test(JSON.stringify(err.details)))
        setNeedTotp(true);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void signIn(email, password);
  }

  const roleLabel = (role: string, fallback: string | null = null) =>
    ({
      counsellor: t('roles.counsellor', 'Counsellor'),
      case_manager: t('roles.caseManager', 'Case manager'),
      administrator: t('roles.administrator', 'Administrator'),
      programme_manager: t('roles.programmeManager', 'Programme manager'),
      employer: t('roles.employer', 'Employer'),
      person: t('roles.person', 'Person (self-service)'),
      training_provider: t('roles.trainingProvider', 'Training provider'),
      partner: t('roles.partner', 'Partner'),
    })[role] ??
    fallback ??
    role;

  const areas: { area: Area; label: string }[] = [
    { area: 'workspace', label: t('signIn.previewWorkspace', 'Counsellor workspace') },
    { area: 'employer', label: t('signIn.previewEmployer', 'Employer view') },
    { area: 'self', label: t('signIn.previewSelf', 'Self-service view') },
  ];

  return (
    <section className="page sign-in" aria-labelledby="page-title">
      <h1 id="page-title">{t('signIn.title', 'Sign in to Passerelle')}</h1>
      {session.state.status === 'no-auth' ? (
        <div className="card">
          <p className="notice notice-muted" role="status">
            {t(
              'signIn.noAuth',
              'Sign-in is not available on this server yet. You can look at each view without an account.',
            )}
          </p>
          <div className="button-row">
            {areas.map((a) => (
              <Button key={a.area} className="btn" onPress={() => session.preview(a.area)}>
                {a.label}
              </Button>
            ))}
          </div>
        </div>
      ) : (
        <Form className="card form" onSubmit={onSubmit} validationBehavior="native">
          <TextField
            name="email"
            type="email"
            isRequired
            autoComplete="username"
            value={email}
            onChange={setEmail}
          >
            <Label>{t('signIn.email', 'E-mail')}</Label>
            <Input dir="ltr" />
            <FieldError />
          </TextField>
          <TextField
            name="password"
            type="password"
            isRequired
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          >
            <Label>{t('signIn.password', 'Password')}</Label>
            <Input dir="ltr" />
            <FieldError />
          </TextField>
          {needTotp ? (
            <TextField
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={totp}
              onChange={setTotp}
            >
              <Label>{t('signIn.totp', 'Code from your authenticator app')}</Label>
              <Input dir="ltr" />
            </TextField>
          ) : null}
          {error ? (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          ) : null}
          <Button type="submit" className="btn btn-primary" isDisabled={busy}>
            {busy ? t('signIn.signingIn', 'Signing in…') : t('signIn.submit', 'Sign in')}
          </Button>
        </Form>
      )}
      {demo.length > 0 ? (
        <aside className="card demo" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('signIn.demoTitle', 'Demo accounts')}</h2>
          <p className="muted">
            {t(
              'signIn.demoBody',
              'This server runs in demo mode with made-up people. Choose an account to sign in.',
            )}
          </p>
          <ul className="demo-list">
            {demo.map((a) => (
              <li key={a.email}>
                <Button
                  className="btn"
                  data-demo-role={a.role}
                  isDisabled={busy}
                  onPress={() => void signIn(a.email, a.password, true)}
                >
                  {t('signIn.demoAs', 'Sign in as {{role}}', { role: roleLabel(a.role, a.label) })}
                </Button>
                <span className="muted demo-cred" dir="ltr">
                  {a.email} / {a.password}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </section>
  );
}
