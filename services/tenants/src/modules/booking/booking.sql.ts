import type { DataSource } from 'typeorm';
import { entityRows } from '@maison/kit';
import { SpaceBooking } from './space-booking.entity';

export const HISTORY_COLUMNS = 'booking_id, action, actor, starts_at, ends_at, previous_starts_at, previous_ends_at, override_reason';

/** The key of a space's advisory lock, for lockSpace and the booking statements alike. */
export function spaceLockKey(spaceId: string): string {
  return `space:${spaceId}`;
}

/**
 * A new booking ($1 its id … $16 its hold reference), its CREATED history line ($17 the action,
 * $18 an override's reason; by its creator, over its own times) and the booking's row as the
 * entity reads it, inserted from `source` (its alias s: the space's id, its buffer_minutes and the
 * holder's name, holder_name). The no-overlap constraint and the hold trigger act on its insert as on any.
 *
 * The space's lock ($19, spaceLockKey) is part of the insert's source: the row to insert is the
 * source's row joined with the lock's, so no row reaches the insert before the lock is granted (a
 * volatile function in a subquery of FROM is neither pulled up nor dropped by the planner, and the
 * data-modifying CTE runs whether or not it is read). The lock's subquery is LATERAL, on s: it is
 * evaluated once the source has yielded its row, after the locks the source takes (the fast path's
 * space and tenant rows), and not at all when the source yields none. The statement's snapshot is
 * older than the lock, which does not matter: nothing here decides on that snapshot but the space's
 * buffer_minutes, whose row the source holds FOR SHARE (or the transaction, for bookedSql). The
 * exclusion constraint checks the rows committed or in progress as of its check, not the snapshot,
 * so an insert that waited on the lock meets the row its holder committed and fails at once; the
 * hold trigger's queries take snapshots of their own. booking.concurrency.int.test.ts checks the order.
 */
function insertSql(ds: DataSource, ctes: string, source: string): string {
  return `WITH ${ctes}booking AS (
        INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at,
          occupied_until, attendees, visibility, kind, idempotency_key, request_fingerprint, series_id, hold_reference)
        SELECT $1, s.id, $3, $4, s.holder_name, $6, $7, $8, $9, $9::timestamptz + make_interval(mins => s.buffer_minutes), $10, $11, $12, $13, $14, $15, $16
        FROM ${source} s CROSS JOIN LATERAL (SELECT pg_advisory_xact_lock(hashtext($19::text)) WHERE s.id IS NOT NULL) space_lock
        RETURNING *
      ), history AS (
        INSERT INTO space_booking_history (${HISTORY_COLUMNS})
        SELECT id, $17::booking_action, created_by, starts_at, ends_at, NULL, NULL, $18::text FROM booking
      )
      SELECT ${entityRows(ds, SpaceBooking).select('booking')} FROM booking`;
}

const cache = { booked: new WeakMap<DataSource, string>(), fast: new WeakMap<DataSource, string>(), byKey: new WeakMap<DataSource, string>() };
const cached = (map: WeakMap<DataSource, string>, ds: DataSource, build: () => string): string => {
  let text = map.get(ds);
  if (!text) map.set(ds, (text = build()));
  return text;
};

/** The booking of the transactional path, whose transaction already holds the space's row FOR SHARE (and a tenant's): $5 the holder's name. */
export const bookedSql = (ds: DataSource): string =>
  cached(cache.booked, ds, () => insertSql(ds, '', `(SELECT id, buffer_minutes, $5::text AS holder_name FROM shared_space WHERE id = $2)`));

/**
 * The booking in one autocommitted statement, for a booking that needs nothing but the space's
 * rules (BookingService.book): the rows it takes, in the order the transactional path takes them —
 * the space's row FOR SHARE, only while its rules are still version $20 (the one the checks ran
 * on); for a TENANT holder ($3) its row FOR SHARE, only while it is not archived (its name the
 * booking's holder_name; $5 the name of any other holder); then the space's lock; then the insert.
 * No row when the rules moved, the space is gone or the tenant is archived or gone: nothing is
 * inserted and the caller books in a transaction, which reads everything again.
 *
 * Under READ COMMITTED a FOR SHARE that waited for a rule change (FOR UPDATE) re-evaluates its
 * WHERE on the row that change committed, so a version moved meanwhile gives no row, as does an
 * archive of the tenant. The CTEs that lock are MATERIALIZED: each runs once, its locks with it.
 * The tenant's joins the space's, so the tenant's row is locked only once the space's is; for any
 * other holder it reads no tenant (its WHERE is false) and is empty.
 */
export const fastBookedSql = (ds: DataSource): string =>
  cached(cache.fast, ds, () =>
    insertSql(
      ds,
      `space AS MATERIALIZED (
        SELECT s.id, s.buffer_minutes FROM shared_space s WHERE s.id = $2 AND s.rules_version = $20 FOR SHARE OF s
      ), tenant AS MATERIALIZED (
        SELECT t.name->>'fr' AS name FROM space s JOIN tenant t ON t.id = $4::uuid AND t.archived_at IS NULL
        WHERE $3::holder_kind = 'TENANT' FOR SHARE OF t
      ), holder AS (
        SELECT s.id, s.buffer_minutes, $5::text AS holder_name FROM space s WHERE $3 <> 'TENANT'
        UNION ALL
        SELECT s.id, s.buffer_minutes, t.name FROM space s CROSS JOIN tenant t
      ), `,
      'holder',
    ),
  );

/** The booking a caller ($1, created_by) made with an idempotency key ($2), if any (by space_booking_idempotency_idx). */
export const bookingByKeySql = (ds: DataSource): string =>
  cached(cache.byKey, ds, () => `SELECT ${entityRows(ds, SpaceBooking).select('b')} FROM space_booking b WHERE b.created_by = $1 AND b.idempotency_key = $2`);
