/**
 * The tenants subgraph's ledger of shared spaces, as the gallery sees it: holds named by a
 * reference, idempotent per reference. An interface, so that the transport can be swapped
 * (tests point the real client at a stub HTTP peer).
 */
export interface HoldRequest {
  reference: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

export interface LedgerBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** A ledger error as it came over the wire: the code is one of the shared UserErrorCode names. */
export interface LedgerError {
  code: string;
  field: string[] | null;
}

export interface LedgerOutcome {
  booking: LedgerBooking | null;
  errors: LedgerError[];
}

export interface SpaceLedger {
  /** Holds a space for a reference; the live hold of the reference when there is one already. */
  hold(request: HoldRequest): Promise<LedgerOutcome>;
  /** Moves the live hold of a reference; NOT_FOUND on `reference` when there is none. */
  move(request: HoldRequest): Promise<LedgerOutcome>;
  /** Releases the live hold of a reference; an unknown or released reference answers no booking and no error. */
  release(reference: string): Promise<LedgerOutcome>;
}

/** The ledger did not answer, or answered something that is not an outcome (HTTP 500, timeout…). */
export class LedgerUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`shared-space ledger unavailable: ${reason}`);
    this.name = 'LedgerUnavailableError';
  }
}

/** No TENANTS_URL: the gallery cannot hold a shared space, so it refuses vernissages there. */
export class LedgerNotConfiguredError extends Error {
  constructor() {
    super('shared-space ledger not configured (TENANTS_URL is unset)');
    this.name = 'LedgerNotConfiguredError';
  }
}
