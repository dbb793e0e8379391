import type { GraphQLFormattedError } from 'graphql';
import type { Lang } from '@maison/config';
import { reasonMessage } from '@maison/errors';
import { databaseUnavailableReason, type DatabaseUnavailableReason } from './db-errors';

const REASONS: readonly string[] = ['CONNECTION_REFUSED', 'CONNECTION_LOST', 'TIMEOUT'] satisfies DatabaseUnavailableReason[];

/** A DATABASE_UNAVAILABLE another subgraph answered to a service call (ServiceClient): whose database, and why. */
export class RelayedDatabaseOutage extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: DatabaseUnavailableReason,
  ) {
    super(`the database of the ${subgraph} subgraph is unavailable (${reason})`);
    this.name = 'RelayedDatabaseOutage';
  }

  /** The outage a service call's first error reports, if it is one. */
  static from(error: { extensions?: Record<string, unknown> } | undefined): RelayedDatabaseOutage | undefined {
    const { code, subgraph, reason } = error?.extensions ?? {};
    if (code !== 'DATABASE_UNAVAILABLE' || typeof subgraph !== 'string' || !/^[a-z]+$/.test(subgraph)) return undefined;
    return typeof reason === 'string' && REASONS.includes(reason) ? new RelayedDatabaseOutage(subgraph, reason as DatabaseUnavailableReason) : undefined;
  }
}

/**
 * The answer of a subgraph whose database could not be used (refused, cut, not in time), or that
 * of another subgraph it called: DATABASE_UNAVAILABLE with the name of the subgraph whose database
 * failed and the reason, in the caller's language, in every mode. Nothing of the driver's message
 * (host, port, SQL) or stack reaches the client; the operator's log has it. Undefined when the
 * error is anything else.
 */
export function databaseUnavailableAnswer(
  formatted: GraphQLFormattedError,
  error: unknown,
  subgraph: string,
  lang: Lang,
): { answer: GraphQLFormattedError; reason: DatabaseUnavailableReason } | undefined {
  const relayed = [error, (error as { originalError?: unknown })?.originalError].find((e): e is RelayedDatabaseOutage => e instanceof RelayedDatabaseOutage);
  const reason = relayed?.reason ?? databaseUnavailableReason(error);
  if (!reason) return undefined;
  const whose = relayed?.subgraph ?? subgraph;
  return {
    reason,
    answer: {
      message: reasonMessage('DATABASE_UNAVAILABLE', reason, lang, { subgraph: whose }),
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: whose, reason },
    },
  };
}

/** What the driver said (for the operator's log line: one warn per failure, no stack). */
export function driverMessage(error: unknown): string {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const e = original as { code?: unknown; message?: unknown };
  return [typeof e?.code === 'string' ? e.code : undefined, typeof e?.message === 'string' ? e.message : String(original)].filter(Boolean).join(': ');
}
