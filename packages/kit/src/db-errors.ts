import type { DataSource, EntityManager } from 'typeorm';

/** SQLSTATE codes the services turn into expected outcomes or retries. */
export const PG = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  checkViolation: '23514',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  lockNotAvailable: '55P03',
} as const;

/** The SQLSTATE of an error thrown by pg through TypeORM (QueryFailedError keeps it on driverError). */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint an integrity error names, if any. */
export function pgConstraint(error: unknown): string | undefined {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const name = e?.driverError?.constraint ?? e?.constraint;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Runs fn in a transaction, retrying a bounded number of times on transient serialization
 * failures. Other errors (including exclusion violations and deadlocks, which callers map to
 * an expected outcome) propagate at once.
 */
export async function transactionWithRetry<T>(
  ds: DataSource,
  fn: (manager: EntityManager) => Promise<T>,
  options: { attempts?: number; retryOn?: string[] } = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const retryOn = options.retryOn ?? [PG.serializationFailure];
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ds.transaction(fn);
    } catch (error) {
      const code = pgCode(error);
      if (attempt >= attempts || !code || !retryOn.includes(code)) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
    }
  }
}
