import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inputReason, UserErrorCode } from '@maison/errors';
import { isUuid, ok, refuse, type Outcome, type RuleViolation } from '@maison/house';
import {
  idempotencyKeyViolation,
  lockIdempotencyKey,
  ownerHold,
  replayStored,
  requestFingerprint,
  type CallContext,
  type HeldWrites,
  type OwnerChange,
} from '@maison/space-holds';
import { confirmedCount, promoteWaitlist } from '../registration/registration.line';
import { CoworkingEvent } from './coworking-event.entity';
import type { CreateCoworkingEventInput, UpdateCoworkingEventInput } from './event.input';
import { EVENT_HOLD_KIND, lockEvent, placementOfEvent, placementOfRow } from './event-holds';
import { validateEventFields, type EventFields } from './event.validation';

const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });

/** The hold an event has, as its locked row says. */
const holdOf = (e: CoworkingEvent) => ownerHold(EVENT_HOLD_KIND, e.id, e.holdReference, placementOfRow(e));
/** The hold the event's fields need. */
const placementOf = (f: EventFields) => placementOfEvent({ ...f, cancelled: false });
/** The fingerprint of a create; one without an override is fingerprinted as before overrides existed. */
const fingerprintOf = ({ overrideReason, ...fields }: EventFields) => requestFingerprint(overrideReason === null ? fields : { ...fields, overrideReason });

/**
 * ADMIN's side of the events: create, update, cancel. An event in a shared space is written
 * together with its hold in the tenants ledger (HeldWrites of @maison/space-holds): never one
 * without the other. Every ledger call carries the caller's language and request id.
 */
export class EventAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly holds: HeldWrites,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(input: CreateCoworkingEventInput, call: CallContext): Promise<Outcome<CoworkingEvent>> {
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
        overrideReason: input.spaceRulesOverride?.reason ?? null,
      },
      this.clock(),
      true,
    );
    const key = input.idempotencyKey ?? null;
    const badKey = idempotencyKeyViolation(key);
    if (badKey || violations.some((v) => v.code !== UserErrorCode.IN_THE_PAST)) return refuse(...violations, ...(badKey ? [badKey] : []));
    const fingerprint = fingerprintOf(fields);
    // A retry of a create that succeeded answers the same event, even once it has begun.
    const replayed = key ? await this.replay(this.ds.manager, key, fingerprint) : null;
    if (replayed) return replayed;
    if (violations.length > 0) return refuse(...violations);
    const id = randomUUID();
    return this.write(call, id, async (tx) => {
      if (key) {
        await lockIdempotencyKey(tx, 'coworking_event', key);
        const concurrent = await this.replay(tx, key, fingerprint);
        if (concurrent) return concurrent.value ? { value: concurrent.value, before: null, after: null } : { refused: concurrent.errors };
      }
      await tx.query(
        `INSERT INTO coworking_event (id, kind, title, description, starts_at, ends_at, space_id, room, capacity, members_only, idempotency_key,
           request_fingerprint, space_rules_override_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          fields.kind,
          fields.title,
          fields.description,
          fields.startsAt,
          fields.endsAt,
          fields.spaceId,
          fields.room,
          fields.capacity,
          fields.membersOnly,
          key,
          key && fingerprint,
          fields.overrideReason,
        ],
      );
      return { value: await tx.getRepository(CoworkingEvent).findOneByOrFail({ id }), before: null, after: placementOf(fields) };
    });
  }

  async update(id: string, input: UpdateCoworkingEventInput, call: CallContext): Promise<Outcome<CoworkingEvent>> {
    if (!isUuid(id)) return refuse(notFound());
    return this.write(call, id, async (tx) => {
      const current = await lockEvent(tx, id);
      if (!current) return { refused: [notFound()] };
      if (current.cancelledAt) return { refused: [{ code: UserErrorCode.EVENT_CANCELLED, field: ['id'] }] };
      const merged = mergeUpdate(current, input);
      const timesChanged = merged.startsAt.getTime() !== current.startsAt.getTime() || merged.endsAt.getTime() !== current.endsAt.getTime();
      const { fields, violations } = validateEventFields(merged, this.clock(), timesChanged);
      if (violations.length > 0) return { refused: violations };
      const confirmed = await confirmedCount(tx, current.id);
      if (fields.capacity < confirmed) {
        return {
          refused: [
            {
              code: UserErrorCode.INVALID_INPUT,
              field: ['input', 'capacity'],
              params: { field: 'capacity', ...inputReason('AT_LEAST_CONFIRMED_SEATS', { confirmed }) },
            },
          ],
        };
      }
      await tx.query(
        `UPDATE coworking_event SET kind = $2, title = $3, description = $4, starts_at = $5, ends_at = $6, space_id = $7, room = $8,
           capacity = $9, members_only = $10, space_rules_override_reason = $11, updated_at = now() WHERE id = $1`,
        [
          current.id,
          fields.kind,
          fields.title,
          fields.description,
          fields.startsAt,
          fields.endsAt,
          fields.spaceId,
          fields.room,
          fields.capacity,
          fields.membersOnly,
          fields.overrideReason,
        ],
      );
      // A larger capacity seats the first people waiting, in order.
      await promoteWaitlist(tx, current.id);
      return { value: await tx.getRepository(CoworkingEvent).findOneByOrFail({ id: current.id }), before: holdOf(current), after: placementOf(fields) };
    });
  }

  /** Cancels an event; its hold is released once the cancellation is committed. */
  async cancel(id: string, call: CallContext): Promise<Outcome<CoworkingEvent>> {
    if (!isUuid(id)) return refuse(notFound());
    return this.write(call, id, async (tx) => {
      const current = await lockEvent(tx, id);
      if (!current) return { refused: [notFound()] };
      if (current.cancelledAt) return { refused: [{ code: UserErrorCode.ALREADY_CANCELLED, field: ['id'] }] };
      await tx.query('UPDATE coworking_event SET cancelled_at = now(), updated_at = now() WHERE id = $1', [current.id]);
      return { value: await tx.getRepository(CoworkingEvent).findOneByOrFail({ id: current.id }), before: holdOf(current), after: null };
    });
  }

  private async write(
    call: CallContext,
    id: string,
    work: (tx: EntityManager) => Promise<OwnerChange<CoworkingEvent, RuleViolation>>,
  ): Promise<Outcome<CoworkingEvent>> {
    const result = await this.holds.write(call, id.toLowerCase(), work);
    return 'refused' in result ? refuse(...result.refused) : ok(result.value);
  }

  /** The event an earlier create stored under this key: the same event for the same request, IDEMPOTENCY_KEY_REUSED for another. */
  private async replay(q: EntityManager, key: string, fingerprint: string): Promise<Outcome<CoworkingEvent> | null> {
    const replay = await replayStored(q, 'coworking_event', key, fingerprint);
    if (!replay) return null;
    if ('reused' in replay) return refuse(replay.reused);
    return ok(await q.getRepository(CoworkingEvent).findOneByOrFail({ id: replay.id }));
  }
}

/**
 * The event as it will be: the input's fields over the current ones; a new venue replaces the old
 * one. The override given before stays while the space, the times and the capacity stay; a new one
 * replaces it.
 */
function mergeUpdate(current: CoworkingEvent, input: UpdateCoworkingEventInput): EventFields {
  const newSpace = input.sharedSpaceId ?? null;
  const newRoom = input.room ?? null;
  const merged = {
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
  const holdKept =
    (merged.spaceId?.toLowerCase() ?? null) === current.spaceId &&
    merged.startsAt.getTime() === current.startsAt.getTime() &&
    merged.endsAt.getTime() === current.endsAt.getTime() &&
    merged.capacity === current.capacity;
  return { ...merged, overrideReason: input.spaceRulesOverride?.reason ?? (holdKept ? current.spaceRulesOverrideReason : null) };
}
