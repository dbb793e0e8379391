import type { DataSource } from 'typeorm';
import type { Logger } from '@maison/http';
import { HeldWrites } from './held-write';
import type { HoldOwners } from './hold-owners';
import type { SpaceLedger } from './ledger';
import { HoldReconciler } from './reconciler';

/**
 * Everything a subgraph needs for the holds of one kind of owner, built once per process: the
 * writes (HeldWrites), the reconciler, and its rounds, started at boot (the module's onReady) and
 * then every `reconcileSeconds` (HOLD_RECONCILE_SECONDS).
 */
export function ownerHolds(
  ds: DataSource,
  ledger: SpaceLedger | null,
  owners: HoldOwners,
  log: Logger,
  options: { violationPath: string[]; attendeesField: string; reconcileSeconds: number },
) {
  const reconciler = new HoldReconciler(ds, ledger, owners);
  return {
    writes: new HeldWrites(ds, ledger, owners, log, { violationPath: options.violationPath, attendeesField: options.attendeesField }),
    reconciler,
    startReconciling: (l: Logger) => reconciler.start(l, options.reconcileSeconds * 1000),
  };
}
export type OwnerHolds = ReturnType<typeof ownerHolds>;
