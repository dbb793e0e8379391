import type { DataSource } from 'typeorm';
import { isAdmin, isAnonymous, type Identity } from '@maison/auth';
import { entityRows, preparedRows } from '@maison/kit';
import { isUuid } from '@maison/house';
import type { TenantsLoaders } from '../../services';
import { HolderKind } from '../booking/booking.enums';
import { ownHolders } from '../booking/booking.holder';
import { liveBookingsMeeting } from '../booking/booking.loader';
import { SpaceBooking } from '../booking/space-booking.entity';
import { Tenant } from '../tenant/tenant.entity';
import { SharedSpace } from './shared-space.entity';

/** A range of live bookings asked of the space (availabilityRangeOf of a day its availability asks). */
export interface BookingRange {
  from: Date;
  to: Date;
}

/**
 * The statement, written once per process (and DataSource): the space whose slug is $1 (part 0),
 * its live bookings overlapping each range of $2/$3 with their buffers (part 1, the range's index
 * in w, by start: as bookingsBySpaceRange reads them), and the tenant $4 (part 2, as tenantById).
 */
const statements = new WeakMap<DataSource, string>();
function pageSql(ds: DataSource): string {
  let sql = statements.get(ds);
  if (sql) return sql;
  const [s, b, t] = [entityRows(ds, SharedSpace), entityRows(ds, SpaceBooking), entityRows(ds, Tenant)];
  sql = `WITH s AS (SELECT * FROM shared_space WHERE slug = $1)
    SELECT 0 AS part, NULL::int AS w, ${s.select('s', 's.')}, ${b.nulls('b.')}, ${t.nulls('t.')} FROM s
    UNION ALL
    SELECT 1, r.i::int, ${s.nulls('s.')}, ${b.select('b', 'b.')}, ${t.nulls('t.')}
      FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(f, t, i)
      JOIN space_booking b ON b.space_id = (SELECT id FROM s) AND ${liveBookingsMeeting('b', 'r.f', 'r.t')}
    UNION ALL
    SELECT 2, NULL, ${s.nulls('s.')}, ${b.nulls('b.')}, ${t.select('t', 't.')} FROM tenant t WHERE t.id = $4::uuid
    ORDER BY part, w, "b.startsAt"`;
  statements.set(ds, sql);
  return sql;
}

/**
 * The tenant availability may ask about for this caller (the first holder they may book as, when it
 * is their tenant: resolveHolder reads it through tenantById), or null when it will not be read.
 */
function tenantAskedBy(identity: Identity): string | null {
  if (isAdmin(identity) || isAnonymous(identity)) return null;
  const tenant = ownHolders(identity).find((h) => h.kind === HolderKind.TENANT);
  return tenant?.id && isUuid(tenant.id) ? tenant.id.toLowerCase() : null;
}

/**
 * A shared space by slug in ONE statement, with what its availability of the given ranges reads in
 * the request: its live bookings of each range (primed in bookingsBySpaceRange) and, for a caller
 * who books as their tenant, that tenant (primed in tenantById). Null when no space has the slug.
 */
export async function spacePageBySlug(
  ds: DataSource,
  loaders: Pick<TenantsLoaders, 'spaceById' | 'bookingsBySpaceRange' | 'tenantById'>,
  identity: Identity,
  slug: string,
  ranges: readonly BookingRange[],
): Promise<SharedSpace | null> {
  const tenantId = ranges.length > 0 ? tenantAskedBy(identity) : null;
  const rows = await preparedRows(ds, 'tenants_space_page', pageSql(ds), [slug, ranges.map((r) => r.from), ranges.map((r) => r.to), tenantId]);
  const first = rows[0];
  if (!first || first.part !== 0) return null;
  const space = entityRows(ds, SharedSpace).from(first, 's.')!;
  loaders.spaceById.prime(space.id, space);
  const bookings = entityRows(ds, SpaceBooking);
  const byRange = ranges.map((): SpaceBooking[] => []);
  let tenant: Tenant | null = null;
  for (const row of rows) {
    if (row.part === 1) byRange[(row.w as number) - 1]!.push(bookings.from(row, 'b.')!);
    else if (row.part === 2) tenant = entityRows(ds, Tenant).from(row, 't.');
  }
  ranges.forEach((range, i) => loaders.bookingsBySpaceRange.prime({ spaceId: space.id, ...range }, byRange[i]!));
  if (tenantId) loaders.tenantById.prime(tenantId, tenant);
  return space;
}
