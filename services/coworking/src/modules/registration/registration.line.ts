import type { EntityManager } from 'typeorm';
import { updateReturning } from '@maison/kit';
import { EventRegistration, EventRegistrationStatus } from './registration.entity';

/**
 * The line of an event, read and changed only while its coworking_event row is locked FOR UPDATE
 * (see lockEvent), so that counting the seats and taking one are a single step.
 */
export interface LockedEvent {
  id: string;
  capacity: number;
  startsAt: Date;
  cancelledAt: Date | null;
  membersOnly: boolean;
}

export async function lockEvent(tx: EntityManager, eventId: string): Promise<LockedEvent | null> {
  const [row] = await tx.query('SELECT id, capacity, starts_at, cancelled_at, members_only FROM coworking_event WHERE id = $1 FOR UPDATE', [
    eventId.toLowerCase(),
  ]);
  return row ? { id: row.id, capacity: row.capacity, startsAt: row.starts_at, cancelledAt: row.cancelled_at, membersOnly: row.members_only } : null;
}

export async function confirmedCount(tx: EntityManager, eventId: string): Promise<number> {
  const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1 AND status = 'CONFIRMED'`, [eventId]);
  return n;
}

/** Gives every free seat to the first in line, in arrival order; returns how many were promoted. */
export async function promoteWaitlist(tx: EntityManager, eventId: string): Promise<number> {
  const promoted = await updateReturning(
    tx,
    `UPDATE event_registration SET status = 'CONFIRMED', confirmed_at = clock_timestamp()
     WHERE id IN (
       SELECT id FROM event_registration WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY seq
       LIMIT greatest(0, (SELECT capacity FROM coworking_event WHERE id = $1)
                       - (SELECT count(*) FROM event_registration WHERE event_id = $1 AND status = 'CONFIRMED')))
     RETURNING id`,
    [eventId],
  );
  return promoted.length;
}

/** The SQL of a registration row with its place in line (null unless waitlisted). */
export const WITH_POSITION = `r.*, CASE WHEN r.status = 'WAITLISTED' THEN
  (SELECT count(*)::int FROM event_registration w WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED' AND w.seq <= r.seq) END AS position`;

export function registrationFromRow(row: Record<string, any>): EventRegistration {
  return Object.assign(new EventRegistration(), {
    id: row.id,
    seq: String(row.seq),
    eventId: row.event_id,
    registrant: row.registrant,
    memberId: row.member_id,
    status: row.status as EventRegistrationStatus,
    registeredAt: row.created_at,
    confirmedAt: row.confirmed_at,
    cancelledAt: row.cancelled_at,
    position: row.position ?? null,
  });
}
