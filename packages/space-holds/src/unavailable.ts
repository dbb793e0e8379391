import type { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { serviceUnavailable, type ReasonOf } from '@maison/errors';
import { LedgerNotConfiguredError, LedgerUnavailableError } from './ledger';

/**
 * The one place where a write refused for want of the ledger becomes a GraphQL error:
 * extensions.code SERVICE_UNAVAILABLE with a machine-readable reason, and nothing was saved.
 * Its messages are those of the registry (@maison/errors).
 */
export type LedgerUnavailableReason = ReasonOf<'SERVICE_UNAVAILABLE'>;

export function ledgerUnavailable(lang: Lang, reason: LedgerUnavailableReason): GraphQLError {
  return serviceUnavailable(reason, lang);
}

/** Runs a write; a ledger that did not answer (or is not configured) becomes that GraphQL error. */
export async function withLedgerErrors<T>(lang: Lang, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof LedgerUnavailableError) throw ledgerUnavailable(lang, 'LEDGER_UNAVAILABLE');
    if (error instanceof LedgerNotConfiguredError) throw ledgerUnavailable(lang, 'LEDGER_NOT_CONFIGURED');
    throw error;
  }
}
