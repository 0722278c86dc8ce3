import type { ListScope } from '@passerelle/core';

/**
 * Access control goes through this one interface. The default is the role policy
 * (`role-policy.ts`); `allowAllPolicy` remains for tests that want no access control.
 */

/** Who is calling. */
export interface Actor {
  kind: 'anonymous' | 'user' | 'token' | 'system';
  userId: string | null;
  role: string | null;
  organisationId: string | null;
  country: string | null;
  /** Scopes of an API token; null for sessions. */
  scopes: string[] | null;
  /** For the `person` role: their own person record. */
  personId?: string | null;
  /** Extra rights granted by an administrator (e.g. `personal_details`). */
  grants?: string[];
  /** True when the session passed the second factor (or none is required). */
  mfa?: boolean;
  /** Why the caller needs sensitive fields (the `X-Access-Reason` header); audited. */
  accessReason?: string | null;
  /** The request this actor made, for the audit trail. */
  requestId?: string | null;
  sessionId?: string | null;
  tokenId?: string | null;
}

export const systemActor: Actor = {
  kind: 'system',
  userId: null,
  role: 'administrator',
  organisationId: null,
  country: null,
  scopes: null,
};

export type Action = 'list' | 'read' | 'create' | 'update' | 'archive' | 'delete' | 'export' | 'import';

/** The scope of what an actor may list; see `listScopeFor` in core. */
export type { ListScope };

/** A resource being acted on: its type, and the record when there is one. */
export interface ResourceRef {
  type: string;
  record?: Record<string, unknown> | null;
  /**
   * For records about a person (referrals, plans, notes...): the person record, or at least its
   * `id`, `organisationId`, `caseManagerIds` and `counsellorIds`. When absent, the policy loads it
   * through the registered person loader.
   */
  person?: Record<string, unknown> | null;
}

export interface AccessPolicy {
  /** Throws `forbidden` (or `unauthenticated`) when the actor may not do `action` on the resource. */
  authorize(actor: Actor, action: Action, resource: ResourceRef): void | Promise<void>;
  /**
   * Returns the record with only the fields the actor may see. Presenters call this; it is the
   * one place where records become responses.
   */
  visibleFields<T extends Record<string, unknown>>(
    actor: Actor,
    type: string,
    record: T,
  ): Partial<T> | Promise<Partial<T>>;
  /** Like `authorize`, but answers instead of throwing (for filtering a list record by record). */
  permits?(actor: Actor, action: Action, resource: ResourceRef): Promise<boolean>;
  /** What the actor may list of a type, as a filter for a store query (see core `listScopeFor`). */
  listScope?(actor: Actor, type: string): ListScope;
  /**
   * Whether the actor may change who a person is assigned to (organisation and caseload; see core
   * `mayChangeAssignment`). Absent: no restriction (tests without access control).
   */
  mayChangeAssignment?(actor: Actor, person: Record<string, unknown>): Promise<boolean>;
}

/** Allows everything and hides nothing. Replaced by the trust issue's role-based policy. */
export const allowAllPolicy: AccessPolicy = {
  authorize() {},
  visibleFields(_actor, _type, record) {
    return record;
  },
};
