import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isAdmin, type Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint, transactionWithRetry } from '@maison/kit';
import { isUuid, type RuleViolation } from '@maison/house';
import { unknownArtist } from '../../acting-artist';
import { checkStudioBooking, type StudioBookingRequest } from './studio-booking.rules';
import { canSeeStudioBookingDetails } from './studio-booking.access';
import { StudioBooking, StudioBookingStatus } from './studio-booking.entity';

/** Longest window a single Studio.bookings(from, to) read may cover. */
export const MAX_STUDIO_WINDOW_DAYS = 366;

export interface StudioBookingOutcome {
  booking: StudioBooking | null;
  errors: RuleViolation[];
}

const fail = (...errors: RuleViolation[]): StudioBookingOutcome => ({ booking: null, errors });
/** An exclusion violation, or a deadlock between two inserts of one slot: the slot is taken. */
const isConflict = (error: unknown) => [PG.exclusionViolation, PG.deadlockDetected].includes(pgCode(error) as never);

/**
 * Short bookings of studio time, by artists (their artistId) and ADMIN. No two confirmed bookings of
 * one studio overlap: PostgreSQL's EXCLUDE constraint decides, so the rule holds under any
 * concurrency, and a losing insert answers SLOT_UNAVAILABLE.
 */
export class StudioBookingService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async book(identity: Identity, request: StudioBookingRequest): Promise<StudioBookingOutcome> {
    const { title, violations } = checkStudioBooking(request, this.clock(), isAdmin(identity));
    if (violations.length > 0) return fail(...violations);
    const studioId = request.studioId.toLowerCase();
    const [studio] = await this.ds.query('SELECT 1 FROM studio WHERE id = $1', [studioId]);
    if (!studio) return fail({ code: UserErrorCode.NOT_FOUND, field: ['input', 'studioId'] });
    // The resolver has found the token's artist (unknownTokenArtist); should it vanish meanwhile, the
    // foreign key refuses the insert and the answer is the same UNKNOWN_HOLDER.
    const artistId = identity.artistId?.toLowerCase() ?? null;
    try {
      return await transactionWithRetry(this.ds, async (tx) => {
        // Writers of one studio take turns: the EXCLUDE constraint guarantees no overlap; this lock only
        // spares racing inserts of one slot a deadlock PostgreSQL would detect a second later.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`studio:${studioId}`]);
        const id = randomUUID();
        await tx.query(`INSERT INTO studio_booking (id, studio_id, artist_id, booked_by, title, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          id,
          studioId,
          artistId,
          identity.sub,
          title,
          request.startsAt,
          request.endsAt,
        ]);
        return { booking: await tx.getRepository(StudioBooking).findOneByOrFail({ id }), errors: [] };
      });
    } catch (error) {
      if (isConflict(error)) return fail({ code: UserErrorCode.SLOT_UNAVAILABLE, field: ['input', 'startsAt'] });
      if (pgCode(error) === PG.foreignKeyViolation && pgConstraint(error) === 'studio_booking_artist_id_fkey') return fail(unknownArtist());
      throw error;
    }
  }

  /** Cancels a booking: its booker before it starts, or ADMIN. Anyone else finds nothing (NOT_FOUND). */
  async cancel(identity: Identity, id: string): Promise<StudioBookingOutcome> {
    if (!isUuid(id)) return fail({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
    return transactionWithRetry(this.ds, async (tx) => {
      const booking = await tx
        .getRepository(StudioBooking)
        .createQueryBuilder('b')
        .setLock('pessimistic_write')
        .where('b.id = :id', { id: id.toLowerCase() })
        .getOne();
      if (!booking || !canSeeStudioBookingDetails(booking, identity)) return fail({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
      if (booking.status === StudioBookingStatus.CANCELLED) return fail({ code: UserErrorCode.ALREADY_CANCELLED, field: ['id'] });
      if (!isAdmin(identity) && booking.startsAt <= this.clock()) return fail({ code: UserErrorCode.TOO_LATE, field: ['id'] });
      await tx.query(`UPDATE studio_booking SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [booking.id]);
      return { booking: await tx.getRepository(StudioBooking).findOneByOrFail({ id: booking.id }), errors: [] };
    });
  }
}
