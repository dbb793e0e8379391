import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint, transactionWithRetry } from '@maison/kit';
import { isUuid, type RuleViolation, todayInHouse } from '@maison/house';
import { unknownArtist } from '../../acting-artist';
import { StudioAssignment } from './studio-assignment.entity';

export interface AssignmentRequest {
  studioId: string;
  artistId: string;
  startsOn: string;
  endsOn?: string | null;
}

export interface AssignmentOutcome {
  assignment: StudioAssignment | null;
  errors: RuleViolation[];
}

const fail = (...errors: RuleViolation[]): AssignmentOutcome => ({ assignment: null, errors });
const alreadyAssigned = (): RuleViolation => ({ code: UserErrorCode.ALREADY_ASSIGNED, field: ['input', 'artistId'] });

/**
 * Most assignments of a studio running on any one day of [startsOn, endsOn] (endsOn null: open-ended).
 * The peak of overlapping ranges falls on the first day of one of them, so those days are enough.
 */
const PEAK = `SELECT coalesce(max(n), 0)::int AS peak FROM (
  SELECT (SELECT count(*) FROM studio_assignment b WHERE b.studio_id = $1 AND daterange(b.starts_on, b.ends_on, '[]') @> p.day) AS n
  FROM (SELECT greatest(a.starts_on, $2::date) AS day FROM studio_assignment a
        WHERE a.studio_id = $1 AND daterange(a.starts_on, a.ends_on, '[]') && daterange($2::date, $3::date, '[]')) p
) x`;

/**
 * Long-term assignments of artists to the shared studios (ADMIN; the resolver checks the role). A
 * studio's capacity is the most assignments it may run on one day: checked under the studio's row
 * lock, so concurrent assignments are counted one after the other and never exceed it.
 */
export class StudioAssignmentService {
  constructor(private readonly ds: DataSource) {}

  async assign(identity: Identity, request: AssignmentRequest): Promise<AssignmentOutcome> {
    const violations: RuleViolation[] = [];
    if (!isUuid(request.studioId)) violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'studioId'] });
    if (!isUuid(request.artistId)) violations.push(unknownArtist(['input', 'artistId']));
    const endsOn = request.endsOn ?? null;
    if (endsOn !== null && endsOn < request.startsOn) violations.push({ code: UserErrorCode.INVALID_RANGE, field: ['input', 'endsOn'] });
    if (violations.length > 0) return fail(...violations);
    const studioId = request.studioId.toLowerCase();
    const artistId = request.artistId.toLowerCase();
    try {
      return await transactionWithRetry(this.ds, async (tx) => {
        const [studio] = (await tx.query('SELECT capacity FROM studio WHERE id = $1 FOR NO KEY UPDATE', [studioId])) as { capacity: number }[];
        if (!studio) return fail({ code: UserErrorCode.NOT_FOUND, field: ['input', 'studioId'] });
        // An artist id that names nobody is UNKNOWN_HOLDER, as for a token (acting-artist.ts).
        if ((await tx.query('SELECT 1 FROM artist WHERE id = $1', [artistId])).length === 0) return fail(unknownArtist(['input', 'artistId']));
        const twice = await tx.query(
          `SELECT 1 FROM studio_assignment WHERE studio_id = $1 AND artist_id = $2 AND daterange(starts_on, ends_on, '[]') && daterange($3::date, $4::date, '[]')`,
          [studioId, artistId, request.startsOn, endsOn],
        );
        if (twice.length > 0) return fail(alreadyAssigned());
        const [{ peak }] = (await tx.query(PEAK, [studioId, request.startsOn, endsOn])) as [{ peak: number }];
        if (peak + 1 > studio.capacity) {
          return fail({ code: UserErrorCode.OVER_CAPACITY, field: ['input', 'studioId'], params: { capacity: studio.capacity } });
        }
        const id = randomUUID();
        await tx.query(`INSERT INTO studio_assignment (id, studio_id, artist_id, starts_on, ends_on, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
          id,
          studioId,
          artistId,
          request.startsOn,
          endsOn,
          identity.sub,
        ]);
        return { assignment: await tx.getRepository(StudioAssignment).findOneByOrFail({ id }), errors: [] };
      });
    } catch (error) {
      if (pgCode(error) === PG.exclusionViolation && pgConstraint(error) === 'studio_assignment_no_double') return fail(alreadyAssigned());
      throw error;
    }
  }

  /** Ends an assignment on endsOn (today by default): between its first day and its current last day. */
  async end(id: string, endsOn: string | null | undefined): Promise<AssignmentOutcome> {
    if (!isUuid(id)) return fail({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
    const last = endsOn ?? todayInHouse();
    return transactionWithRetry(this.ds, async (tx) => {
      const assignment = await tx
        .getRepository(StudioAssignment)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id: id.toLowerCase() })
        .getOne();
      if (!assignment) return fail({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
      if (last < assignment.startsOn || (assignment.endsOn !== null && last > assignment.endsOn)) {
        return fail({ code: UserErrorCode.INVALID_RANGE, field: ['endsOn'] });
      }
      await tx.query('UPDATE studio_assignment SET ends_on = $2 WHERE id = $1', [assignment.id, last]);
      return { assignment: await tx.getRepository(StudioAssignment).findOneByOrFail({ id: assignment.id }), errors: [] };
    });
  }
}
