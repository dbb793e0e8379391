import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@maison/http';
import { lockOwner, type HoldOwners } from './hold-owners';
import { newHoldReference, type OwnerHold } from './hold-reference';
import { LedgerNotConfiguredError, type CallContext, type LedgerOutcome, type Placement, type SpaceLedger } from './ledger';
import { noHoldToMove, stepFor } from './ledger-steps';
import { refusalOf, type LedgerViolation } from './refusal';
import { compensate, COMPENSATION_RETRIES, type RetryOptions } from './retry';

/**
 * What the write of an owner decided, inside its transaction: refuse (roll back, nothing asked of
 * the ledger), or commit `value` once the ledger went from the hold the owner had (`before`, as its
 * locked row said) to the placement it needs now (`after`, null: none).
 */
export type OwnerChange<T, V> = { refused: V[] } | { value: T; before: OwnerHold | null; after: Placement | null };

export type WriteResult<T, V> = { value: T } | { refused: (V | LedgerViolation)[] };

class Refusal<V> extends Error {
  constructor(readonly violations: V[]) {
    super('refused');
  }
}

/**
 * Writes an owner here and its hold there, atomically as far as anyone can see (the policy of
 * the package, see index.ts): under the owner's lock, the owner's row is written in a transaction,
 * the ledger is asked to hold or move before commit, and the commit happens only when it agreed.
 * A refusal rolls back. A ledger call that failed, or a commit that failed after the ledger
 * agreed, rolls back and is compensated (release of the new hold, move back of the moved one):
 * tried once before answering, then in the background. A release happens after commit, tried the
 * same way. Whatever the compensation leaves undone, the reconciler's next round settles.
 */
export class HeldWrites {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: SpaceLedger | null,
    private readonly owners: HoldOwners,
    private readonly log: Logger,
    private readonly options: { violationPath: string[]; attendeesField: string; retries?: RetryOptions },
  ) {}

  async write<T, V>(ctx: CallContext, ownerId: string, work: (tx: EntityManager) => Promise<OwnerChange<T, V>>): Promise<WriteResult<T, V>> {
    const kind = this.owners.kind;
    const what = { kind, ownerId, requestId: ctx.requestId };
    // Set while the ledger may differ from what a rollback leaves: how to take the ledger back.
    const state: { undo: (() => Promise<LedgerOutcome>) | null; releaseAfterCommit: string | null } = { undo: null, releaseAfterCommit: null };
    let value: T;
    try {
      value = await this.ds.transaction(async (tx) => {
        await lockOwner(tx, kind, ownerId);
        const change = await work(tx);
        if ('refused' in change) throw new Refusal(change.refused);
        await this.applyStep(tx, ctx, ownerId, change.before, change.after, state);
        return change.value;
      });
    } catch (error) {
      if (error instanceof Refusal) return { refused: error.violations as (V | LedgerViolation)[] };
      this.log.warn('write with a shared-space hold not saved', { ...what, error });
      const undo = state.undo;
      if (undo) await compensate(() => undo().then(confirmed), this.log, { ...what, task: 'undo ledger call' }, this.retries);
      throw error;
    }
    const released = state.releaseAfterCommit;
    if (released) {
      const ledger = this.requireLedger();
      await compensate(() => ledger.release(ctx, released).then(confirmed), this.log, { ...what, reference: released, task: 'release hold' }, this.retries);
    }
    return { value };
  }

  private async applyStep(
    tx: EntityManager,
    ctx: CallContext,
    ownerId: string,
    before: OwnerHold | null,
    after: Placement | null,
    state: { undo: (() => Promise<LedgerOutcome>) | null; releaseAfterCommit: string | null },
  ): Promise<void> {
    const step = stepFor(before, after);
    if (step.kind === 'none') return;
    const ledger = this.requireLedger();
    if (step.kind === 'release') {
      await this.owners.saveReference(tx, ownerId, null);
      state.releaseAfterCommit = step.reference;
      return;
    }
    if (step.kind === 'move') {
      state.undo = () => ledger.move(ctx, { reference: step.reference, ...step.from });
      const moved = await ledger.move(ctx, { reference: step.reference, ...step.to });
      if (!noHoldToMove(moved.errors)) return this.agreed(moved, state);
      // No live hold to move (never made, or released): hold the new placement instead.
    }
    const to = step.to;
    const reference = newHoldReference(this.owners.kind, ownerId);
    state.undo = () => ledger.release(ctx, reference);
    this.agreed(await ledger.hold(ctx, { reference, ...to }), state);
    await this.owners.saveReference(tx, ownerId, reference);
  }

  /** A refusal leaves the ledger as it was: nothing to undo, roll back with the refusal. */
  private agreed(outcome: LedgerOutcome, state: { undo: unknown }): void {
    if (outcome.errors.length === 0) return;
    state.undo = null;
    throw new Refusal(
      refusalOf(outcome.errors, this.options.violationPath, { attendeesField: this.options.attendeesField, spaceCapacity: outcome.spaceCapacity }),
    );
  }

  private requireLedger(): SpaceLedger {
    if (!this.ledger) throw new LedgerNotConfiguredError();
    return this.ledger;
  }

  private get retries(): RetryOptions {
    return this.options.retries ?? COMPENSATION_RETRIES;
  }
}

/** A compensation counts as done only when the ledger did it. */
function confirmed(outcome: LedgerOutcome): void {
  if (outcome.errors.length > 0) throw new Error(`ledger refused: ${outcome.errors.map((e) => e.code).join(', ')}`);
}
