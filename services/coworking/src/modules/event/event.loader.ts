import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityLoader, uuids } from '@maison/kit';
import { CoworkingEvent } from './coworking-event.entity';

/** Events of one space overlapping [from, to); a missing bound is open. */
export interface SpaceWindowKey {
  spaceId: string;
  from: Date | null;
  to: Date | null;
}

const windowOf = (k: SpaceWindowKey) => `${k.from?.toISOString() ?? ''}/${k.to?.toISOString() ?? ''}`;
const keyOf = (k: SpaceWindowKey) => `${k.spaceId.toLowerCase()}|${windowOf(k)}`;

export function eventLoaders(ds: DataSource) {
  return {
    eventById: entityLoader(ds, CoworkingEvent),
    /** Events of many spaces: one statement per distinct window asked in the request, whatever the number of spaces. */
    eventsBySpaceWindow: new DataLoader<SpaceWindowKey, CoworkingEvent[], string>(
      async (keys) => {
        const byWindow = new Map<string, SpaceWindowKey[]>();
        for (const key of keys) byWindow.set(windowOf(key), [...(byWindow.get(windowOf(key)) ?? []), key]);
        const results = new Map<string, CoworkingEvent[]>();
        await Promise.all(
          [...byWindow.values()].map(async (group) => {
            const { from, to } = group[0]!;
            const ids = uuids(group.map((g) => g.spaceId));
            if (ids.length === 0) return;
            const query = ds.getRepository(CoworkingEvent).createQueryBuilder('e').where('e.space_id = ANY(:ids) AND e.cancelled_at IS NULL', { ids });
            if (from) query.andWhere('e.ends_at > :from', { from });
            if (to) query.andWhere('e.starts_at < :to', { to });
            const rows = await query.orderBy('e.starts_at').addOrderBy('e.id').getMany();
            for (const g of group)
              results.set(
                keyOf(g),
                rows.filter((e) => e.spaceId === g.spaceId.toLowerCase()),
              );
          }),
        );
        return keys.map((k) => results.get(keyOf(k)) ?? []);
      },
      { cacheKeyFn: keyOf },
    ),
  };
}
