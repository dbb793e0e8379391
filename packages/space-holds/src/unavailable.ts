import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { LedgerNotConfiguredError, LedgerUnavailableError } from './ledger';

/**
 * The one place where a write refused for want of the ledger becomes a GraphQL error:
 * extensions.code SERVICE_UNAVAILABLE with a machine-readable reason, and nothing was saved.
 */
export const LEDGER_UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';
export type LedgerUnavailableReason = 'LEDGER_UNAVAILABLE' | 'LEDGER_NOT_CONFIGURED';

const MESSAGES: Record<LedgerUnavailableReason, Record<Lang, string>> = {
  LEDGER_UNAVAILABLE: {
    fr: 'Le registre des espaces partagés ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
    en: 'The shared-space ledger is not answering: nothing was saved. Try again later.',
  },
  LEDGER_NOT_CONFIGURED: {
    fr: 'Le registre des espaces partagés n’est pas configuré (TENANTS_URL) : rien ne peut être enregistré dans un espace partagé.',
    en: 'The shared-space ledger is not configured (TENANTS_URL): nothing can be saved in a shared space.',
  },
};

export function ledgerUnavailable(lang: Lang, reason: LedgerUnavailableReason): GraphQLError {
  return new GraphQLError(MESSAGES[reason][lang], { extensions: { code: LEDGER_UNAVAILABLE_CODE, reason } });
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
