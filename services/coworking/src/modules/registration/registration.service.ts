import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint } from '@maison/kit';
import { isUuid, ok, type Outcome, refuse, todayInHouse } from '@maison/house';
import { Membership } from '../membership/membership.entity';
import { membershipStatus, MembershipStatus } from '../membership/membership.status';
import { EventRegistrationStatus, type EventRegistration } from './registration.entity';
import { confirmedCount, lockEvent, promoteWaitlist, registrationFromRow, WITH_POSITION } from './registration.line';

const notFound = () => refuse<EventRegistration>({ code: UserErrorCode.NOT_FOUND, field: ['eventId'] });

/**
 * Registrations to events, keyed by the caller's sub (plus their member id, when they have one).
 * Every change locks the event row FOR UPDATE, then counts and writes: under any concurrency an
 * event never has more CONFIRMED registrations than seats, and the line keeps the arrival order.
 */
export class RegistrationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** CONFIRMED while seats remain, WAITLISTED after. Members-only events need a membership ACTIVE today. */
  async register(identity: Identity, eventId: string): Promise<Outcome<EventRegistration>> {
    if (!isUuid(eventId)) return notFound();
    const registrant = identity.sub!;
    try {
      return await this.ds.transaction(async (tx) => {
        // The member row before the event row, the order a deactivation takes them: the two never deadlock.
        if (await isDeactivatedMember(tx, identity.memberId)) return refuse({ code: UserErrorCode.MEMBER_DEACTIVATED });
        const event = await lockEvent(tx, eventId);
        if (!event) return notFound();
        if (event.cancelledAt) return refuse({ code: UserErrorCode.EVENT_CANCELLED, field: ['eventId'] });
        if (event.startsAt <= this.clock()) return refuse({ code: UserErrorCode.IN_THE_PAST, field: ['eventId'] });
        if (event.membersOnly && !(await isActiveMember(tx, identity.memberId))) return refuse({ code: UserErrorCode.MEMBERS_ONLY, field: ['eventId'] });
        if (await liveRegistration(tx, event.id, registrant)) return refuse({ code: UserErrorCode.ALREADY_REGISTERED, field: ['eventId'] });
        const status = (await confirmedCount(tx, event.id)) < event.capacity ? EventRegistrationStatus.CONFIRMED : EventRegistrationStatus.WAITLISTED;
        const id = randomUUID();
        // The resolver has refused a token naming an unknown member (UNKNOWN_HOLDER); the subquery keeps
        // the foreign key safe should that member vanish meanwhile (as a deleted member's registration stays).
        const memberId = identity.memberId && isUuid(identity.memberId) ? identity.memberId.toLowerCase() : null;
        await tx.query(
          `INSERT INTO event_registration (id, event_id, registrant, member_id, status, confirmed_at)
           VALUES ($1, $2, $3, (SELECT id FROM member WHERE id = $4::uuid), $5, CASE WHEN $5::event_registration_status = 'CONFIRMED' THEN clock_timestamp() END)`,
          [id, event.id, registrant, memberId, status],
        );
        return ok(await withPosition(tx, id));
      });
    } catch (error) {
      if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'event_registration_live_idx') {
        return refuse({ code: UserErrorCode.ALREADY_REGISTERED, field: ['eventId'] });
      }
      throw error;
    }
  }

  /** Gives up the caller's seat or place in line, until the event starts; a seat given up goes to the first in line. */
  async cancel(identity: Identity, eventId: string): Promise<Outcome<EventRegistration>> {
    if (!isUuid(eventId)) return notFound();
    return this.ds.transaction(async (tx) => {
      const event = await lockEvent(tx, eventId);
      if (!event) return notFound();
      if (event.cancelledAt) return refuse({ code: UserErrorCode.EVENT_CANCELLED, field: ['eventId'] });
      if (event.startsAt <= this.clock()) return refuse({ code: UserErrorCode.TOO_LATE, field: ['eventId'] });
      const mine = await liveRegistration(tx, event.id, identity.sub!);
      if (!mine) return notFound();
      await tx.query(`UPDATE event_registration SET status = 'CANCELLED', cancelled_at = clock_timestamp() WHERE id = $1`, [mine.id]);
      if (mine.status === EventRegistrationStatus.CONFIRMED) await promoteWaitlist(tx, event.id);
      return ok(await withPosition(tx, mine.id));
    });
  }
}

async function liveRegistration(tx: EntityManager, eventId: string, registrant: string): Promise<{ id: string; status: EventRegistrationStatus } | null> {
  const [row] = await tx.query(`SELECT id, status FROM event_registration WHERE event_id = $1 AND registrant = $2 AND status <> 'CANCELLED'`, [
    eventId,
    registrant,
  ]);
  return row ?? null;
}

async function withPosition(tx: EntityManager, id: string): Promise<EventRegistration> {
  const [row] = await tx.query(`SELECT ${WITH_POSITION} FROM event_registration r WHERE r.id = $1`, [id]);
  return registrationFromRow(row);
}

/**
 * Whether the caller's member is deactivated, its row locked FOR SHARE: a deactivation (which locks it
 * first, then the events) either waits for this registration and cancels it, or is seen here.
 */
async function isDeactivatedMember(tx: EntityManager, memberId: string | undefined): Promise<boolean> {
  if (!memberId || !isUuid(memberId)) return false;
  const [row] = await tx.query('SELECT deactivated_at FROM member WHERE id = $1 FOR SHARE', [memberId.toLowerCase()]);
  return Boolean(row?.deactivated_at);
}

/** A member's live registrations to events not cancelled and not started, by start (MyCoworking.upcomingRegistrations). */
export async function upcomingRegistrationsOf(ds: DataSource, memberId: string): Promise<EventRegistration[]> {
  const rows = await ds.query(
    `SELECT ${WITH_POSITION} FROM event_registration r JOIN coworking_event e ON e.id = r.event_id
     WHERE r.member_id = $1 AND r.status <> 'CANCELLED' AND e.cancelled_at IS NULL AND e.starts_at > now()
     ORDER BY e.starts_at, e.id`,
    [memberId],
  );
  return rows.map(registrationFromRow);
}

/** On the transaction's own connection: a second one from the pool could wait behind the lock holders. */
async function isActiveMember(tx: EntityManager, memberId: string | undefined): Promise<boolean> {
  if (!memberId || !isUuid(memberId)) return false;
  const today = todayInHouse();
  const memberships = await tx.getRepository(Membership).findBy({ memberId: memberId.toLowerCase() });
  return memberships.some((m) => membershipStatus(m, today) === MembershipStatus.ACTIVE);
}
