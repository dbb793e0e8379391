import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import { forbidden, UserErrorCode } from '@maison/errors';
import type { RuleViolation } from '@maison/house';
import type { CallContext } from '@maison/space-holds';
import type { SpaceDirectory } from '../space/space-directory';
import { Artwork } from './artwork.entity';
import { PLACEMENT_COLUMNS, type ArtworkPlacement } from './artwork-placement.entity';
import { mayPlace } from './artwork-placement.access';
import { availabilityViolation, placementTarget, samePlace, type PlacementRequest, type PlacementTarget } from './artwork-placement.rules';

export interface PlaceOutcome {
  artwork: Artwork | null;
  errors: RuleViolation[];
}

const refused = (...errors: RuleViolation[]): PlaceOutcome => ({ artwork: null, errors });

/**
 * Moves works between the shared spaces, the gallery and storage (ADMIN or the work's artist). The
 * stay it opens and artwork.displayed_in_space_id are written in one transaction under the work's row
 * lock, so the history and the column always agree (migration 005's trigger keeps them so for any
 * other writer of the column).
 */
export class ArtworkPlacementService {
  constructor(
    private readonly ds: DataSource,
    private readonly spaces: SpaceDirectory,
  ) {}

  async place(input: PlacementRequest, identity: Identity, call: CallContext): Promise<PlaceOutcome> {
    const { target, violations } = placementTarget(input);
    if (!target) return refused(...violations);
    const artwork = await this.ds.getRepository(Artwork).findOneBy({ id: target.artworkId });
    if (!artwork) return refused({ code: UserErrorCode.NOT_FOUND, field: ['input', 'artworkId'] });
    if (!mayPlace(identity, artwork.artistId)) throw forbidden(call.lang);
    const unavailable = availabilityViolation(artwork.availability, artwork.retiredAt);
    if (unavailable) return refused(unavailable);
    // The space is asked before any lock is taken: a slow tenants subgraph holds no row.
    if (target.spaceId && !(await this.spaces.exists(call, target.spaceId))) {
      return refused({ code: UserErrorCode.NOT_FOUND, field: ['input', 'sharedSpaceId'] });
    }
    const errors = await this.ds.transaction((tx) => this.write(tx.query.bind(tx), target, identity.sub));
    if (errors.length > 0) return refused(...errors);
    return { artwork: await this.ds.getRepository(Artwork).findOneByOrFail({ id: target.artworkId }), errors: [] };
  }

  private async write(query: (sql: string, params: unknown[]) => Promise<any>, target: PlacementTarget, by: string | null): Promise<RuleViolation[]> {
    const [locked]: { availability: Artwork['availability']; retired_at: Date | null }[] = await query(
      'SELECT availability, retired_at FROM artwork WHERE id = $1 FOR UPDATE',
      [target.artworkId],
    );
    // Under the lock: the work may have gone on loan, or been retired, since it was read.
    const unavailable = availabilityViolation(locked!.availability, locked!.retired_at);
    if (unavailable) return [unavailable];
    const [open]: ArtworkPlacement[] = await query(`SELECT ${PLACEMENT_COLUMNS} FROM artwork_placement WHERE artwork_id = $1 AND until IS NULL`, [
      target.artworkId,
    ]);
    if (samePlace(open ?? null, target)) return [];
    // The clock under the lock (not the transaction's start), as text so no precision is lost on the
    // way: a stay never ends before it began.
    const [{ at }]: { at: string }[] = await query('SELECT clock_timestamp()::text AS at', []);
    await query('UPDATE artwork_placement SET until = $2::timestamptz WHERE artwork_id = $1 AND until IS NULL', [target.artworkId, at]);
    await query(`INSERT INTO artwork_placement (artwork_id, place, space_id, since, placed_by, note) VALUES ($1, $2, $3, $4::timestamptz, $5, $6)`, [
      target.artworkId,
      target.place,
      target.spaceId,
      at,
      by,
      target.note,
    ]);
    await query('UPDATE artwork SET displayed_in_space_id = $2 WHERE id = $1', [target.artworkId, target.spaceId]);
    return [];
  }
}
