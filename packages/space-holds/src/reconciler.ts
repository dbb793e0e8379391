import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '@maison/http';
import { holdReconcileRounds } from '@maison/telemetry';
import { lockOwner, type HoldOwners, type OwnerState } from './hold-owners';
import { legacyHoldReference, newHoldReference, ownerIdOf } from './hold-reference';
import type { CallContext, LedgerHold, LedgerOutcome, SpaceLedger } from './ledger';
import { referenceReleased, samePlacement } from './ledger-steps';
import { backoff } from './retry';

export interface RoundSummary {
  /** Owners that need a hold (ending after the round's start). */
  checked: number;
  /** Holds taken or moved to match their owner. */
  fixed: number;
  /** Holds released: their owner does not exist, needs no hold, or holds under another reference. */
  released: string[];
  /** Owners whose hold the ledger refuses (their slot was taken meanwhile): for a person to settle. */
  refused: { ownerId: string; codes: string[] }[];
}

/** The reference an owner's hold goes by, when it needs one. */
const wantedReference = (kind: string, o: OwnerState) => (o.needs ? (o.storedReference ?? legacyHoldReference(kind, o.id)) : null);

/**
 * Keeps the ledger in step with the owners of one kind, in bounded rounds. A round lists the
 * ledger's live holds of the kind and the owners that need one (both ending after the round
 * started), then, for each owner whose hold is missing or elsewhere, takes or moves it, and for
 * each live hold no owner wants (an orphan: its owner is gone, needs no hold, or holds under
 * another reference), releases it. Each change happens under the owner's lock and row lock, the
 * ones its writes take, so a round never undoes a write in progress nor races an update.
 */
export class HoldReconciler {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: SpaceLedger | null,
    private readonly owners: HoldOwners,
  ) {}

  /** One round; throws when the ledger does not answer (the next round tries again). */
  async round(log: Logger, now = new Date()): Promise<RoundSummary> {
    const ledger = this.ledger;
    const kind = this.owners.kind;
    const summary: RoundSummary = { checked: 0, fixed: 0, released: [], refused: [] };
    if (!ledger) return summary;
    const ctx: CallContext = { lang: 'fr', requestId: `reconcile-${kind}-${randomUUID()}` };
    const live = new Map((await ledger.liveHolds(ctx, kind, now)).map((h) => [h.reference, h]));
    const needing = await this.owners.needingHolds(this.ds, now);
    const wanted = new Set<string>();
    for (const owner of needing) {
      const reference = wantedReference(kind, owner)!;
      wanted.add(reference);
      summary.checked += 1;
      const hold = live.get(reference);
      if (hold && samePlacement(hold, owner.needs)) continue;
      await this.settleOwner(ctx, owner, summary, log);
    }
    for (const hold of live.values()) {
      if (!wanted.has(hold.reference)) await this.releaseIfOrphan(ctx, hold, summary);
    }
    return summary;
  }

  /**
   * Under the owner's locks: gives it the hold it needs (taken, or moved where it belongs). When the
   * row changed since the round read it, a write committed meanwhile, and a write commits only once
   * the ledger agreed: nothing to do (the next round checks again).
   */
  private async settleOwner(ctx: CallContext, read: OwnerState, summary: RoundSummary, log: Logger): Promise<void> {
    const ledger = this.ledger!;
    const ownerId = read.id;
    await this.ds.transaction(async (tx) => {
      await lockOwner(tx, this.owners.kind, ownerId);
      const owner = await this.owners.lockRow(tx, ownerId);
      const needs = owner?.needs;
      if (!owner || !needs || owner.storedReference !== read.storedReference || !samePlacement(needs, read.needs)) return;
      let reference = wantedReference(this.owners.kind, owner)!;
      let outcome = await ledger.hold(ctx, { reference, ...needs });
      if (referenceReleased(outcome.errors)) {
        reference = newHoldReference(this.owners.kind, ownerId);
        outcome = await ledger.hold(ctx, { reference, ...needs });
        if (outcome.errors.length === 0) await this.owners.saveReference(tx, ownerId, reference);
      } else if (outcome.hold && !samePlacement(outcome.hold, needs)) {
        // The hold answered is an older one of the reference (holding is idempotent): move it.
        outcome = await ledger.move(ctx, { reference, ...needs });
      }
      this.count(outcome, ownerId, summary, log);
    });
  }

  /** Under the owner's locks: releases a live hold unless the owner (created meanwhile, say) wants it after all. */
  private async releaseIfOrphan(ctx: CallContext, hold: LedgerHold, summary: RoundSummary): Promise<void> {
    const ledger = this.ledger!;
    const ownerId = ownerIdOf(this.owners.kind, hold.reference);
    if (!ownerId) {
      // No owner can ever claim it.
      await ledger.release(ctx, hold.reference);
      summary.released.push(hold.reference);
      return;
    }
    await this.ds.transaction(async (tx) => {
      await lockOwner(tx, this.owners.kind, ownerId);
      const owner = await this.owners.lockRow(tx, ownerId);
      if (owner && wantedReference(this.owners.kind, owner) === hold.reference) return;
      await ledger.release(ctx, hold.reference);
      summary.released.push(hold.reference);
    });
  }

  private count(outcome: LedgerOutcome, ownerId: string, summary: RoundSummary, log: Logger): void {
    if (outcome.errors.length === 0) {
      summary.fixed += 1;
      return;
    }
    const refused = { ownerId, codes: outcome.errors.map((e) => e.code) };
    summary.refused.push(refused);
    log.error('hold refused by the ledger: settle by hand', { kind: this.owners.kind, ...refused });
  }

  /**
   * Runs a round now, then one every `intervalMs` (each after the previous one ended), until
   * stop() or the DataSource is closed. A failed round (the tenants subgraph still starting, or
   * away) is logged and tried again sooner: after 1 s, 2 s, 4 s… up to `intervalMs`.
   */
  start(log: Logger, intervalMs: number, options: { firstRetryMs?: number } = {}): { stop(): void; firstRound: Promise<void> } {
    const kind = this.owners.kind;
    if (!this.ledger) {
      log.warn('TENANTS_URL is unset: shared-space holds are not reconciled with the ledger', { kind });
      return { stop() {}, firstRound: Promise.resolve() };
    }
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let failures = 0;
    const run = async (): Promise<void> => {
      if (stopped || !this.ds.isInitialized) return;
      try {
        const s = await this.round(log);
        failures = 0;
        holdReconcileRounds.inc({ kind, outcome: 'ok' });
        const fields = { kind, checked: s.checked, fixed: s.fixed, released: s.released.length, refused: s.refused.length };
        if (s.fixed + s.released.length + s.refused.length > 0) log.info('shared-space holds reconciled', fields);
        else log.debug('shared-space holds reconciled', fields);
      } catch (error) {
        failures += 1;
        holdReconcileRounds.inc({ kind, outcome: 'failed' });
        if (this.ds.isInitialized) log.warn('shared-space holds not reconciled; the next round will try again', { kind, inMs: delay(), error });
      }
      if (!stopped && this.ds.isInitialized) timer = setTimeout(() => void run(), delay()).unref();
    };
    const delay = () => (failures === 0 ? intervalMs : backoff(failures, options.firstRetryMs ?? 1000, intervalMs));
    const firstRound = run();
    return {
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
      firstRound,
    };
  }
}
