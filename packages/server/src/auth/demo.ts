import { randomUUID } from 'node:crypto';
import { createOrganisationStore, createUserStore, type Database } from '@passerelle/db';
import { hashPassword } from './passwords';
import { newTotpSecret } from './totp';
import { createSecretBox } from './secret-box';

/** The demo accounts (demo mode only; `passerelle serve --demo` refuses to start in production). */
export const demoAccounts = [
  { email: 'admin@demo.passerelle.test', role: 'administrator', label: 'Administrator', org: 'mission' },
  {
    email: 'manager@demo.passerelle.test',
    role: 'programme_manager',
    label: 'Programme manager',
    org: 'mission',
  },
  {
    email: 'case.manager@demo.passerelle.test',
    role: 'case_manager',
    label: 'Case manager (country of origin)',
    org: 'mission',
  },
  {
    email: 'counsellor@demo.passerelle.test',
    role: 'counsellor',
    label: 'Return counsellor (host country)',
    org: 'host',
  },
  { email: 'employer@demo.passerelle.test', role: 'employer', label: 'Employer', org: 'employer' },
  {
    email: 'training@demo.passerelle.test',
    role: 'training_provider',
    label: 'Training provider',
    org: 'training',
  },
] as const;

/** The password of every demo account. */
export const demoPassword = 'demo footbridge open';

/**
 * Creates the demo accounts (and four small organisations for them) when they are missing.
 * The administrator gets a TOTP secret, shown by GET /api/auth/demo.
 */
export async function ensureDemoUsers(database: Database): Promise<void> {
  const users = createUserStore(database.db);
  if (await users.getByEmail(demoAccounts[0].email)) return;
  const orgs = createOrganisationStore(database.db);
  const orgIds: Record<string, string> = {};
  const orgSpecs = {
    mission: { kind: 'mission', name: 'Demo mission (Tbilisi)', country: 'GE' },
    host: { kind: 'mission', name: 'Demo return counselling (Brussels)', country: 'BE' },
    employer: { kind: 'employer', name: 'Demo employer: Garage Rustaveli', country: 'GE' },
    training: { kind: 'training_provider', name: 'Demo training centre', country: 'GE' },
  } as const;
  for (const [key, spec] of Object.entries(orgSpecs)) {
    const id = randomUUID();
    await orgs.create({ ...spec, data: { demo: true } }, id);
    orgIds[key] = id;
  }
  const passwordHash = await hashPassword(demoPassword);
  for (const a of demoAccounts) {
    const u = await users.create({
      id: randomUUID(),
      email: a.email,
      displayName: a.label,
      role: a.role,
      organisationId: orgIds[a.org] ?? null,
      country: orgSpecs[a.org].country,
      passwordHash,
    });
    if (a.role === 'administrator')
      // Demo seeds are shown to everyone by GET /api/auth/demo: kept unsealed on purpose.
      await users.setTotp(
        u.id,
        createSecretBox(null).seal(newTotpSecret(a.email).secret),
        new Date().toISOString(),
      );
  }
}
