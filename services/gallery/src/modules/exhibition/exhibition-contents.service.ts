import type { DataSource, EntityManager } from 'typeorm';
import type { Lang } from '@maison/config';
import { UserErrorCode } from '@maison/errors';
import { isUuid, type RuleViolation } from '@maison/house';
import { Exhibition } from './exhibition.entity';
import { contentIds, overlapViolations, tooMany, type ContentsField } from './exhibition-contents.rules';
import { lostOverlapRace, overlapConflicts, OVERLAP_TRIES } from './exhibition-overlap';
import { lockExhibition } from './vernissage-holds';

export interface ContentsOutcome {
  exhibition: Exhibition | null;
  errors: RuleViolation[];
}

type Change = (tx: EntityManager, e: Exhibition, ids: string[]) => Promise<RuleViolation[]>;

const LINKS = {
  artworkIds: { table: 'exhibition_artwork', column: 'artwork_id', target: 'artwork' },
  artistIds: { table: 'exhibition_artist', column: 'artist_id', target: 'artist' },
} as const;

/**
 * Adds and removes an exhibition's works and artists one by one (ADMIN; the resolver checks the role),
 * under the exhibition's row lock. Adding what is already there and removing what is not are no-ops.
 * A work is in two exhibitions only when their days do not overlap (ARTWORK_IN_OTHER_EXHIBITION); the
 * database's exhibition_artwork_no_overlap decides between concurrent adds. An artist whose works
 * remain cannot be removed (ARTIST_WORKS_SHOWN): remove the works first. A retired work is never added (ALREADY_RETIRED).
 */
export class ExhibitionContents {
  constructor(private readonly ds: DataSource) {}

  addArtworks(exhibitionId: string, artworkIds: readonly string[], lang: Lang): Promise<ContentsOutcome> {
    return this.change(exhibitionId, artworkIds, 'artworkIds', async (tx, e, ids) => {
      // Shared locks on the works: retireArtwork (which locks a work for update, then looks at its
      // exhibitions) waits for this add, or this add sees the work retired.
      const rows: { id: string; retired: boolean }[] = await tx.query(
        'SELECT id, retired_at IS NOT NULL AS retired FROM artwork WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE',
        [ids],
      );
      const retired = new Set(rows.filter((r) => r.retired).map((r) => r.id));
      const gone = ids.flatMap((id, i) => (retired.has(id) ? [{ code: UserErrorCode.ALREADY_RETIRED, field: ['artworkIds', String(i)] }] : []));
      if (gone.length > 0) return gone;
      const conflicts = overlapViolations(await overlapConflicts(tx, e.id, ids, e.startsOn, e.endsOn), ids, ['artworkIds'], lang);
      if (conflicts.length > 0) return conflicts;
      return this.append(tx, e.id, ids, 'artworkIds');
    });
  }

  removeArtworks(exhibitionId: string, artworkIds: readonly string[]): Promise<ContentsOutcome> {
    return this.change(exhibitionId, artworkIds, 'artworkIds', (tx, e, ids) => this.remove(tx, e.id, ids, 'artworkIds'));
  }

  addArtists(exhibitionId: string, artistIds: readonly string[]): Promise<ContentsOutcome> {
    return this.change(exhibitionId, artistIds, 'artistIds', (tx, e, ids) => this.append(tx, e.id, ids, 'artistIds'));
  }

  removeArtists(exhibitionId: string, artistIds: readonly string[]): Promise<ContentsOutcome> {
    return this.change(exhibitionId, artistIds, 'artistIds', async (tx, e, ids) => {
      const shown = new Set(
        (
          (await tx.query(
            `SELECT DISTINCT a.artist_id AS id FROM exhibition_artwork l JOIN artwork a ON a.id = l.artwork_id WHERE l.exhibition_id = $1 AND a.artist_id = ANY($2::uuid[])`,
            [e.id, ids],
          )) as { id: string }[]
        ).map((r) => r.id),
      );
      const refused = ids.flatMap((id, i) => (shown.has(id) ? [{ code: UserErrorCode.ARTIST_WORKS_SHOWN, field: ['artistIds', String(i)] }] : []));
      return refused.length > 0 ? refused : this.remove(tx, e.id, ids, 'artistIds');
    });
  }

  /** Validates, locks the exhibition, checks that every id names something, applies the change; tried again when it lost an overlap race. */
  private async change(exhibitionId: string, given: readonly string[], field: ContentsField, apply: Change): Promise<ContentsOutcome> {
    const { ids, violations } = contentIds(given, field);
    if (!isUuid(exhibitionId)) violations.unshift({ code: UserErrorCode.NOT_FOUND, field: ['exhibitionId'] });
    if (violations.length > 0) return { exhibition: null, errors: violations };
    const id = exhibitionId.toLowerCase();
    for (let attempt = 1; ; attempt++) {
      try {
        const errors = await this.ds.transaction(async (tx) => {
          const e = await lockExhibition(tx, id);
          if (!e) return [{ code: UserErrorCode.NOT_FOUND, field: ['exhibitionId'] }];
          const missing = await this.missing(tx, ids, field);
          return missing.length > 0 ? missing : apply(tx, e, ids);
        });
        if (errors.length > 0) return { exhibition: null, errors };
        return { exhibition: await this.ds.getRepository(Exhibition).findOneByOrFail({ id }), errors: [] };
      } catch (error) {
        if (attempt < OVERLAP_TRIES && lostOverlapRace(error)) continue;
        throw error;
      }
    }
  }

  private async missing(tx: EntityManager, ids: string[], field: ContentsField): Promise<RuleViolation[]> {
    if (ids.length === 0) return [];
    const found = new Set(((await tx.query(`SELECT id FROM ${LINKS[field].target} WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[]).map((r) => r.id));
    return ids.flatMap((id, i) => (found.has(id) ? [] : [{ code: UserErrorCode.NOT_FOUND, field: [field, String(i)] }]));
  }

  /** Appends the ids not already linked, after the last position; refuses a list that would grow past the bound. */
  private async append(tx: EntityManager, exhibitionId: string, ids: string[], field: ContentsField): Promise<RuleViolation[]> {
    const { table, column } = LINKS[field];
    const [{ n }]: { n: number }[] = await tx.query(
      `SELECT (SELECT count(*) FROM ${table} WHERE exhibition_id = $1)::int
              + (SELECT count(*) FROM unnest($2::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE exhibition_id = $1 AND ${column} = x.id))::int AS n`,
      [exhibitionId, ids],
    );
    const bound = tooMany(field, n);
    if (bound) return [bound];
    await tx.query(
      `INSERT INTO ${table} (exhibition_id, ${column}, position)
       SELECT $1, x.id, (SELECT COALESCE(max(position) + 1, 0) FROM ${table} WHERE exhibition_id = $1) + x.pos - 1
       FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, pos)
       WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE exhibition_id = $1 AND ${column} = x.id)`,
      [exhibitionId, ids],
    );
    return [];
  }

  private async remove(tx: EntityManager, exhibitionId: string, ids: string[], field: ContentsField): Promise<RuleViolation[]> {
    const { table, column } = LINKS[field];
    await tx.query(`DELETE FROM ${table} WHERE exhibition_id = $1 AND ${column} = ANY($2::uuid[])`, [exhibitionId, ids]);
    return [];
  }
}
