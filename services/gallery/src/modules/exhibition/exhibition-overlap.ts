import type { EntityManager } from 'typeorm';
import { PG, pgCode, pgConstraint } from '@maison/kit';
import type { OverlapConflict } from './exhibition-contents.rules';

/** The constraint of migration 005 that keeps a work out of two exhibitions on the same day. */
export const NO_OVERLAP_CONSTRAINT = 'exhibition_artwork_no_overlap';

/**
 * A write that lost the race to that constraint: tried again, its check then sees the winner. Two
 * writers of one work at the same moment can also each wait on the other's uncommitted link, which
 * PostgreSQL ends as a deadlock, aborting one: that one lost the same race.
 */
export const lostOverlapRace = (error: unknown): boolean =>
  (pgCode(error) === PG.exclusionViolation && pgConstraint(error) === NO_OVERLAP_CONSTRAINT) || pgCode(error) === PG.deadlockDetected;

/** How many times a write is tried when it keeps losing that race (each try checks afresh). */
export const OVERLAP_TRIES = 3;

/** The works of `artworkIds` that an exhibition other than `exhibitionId` shows on some day of startsOn..endsOn. */
export async function overlapConflicts(
  tx: EntityManager,
  exhibitionId: string,
  artworkIds: readonly string[],
  startsOn: string,
  endsOn: string,
): Promise<OverlapConflict[]> {
  if (artworkIds.length === 0) return [];
  const rows: { artworkId: string; otherTitle: OverlapConflict['otherTitle'] }[] = await tx.query(
    `SELECT l.artwork_id AS "artworkId", e.title AS "otherTitle" FROM exhibition_artwork l JOIN exhibition e ON e.id = l.exhibition_id
     WHERE l.artwork_id = ANY($1::uuid[]) AND l.exhibition_id <> $2 AND l.days && daterange($3::date, $4::date, '[]')
     ORDER BY e.starts_on, e.id`,
    [artworkIds, exhibitionId, startsOn, endsOn],
  );
  return rows;
}
