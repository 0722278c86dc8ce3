import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  createOrganisationStore,
  createSessionStore,
  createUserStore,
  type Database,
  type NewUser,
} from '@passerelle/db';
import { sessionLimits } from './authenticate';
import { hashPassword } from './passwords';
import { hashToken, newSecretToken } from './secrets';

/** Test helpers for authenticated requests (tests only). */

/** Creates a user (with a password when given). */
export async function createTestUser(
  database: Database,
  input: Partial<NewUser> & { role: string },
  password?: string,
) {
  return createUserStore(database.db).create({
    id: randomUUID(),
    email: `${input.role}-${randomUUID().slice(0, 8)}@passerelle.test`,
    ...input,
    passwordHash: password ? await hashPassword(password) : null,
  });
}

/** Opens a session for a user directly in the database: the headers to send (cookie and CSRF token). */
export async function openTestSession(
  database: Database,
  userId: string,
  options: { mfa?: boolean; cookieName?: string } = {},
): Promise<Record<string, string>> {
  const token = newSecretToken();
  const csrf = newSecretToken();
  await createSessionStore(database.db).create({
    id: randomUUID(),
    tokenHash: hashToken(token),
    userId,
    csrfToken: csrf,
    mfaVerified: options.mfa ?? true,
    expiresAt: new Date(Date.now() + sessionLimits.absoluteMs),
  });
  return { cookie: `${options.cookieName ?? 'passerelle_session'}=${token}`, 'x-csrf-token': csrf };
}

/** A new user with a session: the headers to send as them. */
export async function signInTestUser(
  database: Database,
  input: Partial<NewUser> & { role: string },
): Promise<Record<string, string>> {
  return openTestSession(database, (await createTestUser(database, input)).id);
}

/**
 * Two employers in Georgia and a signed-in employer user of the first: the set-up of the tests
 * that an organisation's user cannot write another organisation's records.
 */
export async function twoEmployers(
  database: Database,
): Promise<{ own: string; other: string; employer: Record<string, string> }> {
  const orgs = createOrganisationStore(database.db);
  const create = async (name: string) =>
    (await orgs.create({ kind: 'employer', name, country: 'GE', data: {} }, randomUUID())).id;
  const own = await create('Garage Rustaveli');
  const other = await create('Bakery Vake');
  return { own, other, employer: await signInTestUser(database, { role: 'employer', organisationId: own }) };
}

/** Signs in through the API; returns the headers of the new session, or the failed response. */
export async function signInThroughApi(
  app: FastifyInstance,
  body: { email: string; password: string; totp?: string },
) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: body });
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = raw ? raw.split(';')[0]! : '';
  const csrf = res.statusCode === 200 ? (res.json() as { csrfToken: string }).csrfToken : '';
  return { res, headers: { cookie, 'x-csrf-token': csrf }, setCookie: raw ?? '' };
}
