import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';
import { createTestUser, signInThroughApi } from '../../auth/testing';
import { currentTotp } from '../../auth/totp';

const password = 'a long enough passphrase';

describe.each(testDatabaseKinds())('authentication on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind, { actor: null, signInRateLimit: { max: 1000, timeWindow: 60_000 } });
  });
  afterAll(async () => t.close());

  test('anonymous requests to the API are 401; health and sign-in stay open', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/demo' })).statusCode).toBe(404);
  });

  test('sign-in sets an httpOnly SameSite=Strict cookie, never returns secrets, and needs the CSRF token for changes', async () => {
    const user = await createTestUser(t.database, { role: 'case_manager', country: 'GE' }, password);
    const { res, headers, setCookie } = await signInThroughApi(t.app, {
      email: user.email.toUpperCase(),
      password,
    });
    expect(res.statusCode).toBe(200);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(JSON.stringify(res.json())).not.toMatch(/argon2|passwordHash|totpSecret/);
    expect(res.json().user.role).toBe('case_manager');
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: headers.cookie },
    });
    expect(session.json().csrfToken).toBe(headers['x-csrf-token']);
    const body = { kind: 'employer', name: 'CSRF Garage', country: 'GE' };
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: headers.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().details.reason).toBe('csrf_token_missing_or_wrong');
    const outOfCountry = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers,
      payload: { ...body, country: 'BE' },
    });
    expect(outOfCountry.statusCode).toBe(403);
    const inCountry = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers,
      payload: body,
    });
    expect(inCountry.statusCode).toBe(201);
    const denied = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'access_denied' and actor_user_id = $1`,
      [user.id],
    );
    expect(denied[0]!.n).toBe(2);
    expect(session.headers['cache-control']).toBe('no-store');
    const second = await signInThroughApi(t.app, { email: user.email, password });
    const mine = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers });
    expect(mine.json().items).toHaveLength(2);
    const other = mine.json().items.find((s: { current: boolean }) => !s.current);
    const ended = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers });
    expect(ended.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/auth/session',
          headers: { cookie: second.headers.cookie },
        })
      ).statusCode,
    ).toBe(401);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(out.statusCode).toBe(200);
    expect(out.headers['clear-site-data']).toContain('"cookies"');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: headers.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  test('wrong passwords and unknown e-mails get the same answer; five failures lock the account', async () => {
    const user = await createTestUser(t.database, { role: 'employer' }, password);
    const unknown = await signInThroughApi(t.app, { email: 'nobody@passerelle.test', password });
    const wrong = await signInThroughApi(t.app, { email: user.email, password: 'not the password at all' });
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json()).toEqual(unknown.res.json());
    for (let i = 0; i < 4; i++)
      await signInThroughApi(t.app, { email: user.email, password: 'wrong again, sorry' });
    const locked = await signInThroughApi(t.app, { email: user.email, password });
    expect(locked.res.statusCode).toBe(401);
    const failures = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'sign_in_failed' and entity_id = $1`,
      [user.id],
    );
    expect(failures[0]!.n).toBe(6);
    const reasons = await t.database.query<{ reason: string }>(
      `select reason from audit_events where action = 'sign_in_failed' and entity_id = $1 order by seq`,
      [user.id],
    );
    expect(reasons.at(-1)!.reason).toBe('locked');
  });

  test('administrators must enrol TOTP before anything else, then sign in with a code that cannot be replayed', async () => {
    const admin = await createTestUser(t.database, { role: 'administrator' }, password);
    const first = await signInThroughApi(t.app, { email: admin.email, password });
    expect(first.res.json().mfaEnrolmentRequired).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers: first.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().details.reason).toBe('mfa_required');
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: first.headers });
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\//);
    const secret = setup.json().secret as string;
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: first.headers,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: first.headers,
      payload: { code: currentTotp(secret, new Date()) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: first.headers })).statusCode,
    ).toBe(200);

    const noCode = await signInThroughApi(t.app, { email: admin.email, password });
    expect(noCode.res.statusCode).toBe(401);
    expect(noCode.res.json().details.mfaRequired).toBe(true);
    const later = new Date(Date.now() + 30_000);
    const code = currentTotp(secret, later);
    const withCode = await signInThroughApi(t.app, { email: admin.email, password, totp: code });
    expect(withCode.res.statusCode).toBe(200);
    const replay = await signInThroughApi(t.app, { email: admin.email, password, totp: code });
    expect(replay.res.statusCode).toBe(401);
  });

  test('API tokens: shown once, hashed, scoped, revocable', async () => {
    const user = await createTestUser(t.database, { role: 'case_manager', country: 'GE' }, password);
    const { headers } = await signInThroughApi(t.app, { email: user.email, password });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'reporting script', scopes: ['organisation:read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect(token).toMatch(/^psl_/);
    const stored = await t.database.query<{ token_hash: string }>(
      'select token_hash from api_tokens where id = $1',
      [created.json().id],
    );
    expect(stored[0]!.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/organisations', headers: bearer })).statusCode,
    ).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: bearer,
      payload: { kind: 'employer', name: 'X', country: 'GE' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().details.reason).toBe('token_scope');
    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect(list.json().items[0]).not.toHaveProperty('tokenHash');
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.json().id}`, headers });
    expect(revoke.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/organisations', headers: bearer })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/organisations',
          headers: { authorization: 'Bearer psl_made_up' },
        })
      ).statusCode,
    ).toBe(401);
  });

  test('a one-time reset link sets a new password and ends the sessions; it works once', async () => {
    const user = await createTestUser(t.database, { role: 'employer' }, password);
    const { headers } = await signInThroughApi(t.app, { email: user.email, password });
    const { createPasswordResetStore } = await import('@passerelle/db');
    const { issueResetLink } = await import('../../auth/reset-links');
    const link = await issueResetLink(createPasswordResetStore(t.database.db), {
      id: crypto.randomUUID(),
      userId: user.id,
      now: new Date(),
    });
    expect(link.path).toContain('#token=');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token: link.token, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const link2 = await issueResetLink(createPasswordResetStore(t.database.db), {
      id: crypto.randomUUID(),
      userId: user.id,
      now: new Date(),
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token: link2.token, newPassword: 'an entirely new passphrase' },
    });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token: link2.token, newPassword: 'yet another passphrase' },
    });
    expect(again.statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: headers.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await signInThroughApi(t.app, { email: user.email, password: 'an entirely new passphrase' })).res
        .statusCode,
    ).toBe(200);
  });
});

describe.each(testDatabaseKinds().slice(0, 1))('sign-in limits and demo mode on $name', (kind) => {
  test('sign-in is rate limited per address', async () => {
    const t = await createTestApp(kind, { actor: null, signInRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (await signInThroughApi(t.app, { email: 'x@y.z', password: 'whatever it is' })).res.statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });

  test('demo mode lists demo accounts and signs in with one click', async () => {
    const { parseConfig } = await import('@passerelle/core');
    const { database, config: dbConfig, drop } = await kind.create();
    const { buildApp } = await import('../../app');
    const app = await buildApp({
      config: { ...parseConfig({ LOG_LEVEL: 'silent' }), demo: true, database: dbConfig },
      database,
    });
    try {
      const demo = await app.inject({ method: 'GET', url: '/api/auth/demo' });
      expect(demo.statusCode).toBe(200);
      const accounts = demo.json().accounts as {
        email: string;
        password: string;
        role: string;
        totpSecret: string | null;
      }[];
      expect(accounts.map((a) => a.role)).toContain('administrator');
      const admin = accounts.find((a) => a.role === 'administrator')!;
      expect(admin.totpSecret).toBeTruthy();
      const one = await app.inject({
        method: 'POST',
        url: '/api/auth/demo/sign-in',
        payload: { email: admin.email },
      });
      expect(one.statusCode).toBe(200);
      const cm = accounts.find((a) => a.role === 'case_manager')!;
      const signIn = await signInThroughApi(app, { email: cm.email, password: cm.password });
      expect(signIn.res.statusCode).toBe(200);
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/demo/sign-in',
            payload: { email: 'someone@else.org' },
          })
        ).statusCode,
      ).toBe(401);
    } finally {
      await app.close();
      await database.close();
      await drop();
    }
  });
});
