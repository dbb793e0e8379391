import { isAdmin, type Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint, transactionWithRetry } from '@maison/kit';
import { cleanOverrideReason, type RuleViolation } from '@maison/house';
import { SharedSpace } from '../space/shared-space.entity';
import { BookingAction, BookingKind, BookingStatus, BookingVisibility, HolderKind } from './booking.enums';
import type { BookingService, Outcome } from './booking.service';
import { checkHoldRules, checkRange } from './booking.rules';
import { validateBookingFields } from './booking.validation';
import { SpaceBooking } from './space-booking.entity';

const REFERENCE = /^[a-z][a-z0-9-]{0,40}:[A-Za-z0-9-]{1,100}$/;
const fail = (code: UserErrorCode, field: string[]): Outcome => ({ booking: null, errors: [{ code, field }] });
/** The lock holds and releases of one reference share (the trigger of migration 005 takes it too). */
const referenceLock = (reference: string) => `space-hold:${reference}`;
/** The trigger of migration 005 refused a hold under a released reference. */
const isReleasedReference = (error: unknown) => pgCode(error) === PG.checkViolation && pgConstraint(error) === 'space_hold_not_released';

/** A live hold as the reconciler of its holder sees it. */
export interface LiveHold {
  reference: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

const KIND = /^[a-z][a-z0-9-]{0,40}$/;
export const MAX_LIVE_HOLDS_PAGE = 500;

export interface HoldRequest {
  reference: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  /** How many people the holder expects; null: no capacity check. */
  attendees?: number | null;
  /** ADMIN holds despite the space's rules, for this reason (kept in the history). */
  override?: { reason: string } | null;
}

/** The override's reason, cleaned, or why it cannot be kept. */
function overrideOf(request: HoldRequest, field: string[]): { reason: string | null; violation: RuleViolation | null } {
  if (!request.override) return { reason: null, violation: null };
  return cleanOverrideReason(request.override.reason, field);
}

/**
 * Holds of shared spaces by other subgraphs (a coworking event, a vernissage): rows of the one
 * ledger, kind EVENT, held by the house, public, named by a reference that makes every call
 * idempotent, and bound by the same no-overlap constraint as any booking. Service identities
 * (ADMIN) only. A hold keeps the space's capacity (for the attendees the holder states), opening
 * hours and season like a booking (checkHoldRules), not the booking-only limits (notice, horizon,
 * durations, quota); with an override, none of them, and its reason goes into the history (on every
 * hold or move given one, whether or not a rule would have refused it). An idempotent answer (the
 * live hold of the reference) is not checked again.
 *
 * A reference names one hold for its whole life: once released (even before the hold arrived),
 * it is refused with ALREADY_CANCELLED, so a late hold can never outlive the release that undid it.
 */
export class HoldService {
  constructor(private readonly bookings: BookingService) {}

  async hold(identity: Identity, request: HoldRequest): Promise<Outcome> {
    if (!REFERENCE.test(request.reference)) return fail(UserErrorCode.INVALID_INPUT, ['input', 'reference']);
    const existing = await this.live(request.reference);
    if (existing) return { booking: existing, errors: [] };
    const released = fail(UserErrorCode.ALREADY_CANCELLED, ['input', 'reference']);
    if (await this.wasReleased(request.reference)) return released;
    const override = overrideOf(request, ['input', 'override', 'reason']);
    if (override.violation) return { booking: null, errors: [override.violation] };
    const { override: _given, ...booking } = request;
    const outcome = await this.bookings
      .book(
        identity,
        { ...booking, visibility: BookingVisibility.PUBLIC, holderKind: HolderKind.HOUSE },
        { kind: BookingKind.EVENT, holdReference: request.reference, hold: { overrideReason: override.reason } },
      )
      .catch((error: unknown) => {
        // Released while this hold was being written: the release wins.
        if (isReleasedReference(error)) return released;
        if (pgCode(error) !== PG.uniqueViolation) throw error;
        return { booking: null, errors: [] } as Outcome;
      });
    if (outcome.booking || outcome === released) return outcome;
    // Lost to a concurrent copy of the same call (a retry): the winner's hold is the answer.
    const winner = await this.live(request.reference);
    return winner ? { booking: winner, errors: [] } : outcome;
  }

  async move(identity: Identity, request: HoldRequest): Promise<Outcome> {
    if (!REFERENCE.test(request.reference)) return fail(UserErrorCode.INVALID_INPUT, ['reference']);
    const { title, violations } = validateBookingFields(request);
    if (violations.length > 0) return { booking: null, errors: violations };
    const override = overrideOf(request, ['override', 'reason']);
    if (override.violation) return { booking: null, errors: [override.violation] };
    const range = checkRange(request.startsAt, request.endsAt);
    if (range) return { booking: null, errors: [range] };
    try {
      return await transactionWithRetry(this.bookings.ds, async (tx) => {
        const hold = await tx
          .getRepository(SpaceBooking)
          .createQueryBuilder('b')
          .setLock('pessimistic_write')
          .where('b.hold_reference = :reference AND b.status = :status', { reference: request.reference, status: BookingStatus.CONFIRMED })
          .getOne();
        if (!hold || !isAdmin(identity)) return fail(UserErrorCode.NOT_FOUND, ['reference']);
        const spaceId = request.spaceId.toLowerCase();
        const space = await tx.getRepository(SharedSpace).findOneBy({ id: spaceId });
        if (!space) return fail(UserErrorCode.NOT_FOUND, ['spaceId']);
        const ruleErrors = checkHoldRules(space, request, { prefix: [], overridden: override.reason !== null });
        if (ruleErrors.length > 0) return { booking: null, errors: ruleErrors };
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`space:${spaceId}`]);
        await tx.query(
          `UPDATE space_booking b SET space_id = s.id, starts_at = $3, ends_at = $4, title = $5, attendees = $6,
             occupied_until = $4::timestamptz + make_interval(mins => s.buffer_minutes), updated_at = now()
           FROM shared_space s WHERE b.id = $1 AND s.id = $2`,
          [hold.id, spaceId, request.startsAt, request.endsAt, title, request.attendees ?? null],
        );
        await tx.query(
          `INSERT INTO space_booking_history (booking_id, action, actor, starts_at, ends_at, previous_starts_at, previous_ends_at, override_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [hold.id, BookingAction.RESCHEDULED, identity.sub, request.startsAt, request.endsAt, hold.startsAt, hold.endsAt, override.reason],
        );
        return { booking: await tx.getRepository(SpaceBooking).findOneByOrFail({ id: hold.id }), errors: [] };
      });
    } catch (error) {
      if ([PG.exclusionViolation, PG.deadlockDetected].includes(pgCode(error) as never)) return fail(UserErrorCode.SLOT_UNAVAILABLE, ['startsAt']);
      throw error;
    }
  }

  /**
   * Releases the live hold of a reference and leaves its tombstone: a hold of that reference
   * arriving later is refused. Releasing twice, or a reference not seen yet, is not an error.
   */
  async release(identity: Identity, reference: string): Promise<Outcome> {
    if (!REFERENCE.test(reference)) return fail(UserErrorCode.INVALID_INPUT, ['reference']);
    return transactionWithRetry(this.bookings.ds, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [referenceLock(reference)]);
      await tx.query('INSERT INTO space_hold_release (reference, released_by) VALUES ($1, $2) ON CONFLICT DO NOTHING', [reference, identity.sub]);
      const hold = await tx
        .getRepository(SpaceBooking)
        .createQueryBuilder('b')
        .setLock('pessimistic_write')
        .where('b.hold_reference = :reference AND b.status = :status', { reference, status: BookingStatus.CONFIRMED })
        .getOne();
      if (!hold) return { booking: null, errors: [] };
      return this.bookings.cancelLocked(tx, identity, hold);
    });
  }

  /**
   * The live holds of one kind of holder ("coworking-event" for "coworking-event:…") ending after
   * an instant, in reference order, `first` at most after the reference `after`: the holder's
   * reconciler pages through them to find the holds it no longer needs. Null: a malformed kind or page.
   */
  async liveHolds(kind: string, endingAfter: Date, after: string | null, first: number): Promise<LiveHold[] | null> {
    if (!KIND.test(kind) || !Number.isInteger(first) || first < 1 || first > MAX_LIVE_HOLDS_PAGE) return null;
    const rows: { reference: string; space_id: string; starts_at: Date; ends_at: Date; title: string }[] = await this.bookings.ds.query(
      `SELECT hold_reference AS reference, space_id, starts_at, ends_at, title FROM space_booking
       WHERE hold_reference IS NOT NULL AND status = 'CONFIRMED' AND split_part(hold_reference, ':', 1) = $1
         AND ends_at > $2 AND ($3::text IS NULL OR hold_reference > $3)
       ORDER BY split_part(hold_reference, ':', 1), hold_reference LIMIT $4`,
      [kind, endingAfter, after, first],
    );
    return rows.map((r) => ({ reference: r.reference, spaceId: r.space_id, startsAt: r.starts_at, endsAt: r.ends_at, title: r.title }));
  }

  private live(reference: string): Promise<SpaceBooking | null> {
    return this.bookings.ds.getRepository(SpaceBooking).findOneBy({ holdReference: reference, status: BookingStatus.CONFIRMED });
  }

  /** A tombstone, or a cancelled hold of the reference (those cancelled before tombstones existed). */
  private async wasReleased(reference: string): Promise<boolean> {
    const rows: unknown[] = await this.bookings.ds.query(
      `SELECT 1 FROM space_hold_release WHERE reference = $1
       UNION ALL SELECT 1 FROM space_booking WHERE hold_reference = $1 AND status = 'CANCELLED' LIMIT 1`,
      [reference],
    );
    return rows.length > 0;
  }
}
