import { allowsDay, chooseMembership, isoWeekdayOf, offDayWeekdays, type Candidate } from './presence.rules';

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

describe('the days a part-time plan lets its member come', () => {
  // 2026-06-10 is a Wednesday (ISO 3).
  const partTime: Candidate = { ...monthly, id: 'part-time', allowedWeekdays: [1, 3] };
  const offToday: Candidate = { ...monthly, id: 'part-time-off', allowedWeekdays: [2, 4] };

  it('knows the ISO weekday of a local date', () => {
    expect(isoWeekdayOf('2026-06-08')).toBe(1);
    expect(isoWeekdayOf(today)).toBe(3);
    expect(isoWeekdayOf('2026-06-14')).toBe(7);
  });

  it('lets a part-time member in on the days of the plan only', () => {
    expect(chooseMembership([partTime], today, null)).toEqual({ membership: partTime, useCardDay: false });
    expect(chooseMembership([offToday], today, null)).toBeNull();
    expect(allowsDay(offToday, '2026-06-11')).toBe(true);
    expect(allowsDay(monthly, today)).toBe(true);
  });

  it('says which days the plan allows when it is the only reason to refuse', () => {
    expect(offDayWeekdays([offToday], today)).toEqual([2, 4]);
    expect(offDayWeekdays([{ ...offToday, cancelledAt: new Date() }], today)).toBeNull();
    expect(offDayWeekdays([monthly], today)).toBeNull();
  });

  it('lets another membership in on a day the part-time plan excludes', () => {
    expect(chooseMembership([offToday, pass], today, null)).toEqual({ membership: pass, useCardDay: false });
    expect(chooseMembership([offToday, card], today, null)).toEqual({ membership: card, useCardDay: true });
  });
});
