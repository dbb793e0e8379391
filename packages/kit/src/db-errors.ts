import type { DataSource, EntityManager } from 'typeorm';
import type { ReasonOf } from '@maison/errors';

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

// --- Connection-level failures: the database could not be used at all -------------------------

/** Why a subgraph could not use its database: the `reason` of DATABASE_UNAVAILABLE. */
export type DatabaseUnavailableReason = ReasonOf<'DATABASE_UNAVAILABLE'>;

/** SQLSTATEs of a server that will not serve the connection (class 08 is matched as a class). */
const UNAVAILABLE_SQLSTATES: Readonly<Record<string, DatabaseUnavailableReason>> = {
  '57P01': 'CONNECTION_LOST', // admin_shutdown: the server is stopping, or pg_terminate_backend
  '57P02': 'CONNECTION_LOST', // crash_shutdown: another backend crashed, the server restarts
  '57P03': 'CONNECTION_REFUSED', // cannot_connect_now: starting up, shutting down, in recovery
  '53300': 'CONNECTION_REFUSED', // too_many_connections
  '08001': 'CONNECTION_REFUSED', // sqlclient_unable_to_establish_sqlconnection
  '08004': 'CONNECTION_REFUSED', // sqlserver_rejected_establishment_of_sqlconnection
};
/** Socket errors of the driver (Node's error codes), as the gateway reads them for a subgraph. */
const UNAVAILABLE_ERRNOS: Readonly<Record<string, DatabaseUnavailableReason>> = {
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ENOTFOUND: 'CONNECTION_REFUSED',
  EAI_AGAIN: 'CONNECTION_REFUSED',
  EHOSTUNREACH: 'CONNECTION_REFUSED',
  ENETUNREACH: 'CONNECTION_REFUSED',
  ECONNRESET: 'CONNECTION_LOST',
  EPIPE: 'CONNECTION_LOST',
  ETIMEDOUT: 'TIMEOUT',
};
/** Errors pg and pg-pool throw without a code (their exact messages, pg 8). */
const UNAVAILABLE_MESSAGES: Readonly<Record<string, DatabaseUnavailableReason>> = {
  'Connection terminated unexpectedly': 'CONNECTION_LOST',
  'Connection terminated': 'CONNECTION_LOST',
  'Client has encountered a connection error and is not queryable': 'CONNECTION_LOST',
  'timeout exceeded when trying to connect': 'TIMEOUT', // pg-pool: no client within connectionTimeoutMillis
  'Connection terminated due to connection timeout': 'TIMEOUT',
};

/**
 * Whether an error means the database could not be used (refused, cut, not in time), and why;
 * undefined for every other error (a constraint, a syntax error, a bug). Reads the error as pg
 * throws it, as TypeORM wraps it (QueryFailedError.driverError), as GraphQL wraps a resolver's
 * error (originalError), and along `cause`.
 */
export function databaseUnavailableReason(error: unknown): DatabaseUnavailableReason | undefined {
  type Link = { code?: unknown; message?: unknown; syscall?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown };
  for (let e = error as Link | undefined, depth = 0; e && depth < 5; depth += 1) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && UNAVAILABLE_SQLSTATES[code]) return UNAVAILABLE_SQLSTATES[code];
    if (code && /^08[0-9A-Z]{3}$/.test(code)) return 'CONNECTION_LOST';
    // A timed-out connect never reached the server; a timeout on an open socket cut it.
    if (code === 'ETIMEDOUT') return e.syscall === undefined || e.syscall === 'connect' ? 'TIMEOUT' : 'CONNECTION_LOST';
    if (code && UNAVAILABLE_ERRNOS[code]) return UNAVAILABLE_ERRNOS[code];
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES[e.message]) return UNAVAILABLE_MESSAGES[e.message];
    e = (e.driverError ?? e.originalError ?? e.cause) as Link | undefined;
  }
  return undefined;
}
