import { chooseMembership, type Candidate } from './presence.rules';

const today = '2026-06-10';
const monthly: Candidate = { id: 'monthly', startsOn: '2026-06-01', endsOn: '2026-06-30', cancelledAt: null, daysIncluded: null, daysUsed: null };
const pass: Candidate = { id: 'pass', startsOn: today, endsOn: today, cancelledAt: null, daysIncluded: null, daysUsed: null };
const card: Candidate = { id: 'card', startsOn: '2026-01-01', endsOn: '2026-12-31', cancelledAt: null, daysIncluded: 10, daysUsed: 4 };
const olderCard: Candidate = { ...card, id: 'older-card', endsOn: '2026-09-30' };

describe('which membership lets a member in', () => {
  it('uses a day pass or a monthly plan before a card, for free', () => {
    expect(chooseMembership([card, monthly], today, null)).toEqual({ membership: monthly, useCardDay: false });
    expect(chooseMembership([card, pass], today, null)).toEqual({ membership: pass, useCardDay: false });
  });

  it('uses a day of the card ending first when only cards are active', () => {
    expect(chooseMembership([card, olderCard], today, null)).toEqual({ membership: olderCard, useCardDay: true });
  });

  it('lets a card that already paid for today in again for free, even with no day left', () => {
    const usedUp = { ...card, daysUsed: 10 };
    expect(chooseMembership([usedUp], today, 'card')).toEqual({ membership: usedUp, useCardDay: false });
    expect(chooseMembership([usedUp], today, null)).toBeNull();
  });

  it('finds nothing for a cancelled, expired, upcoming or used-up membership', () => {
    expect(chooseMembership([{ ...monthly, cancelledAt: new Date() }], today, null)).toBeNull();
    expect(chooseMembership([{ ...pass, startsOn: '2026-06-09', endsOn: '2026-06-09' }], today, null)).toBeNull();
    expect(chooseMembership([{ ...pass, startsOn: '2026-06-11', endsOn: '2026-06-11' }], today, null)).toBeNull();
    expect(chooseMembership([{ ...card, daysUsed: 10 }], today, null)).toBeNull();
    expect(chooseMembership([{ ...card, cancelledAt: new Date() }], today, 'card')).toBeNull();
    expect(chooseMembership([], today, null)).toBeNull();
  });
});
