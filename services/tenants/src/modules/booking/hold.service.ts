import { isAdmin, type Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, transactionWithRetry } from '@maison/kit';
import { BookingAction, BookingKind, BookingStatus, BookingVisibility, HolderKind } from './booking.enums';
import type { BookingService, Outcome } from './booking.service';
import { checkRange } from './booking.rules';
import { validateBookingFields } from './booking.validation';
import { SpaceBooking } from './space-booking.entity';

const REFERENCE = /^[a-z][a-z0-9-]{0,40}:[A-Za-z0-9-]{1,100}$/;
const fail = (code: UserErrorCode, field: string[]): Outcome => ({ booking: null, errors: [{ code, field }] });

export interface HoldRequest {
  reference: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

/**
 * Holds of shared spaces by other subgraphs (a coworking event, a vernissage): rows of the one
 * ledger, kind EVENT, held by the house, public, named by a reference that makes every call
 * idempotent, and bound by the same no-overlap constraint as any booking. Service identities
 * (ADMIN) only; the limits of the space (notice, hours…) are the holder's business, overlaps never.
 */
export class HoldService {
  constructor(private readonly bookings: BookingService) {}

  async hold(identity: Identity, request: HoldRequest): Promise<Outcome> {
    if (!REFERENCE.test(request.reference)) return fail(UserErrorCode.INVALID_INPUT, ['input', 'reference']);
    const existing = await this.live(request.reference);
    if (existing) return { booking: existing, errors: [] };
    const outcome = await this.bookings
      .book(identity, { ...request, visibility: BookingVisibility.PUBLIC, holderKind: HolderKind.HOUSE }, { kind: BookingKind.EVENT, holdReference: request.reference })
      .catch((error: unknown) => {
        if (pgCode(error) !== PG.uniqueViolation) throw error;
        return { booking: null, errors: [] } as Outcome;
      });
    if (outcome.booking) return outcome;
    // Lost to a concurrent copy of the same call (a retry): the winner's hold is the answer.
    const winner = await this.live(request.reference);
    return winner ? { booking: winner, errors: [] } : outcome;
  }

  async move(identity: Identity, request: HoldRequest): Promise<Outcome> {
    if (!REFERENCE.test(request.reference)) return fail(UserErrorCode.INVALID_INPUT, ['reference']);
    const { title, violations } = validateBookingFields(request);
    if (violations.length > 0) return { booking: null, errors: violations };
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
        const space: unknown[] = await tx.query('SELECT 1 FROM shared_space WHERE id = $1', [spaceId]);
        if (space.length === 0) return fail(UserErrorCode.NOT_FOUND, ['spaceId']);
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`space:${spaceId}`]);
        await tx.query(
          `UPDATE space_booking b SET space_id = s.id, starts_at = $3, ends_at = $4, title = $5,
             occupied_until = $4::timestamptz + make_interval(mins => s.buffer_minutes), updated_at = now()
           FROM shared_space s WHERE b.id = $1 AND s.id = $2`,
          [hold.id, spaceId, request.startsAt, request.endsAt, title],
        );
        await tx.query(
          `INSERT INTO space_booking_history (booking_id, action, actor, starts_at, ends_at, previous_starts_at, previous_ends_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [hold.id, BookingAction.RESCHEDULED, identity.sub, request.startsAt, request.endsAt, hold.startsAt, hold.endsAt],
        );
        return { booking: await tx.getRepository(SpaceBooking).findOneByOrFail({ id: hold.id }), errors: [] };
      });
    } catch (error) {
      if ([PG.exclusionViolation, PG.deadlockDetected].includes(pgCode(error) as never)) return fail(UserErrorCode.SLOT_UNAVAILABLE, ['startsAt']);
      throw error;
    }
  }

  /** Releases the live hold of a reference; releasing twice, or an unknown reference, is not an error. */
  async release(identity: Identity, reference: string): Promise<Outcome> {
    if (!REFERENCE.test(reference)) return fail(UserErrorCode.INVALID_INPUT, ['reference']);
    const hold = await this.live(reference);
    if (!hold) return { booking: null, errors: [] };
    return this.bookings.cancel(identity, hold.id);
  }

  private live(reference: string): Promise<SpaceBooking | null> {
    return this.bookings.ds.getRepository(SpaceBooking).findOneBy({ holdReference: reference, status: BookingStatus.CONFIRMED });
  }
}
