import {
  decideAccess,
  defaultPersonSensitiveFields,
  staffOnlyFields,
  errors,
  fieldAccessFor,
  applyFieldAccess,
  listScopeFor,
  mayChangeAssignment,
  recordScopeOf,
  resourceKindOf,
  rolesRequiringMfa,
  scopesAllow,
  sharedFieldsOf,
  roles,
  DomainError,
  type AccessFacts,
  type AccessSubject,
  type ListScope,
  type ResourceKind,
  type Role,
} from '@passerelle/core';
import type { AccessPolicy, Action, Actor, ResourceRef } from './policy';
import type { AuditSink } from './ports';
import type { TrustRegistry } from './registry';
import type { createConsentChecker } from './services';

/** Sensitive fields per resource type (the person's come from core: records and trust). */
export function defaultSensitiveFields(): Record<string, readonly string[]> {
  const person = [...defaultPersonSensitiveFields];
  return { ...staffOnlyFields, person, people: person, profile: person };
}

export interface RolePolicyDeps {
  consent: ReturnType<typeof createConsentChecker>;
  audit: AuditSink;
  registry: TrustRegistry;
  sensitiveFields?: Record<string, readonly string[]>;
}

const personalKinds: readonly ResourceKind[] = ['person', 'case_record', 'referral', 'consent'];

/** The actor as the rules see it; null for anonymous callers. */
export function subjectOf(actor: Actor): AccessSubject | null {
  if (actor.kind === 'anonymous' || !actor.role || !(roles as readonly string[]).includes(actor.role))
    return null;
  return {
    role: actor.role as Role,
    userId: actor.userId,
    organisationId: actor.organisationId,
    country: actor.country,
    personId: actor.personId ?? null,
    grants: actor.grants ?? [],
  };
}

/**
 * The role-based policy: the table in core (`accessRules`) decides, this file only gathers the
 * facts (the record's scope, its person's caseload, the consents naming the caller's
 * organisation) and applies field visibility. Reads of people and every sensitive read are audited.
 */
export function createRolePolicy(deps: RolePolicyDeps): AccessPolicy & {
  permits(actor: Actor, action: Action, resource: ResourceRef): Promise<boolean>;
  listScope(actor: Actor, type: string): ListScope;
  mayChangeAssignment(actor: Actor, person: Record<string, unknown>): Promise<boolean>;
} {
  const sensitive = deps.sensitiveFields ?? defaultSensitiveFields();

  async function factsFor(
    subject: AccessSubject,
    kind: ResourceKind,
    resource: ResourceRef,
  ): Promise<{ facts: AccessFacts; consentedFields: string[] | null }> {
    const record = resource.record ? recordScopeOf(kind, resource.record) : null;
    let person = resource.person ? recordScopeOf('person', resource.person) : null;
    if (
      !person &&
      record &&
      kind !== 'person' &&
      record.personId &&
      personalKinds.includes(kind) &&
      deps.registry.personLoader
    ) {
      const loaded = await deps.registry.personLoader(record.personId);
      if (loaded) person = recordScopeOf('person', loaded);
    }
    const facts: AccessFacts = { record, person };
    let consentedFields: string[] | null = null;
    const personId = kind === 'person' ? record?.id : (person?.id ?? record?.personId);
    const orgRole =
      subject.role === 'employer' || subject.role === 'training_provider' || subject.role === 'partner';
    if (orgRole && personId && subject.organisationId && (kind === 'person' || kind === 'case_record')) {
      const recipient = { organisationId: subject.organisationId };
      const shared = await deps.consent.activeFor(personId, 'share_profile_with_employer', recipient);
      const referred =
        subject.role === 'employer' ? [] : await deps.consent.activeFor(personId, 'referral', recipient);
      facts.sharedWithSubject = subject.role === 'employer' && shared.length > 0;
      facts.referredToSubject = subject.role !== 'employer' && (referred.length > 0 || shared.length > 0);
      const active = [...shared, ...referred];
      consentedFields = active.length > 0 ? sharedFieldsOf(active) : null;
    }
    return { facts, consentedFields };
  }

  function gate(actor: Actor, action: Action, type: string, kind: ResourceKind): AccessSubject | 'system' {
    if (actor.kind === 'system') return 'system';
    const subject = subjectOf(actor);
    if (!subject) throw errors.unauthenticated();
    if (rolesRequiringMfa.includes(subject.role) && actor.kind === 'user' && actor.mfa !== true) {
      throw new DomainError('forbidden', { action, resource: type, reason: 'mfa_required' });
    }
    if (
      actor.scopes &&
      !scopesAllow(actor.scopes, type, action) &&
      !scopesAllow(actor.scopes, kind, action)
    ) {
      throw new DomainError('forbidden', { action, resource: type, reason: 'token_scope' });
    }
    return subject;
  }

  async function decide(actor: Actor, action: Action, resource: ResourceRef): Promise<boolean> {
    const kind = resourceKindOf(resource.type, resource.record);
    const subject = gate(actor, action, resource.type, kind);
    if (subject === 'system') return true;
    const { facts } = await factsFor(subject, kind, resource);
    return decideAccess(subject, action, kind, facts).allowed;
  }

  return {
    async authorize(actor, action, resource) {
      if (!(await decide(actor, action, resource))) throw errors.forbidden(action, resource.type);
    },
    async mayChangeAssignment(actor, person) {
      if (actor.kind === 'system') return true;
      let subject: AccessSubject | 'system';
      try {
        subject = gate(actor, 'update', 'person', 'person');
      } catch {
        return false;
      }
      if (subject === 'system') return true;
      return mayChangeAssignment(subject, { record: recordScopeOf('person', person) });
    },
    async permits(actor, action, resource) {
      try {
        return await decide(actor, action, resource);
      } catch {
        return false;
      }
    },
    listScope(actor, type) {
      const subject = subjectOf(actor);
      const kind = resourceKindOf(type);
      if (actor.kind === 'system')
        return {
          ...listScopeFor(
            {
              role: 'administrator',
              userId: null,
              organisationId: null,
              country: null,
              personId: null,
              grants: [],
            },
            kind,
          ),
        };
      if (!subject)
        return listScopeFor(
          { role: 'person', userId: null, organisationId: null, country: null, personId: null, grants: [] },
          'audit',
        );
      return listScopeFor(subject, kind);
    },
    async visibleFields(actor, type, record) {
      const kind = resourceKindOf(type, record);
      const fields = sensitive[type] ?? (kind === 'person' ? (sensitive.person ?? []) : []);
      if (actor.kind === 'system')
        return applyFieldAccess(record, { level: 'full', sharedFields: null, byReason: false }, fields);
      let subject: AccessSubject | 'system';
      try {
        subject = gate(actor, 'read', type, kind);
      } catch {
        return {};
      }
      if (subject === 'system')
        return applyFieldAccess(record, { level: 'full', sharedFields: null, byReason: false }, fields);
      const { facts, consentedFields } = await factsFor(subject, kind, { type, record });
      const access = fieldAccessFor(subject, kind, facts, {
        consentedFields,
        accessReason: actor.accessReason ?? null,
      });
      const out = applyFieldAccess(record, access, fields);
      if (access.level !== 'none') {
        const personId =
          kind === 'person'
            ? (facts.record?.id ?? null)
            : (facts.person?.id ?? facts.record?.personId ?? null);
        const sensitiveShown = access.level === 'full' && fields.some((f) => f.split('.')[0]! in record);
        if (kind === 'person' || (access.byReason && sensitiveShown)) {
          await deps.audit.record({
            actor,
            action: access.byReason && sensitiveShown ? 'read_sensitive' : 'read',
            entity: type,
            entityId: facts.record?.id ?? null,
            personId,
            reason: access.byReason ? (actor.accessReason ?? null) : null,
            requestId: actor.requestId ?? null,
          });
        }
      }
      return out;
    },
  };
}
