import type { DataSource } from 'typeorm';

/** What one readiness check found: the dependency answered, answered with an error, or not in time. */
export type CheckState = 'ok' | 'failed' | 'timeout';

/** The body of a /ready answer: each check by name, and 200 only when every one is ok. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckState>;
}

/** How long the database has to answer a readiness check. */
export const DATABASE_CHECK_TIMEOUT_MS = 1000;

/**
 * Whether the database answers now: a `SELECT 1` through the pool (not through TypeORM, whose
 * logger counts the application's statements), never a result kept from an earlier check.
 */
export async function checkDatabase(ds: DataSource, timeoutMs = DATABASE_CHECK_TIMEOUT_MS): Promise<CheckState> {
  const pool = (ds.driver as unknown as { master: { query(sql: string): Promise<unknown> } }).master;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckState>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const answered = pool.query('SELECT 1').then(
    (): CheckState => 'ok',
    (): CheckState => 'failed',
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A subgraph's readiness: its database, and nothing else (it calls no other service to answer). */
export async function subgraphReadiness(ds: DataSource): Promise<Readiness> {
  const checks = { database: await checkDatabase(ds) };
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks };
}
