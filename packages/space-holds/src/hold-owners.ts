import type { DataSource, EntityManager } from 'typeorm';
import type { Placement } from './ledger';

/** An owner row as the holds see it: the reference its row stores (null: none, or legacy) and the placement it needs now. */
export interface OwnerState {
  id: string;
  storedReference: string | null;
  /** Null: the owner needs no hold (cancelled, in a room, in the gallery…). */
  needs: Placement | null;
}

/**
 * What a subgraph tells the package about the rows that hold shared spaces (coworking events,
 * exhibitions with a vernissage): one adapter per kind, beside the module that owns the table.
 */
export interface HoldOwners {
  /** The first part of the references: "coworking-event", "vernissage". */
  kind: string;
  /** The owner row under its row lock (SELECT … FOR UPDATE); null when there is no such row. */
  lockRow(tx: EntityManager, id: string): Promise<OwnerState | null>;
  /** Every owner that needs a hold ending after `after` (no lock: the reconciler locks each one it changes). */
  needingHolds(ds: DataSource, after: Date): Promise<(OwnerState & { needs: Placement })[]>;
  /** Stores the reference of the owner's hold (null: it has none). */
  saveReference(tx: EntityManager, id: string, reference: string | null): Promise<void>;
}

/**
 * The lock every write of an owner's hold and every reconciliation of that owner take first, in
 * the owner's transaction, before its row lock: it exists before the row does, so the reconciler
 * never mistakes the hold of a create in progress for an orphan.
 */
export async function lockOwner(tx: EntityManager, kind: string, id: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`space-hold-owner:${kind}:${id.toLowerCase()}`]);
}
