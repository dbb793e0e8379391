import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityLoader, groupLoader, uuids } from '@maison/kit';
import { BookingHistoryEntry } from './booking-history.entity';
import type { ArtistChecker, HolderState, MembershipChecker, MembershipState } from './booking.holder';
import { bookedMinutesInWeeks, type QuotaWeekKey } from './booking.quota';
import { SpaceBooking } from './space-booking.entity';

export interface SpaceRangeKey {
  spaceId: string;
  from: Date;
  to: Date;
}

export function bookingLoaders(ds: DataSource, checkers: { memberships: MembershipChecker; artists: ArtistChecker }) {
  // The caller's membership, asked of coworking once per request however many spaces need it.
  const membershipOf = new DataLoader<string, MembershipState>((ids) => Promise.all(ids.map((id) => checkers.memberships.membershipOf(id))));
  return {
    memberships: { membershipOf: (memberId: string) => membershipOf.load(memberId) } satisfies MembershipChecker,
    /** Whether the gallery knows each artist: one signed call for every artist the request asks about. */
    artistStateById: new DataLoader<string, HolderState>((ids) => checkers.artists.artistStates(ids)),
    /** Minutes each holder booked of each space in a quota week: one statement for every space and day asked in the request. */
    bookedMinutesInWeek: new DataLoader<QuotaWeekKey, number, string>((keys) => bookedMinutesInWeeks(ds.manager, keys), {
      cacheKeyFn: (k) => `${k.spaceId.toLowerCase()}|${k.holder.kind}|${k.holder.id}|${k.week.start.toISOString()}|${k.excludeId ?? ''}`,
    }),
    bookingById: entityLoader(ds, SpaceBooking),
    historyByBooking: groupLoader(
      (ids: readonly string[]) =>
        ds
          .getRepository(BookingHistoryEntry)
          .createQueryBuilder('h')
          .where('h.booking_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('h.at')
          .addOrderBy('h.id')
          .getMany(),
      (h) => h.bookingId,
    ),
    /** Live bookings of many spaces over a range: one statement per distinct range asked in the request. */
    bookingsBySpaceRange: new DataLoader<SpaceRangeKey, SpaceBooking[], string>(
      async (keys) => {
        const byRange = new Map<string, SpaceRangeKey[]>();
        for (const key of keys) {
          const r = `${key.from.toISOString()}/${key.to.toISOString()}`;
          byRange.set(r, [...(byRange.get(r) ?? []), key]);
        }
        const results = new Map<string, SpaceBooking[]>();
        await Promise.all(
          [...byRange.values()].map(async (group) => {
            const { from, to } = group[0]!;
            const rows = await ds
              .getRepository(SpaceBooking)
              .createQueryBuilder('b')
              .where('b.space_id = ANY(:ids)', { ids: uuids(group.map((g) => g.spaceId)) })
              .andWhere(liveBookingsMeeting('b', ':from', ':to'), { from, to })
              .orderBy('b.starts_at')
              .getMany();
            for (const g of group)
              results.set(
                keyOf(g),
                rows.filter((b) => b.spaceId === g.spaceId.toLowerCase()),
              );
          }),
        );
        return keys.map((k) => results.get(keyOf(k)) ?? []);
      },
      { cacheKeyFn: (k) => keyOf(k) },
    ),
  };
}

/**
 * The condition on booking alias b: live (confirmed) and occupying (buffers included) some of
 * [from, to). The one definition the availability's reads share (this loader, space-page.loader.ts).
 */
export const liveBookingsMeeting = (b: string, from: string, to: string): string =>
  `${b}.status = 'CONFIRMED' AND tstzrange(${b}.starts_at, ${b}.occupied_until, '[)') && tstzrange(${from}, ${to}, '[)')`;

const keyOf = (k: SpaceRangeKey) => `${k.spaceId}|${k.from.toISOString()}|${k.to.toISOString()}`;
