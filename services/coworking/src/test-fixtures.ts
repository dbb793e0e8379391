import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { endsOnFor } from './modules/membership/membership.dates';

/** Test-only helpers of the coworking subgraph (excluded from the build). */

export type PlanCode = 'DAY_PASS' | 'TEN_DAY_CARD' | 'PART_TIME_MONTHLY' | 'FULL_TIME_MONTHLY';

/** A fresh member, public unless asked otherwise; returns its id. */
export async function createMember(ds: DataSource, o: { name?: string; isPublic?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO member (id, display_name, is_public, joined_on) VALUES ($1, $2, $3, $4)`, [
    id,
    o.name ?? `Membre ${id.slice(0, 8)}`,
    o.isPublic ?? true,
    todayInHouse(),
  ]);
  return id;
}

/** The identity of a member (role MEMBER, memberId claim). */
export const memberIdentity = (memberId: string): Identity => ({ sub: `member:${memberId}`, roles: ['MEMBER'], memberId });

/** A membership bought straight in SQL; startsIn is relative to today. Returns its id. */
export async function giveMembership(
  ds: DataSource,
  memberId: string,
  plan: PlanCode,
  o: { startsIn?: number; daysUsed?: number; cancelled?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  const startsOn = addDays(todayInHouse(), o.startsIn ?? 0);
  const card = plan === 'TEN_DAY_CARD';
  await ds.query(
    `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on, days_included, days_used, cancelled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      memberId,
      stableId('membership-plan', plan),
      startsOn,
      endsOnFor(plan, startsOn),
      card ? 10 : null,
      card ? (o.daysUsed ?? 0) : null,
      o.cancelled ? new Date() : null,
    ],
  );
  return id;
}

/** A member with a membership: the usual caller of check-ins and members-only events. */
export async function activeMember(ds: DataSource, plan: PlanCode = 'FULL_TIME_MONTHLY'): Promise<{ id: string; identity: Identity }> {
  const id = await createMember(ds);
  await giveMembership(ds, id, plan);
  return { id, identity: memberIdentity(id) };
}

/** A whole hour in house time, `days` days from today, at hh:00 local. */
export const futureHour = (days: number, hour: number) => houseInstant(addDays(todayInHouse(), days), `${String(hour).padStart(2, '0')}:00`);
export const minutes = (instant: Date, n: number) => new Date(instant.getTime() + n * 60_000);

/** An event in a room, written straight in SQL (registration tests need no ledger). Returns its id. */
export async function createRoomEvent(
  ds: DataSource,
  o: { capacity?: number; membersOnly?: boolean; startsAt?: Date; cancelled?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  const startsAt = o.startsAt ?? futureHour(3, 18);
  await ds.query(
    `INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, room, capacity, members_only, cancelled_at)
     VALUES ($1, 'TALK', $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      { fr: 'Causerie d’essai', en: 'Test talk' },
      startsAt,
      minutes(startsAt, 90),
      { fr: 'Grande salle' },
      o.capacity ?? 20,
      o.membersOnly ?? false,
      o.cancelled ? new Date() : null,
    ],
  );
  return id;
}

/** A caller who is not a member: many distinct ones for concurrency tests. */
export const someTenant = (): Identity => {
  const tenantId = randomUUID();
  return { sub: `tenant-user:${tenantId}`, roles: ['TENANT'], tenantId };
};
