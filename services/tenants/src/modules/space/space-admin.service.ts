import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '@maison/auth';
import { inputReason, UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint, transactionWithRetry } from '@maison/kit';
import { invalid, isUuid, slugTaken, type RuleViolation } from '@maison/house';
import { SpaceBooking } from '../booking/space-booking.entity';
import { SharedSpace } from './shared-space.entity';
import { DEFAULT_RULES } from './space-rules.bounds';
import { rulesConflicts } from './space-rules.conflicts';
import { sameRules, snapshotOf } from './space-rules.snapshot';
import { applyRulesInput, type RuleColumns } from './space-rules.validation';
import type { CreateSharedSpaceInput, SpaceRulesInput, UpdateSharedSpaceInput } from './space.input';
import { validateSpaceFields } from './space.validation';

export interface SpaceOutcome {
  space: SharedSpace | null;
  conflicts: SpaceBooking[];
  errors: RuleViolation[];
}

const fail = (...errors: RuleViolation[]): SpaceOutcome => ({ space: null, conflicts: [], errors });
/** The longest buffer (RULE_BOUNDS): a row that ended this long ago may still hold the next one's start. */
const LONGEST_BUFFER_MS = 240 * 60_000;

/**
 * The rule columns of a space. The trigger of migration 009 (shared_space_bump_rules_version) bumps
 * rules_version when any of them changes, and must list the same columns: a booking's fast path
 * trusts the version (BookingService.book). space-rules-version.int.test.ts fails when one is missing.
 */
export const RULE_COLUMNS = {
  capacity: 'capacity',
  openingHoursRows: 'opening_hours',
  seasonStarts: 'season_starts',
  seasonEnds: 'season_ends',
  bufferMinutes: 'buffer_minutes',
  minDurationMinutes: 'min_duration_minutes',
  maxDurationMinutes: 'max_duration_minutes',
  horizonDays: 'horizon_days',
  minNoticeMinutes: 'min_notice_minutes',
  weeklyQuotaMinutes: 'weekly_quota_minutes',
  cancellationCutoffMinutes: 'cancellation_cutoff_minutes',
  eligibleRoles: 'eligible_roles',
  slotStepMinutes: 'slot_step_minutes',
} as const satisfies Record<keyof RuleColumns, string>;
const RULE_KEYS = Object.keys(RULE_COLUMNS) as (keyof RuleColumns)[];
const valueOf = (rules: RuleColumns, key: keyof RuleColumns) => (key === 'openingHoursRows' ? JSON.stringify(rules[key]) : rules[key]);

/**
 * ADMIN's writes of the shared spaces (the resolver checks the role). A change of rules locks the
 * space's row (FOR UPDATE) while it writes the rules, their history and lists the bookings they
 * would not have allowed; the ledger reads the row FOR SHARE when it books or moves, so the two
 * take turns and each booking is checked against the rules it is stored under.
 */
export class SpaceAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(input: CreateSharedSpaceInput): Promise<SpaceOutcome> {
    const fields = validateSpaceFields(
      { slug: input.slug, name: input.name, description: input.description, capacity: input.capacity, amenities: input.amenities ?? [] },
      ['input'],
    );
    const start: RuleColumns = { ...DEFAULT_RULES, capacity: input.capacity, openingHoursRows: [], seasonStarts: null, seasonEnds: null };
    const rules = applyRulesInput(start, input.rules ?? {}, ['input', 'rules']);
    const violations = [...fields.violations, ...rules.violations];
    if (!input.rules?.openingHours) violations.push(invalid(['input', 'rules', 'openingHours'], inputReason('REQUIRED')));
    if (violations.length > 0) return fail(...violations);
    const { draft } = fields;
    const id = randomUUID();
    try {
      await this.ds.query(
        `INSERT INTO shared_space (id, slug, name, description, amenities, ${RULE_KEYS.map((k) => RULE_COLUMNS[k]).join(', ')})
         VALUES ($1, $2, $3, $4, $5, ${RULE_KEYS.map((_, i) => `$${i + 6}`).join(', ')})`,
        [
          id,
          draft.slug,
          draft.nameTexts,
          draft.descriptionTexts ?? null,
          JSON.stringify(draft.amenityTexts ?? []),
          ...RULE_KEYS.map((k) => valueOf(rules.rules, k)),
        ],
      );
    } catch (error) {
      if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'shared_space_slug_key') return fail(slugTaken());
      throw error;
    }
    return { space: await this.ds.getRepository(SharedSpace).findOneByOrFail({ id }), conflicts: [], errors: [] };
  }

  /** Texts and capacity; a capacity given is a rule change (history, conflicts). */
  async update(identity: Identity, id: string, input: UpdateSharedSpaceInput): Promise<SpaceOutcome> {
    const { draft, violations } = validateSpaceFields(input, ['input']);
    if (violations.length > 0) return fail(...violations);
    if (!isUuid(id)) return fail({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
    return this.changeLocked(
      id.toLowerCase(),
      ['id'],
      async (tx, space) => {
        const texts: Record<string, unknown> = {
          name: draft.nameTexts,
          description: draft.descriptionTexts,
          amenities: draft.amenityTexts && JSON.stringify(draft.amenityTexts),
        };
        const set = Object.entries(texts).filter(([, v]) => v !== undefined);
        if (set.length > 0) {
          await tx.query(`UPDATE shared_space SET ${set.map(([c], i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [space.id, ...set.map(([, v]) => v)]);
        }
        if (draft.capacity === undefined) return { rules: null };
        return { rules: { ...space, capacity: draft.capacity } };
      },
      identity,
    );
  }

  async updateRules(identity: Identity, spaceId: string, input: SpaceRulesInput): Promise<SpaceOutcome> {
    if (!isUuid(spaceId)) return fail({ code: UserErrorCode.NOT_FOUND, field: ['spaceId'] });
    return this.changeLocked(
      spaceId.toLowerCase(),
      ['spaceId'],
      async (_tx, space) => {
        const { rules, violations } = applyRulesInput(space, input, ['rules']);
        return violations.length > 0 ? { refused: violations } : { rules };
      },
      identity,
    );
  }

  /**
   * Locks the space, lets `change` write what is not a rule and decide the new rules, then writes
   * them (occupied ranges of future rows follow a new buffer), their history and the conflicts.
   */
  private async changeLocked(
    id: string,
    idField: string[],
    change: (tx: EntityManager, space: SharedSpace) => Promise<{ rules: RuleColumns | null } | { refused: RuleViolation[] }>,
    identity: Identity,
  ): Promise<SpaceOutcome> {
    // The ledger's writers take the space before their rows, as here; a deadlock with another path is retried, never shown.
    return transactionWithRetry(
      this.ds,
      async (tx) => {
        const space = await tx.getRepository(SharedSpace).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
        if (!space) return fail({ code: UserErrorCode.NOT_FOUND, field: idField });
        const decided = await change(tx, space);
        if ('refused' in decided) return fail(...decided.refused);
        const { rules } = decided;
        let conflicts: SpaceBooking[] = [];
        if (rules) {
          const before = snapshotOf(space);
          const after = snapshotOf(rules);
          if (!sameRules(before, after)) {
            await tx.query(`UPDATE shared_space SET ${RULE_KEYS.map((k, i) => `${RULE_COLUMNS[k]} = $${i + 2}`).join(', ')} WHERE id = $1`, [
              id,
              ...RULE_KEYS.map((k) => valueOf(rules, k)),
            ]);
            if (rules.bufferMinutes !== space.bufferMinutes) await followBuffer(tx, id, rules.bufferMinutes);
            await tx.query('INSERT INTO shared_space_rules_history (space_id, actor, before, after) VALUES ($1, $2, $3, $4)', [
              id,
              identity.sub,
              before,
              after,
            ]);
          }
          conflicts = rulesConflicts(rules, await this.liveRows(tx, id), this.clock());
        }
        return { space: await tx.getRepository(SharedSpace).findOneByOrFail({ id }), conflicts, errors: [] };
      },
      { retryOn: [PG.serializationFailure, PG.deadlockDetected] },
    );
  }

  /** The live rows of a space from the longest buffer before now on, by start. */
  private liveRows(tx: EntityManager, spaceId: string): Promise<SpaceBooking[]> {
    return tx
      .getRepository(SpaceBooking)
      .createQueryBuilder('b')
      .where("b.space_id = :spaceId AND b.status = 'CONFIRMED' AND b.ends_at > :since", {
        spaceId,
        since: new Date(this.clock().getTime() - LONGEST_BUFFER_MS),
      })
      .orderBy('b.starts_at')
      .getMany();
  }
}

/**
 * The ledger's occupied range is ends_at + the space's buffer: rows not yet over take the new
 * buffer, up to the start of the row after them (a conflict then, listed, never cancelled), so
 * no two live rows ever overlap.
 */
async function followBuffer(tx: EntityManager, spaceId: string, bufferMinutes: number): Promise<void> {
  await tx.query(
    `UPDATE space_booking b SET occupied_until = greatest(b.ends_at, least(b.ends_at + make_interval(mins => $2),
       coalesce((SELECT min(n.starts_at) FROM space_booking n
                 WHERE n.space_id = b.space_id AND n.status = 'CONFIRMED' AND n.id <> b.id AND n.starts_at >= b.ends_at), 'infinity'))),
       updated_at = now()
     WHERE b.space_id = $1 AND b.status = 'CONFIRMED' AND b.ends_at > now()`,
    [spaceId, bufferMinutes],
  );
}
