import type { DataSource } from 'typeorm';
import { entityRows, groupLoader, preparedRows, rowLoader, uuids } from '@maison/kit';
import { SharedSpace } from './shared-space.entity';
import { SpaceRulesHistoryRow } from './space-rules-history.entity';

/** Per request only (services.ts): a space's rules are read from its row each time, never kept across requests. */
export function spaceLoaders(ds: DataSource) {
  return {
    /** As entityLoader, by one prepared statement: ids that are not UUIDs resolve to null without reaching SQL. */
    spaceById: rowLoader(
      async (ids: readonly string[]) => {
        const valid = uuids(ids);
        if (valid.length === 0) return [];
        const space = entityRows(ds, SharedSpace);
        const rows = await preparedRows(ds, 'tenants_space_by_id', `SELECT ${space.select('e')} FROM shared_space e WHERE e.id = ANY($1::uuid[])`, [valid]);
        return rows.map((row) => space.from(row)!);
      },
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
