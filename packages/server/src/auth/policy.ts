/**
 * Access control goes through this one interface. Until the trust issue lands, `allowAllPolicy`
 * stands behind it, so that routes never have to be rewired.
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

/** A resource being acted on: its type, and the record when there is one. */
export interface ResourceRef {
  type: string;
  record?: Record<string, unknown> | null;
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
}

/** Allows everything and hides nothing. Replaced by the trust issue's role-based policy. */
export const allowAllPolicy: AccessPolicy = {
  authorize() {},
  visibleFields(_actor, _type, record) {
    return record;
  },
};
