import { daysLeftOf, membershipStatus, MembershipStatus, type MembershipFacts } from './membership.status';

const monthly: MembershipFacts = { startsOn: '2026-03-01', endsOn: '2026-03-31', cancelledAt: null, daysIncluded: null, daysUsed: null };
const card: MembershipFacts = { startsOn: '2026-01-15', endsOn: '2027-01-14', cancelledAt: null, daysIncluded: 10, daysUsed: 4 };

describe('membership status', () => {
  it('is UPCOMING before its first day, ACTIVE from its first to its last day included, EXPIRED after', () => {
    expect(membershipStatus(monthly, '2026-02-28')).toBe(MembershipStatus.UPCOMING);
    expect(membershipStatus(monthly, '2026-03-01')).toBe(MembershipStatus.ACTIVE);
    expect(membershipStatus(monthly, '2026-03-31')).toBe(MembershipStatus.ACTIVE);
    expect(membershipStatus(monthly, '2026-04-01')).toBe(MembershipStatus.EXPIRED);
  });

  it('is CANCELLED whatever its dates once cancelled', () => {
    const cancelled = { ...monthly, cancelledAt: new Date('2026-03-10T15:00:00Z') };
    expect(['2026-02-01', '2026-03-15', '2026-05-01'].map((d) => membershipStatus(cancelled, d))).toEqual([
      MembershipStatus.CANCELLED,
      MembershipStatus.CANCELLED,
      MembershipStatus.CANCELLED,
    ]);
  });

  it('counts the days left on a card, and a card with no day left is EXPIRED', () => {
    expect(daysLeftOf(card)).toBe(6);
    expect(membershipStatus(card, '2026-06-01')).toBe(MembershipStatus.ACTIVE);
    const usedUp = { ...card, daysUsed: 10 };
    expect(daysLeftOf(usedUp)).toBe(0);
    expect(membershipStatus(usedUp, '2026-06-01')).toBe(MembershipStatus.EXPIRED);
  });

  it('has no days left on a plan that does not count days', () => {
    expect(daysLeftOf(monthly)).toBeNull();
  });
});
