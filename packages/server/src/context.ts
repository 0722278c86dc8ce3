import type { AppConfig } from '@passerelle/core';
import type { Database } from '@passerelle/db';
import type { AccessPolicy } from './auth/policy';
import type { AuditSink, ConsentChecker } from './auth/ports';
import type { TrustRegistry } from './auth/registry';

/** What every route module receives: config, database and policy. Clock and ids are injectable for tests. */
export interface AppContext {
  config: AppConfig;
  database: Database;
  policy: AccessPolicy;
  consent: ConsentChecker;
  audit: AuditSink;
  now: () => Date;
  newId: () => string;
  /** Where modules register their person data (export, erasure), retention sources and the person loader. */
  trust: TrustRegistry;
}
