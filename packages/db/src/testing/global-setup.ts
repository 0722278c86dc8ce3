import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startThrowawayCluster, type ThrowawayCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the throwaway PostgreSQL cluster's admin database, or '' when PostgreSQL is not available. */
    pgAdminUrl: string;
    pgUnavailableReason: string;
  }
}

let cluster: ThrowawayCluster | null = null;

/**
 * Starts one throwaway PostgreSQL cluster for the whole test run when the binaries exist.
 * With CI=true the PostgreSQL run is mandatory: missing binaries fail the run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const bin = findPostgresBinaries();
  if (!bin) {
    if (process.env.CI === 'true') {
      throw new Error(
        'CI=true but PostgreSQL binaries (initdb, pg_ctl) were not found: the PostgreSQL contract run is mandatory in CI.',
      );
    }
    console.warn('PostgreSQL binaries not found: contract suites run on PGlite only.');
    project.provide('pgAdminUrl', '');
    project.provide('pgUnavailableReason', 'PostgreSQL binaries (initdb, pg_ctl) not found');
    return () => {};
  }
  cluster = await startThrowawayCluster(bin);
  project.provide('pgAdminUrl', cluster.url);
  project.provide('pgUnavailableReason', '');
  return () => cluster?.stop();
}
