import type { DataSource } from 'typeorm';
import { entityRows, groupLoader, preparedRows, rowLoader, uuids } from '@maison/kit';
import { SharedSpace } from './shared-space.entity';
import { SpaceRulesHistoryRow } from './space-rules-history.entity';

/**
 * The spaces of these ids as they are now, by one prepared statement (the loader's, and a booking's
 * first read of its space): ids that are not UUIDs are left out without reaching SQL.
 */
export async function spacesById(ds: DataSource, ids: readonly string[]): Promise<SharedSpace[]> {
  const valid = uuids(ids);
  if (valid.length === 0) return [];
  const space = entityRows(ds, SharedSpace);
  const rows = await preparedRows(ds, 'tenants_space_by_id', `SELECT ${space.select('e')} FROM shared_space e WHERE e.id = ANY($1::uuid[])`, [valid]);
  return rows.map((row) => space.from(row)!);
}

/** Per request only (services.ts): a space's rules are read from its row each time, never kept across requests. */
export function spaceLoaders(ds: DataSource) {
  return {
    /** As entityLoader (spacesById): ids that are not UUIDs resolve to null. */
    spaceById: rowLoader(
      (ids: readonly string[]) => spacesById(ds, ids),
      (space) => space.id,
    ),
    /** The changes of the rules of many spaces in one statement, newest first. */
    rulesHistoryBySpace: groupLoader(
      (ids: readonly string[]) =>
        ds
          .getRepository(SpaceRulesHistoryRow)
          .createQueryBuilder('h')
          .where('h.space_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('h.at', 'DESC')
          .addOrderBy('h.id', 'DESC')
          .getMany(),
      (h) => h.spaceId,
    ),
  };
}
