import { UserErrorCode } from '@maison/errors';
import { houseInstant, toHouseIso } from '@maison/house';
import { checkQuota, quotaWeekOf } from './booking.quota';

describe('the weekly quota', () => {
  it('counts Monday 00:00 to the next Monday 00:00, house time, across a daylight-saving change', () => {
    const week = quotaWeekOf(houseInstant('2027-03-14', '23:30'));
    expect([toHouseIso(week.start), toHouseIso(week.end)]).toEqual(['2027-03-08T00:00:00-05:00', '2027-03-15T00:00:00-04:00']);
    expect(toHouseIso(quotaWeekOf(houseInstant('2027-03-15', '00:00')).start)).toBe('2027-03-15T00:00:00-04:00');
    expect(toHouseIso(quotaWeekOf(houseInstant('2026-11-01', '01:30')).start)).toBe('2026-10-26T00:00:00-04:00');
  });

  it('accepts what fits in the quota, to the minute, and no quota at all', () => {
    const space = { weeklyQuotaMinutes: 600 };
    expect(checkQuota(space, 540, 60)).toBeNull();
    expect(checkQuota(space, 541, 60)).toEqual({ code: UserErrorCode.QUOTA_EXCEEDED, field: ['input', 'endsAt'], params: { minutes: 600 } });
    expect(checkQuota({ weeklyQuotaMinutes: null }, 100_000, 60)).toBeNull();
  });
});
