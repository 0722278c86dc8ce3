import { randomUUID } from 'node:crypto';
import { personInput, type Person } from '@passerelle/core';
import {
  createConsentStore,
  createOrganisationStore,
  createPersonStore,
  createUserStore,
  type Database,
} from '@passerelle/db';
import { demoIds } from '@passerelle/demo';
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
  { email: 'person@demo.passerelle.test', role: 'person', label: 'Returnee (self-service)', org: 'none' },
] as const;

/** How many demo people the demo case manager and counsellor are assigned. */
export const demoCaseload = { caseManager: 12, counsellor: 6 } as const;

/** The password of every demo account. */
export const demoPassword = 'demo footbridge open';

/**
 * Creates the demo accounts when they are missing. When the demo data is loaded (its fixed
 * organisations exist), the accounts belong to them: the case manager to the Georgian mission,
 * with a caseload of its returnees; the counsellor to return counselling in Brussels, with a few
 * people before their handover; the employer and the training provider to the fixed ones; the
 * person account to one of the case manager's returnees. Those people gave the consents the
 * interview asks (matching, referral to employers and training providers, sharing with employers,
 * reporting), so that matches show and referrals can be made at once. Without demo data, four small
 * organisations are created instead. The administrator gets a TOTP secret, shown by
 * GET /api/auth/demo.
 */
export async function ensureDemoUsers(database: Database): Promise<void> {
  const users = createUserStore(database.db);
  if (await users.getByEmail(demoAccounts[0].email)) return;
  const orgs = createOrganisationStore(database.db);
  const orgSpecs = {
    mission: { kind: 'mission', name: 'Demo mission (Tbilisi)', country: 'GE' },
    host: { kind: 'mission', name: 'Demo return counselling (Brussels)', country: 'BE' },
    employer: { kind: 'employer', name: 'Demo employer: Garage Rustaveli', country: 'GE' },
    training: { kind: 'training_provider', name: 'Demo training centre', country: 'GE' },
  } as const;
  const withDemoData = (await orgs.get(demoIds.missionGeorgia)) !== null;
  const orgIds: Record<string, string> = withDemoData
    ? {
        mission: demoIds.missionGeorgia,
        host: demoIds.missionBelgium,
        employer: demoIds.employer,
        training: demoIds.trainingProvider,
      }
    : {};
  if (!withDemoData) {
    for (const [key, spec] of Object.entries(orgSpecs)) {
      const id = randomUUID();
      await orgs.create({ ...spec, data: { demo: true } }, id);
      orgIds[key] = id;
    }
  }
  const assigned = withDemoData ? await assignDemoCaseloads(database) : null;
  const passwordHash = await hashPassword(demoPassword);
  const ids: Record<string, string> = {};
  for (const a of demoAccounts) {
    if (a.role === 'person' && !assigned?.person) continue;
    const u = await users.create({
      id: randomUUID(),
      email: a.email,
      displayName: a.label,
      role: a.role,
      organisationId: a.org === 'none' ? null : (orgIds[a.org] ?? null),
      country: a.org === 'none' ? null : orgSpecs[a.org].country,
      personId: a.role === 'person' ? (assigned?.person ?? null) : null,
      passwordHash,
    });
    ids[a.role] = u.id;
    if (a.role === 'administrator')
      // Demo seeds are shown to everyone by GET /api/auth/demo: kept unsealed on purpose.
      await users.setTotp(
        u.id,
        createSecretBox(null).seal(newTotpSecret(a.email).secret),
        new Date().toISOString(),
      );
  }
  if (assigned) {
    const people = createPersonStore(database.db);
    const consents = createConsentStore(database.db);
    const assign = async (personIds: string[], userId: string | undefined) => {
      if (!userId) return;
      for (const id of personIds) {
        const p = await people.get(id);
        if (!p) continue;
        const input = personInput.parse(inputOf(p));
        await people.update(p.id, p.version, { ...input, caseManagerIds: [...input.caseManagerIds, userId] });
        for (const { purpose, recipientCategory } of demoConsents)
          await consents.record({
            id: randomUUID(),
            personId: p.id,
            purpose,
            recipientCategory,
            method: 'signed_form',
            recordedBy: userId,
            now: new Date(),
          });
      }
    };
    await assign(assigned.caseManager, ids.case_manager);
    await assign(assigned.counsellor, ids.counsellor);
  }
}

/**
 * The consents the demo caseloads gave, as the interview asks them: matching and reporting by the
 * programme, referral to employers and training providers, the profile shared with employers.
 */
const demoConsents = [
  { purpose: 'matching', recipientCategory: 'programme' },
  { purpose: 'referral', recipientCategory: 'employers' },
  { purpose: 'referral', recipientCategory: 'training_providers' },
  { purpose: 'share_profile_with_employer', recipientCategory: 'employers' },
  { purpose: 'reporting', recipientCategory: 'programme' },
] as const;

/** A person's fields as an input for an update. */
function inputOf(p: Person): Record<string, unknown> {
  const {
    id: _i,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    archivedAt: _a,
    mergedIntoId: _m,
    ...rest
  } = p as Person & Record<string, unknown>;
  return rest;
}

/** Picks the demo people for the caseloads: returnees of the Georgian mission, and people still in Belgium. */
async function assignDemoCaseloads(
  database: Database,
): Promise<{ caseManager: string[]; counsellor: string[]; person: string | null }> {
  // By external id after the time: the demo rows share one creation time (one transaction) and
  // their ids are random, while the external ids come from the seed, so the same seed gives the
  // same caseloads at every start.
  const pick = (sql: string, params: unknown[], limit: number) =>
    database
      .query<{ id: string }>(`${sql} order by created_at, external_id, id limit ${limit}`, params)
      .then((rows) => rows.map((r) => r.id));
  const caseManager = await pick(
    `select id::text as id from people where archived_at is null and owning_organisation_id = $1`,
    [demoIds.missionGeorgia],
    demoCaseload.caseManager,
  );
  const counsellor = await pick(
    `select id::text as id from people where archived_at is null and host_country = 'BE'
       and not (id::text = any($1::text[]))`,
    [caseManager],
    demoCaseload.counsellor,
  );
  return { caseManager, counsellor, person: caseManager[0] ?? null };
}
