import type { Grant, Role } from './roles';

/**
 * Who may do what to which record (C8), as one table. The server's policy reads the facts it
 * needs (the record, its person's caseload, active consents) and asks `decideAccess`; nothing
 * else in the code base decides access. Deny is the default: a role with no rule for an action
 * may not do it.
 */

export type AccessAction = 'list' | 'read' | 'create' | 'update' | 'archive' | 'delete' | 'export' | 'import';
export const accessActions: readonly AccessAction[] = [
  'list',
  'read',
  'create',
  'update',
  'archive',
  'delete',
  'export',
  'import',
];

/** Who is asking, as far as the rules care. */
export interface AccessSubject {
  role: Role;
  userId: string | null;
  organisationId: string | null;
  country: string | null;
  /** For the `person` role: the person record that is theirs. */
  personId: string | null;
  grants: readonly string[];
}

/** The scoping facts of one record, read from its fields (see `recordScopeOf`). */
export interface RecordScope {
  id: string | null;
  /** Organisations that own or manage the record. */
  organisationIds: string[];
  countries: string[];
  /** The person the record is about (the record itself for a person). */
  personId: string | null;
  /** Case managers assigned to the person (the caseload). */
  caseManagerIds: string[];
  /** Host-country counsellors who took the profile; they lose access at handover. */
  counsellorIds: string[];
  handedOver: boolean;
  /** The organisation a referral or share is addressed to. */
  recipientOrganisationIds: string[];
  /** The user the record belongs to (users, tokens). */
  userId: string | null;
}

/** What the server found out about a record beyond its own fields. */
export interface AccessFacts {
  record: RecordScope | null;
  /** The person the record is about, when it is not the record itself (referrals, plans, notes...). */
  person?: RecordScope | null;
  /** An active `share_profile_with_employer` consent names the subject's organisation. */
  sharedWithSubject?: boolean;
  /** An active `referral` consent names the subject's organisation. */
  referredToSubject?: boolean;
}

/** The ways a rule can match a record. */
export type AccessScope =
  | 'any'
  | 'own_organisation'
  | 'own_country'
  | 'caseload'
  | 'counselled'
  | 'self'
  | 'own_user'
  | 'shared_with_organisation'
  | 'referred_to_organisation'
  | 'recipient_organisation';

export interface AccessRule {
  actions: readonly AccessAction[];
  scopes: readonly AccessScope[];
  /** The rule applies only when the user holds this grant. */
  grant?: Grant;
}

/** The kinds of resource the table knows; each resource type maps to one (see `resourceKindOf`). */
export type ResourceKind =
  | 'person'
  | 'case_record'
  | 'referral'
  | 'vacancy'
  | 'training'
  | 'organisation'
  | 'reference'
  | 'report'
  | 'consent'
  | 'user'
  | 'token'
  | 'audit'
  | 'retention';

const READ: readonly AccessAction[] = ['list', 'read'];
const ALL: readonly AccessAction[] = accessActions;
const EDIT: readonly AccessAction[] = ['list', 'read', 'create', 'update', 'archive'];

/** The role matrix. Administrators can do everything, but sensitive fields still need a reason. */
export const accessRules: Record<ResourceKind, Partial<Record<Role, readonly AccessRule[]>>> = {
  person: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: READ, scopes: ['any'], grant: 'personal_details' }],
    case_manager: [
      { actions: ['list', 'read', 'update', 'export'], scopes: ['caseload', 'own_organisation'] },
      { actions: ['create'], scopes: ['own_organisation'] },
      { actions: ['archive'], scopes: ['caseload'] },
    ],
    counsellor: [
      { actions: ['create'], scopes: ['own_organisation'] },
      { actions: ['list', 'read', 'update'], scopes: ['counselled'] },
    ],
    employer: [{ actions: READ, scopes: ['shared_with_organisation'] }],
    training_provider: [{ actions: READ, scopes: ['referred_to_organisation'] }],
    partner: [{ actions: READ, scopes: ['referred_to_organisation'] }],
    person: [{ actions: ['read', 'update', 'export'], scopes: ['self'] }],
  },
  case_record: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    case_manager: [{ actions: EDIT, scopes: ['caseload', 'own_organisation'] }],
    counsellor: [{ actions: EDIT, scopes: ['counselled'] }],
    person: [{ actions: READ, scopes: ['self'] }],
  },
  referral: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    case_manager: [{ actions: EDIT, scopes: ['caseload', 'own_organisation'] }],
    counsellor: [{ actions: EDIT, scopes: ['counselled'] }],
    employer: [{ actions: ['list', 'read', 'update'], scopes: ['recipient_organisation'] }],
    training_provider: [{ actions: ['list', 'read', 'update'], scopes: ['recipient_organisation'] }],
    partner: [{ actions: ['list', 'read', 'update'], scopes: ['recipient_organisation'] }],
    person: [{ actions: READ, scopes: ['self'] }],
  },
  vacancy: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: READ, scopes: ['any'] }],
    case_manager: [{ actions: [...READ, 'create', 'update'], scopes: ['any'] }],
    counsellor: [{ actions: READ, scopes: ['any'] }],
    employer: [{ actions: [...EDIT, 'import'], scopes: ['own_organisation'] }],
    person: [{ actions: READ, scopes: ['any'] }],
  },
  training: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: READ, scopes: ['any'] }],
    case_manager: [{ actions: [...READ, 'create', 'update'], scopes: ['any'] }],
    counsellor: [{ actions: READ, scopes: ['any'] }],
    training_provider: [{ actions: [...EDIT, 'import'], scopes: ['own_organisation'] }],
    partner: [{ actions: [...EDIT, 'import'], scopes: ['own_organisation'] }],
    person: [{ actions: READ, scopes: ['any'] }],
  },
  organisation: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: READ, scopes: ['any'] }],
    case_manager: [
      { actions: READ, scopes: ['any'] },
      { actions: ['create', 'update'], scopes: ['own_country'] },
    ],
    counsellor: [{ actions: READ, scopes: ['any'] }],
    employer: [{ actions: ['list', 'read', 'update'], scopes: ['own_organisation'] }],
    training_provider: [{ actions: ['list', 'read', 'update'], scopes: ['own_organisation'] }],
    partner: [{ actions: ['list', 'read', 'update'], scopes: ['own_organisation'] }],
  },
  reference: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: READ, scopes: ['any'] }],
    case_manager: [{ actions: READ, scopes: ['any'] }],
    counsellor: [{ actions: READ, scopes: ['any'] }],
    employer: [{ actions: READ, scopes: ['any'] }],
    training_provider: [{ actions: READ, scopes: ['any'] }],
    partner: [{ actions: READ, scopes: ['any'] }],
    person: [{ actions: READ, scopes: ['any'] }],
  },
  report: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: [...READ, 'export'], scopes: ['any'] }],
    case_manager: [{ actions: [...READ, 'export'], scopes: ['own_organisation'] }],
  },
  consent: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    case_manager: [
      { actions: ['list', 'read', 'create', 'update'], scopes: ['caseload', 'own_organisation'] },
    ],
    counsellor: [{ actions: ['list', 'read', 'create', 'update'], scopes: ['counselled'] }],
    person: [{ actions: ['list', 'read', 'create', 'update'], scopes: ['self'] }],
  },
  user: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: ['read'], scopes: ['own_user'] }],
    case_manager: [{ actions: ['read'], scopes: ['own_user'] }],
    counsellor: [{ actions: ['read'], scopes: ['own_user'] }],
    employer: [{ actions: ['read'], scopes: ['own_user'] }],
    training_provider: [{ actions: ['read'], scopes: ['own_user'] }],
    partner: [{ actions: ['read'], scopes: ['own_user'] }],
    person: [{ actions: ['read'], scopes: ['own_user'] }],
  },
  token: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
    programme_manager: [{ actions: ['list', 'read', 'create', 'delete'], scopes: ['own_user'] }],
    case_manager: [{ actions: ['list', 'read', 'create', 'delete'], scopes: ['own_user'] }],
    employer: [{ actions: ['list', 'read', 'create', 'delete'], scopes: ['own_user'] }],
    training_provider: [{ actions: ['list', 'read', 'create', 'delete'], scopes: ['own_user'] }],
    partner: [{ actions: ['list', 'read', 'create', 'delete'], scopes: ['own_user'] }],
  },
  audit: {
    administrator: [{ actions: READ, scopes: ['any'] }],
  },
  retention: {
    administrator: [{ actions: ALL, scopes: ['any'] }],
  },
};

/**
 * Resource types (the names routes pass to `authorize`) and their kind. A type that is not here
 * is `case_record` when its record names a person, otherwise `reference`.
 */
export const resourceKinds: Record<string, ResourceKind> = {
  person: 'person',
  people: 'person',
  profile: 'person',
  person_data: 'person',
  plan: 'case_record',
  reintegration_plan: 'case_record',
  session: 'case_record',
  counselling_session: 'case_record',
  note: 'case_record',
  follow_up: 'case_record',
  followup: 'case_record',
  case_closure: 'case_record',
  handover: 'case_record',
  match: 'case_record',
  referral: 'referral',
  vacancy: 'vacancy',
  training: 'training',
  training_offer: 'training',
  course: 'training',
  service: 'training',
  service_offer: 'training',
  organisation: 'organisation',
  employer: 'organisation',
  service_provider: 'organisation',
  taxonomy: 'reference',
  concept: 'reference',
  country_info: 'reference',
  fair: 'reference',
  event: 'reference',
  report: 'report',
  indicator: 'report',
  consent: 'consent',
  user: 'user',
  token: 'token',
  api_token: 'token',
  audit: 'audit',
  audit_event: 'audit',
  retention: 'retention',
  retention_rule: 'retention',
};

/** The kind of a resource type (see `resourceKinds`). */
export function resourceKindOf(type: string, record?: Record<string, unknown> | null): ResourceKind {
  const known = resourceKinds[type];
  if (known) return known;
  if (record && typeof record.personId === 'string') return 'case_record';
  return 'reference';
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strs = (...vs: unknown[]): string[] => {
  const out: string[] = [];
  for (const v of vs) {
    if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x !== '') out.push(x);
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  return [...new Set(out)];
};

/**
 * Reads the scoping facts of a record. The field names are the ones the records use
 * (`organisationId`, `country`, `caseManagerIds`, `counsellorIds`, `handedOverAt`, `personId`,
 * `recipientOrganisationId`, `userId`); a few synonyms are accepted so that a record shape change
 * does not silently open access (unknown shapes simply match fewer scopes).
 */
export function recordScopeOf(kind: ResourceKind, record: Record<string, unknown>): RecordScope {
  const id = str(record.id);
  // A referral's `organisationId` is the organisation receiving it; a vacancy's `employerId` and a
  // training's or service's `providerId` are their owners.
  const offer = kind === 'vacancy' || kind === 'training';
  const organisationIds =
    kind === 'organisation'
      ? strs(record.id)
      : kind === 'referral'
        ? []
        : strs(
            record.owningOrganisationId,
            record.organisationId,
            record.ownerOrganisationId,
            record.organisationIds,
            offer ? record.employerId : null,
            offer ? record.providerId : null,
          );
  const recipientOrganisationIds = strs(
    record.recipientOrganisationId,
    record.targetOrganisationId,
    record.toOrganisationId,
    kind === 'referral' ? record.organisationId : null,
  );
  const handedOver =
    record.handedOver === true ||
    str(record.handedOverAt) !== null ||
    (record.handover as { at?: unknown } | undefined)?.at != null;
  return {
    id,
    organisationIds,
    countries: strs(record.country, record.countryOfReturn, record.returnCountry),
    personId: kind === 'person' ? id : str(record.personId),
    caseManagerIds: strs(
      record.caseManagerIds,
      record.caseManagerId,
      record.assignedCaseManagerIds,
      record.assignedTo,
    ),
    counsellorIds: strs(
      record.counsellorIds,
      record.counsellorId,
      record.hostCounsellorId,
      record.hostCounsellorIds,
    ),
    handedOver,
    recipientOrganisationIds,
    userId: kind === 'user' ? id : str(record.userId),
  };
}

function scopeMatches(scope: AccessScope, s: AccessSubject, f: AccessFacts): boolean {
  const r = f.record;
  const p = f.person ?? (r && r.personId && r.personId === r.id ? r : null) ?? r;
  switch (scope) {
    case 'any':
      return true;
    case 'own_organisation': {
      if (!s.organisationId) return false;
      const orgs = [...(r?.organisationIds ?? []), ...(f.person?.organisationIds ?? [])];
      return orgs.includes(s.organisationId);
    }
    case 'own_country': {
      if (!s.country) return false;
      return (r?.countries ?? []).includes(s.country);
    }
    case 'caseload':
      return !!s.userId && !!p && p.caseManagerIds.includes(s.userId);
    case 'counselled':
      // A counsellor is assigned like a case manager (in `caseManagerIds`) or named in
      // `counsellorIds`; a handover removes them from the assignment or marks the record handed over.
      return (
        !!s.userId &&
        !!p &&
        (p.counsellorIds.includes(s.userId) || p.caseManagerIds.includes(s.userId)) &&
        !p.handedOver
      );
    case 'self':
      return !!s.personId && !!r && (r.personId === s.personId || f.person?.id === s.personId);
    case 'own_user':
      return !!s.userId && !!r && r.userId === s.userId;
    case 'shared_with_organisation':
      return f.sharedWithSubject === true;
    case 'referred_to_organisation':
      return f.referredToSubject === true || f.sharedWithSubject === true;
    case 'recipient_organisation':
      return !!s.organisationId && !!r && r.recipientOrganisationIds.includes(s.organisationId);
  }
}

/** The rules of a role on a kind that the subject's grants unlock. */
export function rulesFor(subject: AccessSubject, kind: ResourceKind): AccessRule[] {
  return (accessRules[kind][subject.role] ?? []).filter((r) => !r.grant || subject.grants.includes(r.grant));
}

export interface AccessDecision {
  allowed: boolean;
  /** The scope that allowed it (for logs and the audit trail). */
  scope: AccessScope | null;
}

/**
 * Decides one access. Without a record (list, or create before the record exists), the action is
 * allowed when some rule grants it; lists are then narrowed by `listScopeFor` or per record.
 * A create with a body is checked against the body's scope, except that an absent owner matches
 * (the route fills it from the caller).
 */
export function decideAccess(
  subject: AccessSubject,
  action: AccessAction,
  kind: ResourceKind,
  facts: AccessFacts,
): AccessDecision {
  const rules = rulesFor(subject, kind).filter((r) => r.actions.includes(action));
  if (rules.length === 0) return { allowed: false, scope: null };
  if (!facts.record) return { allowed: true, scope: rules[0]!.scopes[0] ?? null };
  // A new record without an owner gets the caller's organisation; a record about a person never
  // counts as ownerless (its scope is the person's, which must be known).
  const createWithoutOwner =
    action === 'create' &&
    facts.record.organisationIds.length === 0 &&
    !facts.person &&
    !facts.record.personId;
  for (const rule of rules) {
    for (const scope of rule.scopes) {
      if (scopeMatches(scope, subject, facts)) return { allowed: true, scope };
      if (createWithoutOwner && scope === 'own_organisation' && subject.organisationId)
        return { allowed: true, scope };
    }
  }
  return { allowed: false, scope: null };
}

/**
 * The records a subject may list, as a filter a store can apply: `all`, `none`, or any of the
 * listed conditions (OR). Consent-based scopes cannot be a column filter; they come back as
 * `perRecord: true` and the route must check each record with the policy.
 */
export interface ListScope {
  all: boolean;
  none: boolean;
  organisationIds: string[];
  countries: string[];
  caseManagerId: string | null;
  counsellorId: string | null;
  personId: string | null;
  recipientOrganisationId: string | null;
  userId: string | null;
  perRecord: boolean;
}

/** What a subject may list of a kind (see `ListScope`). */
export function listScopeFor(subject: AccessSubject, kind: ResourceKind): ListScope {
  const out: ListScope = {
    all: false,
    none: false,
    organisationIds: [],
    countries: [],
    caseManagerId: null,
    counsellorId: null,
    personId: null,
    recipientOrganisationId: null,
    userId: null,
    perRecord: false,
  };
  const rules = rulesFor(subject, kind).filter(
    (r) => r.actions.includes('list') || r.actions.includes('read'),
  );
  for (const scope of rules.flatMap((r) => r.scopes)) {
    if (scope === 'any') out.all = true;
    if (scope === 'own_organisation' && subject.organisationId)
      out.organisationIds.push(subject.organisationId);
    if (scope === 'own_country' && subject.country) out.countries.push(subject.country);
    if (scope === 'caseload') out.caseManagerId = subject.userId;
    if (scope === 'counselled') out.counsellorId = subject.userId;
    if (scope === 'self') out.personId = subject.personId;
    if (scope === 'own_user') out.userId = subject.userId;
    if (scope === 'recipient_organisation') out.recipientOrganisationId = subject.organisationId;
    if (scope === 'shared_with_organisation' || scope === 'referred_to_organisation') out.perRecord = true;
  }
  const anything =
    out.all ||
    out.perRecord ||
    out.organisationIds.length > 0 ||
    out.countries.length > 0 ||
    !!out.caseManagerId ||
    !!out.counsellorId ||
    !!out.personId ||
    !!out.recipientOrganisationId ||
    !!out.userId;
  out.none = !anything;
  return out;
}

/** The fields of a person that decide who may see them: their organisation and their caseload. */
export const assignmentFields = ['owningOrganisationId', 'caseManagerIds'] as const;

/**
 * Whether a subject may change a person's assignment (`assignmentFields`): administrators, and the
 * case managers and counsellors already assigned to the person. A case manager of the organisation
 * who is not assigned may edit ordinary fields but not add themselves to the caseload, which would
 * open the sensitive fields to them; nor may they hand the person over or merge a record they hold
 * into this one.
 */
export function mayChangeAssignment(subject: AccessSubject, facts: AccessFacts): boolean {
  if (subject.role === 'administrator') return true;
  if (subject.role === 'case_manager') return scopeMatches('caseload', subject, facts);
  if (subject.role === 'counsellor') return scopeMatches('counselled', subject, facts);
  return false;
}

/**
 * A handover (C5): the origin-country case manager is assigned and the host-country counsellor is
 * removed from the assignment, so access moves with the person. Returns the new assignment.
 */
export function handOver(
  scope: { caseManagerIds: readonly string[] },
  change: { fromCounsellorId: string | null; toCaseManagerId: string },
): { caseManagerIds: string[] } {
  const kept = scope.caseManagerIds.filter((id) => id !== change.fromCounsellorId);
  return { caseManagerIds: [...new Set([...kept, change.toCaseManagerId])] };
}
