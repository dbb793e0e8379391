import type { LoadResult } from './load';

/** One target's measured runs of one scenario, combined. */
export interface Measured extends LoadResult {
  /** SQL statements per request, by subgraph. */
  sqlPerRequest: Record<string, number>;
  /** GraphQL requests the subgraphs received per request (the gateway's fetches). */
  fetchesPerRequest: number;
  /** CPU milliseconds per request of each process (gateway, subgraphs, postgres, load generator). */
  cpuMsPerRequest: Record<string, number>;
}

/** The targets of one scenario, measured one after the other in one run. */
export interface Row {
  scenario: string;
  /** The floor is the plan's calls to three subgraphs (a calendar), not one call to one subgraph. */
  calendar: boolean;
  ours: Measured;
  /** Our gateway built from an earlier commit (--baseline), for a change's before and after in one run. */
  before?: Measured;
  workers?: Measured;
  hive?: Measured;
  hiveRust?: Measured;
  direct?: Measured;
}

export interface CacheRow {
  scenario: string;
  uncached: Measured;
  cached: Measured;
}
