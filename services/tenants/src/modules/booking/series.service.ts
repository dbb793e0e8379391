import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Identity } from '@maison/auth';
import { inputReason, UserErrorCode } from '@maison/errors';
import { transactionWithRetry } from '@maison/kit';
import { HOUSE_TZ, isUuid, localDateOf, type RuleViolation } from '@maison/house';
import { spacesById } from '../space/space.loader';
import { BookingKind, BookingStatus } from './booking.enums';
import { isHolderOrAdmin } from './booking.access';
import { resolveHolder, type HolderDirectory } from './booking.holder';
import type { BookingRequest, BookingService, Outcome } from './booking.service';
import { validateBookingFields } from './booking.validation';
import { SpaceBooking } from './space-booking.entity';

export const MAX_OCCURRENCES = 52;

export interface SeriesRequest extends Omit<BookingRequest, 'idempotencyKey'> {
  until?: string | null;
  occurrences?: number | null;
}

export interface SeriesOutcome {
  seriesId: string | null;
  occurrences: { startsAt: Date; endsAt: Date; outcome: Outcome }[];
  errors: RuleViolation[];
}

/**
 * The wall-clock occurrences of a weekly series: the first one's local start and end times on
 * every 7th day, so 11:30 stays 11:30 across daylight-saving changes.
 */
export function weeklyOccurrences(startsAt: Date, endsAt: Date, limit: { until?: string | null; count?: number | null }): { startsAt: Date; endsAt: Date }[] {
  const start = DateTime.fromJSDate(startsAt, { zone: HOUSE_TZ });
  const end = DateTime.fromJSDate(endsAt, { zone: HOUSE_TZ });
  const out: { startsAt: Date; endsAt: Date }[] = [];
  for (let week = 0; week < MAX_OCCURRENCES; week += 1) {
    const s = start.plus({ weeks: week });
    if (limit.until && s.toISODate()! > limit.until) break;
    if (limit.count && week >= limit.count) break;
    out.push({ startsAt: s.toJSDate(), endsAt: end.plus({ weeks: week }).toJSDate() });
  }
  return out;
}

export class SeriesService {
  constructor(private readonly bookings: BookingService) {}

  /** Books every occurrence independently: each is created, or skipped with its code. */
  async book(identity: Identity, request: SeriesRequest, holders: HolderDirectory): Promise<SeriesOutcome> {
    const ds = this.bookings.ds;
    const invalid = (code: UserErrorCode, field: string, params?: Record<string, string | number>): SeriesOutcome => ({
      seriesId: null,
      occurrences: [],
      errors: [{ code, field: ['input', field], params }],
    });
    const hasUntil = request.until != null;
    const hasCount = request.occurrences != null;
    if (hasUntil === hasCount)
      return invalid(UserErrorCode.INVALID_INPUT, 'occurrences', { field: 'until/occurrences', ...inputReason('EXACTLY_ONE_OF_THEM') });
    if (hasCount && (!Number.isInteger(request.occurrences) || request.occurrences! < 1 || request.occurrences! > MAX_OCCURRENCES)) {
      return invalid(UserErrorCode.INVALID_INPUT, 'occurrences', { field: 'occurrences', ...inputReason('BETWEEN', { min: 1, max: MAX_OCCURRENCES }) });
    }
    if (!(request.endsAt > request.startsAt)) return invalid(UserErrorCode.INVALID_RANGE, 'endsAt');
    if (localDateOf(request.startsAt) !== localDateOf(new Date(request.endsAt.getTime() - 1))) {
      return invalid(UserErrorCode.INVALID_INPUT, 'endsAt', { field: 'endsAt', ...inputReason('SAME_DAY') });
    }
    if (hasUntil && request.until! < localDateOf(request.startsAt)) return invalid(UserErrorCode.INVALID_RANGE, 'until');
    const { title, violations } = validateBookingFields(request);
    if (violations.length > 0) return { seriesId: null, occurrences: [], errors: violations };
    const [space] = await spacesById(ds, [request.spaceId]);
    if (!space) return invalid(UserErrorCode.NOT_FOUND, 'spaceId');
    const holder = await resolveHolder(identity, { kind: request.holderKind, id: request.holderId }, space, holders);
    if ('code' in holder) return { seriesId: null, occurrences: [], errors: [holder] };

    const dates = weeklyOccurrences(request.startsAt, request.endsAt, { until: request.until, count: request.occurrences });
    const seriesId = randomUUID();
    const local = (d: Date) => DateTime.fromJSDate(d, { zone: HOUSE_TZ }).toFormat('HH:mm');
    await ds.query(
      `INSERT INTO booking_series (id, space_id, holder_kind, holder_id, created_by, title, local_start, local_end, first_date, last_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        seriesId,
        space.id,
        holder.kind,
        holder.id,
        identity.sub,
        title,
        local(request.startsAt),
        local(request.endsAt),
        localDateOf(dates[0]!.startsAt),
        localDateOf(dates[dates.length - 1]!.startsAt),
      ],
    );
    const occurrences: SeriesOutcome['occurrences'] = [];
    for (const occurrence of dates) {
      const outcome = await this.bookings.book(identity, { ...request, ...occurrence, idempotencyKey: null }, { seriesId, kind: BookingKind.BOOKING, holders });
      occurrences.push({ ...occurrence, outcome });
    }
    if (occurrences.every((o) => !o.outcome.booking)) {
      await ds.query('DELETE FROM booking_series WHERE id = $1', [seriesId]);
      return { seriesId: null, occurrences, errors: [] };
    }
    return { seriesId, occurrences, errors: [] };
  }

  /** Cancels the live occurrences of a series that start at or after `from` (now by default). */
  async cancelRest(identity: Identity, seriesId: string, from: Date | null): Promise<{ cancelled: SpaceBooking[]; errors: RuleViolation[] }> {
    const notFound = { cancelled: [], errors: [{ code: UserErrorCode.NOT_FOUND, field: ['seriesId'] }] };
    if (!isUuid(seriesId)) return notFound;
    return transactionWithRetry(this.bookings.ds, async (tx) => {
      const [series] = await tx.query(
        'SELECT holder_kind AS "holderKind", holder_id AS "holderId", created_by AS "createdBy" FROM booking_series WHERE id = $1',
        [seriesId.toLowerCase()],
      );
      if (!series || !isHolderOrAdmin(series, identity)) return notFound;
      const rows = await tx
        .getRepository(SpaceBooking)
        .createQueryBuilder('b')
        .setLock('pessimistic_write')
        .where('b.series_id = :seriesId', { seriesId: seriesId.toLowerCase() })
        .andWhere('b.starts_at >= :from', { from: from ?? new Date() })
        .andWhere('b.status = :status', { status: BookingStatus.CONFIRMED })
        .orderBy('b.starts_at')
        .getMany();
      const cancelled: SpaceBooking[] = [];
      const errors: RuleViolation[] = [];
      for (const booking of rows) {
        const outcome = await this.bookings.cancelLocked(tx, identity, booking);
        if (outcome.booking) cancelled.push(outcome.booking);
        else errors.push(...outcome.errors.map((e) => ({ ...e, field: ['seriesId'], params: { ...e.params, at: booking.startsAt.toISOString() } })));
      }
      return { cancelled, errors };
    });
  }
}
