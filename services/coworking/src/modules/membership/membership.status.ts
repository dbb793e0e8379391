import { registerEnumType } from 'type-graphql';

export enum MembershipStatus {
  UPCOMING = 'UPCOMING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'Derived from the dates in house time (America/Toronto), unless the membership was cancelled.',
  valuesConfig: {
    UPCOMING: { description: 'Bought ahead: starts after today.' },
    ACTIVE: { description: 'In force today, and for a card, with days left.' },
    EXPIRED: { description: 'Past its last day, or a card with every day used.' },
    CANCELLED: { description: 'Cancelled, whatever its dates.' },
  },
});

export interface MembershipFacts {
  startsOn: string;
  endsOn: string;
  cancelledAt: Date | null;
  daysIncluded: number | null;
  daysUsed: number | null;
}

/** Days left on a card, null for a plan that does not count days. */
export function daysLeftOf(m: MembershipFacts): number | null {
  return m.daysIncluded === null || m.daysUsed === null ? null : Math.max(0, m.daysIncluded - m.daysUsed);
}

/** The status of a membership on a local date of the house, `today` as YYYY-MM-DD. */
export function membershipStatus(m: MembershipFacts, today: string): MembershipStatus {
  if (m.cancelledAt !== null) return MembershipStatus.CANCELLED;
  if (today < m.startsOn) return MembershipStatus.UPCOMING;
  if (today > m.endsOn || daysLeftOf(m) === 0) return MembershipStatus.EXPIRED;
  return MembershipStatus.ACTIVE;
}

/** The membership in force on `today` among a member's memberships, latest first: the latest started, when several are. */
export function inForce<M extends MembershipFacts>(latestFirst: readonly M[], today: string): M | null {
  return latestFirst.find((m) => membershipStatus(m, today) === MembershipStatus.ACTIVE) ?? null;
}
