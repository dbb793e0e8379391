import type { DataSource, EntityManager } from 'typeorm';
import { USER_ERROR_CODES, UserErrorCode } from '@maison/errors';
import type { Logger } from '@maison/http';
import type { RuleViolation } from '@maison/house';
import { LedgerNotConfiguredError, type HoldRequest, type LedgerError, type SpaceLedger } from './space-ledger';

/** Where and when a vernissage holds a shared space; null: it holds none (in the gallery, or no vernissage). */
export interface Placement {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

/** The ledger's name for an exhibition's hold: the same for its whole life, so every call is idempotent. */
export const holdReference = (exhibitionId: string) => `vernissage:${exhibitionId}`;

export const samePlacement = (a: Placement | null, b: Placement | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.spaceId === b.spaceId &&
    a.startsAt.getTime() === b.startsAt.getTime() &&
    a.endsAt.getTime() === b.endsAt.getTime() &&
    a.title === b.title);

/** What a write inside the transaction decided: refuse (roll back), or commit `value` once the ledger moved from → to. */
export type Step<T> = { refused: RuleViolation[] } | { value: T; from: Placement | null; to: Placement | null };

class Refusal extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super('refused');
  }
}

const LEDGER_FIELDS: Partial<Record<string, string>> = {
  SLOT_UNAVAILABLE: 'startsAt',
  NOT_FOUND: 'sharedSpaceId',
  INVALID_RANGE: 'endsAt',
};

/** A ledger refusal, as a violation of the vernissage input. */
function violationOf(error: LedgerError): RuleViolation {
  const code = error.code in USER_ERROR_CODES ? (error.code as UserErrorCode) : UserErrorCode.INVALID_INPUT;
  const leaf = LEDGER_FIELDS[code];
  return { code, field: ['input', 'vernissage', ...(leaf ? [leaf] : [])], params: { field: 'vernissage', reason: error.code } };
}

const isMissingHold = (errors: LedgerError[]) => errors.length === 1 && errors[0]!.code === 'NOT_FOUND' && (errors[0]!.field ?? []).includes('reference');

/**
 * Keeps the ledger's holds in step with the vernissages: nothing half done. A write runs in a
 * database transaction; the ledger is called while it is open; the transaction commits only when the
 * ledger agreed. A refusal rolls everything back. When the ledger may have changed but the commit did
 * not happen (no answer, a failed commit), the ledger is put back as it was (compensation).
 */
export class VernissageHolds {
  constructor(
    private readonly ledger: SpaceLedger | null,
    private readonly log: Logger,
  ) {}

  get configured(): boolean {
    return this.ledger !== null;
  }

  async write<T>(ds: DataSource, reference: string, work: (tx: EntityManager) => Promise<Step<T>>): Promise<{ value: T } | { refused: RuleViolation[] }> {
    // Set while the ledger may differ from the committed database: what to undo if the commit does not happen.
    const state: { pending: { from: Placement | null; to: Placement | null } | null } = { pending: null };
    try {
      return await ds.transaction(async (tx) => {
        const step = await work(tx);
        if ('refused' in step) throw new Refusal(step.refused);
        if (!samePlacement(step.from, step.to)) {
          if (!this.ledger) throw new LedgerNotConfiguredError();
          state.pending = { from: step.from, to: step.to };
          const errors = await this.place(reference, step.from, step.to);
          if (errors.length > 0) {
            // Refused: the ledger kept its state, so there is nothing to undo there.
            state.pending = null;
            throw new Refusal(errors.map(violationOf));
          }
        }
        return { value: step.value };
      });
    } catch (error) {
      if (error instanceof Refusal) return { refused: error.violations };
      this.log.warn('write with a vernissage hold not saved', { reference, error });
      if (state.pending) await this.compensate(reference, state.pending, error);
      throw error;
    }
  }

  /**
   * Takes the ledger from one placement of the reference to another. Returns the ledger's refusals
   * (its state unchanged); throws LedgerUnavailableError when it did not answer.
   */
  async place(reference: string, from: Placement | null, to: Placement | null): Promise<LedgerError[]> {
    const ledger = this.ledger;
    if (!ledger) throw new LedgerNotConfiguredError();
    if (!to) return (await ledger.release(reference)).errors;
    const request: HoldRequest = { reference, ...to };
    if (from) {
      const moved = await ledger.move(request);
      // A hold that should exist and does not (never reconciled): hold it now.
      if (!isMissingHold(moved.errors)) return moved.errors;
    }
    const held = await ledger.hold(request);
    if (held.errors.length > 0 || !held.booking) return held.errors;
    const { startsAt, endsAt } = held.booking;
    if (startsAt.getTime() === to.startsAt.getTime() && endsAt.getTime() === to.endsAt.getTime()) return [];
    // An older hold of the reference answered (idempotent hold): move it to where it belongs.
    return (await ledger.move(request)).errors;
  }

  private async compensate(reference: string, pending: { from: Placement | null; to: Placement | null }, cause: unknown): Promise<void> {
    try {
      const errors = await this.place(reference, pending.to, pending.from);
      if (errors.length > 0) this.log.error('vernissage hold not restored', { reference, errors, cause });
      else this.log.warn('vernissage hold restored after a failed write', { reference, cause });
    } catch (error) {
      this.log.error('vernissage hold not restored: ledger unreachable', { reference, error, cause });
    }
  }
}
