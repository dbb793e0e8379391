import { houseInstant } from './time';
import { checkSpaceLimits, cleanOverrideReason, datesOf, inSeason, seasonDatesOf } from './space-rules';

const everyDay = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));
const terrace = { capacity: 30, openingHoursRows: everyDay('09:00', '21:00'), seasonStarts: '05-01', seasonEnds: '10-31' };
const fields = { startsAt: ['input', 'startsAt'], attendees: ['input', 'attendees'] };
const codes = (date: string, from: string, to: string, attendees?: number | null) =>
  checkSpaceLimits(terrace, { startsAt: houseInstant(date, from), endsAt: houseInstant(date, to), attendees }, fields).map((v) => v.code);

describe('the rules of a space, the same for bookings and holds', () => {
  it('walks at most 8 years and 2 days of a stay for its season (a stay to year 9999 kept the tenants subgraph busy for seconds: seen by the schema fuzzer)', () => {
    const toTheEnd = { start: houseInstant('2026-12-02', '10:00'), end: new Date('9999-12-31T23:59:59Z') };
    expect(seasonDatesOf(toTheEnd)).toHaveLength(2925);
    expect(seasonDatesOf({ start: houseInstant('2027-07-01', '17:00'), end: houseInstant('2027-07-03', '10:00') })).toEqual([
      '2027-07-01',
      '2027-07-02',
      '2027-07-03',
    ]);
    // The first 8 years hold a Feb 29 even across 2100, which is no leap year.
    expect(seasonDatesOf({ start: houseInstant('2096-03-01', '10:00'), end: new Date('9999-12-31T23:59:59Z') })).toContain('2104-02-29');
    const all = (rules: { seasonStarts: string | null; seasonEnds: string | null }) =>
      checkSpaceLimits({ ...terrace, ...rules }, { startsAt: toTheEnd.start, endsAt: toTheEnd.end }, fields).map((v) => v.code);
    expect([all(terrace), all({ seasonStarts: null, seasonEnds: null }), all({ seasonStarts: '03-01', seasonEnds: '02-28' })]).toEqual([
      ['OUT_OF_SEASON'],
      ['OUTSIDE_OPENING_HOURS'],
      ['OUT_OF_SEASON'],
    ]);
  });

  it('season, opening hours and capacity, each on both sides of its boundary', () => {
    expect(codes('2027-05-01', '09:00', '21:00', 30)).toEqual([]);
    expect(codes('2027-04-30', '17:00', '19:00')).toEqual(['OUT_OF_SEASON']);
    expect(codes('2027-10-31', '17:00', '19:00')).toEqual([]);
    expect(codes('2027-11-01', '17:00', '19:00')).toEqual(['OUT_OF_SEASON']);
    expect(codes('2027-07-01', '08:59', '10:00')).toEqual(['OUTSIDE_OPENING_HOURS']);
    expect(codes('2027-07-01', '20:00', '21:01')).toEqual(['OUTSIDE_OPENING_HOURS']);
    expect(codes('2027-07-01', '17:00', '19:00', 31)).toEqual(['OVER_CAPACITY']);
    // No attendees stated: no capacity check.
    expect(codes('2027-07-01', '17:00', '19:00', null)).toEqual([]);
  });

  it('names the capacity and the caller’s fields', () => {
    const [over] = checkSpaceLimits(
      terrace,
      { startsAt: houseInstant('2027-07-01', '17:00'), endsAt: houseInstant('2027-07-01', '18:00'), attendees: 31 },
      {
        startsAt: ['startsAt'],
        attendees: ['attendees'],
      },
    );
    expect(over).toEqual({ code: 'OVER_CAPACITY', field: ['attendees'], params: { capacity: 30 } });
  });

  it('reads seasons that wrap the new year, and the days a stay touches', () => {
    expect(inSeason({ seasonStarts: '12-01', seasonEnds: '02-28' }, '2027-01-15')).toBe(true);
    expect(inSeason({ seasonStarts: '12-01', seasonEnds: '02-28' }, '2027-03-01')).toBe(false);
    expect(datesOf({ start: houseInstant('2027-07-01', '23:00'), end: houseInstant('2027-07-02', '01:00') })).toEqual(['2027-07-01', '2027-07-02']);
  });

  it('cleans an override reason (NFC, trimmed) and keeps it to 1 to 500 printable characters', () => {
    expect(cleanOverrideReason('  Cafe\u0301 debout  ', ['r'])).toEqual({ reason: 'Café debout', violation: null });
    expect(cleanOverrideReason('é'.repeat(500), ['r']).violation).toBeNull();
    for (const bad of ['', '   ', 'é'.repeat(501), 'bip \u0007', 'ligne\ndeux']) {
      expect(cleanOverrideReason(bad, ['input', 'override', 'reason']).violation).toMatchObject({
        code: 'INVALID_INPUT',
        field: ['input', 'override', 'reason'],
      });
    }
  });
});
