import { z } from 'zod';
import { createOrganisationStore, type Database } from '@passerelle/db';

/**
 * Who offers a vacancy or training, or receives a referral, as anyone who may see that record may
 * see it: the organisation's id and display name, nothing else (never its profile: contacts,
 * vetting notes, registration numbers). People may not read organisations (`GET
 * /api/organisations/{id}` answers them 403), so responses that show them an offer carry this
 * instead of sending them to the organisations API.
 */
export const organisationName = z
  .object({ id: z.uuid(), name: z.string() })
  .meta({ id: 'OrganisationName', description: 'The display name of the organisation, and only that.' });
export type OrganisationName = z.infer<typeof organisationName>;

/**
 * A lookup of organisation names for one request (each organisation is read once). Call it only
 * for records the caller has already been allowed to read; null when the organisation is unknown.
 */
export function organisationNameLookup(
  database: Database,
): (id: string | null | undefined) => Promise<OrganisationName | null> {
  const organisations = createOrganisationStore(database.db);
  const seen = new Map<string, Promise<OrganisationName | null>>();
  return (id) => {
    if (!id) return Promise.resolve(null);
    let found = seen.get(id);
    if (!found) {
      found = organisations.get(id).then((o) => (o ? { id: o.id, name: o.name } : null));
      seen.set(id, found);
    }
    return found;
  };
}
