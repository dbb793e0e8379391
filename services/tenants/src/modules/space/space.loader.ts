import type { DataSource } from 'typeorm';
import { entityLoader, groupLoader, uuids } from '@maison/kit';
import { SharedSpace } from './shared-space.entity';
import { SpaceRulesHistoryRow } from './space-rules-history.entity';

/** Per request only (services.ts): a space's rules are read from its row each time, never kept across requests. */
export function spaceLoaders(ds: DataSource) {
  return {
    spaceById: entityLoader(ds, SharedSpace),
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
