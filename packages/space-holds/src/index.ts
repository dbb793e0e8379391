/**
 * @maison/space-holds: the one client of the shared-space ledger (the tenants subgraph's
 * HoldResolver), used by every subgraph whose rows hold a shared space: coworking events in the
 * kitchen or on the terrace, vernissages there. An "owner" is such a row; its "hold" is a row of
 * the ledger, kind EVENT, under a reference "<kind>:<owner id>-<suffix>" (hold-reference.ts).
 *
 * The policy, the same for every owner:
 *
 * 1. Hold first, commit after. A write of an owner (HeldWrites.write) takes the owner's lock,
 *    writes its row in a transaction and, before commit, asks the ledger to hold (a new reference,
 *    stored on the row in the same transaction) or to move (the same reference). The transaction
 *    commits only when the ledger agreed; a refusal (SLOT_UNAVAILABLE, NOT_FOUND…) rolls back and
 *    is answered as userErrors on the owner's input.
 * 2. Compensate when the commit does not happen. A ledger call that failed (no answer within
 *    the client's timeout: it may or may not have happened) or a commit that failed after the
 *    ledger agreed rolls back, and the ledger is taken back: the new hold released, the moved one
 *    moved back. The compensation is tried once before answering, then retried in the background
 *    (8 tries over about a minute). The caller gets SERVICE_UNAVAILABLE (reason
 *    LEDGER_UNAVAILABLE): nothing was saved, retry with the same idempotencyKey.
 * 3. Release after commit. An owner that no longer needs its hold (cancelled, deleted, moved out of
 *    the shared spaces) commits first and then releases, tried the same way. A release cannot fail
 *    the write: the owner is what the house knows, the hold follows.
 * 4. A released reference is released for good. The ledger keeps a tombstone of every release
 *    and refuses (ALREADY_CANCELLED) any later hold of that reference, so a release that overtakes
 *    its hold (a frozen ledger answering both at once) still wins. This is why every hold gets a
 *    new reference, and why a retry never reuses the reference of an attempt being compensated.
 * 5. Reconcile in bounded rounds. HoldReconciler runs at boot and then every
 *    HOLD_RECONCILE_SECONDS (60 by default): under each owner's lock and row lock it gives every
 *    owner needing a hold its hold, and releases every live hold of its kind that no owner wants
 *    (orphans: the owner does not exist, e.g. the process died between the hold and the commit;
 *    needs no hold; or holds under another reference). After one round no live hold lacks its owner.
 *
 *    A failed round (the ledger away) is tried again sooner: after 1 s, 2 s, 4 s… up to the interval.
 *
 * 6. Holds keep the space's rules. The ledger checks a new hold and every move against the
 *    space's capacity (the attendees the owner states: an event's capacity, a vernissage's
 *    expectedAttendees; none stated, no capacity check), opening hours and season, like a booking,
 *    not the booking-only limits; its refusals land on the owner's fields (refusal.ts). ADMIN's
 *    override (spaceRulesOverride, a reason) travels with the placement: the owner's row keeps it, so
 *    a reconcile round re-holds with it, and the ledger writes the reason into the booking history
 *    (whenever one is given, even if no rule needed it). A live hold whose place, times and title
 *    match is never re-checked by a round: holds made before the rules stay.
 *
 * A hold shows the owner's French title in the ledger (public there), after a label for the kinds
 * that want one ("Vernissage : …"), 200 characters at most (holdTitle). Every call carries the
 * caller's language and request id (CallContext; the reconciler's own request id is
 * "reconcile-<kind>-<uuid>"). A unit test validates the GraphQL documents against the tenants
 * subgraph's SDL; one stub of the ledger lives in @maison/testing, and a contract test runs the same
 * scenarios against it and the real HoldResolver.
 */
export * from './ledger';
export * from './ledger-documents';
export * from './tenants-ledger';
export * from './hold-reference';
export * from './hold-owners';
export * from './ledger-steps';
export * from './refusal';
export * from './unavailable';
export * from './retry';
export * from './held-write';
export * from './reconciler';
export * from './owner-holds';
export * from './idempotency';
