import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createUserStore } from './users';
import { createApiTokenStore, createPasswordResetStore, createSessionStore } from './sessions';
import { createConsentStore } from './consents';
import { appendChunkRows, createAuditStore, type NewAuditEvent } from './audit';
import { createRetentionRuleStore } from './retention';

const event = (extra: Partial<NewAuditEvent> = {}): NewAuditEvent => ({
  id: randomUUID(),
  at: new Date().toISOString(),
  actorKind: 'user',
  actorUserId: randomUUID(),
  actorRole: 'case_manager',
  action: 'read',
  entity: 'person',
  entityId: 'p',
  personId: randomUUID(),
  reason: null,
  changes: { fields: ['givenName'] },
  requestId: 'req-1',
  ...extra,
});

describe.each(testDatabaseKinds())('trust stores on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await kind.create());
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('users: unique e-mail (case-insensitive), lockout after repeated failures', async () => {
    const users = createUserStore(database.db);
    const u = await users.create({
      id: randomUUID(),
      email: 'Case.Manager@Example.org',
      role: 'case_manager',
      passwordHash: 'h',
    });
    expect(u.email).toBe('case.manager@example.org');
    await expect(
      users.create({ id: randomUUID(), email: 'case.manager@example.org ', role: 'person' }),
    ).rejects.toMatchObject({ code: 'already_exists' });
    const now = new Date();
    for (let i = 0; i < 4; i++) await users.recordFailedSignIn(u.id, now, { maxAttempts: 5, lockMs: 60_000 });
    expect((await users.getById(u.id))?.lockedUntil).toBeNull();
    const locked = await users.recordFailedSignIn(u.id, now, { maxAttempts: 5, lockMs: 60_000 });
    expect(new Date(locked!.lockedUntil!).getTime()).toBe(now.getTime() + 60_000);
    await users.recordSignIn(u.id, now);
    expect((await users.getByEmail('CASE.manager@example.org'))?.failedAttempts).toBe(0);
    expect(await users.useTotpStep(u.id, 100)).toBe(true);
    expect(await users.useTotpStep(u.id, 100)).toBe(false);
    expect(await users.useTotpStep(u.id, 101)).toBe(true);
  });

  test('sessions, tokens and reset links are found only while live, and a reset link works once', async () => {
    const users = createUserStore(database.db);
    const u = await users.create({ id: randomUUID(), email: `${randomUUID()}@x.org`, role: 'employer' });
    const sessions = createSessionStore(database.db);
    const now = new Date();
    const s = await sessions.create({
      id: randomUUID(),
      tokenHash: `s-${u.id}`,
      userId: u.id,
      csrfToken: 'c',
      mfaVerified: false,
      expiresAt: new Date(now.getTime() + 1000),
    });
    expect((await sessions.findLive(s.tokenHash, now))?.id).toBe(s.id);
    expect(await sessions.findLive(s.tokenHash, new Date(now.getTime() + 2000))).toBeNull();
    await sessions.revoke(s.id, now);
    expect(await sessions.findLive(s.tokenHash, now)).toBeNull();
    const tokens = createApiTokenStore(database.db);
    const t = await tokens.create({
      id: randomUUID(),
      userId: u.id,
      name: 'erp',
      prefix: 'psl_ab',
      tokenHash: `t-${u.id}`,
      scopes: ['vacancy:write'],
      expiresAt: new Date(now.getTime() + 1000),
    });
    expect((await tokens.findLive(t.tokenHash, now))?.scopes).toEqual(['vacancy:write']);
    expect(await tokens.findLive(t.tokenHash, new Date(now.getTime() + 2000))).toBeNull();
    expect(await tokens.revoke(t.id, now)).toBe(true);
    expect(await tokens.findLive(t.tokenHash, now)).toBeNull();
    const resets = createPasswordResetStore(database.db);
    await resets.create({
      id: randomUUID(),
      userId: u.id,
      tokenHash: `r-${u.id}`,
      expiresAt: new Date(now.getTime() + 1000),
    });
    expect(await resets.consume(`r-${u.id}`, now)).toBe(u.id);
    expect(await resets.consume(`r-${u.id}`, now)).toBeNull();
  });

  test('consents are withdrawn once and erased with their person', async () => {
    const store = createConsentStore(database.db);
    const personId = randomUUID();
    const c = await store.record({
      id: randomUUID(),
      personId,
      purpose: 'referral',
      recipientCategory: 'employers',
      method: 'signed_form',
      recordedBy: null,
      now: new Date(),
    });
    expect(c.withdrawnAt).toBeNull();
    const w = await store.withdraw(c.id, null, 'changed my mind', new Date());
    expect(w.withdrawnAt).not.toBeNull();
    await expect(store.withdraw(c.id, null, null, new Date())).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.listForPerson(personId)).toHaveLength(1);
    expect(await store.eraseForPerson(personId)).toBe(1);
    expect(await store.listForPerson(personId)).toHaveLength(0);
  });

  test('open consents of a purpose are listed in one query, without the withdrawn ones', async () => {
    const store = createConsentStore(database.db);
    const give = (personId: string, purpose: 'matching' | 'reporting') =>
      store.record({
        id: randomUUID(),
        personId,
        purpose,
        recipientCategory: 'programme',
        method: 'signed_form',
        recordedBy: null,
        now: new Date(),
      });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await give(a, 'matching');
    const withdrawn = await give(b, 'matching');
    await store.withdraw(withdrawn.id, null, null, new Date());
    await give(c, 'reporting');
    const open = (await store.listOpenForPurpose('matching')).map((x) => x.personId);
    expect(open).toContain(a);
    expect(open).not.toContain(b);
    expect(open).not.toContain(c);
  });

  test('the audit chain verifies, refuses UPDATE and DELETE, and detects an edited or deleted row', async () => {
    const audit = createAuditStore(database);
    // More than 9 entries: the order must be numeric, not textual.
    for (let i = 0; i < 12; i++) await audit.append(event());
    const ok = await audit.verify();
    expect(ok).toMatchObject({ ok: true, checked: 12, break: null, head: { seq: 12 } });
    await expect(database.query(`update audit_events set action = 'x' where seq = 2`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.query(`delete from audit_events where seq = 2`)).rejects.toThrow(/append-only/);
    expect((await audit.verify(ok.head!)).ok).toBe(true);

    await database.query('alter table audit_events disable trigger audit_events_append_only');
    await database.query(`update audit_events set reason = 'tampered' where seq = 3`);
    expect((await audit.verify()).break).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
    await database.query(`update audit_events set reason = null where seq = 3`);
    expect((await audit.verify()).ok).toBe(true);
    await database.query(`delete from audit_events where seq = 12`);
    expect((await audit.verify()).ok).toBe(true);
    expect((await audit.verify(ok.head!)).ok).toBe(false);
    await database.query(`delete from audit_events where seq = 2`);
    expect((await audit.verify()).break).toMatchObject({ seq: 3, problem: 'sequence_gap' });
    await database.query('alter table audit_events enable trigger audit_events_append_only');
  });

  test('audit entries are listed newest first with filters and a cursor', async () => {
    const audit = createAuditStore(database);
    const personId = randomUUID();
    for (let i = 0; i < 3; i++) await audit.append(event({ personId, action: i === 1 ? 'update' : 'read' }));
    const page = await audit.list({ personId, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.seq).toBeGreaterThan(page.items[1]!.seq);
    const next = await audit.list({ personId, limit: 2, beforeSeq: page.nextBeforeSeq });
    expect(next.items).toHaveLength(1);
    expect((await audit.list({ personId, action: 'update', limit: 10 })).items).toHaveLength(1);
  });

  test('many audit entries are appended in one call, in chunks, chained after the head in their order', async () => {
    // A database of its own: the chain test above leaves its chain broken on purpose.
    const own = await kind.create();
    try {
      const audit = createAuditStore(own.database);
      await audit.append(event());
      const personId = randomUUID();
      const n = appendChunkRows * 2 + 3;
      const many = Array.from({ length: n }, (_, i) => event({ personId, entityId: `p-${i}` }));
      const appended = await audit.appendMany(many);
      expect(appended.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 2));
      const stored = await audit.list({ personId, limit: n + 10 });
      expect(stored.items).toHaveLength(n);
      expect(stored.items.map((e) => e.entityId).reverse()).toEqual(many.map((e) => e.entityId));
      expect(await audit.appendMany([])).toEqual([]);
      await audit.append(event());
      expect(await audit.verify()).toMatchObject({ ok: true, checked: n + 2, head: { seq: n + 2 } });
    } finally {
      await own.database.close();
      await own.drop();
    }
  });

  test('retention rules are upserted per programme', async () => {
    const rules = createRetentionRuleStore(database.db);
    await rules.put('avrr', { afterClosureDays: 365, afterInactivityDays: null }, null);
    await rules.put('avrr', { afterClosureDays: 730, afterInactivityDays: 1000 }, null);
    expect(await rules.list()).toEqual([
      { programme: 'avrr', afterClosureDays: 730, afterInactivityDays: 1000 },
    ]);
  });
});
