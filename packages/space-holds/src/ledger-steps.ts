import type { OwnerHold } from './hold-reference';
import type { LedgerError, Placement } from './ledger';

export const samePlacement = (a: Placement | null, b: Placement | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.spaceId === b.spaceId &&
    a.startsAt.getTime() === b.startsAt.getTime() &&
    a.endsAt.getTime() === b.endsAt.getTime() &&
    a.title === b.title);

/** The same terms of a hold: attendees and override reason (none and null alike). */
export const sameTerms = (a: Placement, b: Placement): boolean =>
  (a.attendees ?? null) === (b.attendees ?? null) && (a.overrideReason ?? null) === (b.overrideReason ?? null);

/**
 * What the ledger must do when an owner goes from the hold it had to the placement it needs:
 * nothing; hold (before commit, under a new reference); move (before commit, same reference; also
 * when only its terms change, so the ledger checks the new attendees or records the new override);
 * or release (after commit).
 */
export type LedgerStep =
  | { kind: 'none' }
  | { kind: 'hold'; to: Placement }
  | { kind: 'move'; reference: string; from: Placement; to: Placement }
  | { kind: 'release'; reference: string };

export function stepFor(before: OwnerHold | null, after: Placement | null): LedgerStep {
  if (!before) return after ? { kind: 'hold', to: after } : { kind: 'none' };
  if (!after) return { kind: 'release', reference: before.reference };
  if (samePlacement(before.placement, after) && sameTerms(before.placement, after)) return { kind: 'none' };
  return { kind: 'move', reference: before.reference, from: before.placement, to: after };
}

/** The ledger has no live hold of the reference to move (never made, or released): NOT_FOUND on the reference, not on the space. */
export const noHoldToMove = (errors: LedgerError[]): boolean =>
  errors.length > 0 && errors.every((e) => e.code === 'NOT_FOUND' && (e.field ?? []).includes('reference'));

/** The reference was released: the ledger will never hold it again. */
export const referenceReleased = (errors: LedgerError[]): boolean =>
  errors.length > 0 && errors.every((e) => e.code === 'ALREADY_CANCELLED' && (e.field ?? []).includes('reference'));
