import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import type { Lang } from '@maison/config';
import { serviceUnavailable, UserErrorCode } from '@maison/errors';
import type { Logger } from '@maison/http';
import type { Outcome, RuleViolation } from '@maison/house';
import { compensate } from '../../retry';
import type { HoldAnswer } from './space-holds';

/** A call to the ledger made while the transaction is open, and how to take it back. */
export interface LedgerStep {
  call(): Promise<HoldAnswer>;
  undo(): Promise<HoldAnswer>;
  /** For the logs: which hold. */
  reference: string;
}

/** What the write step decided: its outcome, the ledger call to make before commit, the one to make after. */
export interface WriteStep<T> {
  outcome: Outcome<T>;
  beforeCommit?: LedgerStep;
  afterCommit?: { call(): Promise<HoldAnswer>; reference: string };
}

class Rollback<T> extends Error {
  constructor(readonly outcome: Outcome<T>) {
    super('rollback');
  }
}

/** A clear GraphQL error when the ledger cannot be reached: nothing was saved. */
export function ledgerUnavailable(lang: Lang): GraphQLError {
  return serviceUnavailable('LEDGER_UNAVAILABLE', lang);
}

/** Events in a shared space need the tenants subgraph: without TENANTS_URL they are refused, never saved without their hold. */
export function ledgerNotConfigured(lang: Lang): GraphQLError {
  return serviceUnavailable('LEDGER_NOT_CONFIGURED', lang);
}

/** The ledger's refusal in this subgraph's terms: the slot is taken, or the space unknown. */
export function refusalOf(answer: HoldAnswer): RuleViolation[] {
  return answer.userErrors.map((e) => {
    if (e.code === UserErrorCode.SLOT_UNAVAILABLE) return { code: UserErrorCode.SLOT_UNAVAILABLE, field: ['input', 'startsAt'] };
    if (e.code === UserErrorCode.NOT_FOUND) return { code: UserErrorCode.NOT_FOUND, field: ['input', 'sharedSpaceId'] };
    const code = (Object.values(UserErrorCode) as string[]).includes(e.code) ? (e.code as UserErrorCode) : UserErrorCode.INVALID_INPUT;
    return { code, field: ['input', 'sharedSpaceId'], params: { field: (e.field ?? []).join('.'), reason: e.message } };
  });
}

/**
 * The event and its hold together, or neither. The write runs in a transaction; the ledger call
 * is made while that transaction is still open, and the transaction commits only if the ledger
 * agreed. A refusal rolls back (the ledger changed nothing). A failed call rolls back, undoes
 * whatever the call may have done before failing, and throws SERVICE_UNAVAILABLE. A commit that
 * fails after the ledger agreed undoes the ledger call. An undo (or a release after commit) is
 * tried once before answering, then retried in the background; when it keeps failing, an error
 * line names the hold reference for a person to release.
 */
export async function withLedger<T>(ds: DataSource, log: Logger, lang: Lang, write: (tx: EntityManager) => Promise<WriteStep<T>>): Promise<Outcome<T>> {
  let pending: LedgerStep | undefined;
  let agreed = false;
  let after: WriteStep<T>['afterCommit'];
  let value: Outcome<T>;
  try {
    value = await ds.transaction(async (tx) => {
      const step = await write(tx);
      if (step.outcome.errors.length > 0) throw new Rollback(step.outcome);
      after = step.afterCommit;
      if (step.beforeCommit) {
        pending = step.beforeCommit;
        let answer: HoldAnswer;
        try {
          answer = await step.beforeCommit.call();
        } catch (error) {
          log.warn('ledger call failed; rolling back', { reference: pending.reference, error });
          throw new LedgerFailure(error);
        }
        if (answer.userErrors.length > 0) {
          pending = undefined; // refused: the ledger changed nothing
          throw new Rollback({ value: null, errors: refusalOf(answer) });
        }
        agreed = true;
      }
      return step.outcome;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as Outcome<T>;
    if (pending) {
      const step = pending;
      log.warn(agreed ? 'commit failed after the ledger agreed; undoing the hold' : 'undoing a ledger call that may have happened', { reference: step.reference });
      await compensate(() => step.undo().then(assertAnswered), log, { task: 'undo ledger hold', reference: step.reference });
    }
    // The cause (host, status) is in the log above, not in the answer to the client.
    if (error instanceof LedgerFailure) throw ledgerUnavailable(lang);
    throw error;
  }
  if (after) {
    const step = after;
    await compensate(() => step.call().then(assertAnswered), log, { task: 'release ledger hold', reference: step.reference });
  }
  return value;
}

class LedgerFailure extends Error {
  constructor(cause: unknown) {
    super('ledger call failed', { cause });
  }
}

function assertAnswered(answer: HoldAnswer): void {
  if (answer.userErrors.length > 0) throw new Error(`ledger refused: ${answer.userErrors.map((e) => e.code).join(', ')}`);
}
