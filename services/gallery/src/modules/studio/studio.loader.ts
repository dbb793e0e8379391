import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityLoader, groupLoader, uuids } from '@maison/kit';
import { StudioAssignment } from './studio-assignment.entity';
import { StudioBooking } from './studio-booking.entity';
import { Studio } from './studio.entity';

/** Confirmed bookings of a studio overlapping [from, to). */
export interface StudioBookingsKey {
  studioId: string;
  from: Date;
  to: Date;
}

const rangeOf = (k: StudioBookingsKey) => `${k.from.toISOString()}/${k.to.toISOString()}`;
const keyOf = (k: StudioBookingsKey) => `${k.studioId.toLowerCase()}|${rangeOf(k)}`;

export function studioLoaders(ds: DataSource) {
  return {
    studioById: entityLoader(ds, Studio),
    /** Studio.assignments of every studio of the request, past ones included: one statement, by first day. */
    assignmentsByStudio: groupLoader(
      (ids: readonly string[]) =>
        ds
          .getRepository(StudioAssignment)
          .createQueryBuilder('a')
          .where('a.studio_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('a.starts_on')
          .addOrderBy('a.id')
          .getMany(),
      (a) => a.studioId,
    ),
    /** Studio.bookings of every studio of the request: one statement per distinct window. */
    studioBookingsByRange: new DataLoader<StudioBookingsKey, StudioBooking[], string>(
      async (keys) => {
        const byRange = new Map<string, StudioBookingsKey[]>();
        for (const key of keys) byRange.set(rangeOf(key), [...(byRange.get(rangeOf(key)) ?? []), key]);
        const results = new Map<string, StudioBooking[]>();
        await Promise.all(
          [...byRange.values()].map(async (group) => {
            const { from, to } = group[0]!;
            const rows = await ds
              .getRepository(StudioBooking)
              .createQueryBuilder('b')
              .where('b.studio_id = ANY(:ids)', { ids: uuids(group.map((g) => g.studioId)) })
              .andWhere(`b.status = 'CONFIRMED'`)
              .andWhere(`tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(:from, :to, '[)')`, { from, to })
              .orderBy('b.starts_at')
              .addOrderBy('b.id')
              .getMany();
            for (const g of group)
              results.set(
                keyOf(g),
                rows.filter((b) => b.studioId === g.studioId.toLowerCase()),
              );
          }),
        );
        return keys.map((k) => results.get(keyOf(k)) ?? []);
      },
      { cacheKeyFn: keyOf },
    ),
  };
}
