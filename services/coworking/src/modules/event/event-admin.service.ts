import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Lang } from '@maison/config';
import { inputReason, UserErrorCode } from '@maison/errors';
import { isUuid, ok, type Outcome, refuse } from '@maison/house';
import type { Logger } from '@maison/http';
import { confirmedCount, promoteWaitlist } from '../registration/registration.line';
import { CoworkingEvent } from './coworking-event.entity';
import type { CreateCoworkingEventInput, UpdateCoworkingEventInput } from './event.input';
import { validateEventFields, type EventFields } from './event.validation';
import { ledgerNotConfigured, withLedger, type WriteStep } from './ledger-transaction';
import { reconcileHolds, type ReconcileOptions } from './hold-reconciler';
import { holdReferenceOf, type HoldAnswer, type HoldRequest, type SpaceHolds } from './space-holds';

type Venue = Pick<EventFields, 'spaceId' | 'startsAt' | 'endsAt' | 'title'>;

const holdRequestOf = (eventId: string, v: Venue): HoldRequest => ({
  reference: holdReferenceOf(eventId),
  spaceId: v.spaceId!,
  startsAt: v.startsAt,
  endsAt: v.endsAt,
  title: v.title.fr,
});

const sameHold = (a: HoldRequest, b: HoldRequest) =>
  a.spaceId === b.spaceId && a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime() && a.title === b.title;

/**
 * ADMIN's side of the events: create, update, cancel. An event in a shared space is written
 * together with its hold in the tenants ledger (see withLedger): never one without the other.
 */
export class EventAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly holds: SpaceHolds | null,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(input: CreateCoworkingEventInput, lang: Lang): Promise<Outcome<CoworkingEvent>> {
    const { fields, violations } = validateEventFields(
      {
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
        membersOnly: input.membersOnly ?? false,
        spaceId: input.sharedSpaceId ?? null,
        room: input.room ?? null,
      },
      this.clock(),
      true,
    );
    if (violations.length > 0) return refuse(...violations);
    const holds = fields.spaceId ? this.requireHolds(lang) : null;
    const id = randomUUID();
    return withLedger(this.ds, this.log, lang, async (tx) => {
      await tx.query(
        `INSERT INTO coworking_event (id, kind, title, description, starts_at, ends_at, space_id, room, capacity, members_only)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, fields.kind, fields.title, fields.description, fields.startsAt, fields.endsAt, fields.spaceId, fields.room, fields.capacity, fields.membersOnly],
      );
      const outcome = ok(await tx.getRepository(CoworkingEvent).findOneByOrFail({ id }));
      if (!holds) return { outcome };
      const request = holdRequestOf(id, fields);
      return { outcome, beforeCommit: { reference: request.reference, call: () => holds.hold(request), undo: () => holds.release(request.reference) } };
    });
  }

  async update(id: string, input: UpdateCoworkingEventInput, lang: Lang): Promise<Outcome<CoworkingEvent>> {
    if (!isUuid(id)) return refuse({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
    return withLedger(this.ds, this.log, lang, async (tx) => {
      const current = await lockEvent(tx, id);
      if (!current) return { outcome: refuse({ code: UserErrorCode.NOT_FOUND, field: ['id'] }) };
      if (current.cancelledAt) return { outcome: refuse({ code: UserErrorCode.EVENT_CANCELLED, field: ['id'] }) };
      const merged = mergeUpdate(current, input);
      const timesChanged = merged.startsAt.getTime() !== current.startsAt.getTime() || merged.endsAt.getTime() !== current.endsAt.getTime();
      const { fields, violations } = validateEventFields(merged, this.clock(), timesChanged);
      if (violations.length > 0) return { outcome: refuse(...violations) };
      const confirmed = await confirmedCount(tx, current.id);
      if (fields.capacity < confirmed) {
        return {
          outcome: refuse({
            code: UserErrorCode.INVALID_INPUT,
            field: ['input', 'capacity'],
            params: { field: 'capacity', ...inputReason('AT_LEAST_CONFIRMED_SEATS', { confirmed }) },
          }),
        };
      }
      await tx.query(
        `UPDATE coworking_event SET kind = $2, title = $3, description = $4, starts_at = $5, ends_at = $6, space_id = $7, room = $8,
           capacity = $9, members_only = $10, updated_at = now() WHERE id = $1`,
        [current.id, fields.kind, fields.title, fields.description, fields.startsAt, fields.endsAt, fields.spaceId, fields.room, fields.capacity, fields.membersOnly],
      );
      // A larger capacity seats the first people waiting, in order.
      await promoteWaitlist(tx, current.id);
      const outcome = ok(await tx.getRepository(CoworkingEvent).findOneByOrFail({ id: current.id }));
      return { outcome, ...this.ledgerSteps(current, fields, lang) };
    });
  }

  async cancel(id: string, lang: Lang): Promise<Outcome<CoworkingEvent>> {
    if (!isUuid(id)) return refuse({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
    return withLedger(this.ds, this.log, lang, async (tx) => {
      const current = await lockEvent(tx, id);
      if (!current) return { outcome: refuse({ code: UserErrorCode.NOT_FOUND, field: ['id'] }) };
      if (current.cancelledAt) return { outcome: refuse({ code: UserErrorCode.ALREADY_CANCELLED, field: ['id'] }) };
      await tx.query('UPDATE coworking_event SET cancelled_at = now(), updated_at = now() WHERE id = $1', [current.id]);
      const outcome = ok(await tx.getRepository(CoworkingEvent).findOneByOrFail({ id: current.id }));
      if (!current.spaceId) return { outcome };
      const holds = this.requireHolds(lang);
      const reference = holdReferenceOf(current.id);
      return { outcome, afterCommit: { reference, call: () => holds.release(reference) } };
    });
  }

  /** Gives every future event held in a shared space its hold (see reconcileHolds). */
  reconcileHolds(log: Logger, options?: ReconcileOptions): Promise<void> {
    return reconcileHolds(this.ds, this.holds, log, options);
  }

  /**
   * What the ledger must do when an event changes venue or time: room → space holds (before
   * commit), space → space moves (before commit; holds when the ledger has no hold to move),
   * space → room releases (after commit).
   */
  private ledgerSteps(current: CoworkingEvent, next: EventFields, lang: Lang): Pick<WriteStep<CoworkingEvent>, 'beforeCommit' | 'afterCommit'> {
    const reference = holdReferenceOf(current.id);
    const before = current.spaceId ? holdRequestOf(current.id, { spaceId: current.spaceId, startsAt: current.startsAt, endsAt: current.endsAt, title: current.titleTexts }) : null;
    const after = next.spaceId ? holdRequestOf(current.id, next) : null;
    if (!before && !after) return {};
    if (before && after && sameHold(before, after)) return {};
    const holds = this.requireHolds(lang);
    if (!before) return { beforeCommit: { reference, call: () => holds.hold(after!), undo: () => holds.release(reference) } };
    if (!after) return { afterCommit: { reference, call: () => holds.release(reference) } };
    let undo = () => holds.move(before);
    return {
      beforeCommit: {
        reference,
        call: async () => {
          const answer = await holds.move(after);
          if (!answer.userErrors.some(noHoldToMove)) return answer;
          // No hold to move (never made, or released): hold the new time instead.
          undo = () => holds.release(reference);
          return holds.hold(after);
        },
        undo: () => undo(),
      },
    };
  }

  private requireHolds(lang: Lang): SpaceHolds {
    if (!this.holds) throw ledgerNotConfigured(lang);
    return this.holds;
  }
}

/**
 * The ledger has no live hold of this reference (NOT_FOUND on the reference, not on the space).
 * Holding is idempotent per reference, so falling back to a hold is right only then: with a live
 * hold elsewhere, a hold would answer that old one.
 */
const noHoldToMove = (e: HoldAnswer['userErrors'][number]) => e.code === UserErrorCode.NOT_FOUND && !(e.field ?? []).some((f) => /space/i.test(f));

function lockEvent(tx: EntityManager, id: string): Promise<CoworkingEvent | null> {
  return tx.getRepository(CoworkingEvent).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id: id.toLowerCase() }).getOne();
}

/** The event as it will be: the input's fields over the current ones; a new venue replaces the old one. */
function mergeUpdate(current: CoworkingEvent, input: UpdateCoworkingEventInput): EventFields {
  const newSpace = input.sharedSpaceId ?? null;
  const newRoom = input.room ?? null;
  return {
    kind: input.kind ?? current.kind,
    title: input.title ?? current.titleTexts,
    description: input.description === undefined ? current.descriptionTexts : input.description,
    startsAt: input.startsAt ?? current.startsAt,
    endsAt: input.endsAt ?? current.endsAt,
    capacity: input.capacity ?? current.capacity,
    membersOnly: input.membersOnly ?? current.membersOnly,
    spaceId: newSpace ?? (newRoom ? null : current.spaceId),
    room: newRoom ?? (newSpace ? null : current.roomTexts),
  };
}
