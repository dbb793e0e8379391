import type { Lang } from '@maison/config';

/**
 * Where and when an owner (an event, a vernissage) holds a shared space, and the title the ledger
 * shows; with the terms the ledger checks it by: the attendees the owner states (checked against the
 * space's capacity; none: no capacity check) and the reason of ADMIN's override of the space's rules
 * (capacity, opening hours, season), kept by the owner so that a re-hold keeps it.
 */
export interface Placement {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  attendees?: number | null;
  overrideReason?: string | null;
}

/** A placement under the reference that names the hold in the ledger. */
export interface HoldRequest extends Placement {
  reference: string;
}

/** A hold as the ledger lists it (its place, times and title; not its terms). */
export interface LedgerHold extends Omit<Placement, 'attendees' | 'overrideReason'> {
  reference: string;
}

/** A refusal of the ledger: one of the shared UserErrorCode names, on the ledger's own argument path. */
export interface LedgerError {
  code: string;
  field: string[] | null;
}

/** What a hold, a move or a release answered: the hold (none after a release of an unknown reference), or why not. */
export interface LedgerOutcome {
  hold: Omit<LedgerHold, 'reference'> | null;
  errors: LedgerError[];
  /** With OVER_CAPACITY: the capacity of the space (the message's parameter). */
  spaceCapacity?: number | null;
}

/** What travels with every call: the language of the caller's request and its id (for the logs of both sides). */
export interface CallContext {
  lang: Lang;
  requestId: string;
}

/**
 * The tenants subgraph's ledger of shared spaces, as a holding subgraph uses it. A refusal comes back
 * in `errors`; a call that fails (no answer, HTTP 5xx, timeout, not a payload) throws
 * LedgerUnavailableError, and then the call may or may not have happened.
 *
 * - hold: idempotent per reference (the live hold of the reference answers again, unchecked); a
 *   reference that was released is refused with ALREADY_CANCELLED on ["input", "reference"], for good.
 *   A new hold keeps the space's capacity (OVER_CAPACITY, for the attendees stated), opening hours
 *   (OUTSIDE_OPENING_HOURS) and season (OUT_OF_SEASON), unless overridden with a reason.
 * - move: the live hold of the reference to a new placement, checked the same way; NOT_FOUND on
 *   ["reference"] when none.
 * - release: the live hold of the reference, and a tombstone of the reference either way (so a hold
 *   arriving after its release is refused); releasing twice or an unknown reference is no error.
 * - liveHolds: every live hold of a kind of owner ("coworking-event") ending after an instant.
 */
export interface SpaceLedger {
  hold(ctx: CallContext, request: HoldRequest): Promise<LedgerOutcome>;
  move(ctx: CallContext, request: HoldRequest): Promise<LedgerOutcome>;
  release(ctx: CallContext, reference: string): Promise<LedgerOutcome>;
  liveHolds(ctx: CallContext, kind: string, endingAfter: Date): Promise<LedgerHold[]>;
}

/** The ledger did not answer, or answered something that is not an outcome (HTTP 500, timeout…). */
export class LedgerUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`shared-space ledger unavailable: ${reason}`);
    this.name = 'LedgerUnavailableError';
  }
}

/** No TENANTS_URL: a subgraph cannot hold a shared space, so it refuses to write owners there. */
export class LedgerNotConfiguredError extends Error {
  constructor() {
    super('shared-space ledger not configured (TENANTS_URL is unset)');
    this.name = 'LedgerNotConfiguredError';
  }
}
