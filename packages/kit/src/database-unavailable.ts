import type { GraphQLFormattedError } from 'graphql';
import type { Lang } from '@maison/config';
import { reasonMessage } from '@maison/errors';
import { databaseUnavailableReason, type DatabaseUnavailableReason } from './db-errors';

/**
 * The answer of a subgraph whose database could not be used (refused, cut, not in time):
 * DATABASE_UNAVAILABLE with the subgraph's name and the reason, in the caller's language, in every
 * mode. Nothing of the driver's message (host, port, SQL) or stack reaches the client; the
 * operator's log has it. Undefined when the error is anything else.
 */
export function databaseUnavailableAnswer(
  formatted: GraphQLFormattedError,
  error: unknown,
  subgraph: string,
  lang: Lang,
): { answer: GraphQLFormattedError; reason: DatabaseUnavailableReason } | undefined {
  const reason = databaseUnavailableReason(error);
  if (!reason) return undefined;
  return {
    reason,
    answer: {
      message: reasonMessage('DATABASE_UNAVAILABLE', reason, lang, { subgraph }),
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'DATABASE_UNAVAILABLE', subgraph, reason },
    },
  };
}

/** What the driver said (for the operator's log line: one warn per failure, no stack). */
export function driverMessage(error: unknown): string {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const e = original as { code?: unknown; message?: unknown };
  return [typeof e?.code === 'string' ? e.code : undefined, typeof e?.message === 'string' ? e.message : String(original)].filter(Boolean).join(': ');
}
