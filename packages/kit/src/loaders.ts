import DataLoader from 'dataloader';
import { isUuid } from '@maison/house';

/** One row per key (or null): one batched fetch for all keys asked in the same tick. */
export function rowLoader<K extends string, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((r) => [keyOf(r).toLowerCase(), r]));
    return keys.map((k) => byKey.get(k.toLowerCase()) ?? null);
  });
}

/** Many rows per key: one batched fetch, rows grouped by key in the order fetch returned them. */
export function groupLoader<K extends string, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    // Keys match case-insensitively: a UUID asked in capitals finds its row.
    const groups = new Map<string, V[]>(keys.map((k) => [k.toLowerCase(), []]));
    for (const row of rows) groups.get(keyOf(row).toLowerCase())?.push(row);
    return keys.map((k) => groups.get(k.toLowerCase())!);
  });
}

/** Loads entities by primary key `id`; ids that are not UUIDs resolve to null without reaching SQL. */
export function entityLoader<V extends { id: string }>(
  ds: import('typeorm').DataSource,
  entity: import('typeorm').EntityTarget<V>,
): DataLoader<string, V | null> {
  return rowLoader(
    async (ids: readonly string[]) => {
      const valid = ids.filter((id) => isUuid(id));
      if (valid.length === 0) return [];
      return ds.getRepository(entity).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids: valid }).getMany();
    },
    (row) => row.id,
  );
}

/** Keeps the UUIDs of a list of keys, lowercased, so a malformed id never reaches PostgreSQL. */
export const uuids = (keys: readonly string[]): string[] => keys.filter((k) => isUuid(k)).map((k) => k.toLowerCase());
