import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { LedgerNotConfiguredError, LedgerUnavailableError } from './space-ledger';

/** extensions.code of a write refused because the shared-space ledger could not be reached: nothing was saved. */
export const LEDGER_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

const MESSAGES = {
  unavailable: {
    fr: 'Le registre des espaces partagés ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
    en: 'The shared-space ledger is not answering: nothing was saved. Try again later.',
  },
  notConfigured: {
    fr: 'Le registre des espaces partagés n’est pas configuré (TENANTS_URL) : un vernissage dans un espace partagé ne peut pas être enregistré.',
    en: 'The shared-space ledger is not configured (TENANTS_URL): a vernissage in a shared space cannot be saved.',
  },
} as const;

/** Runs a write; a ledger that did not answer (or is not configured) becomes a clear GraphQL error. */
export async function withLedgerErrors<T>(lang: Lang, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof LedgerUnavailableError) {
      throw new GraphQLError(MESSAGES.unavailable[lang], { extensions: { code: LEDGER_UNAVAILABLE, reason: 'LEDGER_UNAVAILABLE' } });
    }
    if (error instanceof LedgerNotConfiguredError) {
      throw new GraphQLError(MESSAGES.notConfigured[lang], { extensions: { code: LEDGER_UNAVAILABLE, reason: 'LEDGER_NOT_CONFIGURED' } });
    }
    throw error;
  }
}
