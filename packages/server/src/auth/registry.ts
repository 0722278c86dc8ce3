import type { RetentionCandidate } from '@passerelle/core';

/**
 * Where other modules plug into trust: the person loader the policy uses to scope records about
 * a person, and the data each module holds about a person (for export, erasure and retention).
 * Route modules register here while the app is built (`ctx.trust`).
 */

/** Data a module holds about a person. */
export interface PersonDataSource {
  /** A short name; it becomes a section of the export (e.g. `profile`, `referrals`, `matching_index`). */
  name: string;
  /** Erasure runs from low to high priority: dependents first (default 100), the person record last (1000). */
  priority?: number;
  /** Everything this module holds about the person, as JSON-serialisable data (null or [] when nothing). */
  export?(personId: string): Promise<unknown>;
  /** Removes everything this module holds about the person (database rows, search and matching indexes); returns how many items. */
  erase?(personId: string): Promise<number>;
}

/** Lists the people retention rules apply to (the records module knows programmes and closure dates). */
export interface RetentionSource {
  name: string;
  listCandidates(): Promise<RetentionCandidate[]>;
}

/** Loads a person record (at least `id`, `organisationId`, `country`, `caseManagerIds`, `counsellorIds`, `handedOverAt`). */
export type PersonLoader = (personId: string) => Promise<Record<string, unknown> | null>;

export class TrustRegistry {
  readonly personData: PersonDataSource[] = [];
  readonly retentionSources: RetentionSource[] = [];
  personLoader: PersonLoader | null = null;

  /** Adds a module's data about people to export and erasure. A name may be registered once. */
  registerPersonData(source: PersonDataSource): void {
    if (this.personData.some((s) => s.name === source.name))
      throw new Error(`person data source ${source.name} is already registered`);
    this.personData.push(source);
  }

  registerRetentionSource(source: RetentionSource): void {
    this.retentionSources.push(source);
  }

  /** Sets how the policy loads the person a record is about (the records module calls this once). */
  setPersonLoader(loader: PersonLoader): void {
    this.personLoader = loader;
  }

  /** The sources in erasure order. */
  erasureOrder(): PersonDataSource[] {
    return [...this.personData].sort((a, b) => (a.priority ?? 100) - (b.priority ?? 100));
  }
}
