import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isAdmin, type Identity } from '@maison/auth';
import { badUserInput, UserErrorCode } from '@maison/errors';
import { DEFAULT_LANG, type Lang } from '@maison/config';
import { dataSourceOf, entityRows, PG, pgCode, preparedRows, transactionWithRetry } from '@maison/kit';
import { addDays, checkQueryWindow, isUuid, type RuleViolation, startOfLocalDay } from '@maison/house';
import { TimeSlot } from '../space/availability';
import { SharedSpace } from '../space/shared-space.entity';
import { spacesById } from '../space/space.loader';
import { heldBySql, isHolderOrAdmin } from './booking.access';
import { BookingAction, BookingKind, BookingStatus, BookingVisibility, HolderKind } from './booking.enums';
import {
  isEligible,
  ownHolders,
  resolveHolder,
  type ArtistChecker,
  type Holder,
  type HolderDirectory,
  type MembershipChecker,
  type TenantDirectory,
} from './booking.holder';
import { holderDirectory } from './holder-directory';
import { bookableSlots, bypassesLimits, checkBookingRules, checkHoldRules, type SlotCaller, type SpaceRules } from './booking.rules';
import { bookedMinutesInWeeks, checkQuota, quotaWeekOf } from './booking.quota';
import { bookedSql, bookingByKeySql, fastBookedSql, HISTORY_COLUMNS, spaceLockKey } from './booking.sql';
import { validateBookingFields } from './booking.validation';
import { SpaceBooking } from './space-booking.entity';

/** Longest window a single bookings(from, to) read may cover. */
export const MAX_BOOKINGS_WINDOW_DAYS = 366;

/** The longest local day (the November change has 25 hours): the longest stay availability proposes to a caller who bypasses the limits. */
export const LONGEST_DAY_MINUTES = 25 * 60;

export interface BookingRequest {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  attendees?: number | null;
  idempotencyKey?: string | null;
  visibility?: BookingVisibility | null;
  holderKind?: HolderKind | null;
  holderId?: string | null;
}

export interface Outcome {
  booking: SpaceBooking | null;
  errors: RuleViolation[];
}

const fail = (...errors: RuleViolation[]): Outcome => ({ booking: null, errors });
const slotTaken = (): Outcome => fail({ code: UserErrorCode.SLOT_UNAVAILABLE, field: ['input', 'startsAt'] });
/** The tenant of a booking is gone or archived (seen under its row lock): nobody books or moves as it. */
class UnknownHolder extends Error {}
/** An exclusion violation or a deadlock between two inserts of one slot: the slot is taken. */
const isConflict = (error: unknown) => [PG.exclusionViolation, PG.deadlockDetected].includes(pgCode(error) as never);

const HOLDER_NAMES: Record<HolderKind, string> = {
  TENANT: 'Locataire',
  MEMBER: 'Membre de l’Espace KO',
  ARTIST: 'Artiste du Vivoir',
  HOUSE: 'La Maison',
};

/** The instants of the live bookings that decide a local day's slots: the day and its neighbours (availabilityWindow). */
export const availabilityRangeOf = (date: string): { from: Date; to: Date } => ({
  from: startOfLocalDay(addDays(date, -1)),
  to: startOfLocalDay(addDays(date, 2)),
});

/**
 * The one booking ledger of the shared spaces. The rules are checked here; the no-overlap rule
 * is PostgreSQL's (EXCLUDE USING gist), so it holds under any concurrency, and a losing insert
 * is reported as SLOT_UNAVAILABLE.
 */
export class BookingService {
  constructor(
    readonly ds: DataSource,
    private readonly lookups: { memberships: MembershipChecker; artists: ArtistChecker },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The instants whose live bookings decide the slots of one local day, once durationMinutes is
   * checked: between the space's minimum and maximum, or, for a caller who bypasses the limits, any
   * stay that fits in a day. The day and its neighbours, for a booking of the evening before may
   * still hold the morning with its buffer.
   */
  availabilityWindow(space: SharedSpace, date: string, durationMinutes: number, bypassLimits: boolean, lang: Lang): { from: Date; to: Date } {
    const [min, max] = bypassLimits ? [1, LONGEST_DAY_MINUTES] : [space.minDurationMinutes, space.maxDurationMinutes];
    if (!Number.isInteger(durationMinutes) || durationMinutes < min || durationMinutes > max) throw badUserInput(lang, 'DURATION_BETWEEN', { min, max });
    return availabilityRangeOf(date);
  }

  /** The slots of one local day the caller may book (see bookableSlots), given the live bookings of its availabilityWindow. */
  availableSlots(space: SharedSpace, date: string, durationMinutes: number, bookings: SpaceBooking[], caller: SlotCaller): TimeSlot[] {
    const occupied = bookings.map((b) => ({ start: b.startsAt, end: b.occupiedUntil }));
    return bookableSlots(space, date, durationMinutes, occupied, this.clock(), caller).map((s) =>
      Object.assign(new TimeSlot(), { startsAt: s.start, endsAt: s.end }),
    );
  }

  /** Tenants read with one statement each, for callers without the request's DataLoader (holds never hold as a tenant). */
  readonly tenantsBySql: TenantDirectory = {
    canHold: async (id) => isUuid(id) && (await this.ds.query('SELECT 1 FROM tenant WHERE id = $1 AND archived_at IS NULL', [id])).length > 0,
  };

  /**
   * The holder directory for callers without a request's DataLoaders (holds, which book for the
   * house, whom no other subgraph is asked about): each holder asked on its own, outages in French.
   */
  readonly holdersWithoutRequest: HolderDirectory = holderDirectory(
    {
      tenants: this.tenantsBySql,
      memberships: { membershipOf: (id) => this.lookups.memberships.membershipOf(id) },
      artistStateOf: async (id) => (await this.lookups.artists.artistStates([id]))[0]!,
    },
    DEFAULT_LANG,
  );

  /**
   * Books a space for the caller (or, for ADMIN, for the named holder). A hold (options.hold, from
   * HoldService) keeps the hold rules instead (checkHoldRules), unless overridden with a reason,
   * which the CREATED entry of its history keeps.
   */
  async book(
    identity: Identity,
    request: BookingRequest,
    options: { seriesId?: string; kind?: BookingKind; holdReference?: string; holders?: HolderDirectory; hold?: { overrideReason: string | null } } = {},
  ): Promise<Outcome> {
    const { title, violations } = validateBookingFields(request);
    if (violations.length > 0) return fail(...violations);
    const [space] = await spacesById(this.ds, [request.spaceId]);
    if (!space) return fail({ code: UserErrorCode.NOT_FOUND, field: ['input', 'spaceId'] });
    const holders = options.holders ?? this.holdersWithoutRequest;
    const holder = await resolveHolder(identity, { kind: request.holderKind, id: request.holderId }, space, holders);
    if ('code' in holder) return fail(holder);
    const createdBy = identity.sub!;
    const fingerprint = request.idempotencyKey ? fingerprintOf(request, title, holder) : null;
    if (request.idempotencyKey) {
      // A retry of a request that already succeeded answers the same, even if time has moved on.
      const existing = await bookingByKey(this.ds, createdBy, request.idempotencyKey);
      if (existing) return this.replay(existing, fingerprint);
    }
    const bypass = bypassesLimits(identity);
    const { hold } = options;
    // A hold keeps the space's own rules (or its override); a booking every rule of the ledger.
    const rulesOf = (rules: SpaceRules) =>
      hold
        ? checkHoldRules(rules, request, { prefix: ['input'], overridden: hold.overrideReason !== null })
        : checkBookingRules(rules, request, this.clock(), bypass);
    const ruleErrors = rulesOf(space);
    if (ruleErrors.length > 0) return fail(...ruleErrors);

    const values = (holderName: string | null) => [
      randomUUID(),
      space.id,
      holder.kind,
      holder.id,
      holderName,
      createdBy,
      title,
      request.startsAt,
      request.endsAt,
      request.attendees ?? null,
      request.visibility ?? BookingVisibility.PRIVATE,
      options.kind ?? BookingKind.BOOKING,
      request.idempotencyKey ?? null,
      fingerprint,
      options.seriesId ?? null,
      options.holdReference ?? null,
      BookingAction.CREATED,
      options.hold?.overrideReason ?? null,
      spaceLockKey(space.id),
    ];
    const booked = (row: Record<string, unknown>): Outcome => ({ booking: entityRows(this.ds, SpaceBooking).from(row)!, errors: [] });

    try {
      // The fast path: a booking that needs nothing but the space's rules (no idempotency key, no
      // quota), already checked above on the space as first read, books in one autocommitted
      // statement while those rules are still that version (fastBookedSql). It takes the space's row,
      // a tenant's, the space's lock and inserts, in the order below; no row means the rules moved, or
      // the tenant was archived, and the transaction below reads everything again and answers.
      if (!request.idempotencyKey && (bypass || (space.weeklyQuotaMinutes === null && isEligible(holder, space)))) {
        const name = holder.kind === HolderKind.TENANT ? null : HOLDER_NAMES[holder.kind];
        const [row] = await preparedRows(this.ds, 'tenants_book_fast', fastBookedSql(this.ds), [...values(name), space.rulesVersion]);
        if (row) return booked(row);
      }
      return await transactionWithRetry(this.ds, async (tx) => {
        if (request.idempotencyKey) {
          // Same-key requests run one at a time; the later ones find the first one's booking.
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`idem:${createdBy}:${request.idempotencyKey}`]);
          const existing = await bookingByKey(tx, createdBy, request.idempotencyKey);
          if (existing) return this.replay(existing, fingerprint);
        }
        // The rules the booking is stored under: a rule change of this space waits, or is waited for.
        const current = await readSpaceRules(tx, space.id);
        const changed = rulesOf(current);
        if (changed.length > 0) return fail(...changed);
        if (!bypass && !isEligible(holder, current)) return fail({ code: UserErrorCode.NOT_ELIGIBLE });
        if (!bypass && current.weeklyQuotaMinutes !== null) {
          const quota = await this.quotaLocked(tx, current, holder, request.startsAt, request.endsAt, null);
          if (quota) return fail(quota);
        }
        const holderName = await this.holderName(tx, holder);
        // The space's lock (see lockSpace), the booking, its history line and the row answered, in
        // one statement: the lock is taken there, before the row is inserted (bookedSql), so the
        // space's writers wait for one another over one round trip, not two. Nothing before it needs
        // the space's lock: a retried idempotency key and a holder's quota have locks of their own,
        // taken above, and each read after its lock is a statement of its own (a fresh snapshot).
        // The hold trigger's lock (space-hold:) is still taken after the space's, as before.
        const [row] = await preparedRows(tx, 'tenants_book', bookedSql(this.ds), values(holderName));
        return booked(row);
      });
    } catch (error) {
      if (isConflict(error)) return slotTaken();
      if (error instanceof UnknownHolder) return fail({ code: UserErrorCode.UNKNOWN_HOLDER, field: request.holderId ? ['input', 'holderId'] : undefined });
      throw error;
    }
  }

  /**
   * Moves a booking; every rule applies to the new time, the no-overlap rule above all. A booking
   * whose holder the directory does not know (a tenant gone or archived, a member or an artist who
   * does not exist) does not move (UNKNOWN_HOLDER); nor does a caller whose token names such a
   * holder learn that an id is no booking of theirs (UNKNOWN_HOLDER, not NOT_FOUND).
   */
  async reschedule(identity: Identity, id: string, startsAt: Date, endsAt: Date, holders: HolderDirectory): Promise<Outcome> {
    const bypass = bypassesLimits(identity);
    const unknownHolder = fail({ code: UserErrorCode.UNKNOWN_HOLDER, field: ['id'] });
    try {
      return await transactionWithRetry(this.ds, async (tx) => {
        // The space before the booking, in the order a rule change takes them (no deadlock).
        const space = isUuid(id) ? await readSpaceRulesOfBooking(tx, id.toLowerCase()) : null;
        const booking = space && (await this.lockOwn(tx, identity, id));
        const holder = booking ? { kind: booking.holderKind, id: booking.holderId } : ownHolderOf(identity);
        if (holder && (await holders.stateOf(holder)) === 'UNKNOWN') return unknownHolder;
        if (!booking) return fail({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
        if (booking.status === BookingStatus.CANCELLED) return fail({ code: UserErrorCode.ALREADY_CANCELLED, field: ['id'] });
        const now = this.clock();
        if (!bypass && booking.startsAt <= now) return fail({ code: UserErrorCode.TOO_LATE, field: ['id'] });
        const ruleErrors = checkBookingRules(space, { startsAt, endsAt, attendees: booking.attendees }, now, bypass);
        if (ruleErrors.length > 0) return fail(...ruleErrors);
        if (!bypass && space.weeklyQuotaMinutes !== null) {
          const quota = await this.quotaLocked(tx, space, { kind: booking.holderKind, id: booking.holderId }, startsAt, endsAt, booking.id);
          if (quota) return fail(quota);
        }
        await lockSpace(tx, booking.spaceId);
        await tx.query(
          `UPDATE space_booking b SET starts_at = $2, ends_at = $3, occupied_until = $3::timestamptz + make_interval(mins => s.buffer_minutes),
             updated_at = now()
           FROM shared_space s WHERE b.id = $1 AND s.id = b.space_id`,
          [booking.id, startsAt, endsAt],
        );
        await this.record(tx, booking.id, BookingAction.RESCHEDULED, identity.sub!, startsAt, endsAt, booking);
        return { booking: await tx.getRepository(SpaceBooking).findOneByOrFail({ id: booking.id }), errors: [] };
      });
    } catch (error) {
      if (isConflict(error)) return slotTaken();
      throw error;
    }
  }

  /** Cancels a booking: its slot is free at once. Holder (before the cut-off) or ADMIN only. */
  async cancel(identity: Identity, id: string): Promise<Outcome> {
    return transactionWithRetry(this.ds, async (tx) => {
      const booking = await this.lockOwn(tx, identity, id);
      if (!booking) return fail({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
      return this.cancelLocked(tx, identity, booking);
    });
  }

  async cancelLocked(tx: EntityManager, identity: Identity, booking: SpaceBooking): Promise<Outcome> {
    if (booking.status === BookingStatus.CANCELLED) return fail({ code: UserErrorCode.ALREADY_CANCELLED, field: ['id'] });
    if (!isAdmin(identity)) {
      const space = await tx.getRepository(SharedSpace).findOneByOrFail({ id: booking.spaceId });
      if (booking.startsAt.getTime() - space.cancellationCutoffMinutes * 60_000 < this.clock().getTime()) {
        return fail({ code: UserErrorCode.TOO_LATE, field: ['id'] });
      }
    }
    await tx.query(`UPDATE space_booking SET status = 'CANCELLED', cancelled_at = now(), updated_at = now() WHERE id = $1`, [booking.id]);
    await this.record(tx, booking.id, BookingAction.CANCELLED, identity.sub!, booking.startsAt, booking.endsAt);
    return { booking: await tx.getRepository(SpaceBooking).findOneByOrFail({ id: booking.id }), errors: [] };
  }

  /** The caller's own live and past bookings overlapping [from, to). */
  async mine(identity: Identity, from: Date, to: Date, lang: Lang): Promise<SpaceBooking[]> {
    checkQueryWindow(from, to, lang);
    if (identity.sub === null) return [];
    const held = heldBySql(identity);
    const query = this.ds
      .getRepository(SpaceBooking)
      .createQueryBuilder('b')
      .where('b.starts_at < :to AND b.ends_at > :from', { from, to })
      .andWhere(held.sql, held.params)
      .orderBy('b.starts_at')
      .addOrderBy('b.id')
      .limit(500);
    return query.getMany();
  }

  private replay(existing: SpaceBooking, fingerprint: string | null): Outcome {
    return existing.requestFingerprint === fingerprint
      ? { booking: existing, errors: [] }
      : fail({ code: UserErrorCode.IDEMPOTENCY_KEY_REUSED, field: ['input', 'idempotencyKey'] });
  }

  /** Locks a booking the caller holds (or any, for ADMIN). Others get null, whether it exists or not. */
  private async lockOwn(tx: EntityManager, identity: Identity, id: string): Promise<SpaceBooking | null> {
    if (!isUuid(id)) return null;
    const booking = await tx
      .getRepository(SpaceBooking)
      .createQueryBuilder('b')
      .setLock('pessimistic_write')
      .where('b.id = :id', { id: id.toLowerCase() })
      .getOne();
    if (!booking || !isHolderOrAdmin(booking, identity)) return null;
    if (booking.kind !== BookingKind.BOOKING && !isAdmin(identity)) return null;
    return booking;
  }

  /** The weekly quota of the holder for the week (house time, Monday to Sunday) of startsAt, this booking included; holders take turns. */
  private async quotaLocked(
    tx: EntityManager,
    space: SharedSpace,
    holder: Holder,
    startsAt: Date,
    endsAt: Date,
    excludeId: string | null,
  ): Promise<RuleViolation | null> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`quota:${space.id}:${holder.kind}:${holder.id}`]);
    const [booked] = await bookedMinutesInWeeks(tx, [{ spaceId: space.id, holder, week: quotaWeekOf(startsAt), excludeId }]);
    return checkQuota(space, booked!, (endsAt.getTime() - startsAt.getTime()) / 60_000);
  }

  /**
   * The name a booking keeps of its holder. A tenant's row is read under a share lock: archiveTenant
   * locks it for update, so a booking either commits before the archive (which then cancels it) or
   * sees the tenant archived and is refused.
   */
  private async holderName(tx: EntityManager, holder: Holder): Promise<string> {
    if (holder.kind === HolderKind.TENANT && holder.id) {
      const [tenant] = await tx.query('SELECT name, archived_at FROM tenant WHERE id = $1 FOR SHARE', [holder.id]);
      if (!tenant || tenant.archived_at !== null) throw new UnknownHolder();
      return tenant.name.fr;
    }
    return HOLDER_NAMES[holder.kind];
  }

  private async record(
    tx: EntityManager,
    bookingId: string,
    action: BookingAction,
    actor: string,
    startsAt: Date,
    endsAt: Date,
    previous?: { startsAt: Date; endsAt: Date },
    overrideReason: string | null = null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO space_booking_history (${HISTORY_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [bookingId, action, actor, startsAt, endsAt, previous?.startsAt ?? null, previous?.endsAt ?? null, overrideReason],
    );
  }
}

/**
 * The space's rules as they are now, read FOR SHARE: a change of its rules (SpaceAdminService,
 * FOR UPDATE) waits for the bookings being written, and they for it.
 */
function readSpaceRules(tx: EntityManager, spaceId: string): Promise<SharedSpace> {
  return tx.getRepository(SharedSpace).createQueryBuilder('s').setLock('pessimistic_read').where('s.id = :id', { id: spaceId }).getOneOrFail();
}

/** The rules of the space a booking is of, read FOR SHARE (the space's row only), or null when there is no such booking. */
function readSpaceRulesOfBooking(tx: EntityManager, bookingId: string): Promise<SharedSpace | null> {
  return tx
    .getRepository(SharedSpace)
    .createQueryBuilder('s')
    .innerJoin(SpaceBooking, 'b', 'b.space_id = s.id')
    .where('b.id = :bookingId', { bookingId })
    .setLock('pessimistic_read', undefined, ['s'])
    .getOne();
}

/**
 * Writers of one space take turns. PostgreSQL's EXCLUDE constraint is what guarantees no overlap;
 * this lock only spares concurrent inserters of one slot the deadlock they would otherwise detect
 * after deadlock_timeout (a second each), so a losing attempt fails in milliseconds. Held until the
 * transaction ends. A booking takes it inside its insert (booking.sql.ts); a move takes it here.
 */
async function lockSpace(tx: EntityManager, spaceId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [spaceLockKey(spaceId)]);
}

/** The booking `createdBy` made with this idempotency key, if any, by a prepared statement (on the pool, or in `on`'s transaction). */
async function bookingByKey(on: DataSource | EntityManager, createdBy: string, key: string): Promise<SpaceBooking | null> {
  const ds = dataSourceOf(on);
  const [row] = await preparedRows(on, 'tenants_booking_by_key', bookingByKeySql(ds), [createdBy, key]);
  return row ? entityRows(ds, SpaceBooking).from(row) : null;
}

/** The holder a caller books as by default (none for ADMIN): the one a reschedule of no booking of theirs checks. */
function ownHolderOf(identity: Identity): Holder | null {
  if (isAdmin(identity)) return null;
  return ownHolders(identity)[0] ?? null;
}

function fingerprintOf(request: BookingRequest, title: string, holder: Holder): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        request.spaceId.toLowerCase(),
        request.startsAt.toISOString(),
        request.endsAt.toISOString(),
        title,
        request.attendees ?? null,
        request.visibility ?? BookingVisibility.PRIVATE,
        holder.kind,
        holder.id,
      ]),
    )
    .digest('hex');
}
