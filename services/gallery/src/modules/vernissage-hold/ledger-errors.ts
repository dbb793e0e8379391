import type { Lang } from '@maison/config';
import { serviceUnavailable } from '@maison/errors';
import { LedgerNotConfiguredError, LedgerUnavailableError } from './space-ledger';

/** Runs a write; a ledger that did not answer (or is not configured) becomes a clear GraphQL error. */
export async function withLedgerErrors<T>(lang: Lang, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof LedgerUnavailableError) {
      throw serviceUnavailable('LEDGER_UNAVAILABLE', lang);
    }
    if (error instanceof LedgerNotConfiguredError) {
      throw serviceUnavailable('LEDGER_NOT_CONFIGURED', lang);
    }
    throw error;
  }
}
