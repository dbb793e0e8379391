import { UserErrorCode } from '@maison/errors';
import { houseInstant, toHouseIso } from '@maison/house';
import { bookableSlots, checkBookingRules, checkHoldRules, type SlotCaller, type SpaceRules } from './booking.rules';
import { weeklyOccurrences } from './series.service';

const everyDay = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));
const kitchen: SpaceRules = {
  capacity: 12,
  openingHoursRows: everyDay('07:00', '22:00'),
  seasonStarts: null,
  seasonEnds: null,
  bufferMinutes: 30,
  minDurationMinutes: 30,
  maxDurationMinutes: 240,
  horizonDays: 60,
  minNoticeMinutes: 60,
  weeklyQuotaMinutes: 600,
  slotStepMinutes: 30,
};
const terrace: SpaceRules = { ...kitchen, seasonStarts: '05-01', seasonEnds: '10-31', horizonDays: 730, openingHoursRows: everyDay('09:00', '21:00') };
const now = houseInstant('2026-12-01', '09:00');
const at = (date: string, from: string, to: string, attendees?: number) => ({ startsAt: houseInstant(date, from), endsAt: houseInstant(date, to), attendees });
const codes = (rules: SpaceRules, request: Parameters<typeof checkBookingRules>[1], when = now, admin = false) =>
  checkBookingRules(rules, request, when, admin).map((v) => v.code);
const MIN = 60_000;

describe('booking rules, each on both sides of its boundary', () => {
  it('INVALID_RANGE: the end must be after the start', () => {
    const start = houseInstant('2026-12-02', '10:00');
    expect(codes(kitchen, { startsAt: start, endsAt: start })).toEqual([UserErrorCode.INVALID_RANGE]);
    expect(codes(kitchen, { startsAt: start, endsAt: new Date(start.getTime() - MIN) }, now, true)).toEqual([UserErrorCode.INVALID_RANGE]);
    expect(codes(kitchen, at('2026-12-02', '10:00', '10:30'))).toEqual([]);
  });

  it('IN_THE_PAST and TOO_LATE (minimum notice of 60 minutes)', () => {
    const request = (offsetMinutes: number) => ({
      startsAt: new Date(now.getTime() + offsetMinutes * MIN),
      endsAt: new Date(now.getTime() + (offsetMinutes + 60) * MIN),
    });
    expect(codes(kitchen, request(-1))).toEqual([UserErrorCode.IN_THE_PAST]);
    expect(codes(kitchen, request(0))).toEqual([UserErrorCode.TOO_LATE]);
    expect(codes(kitchen, request(59))).toEqual([UserErrorCode.TOO_LATE]);
    expect(codes(kitchen, request(60))).toEqual([]);
  });

  it('TOO_FAR_AHEAD: 60 days of horizon', () => {
    const start = (ms: number) => ({ startsAt: new Date(now.getTime() + ms), endsAt: new Date(now.getTime() + ms + 60 * MIN) });
    expect(codes(kitchen, start(60 * 86_400_000))).toEqual([]);
    expect(codes(kitchen, start(60 * 86_400_000 + MIN))).toEqual([UserErrorCode.TOO_FAR_AHEAD]);
  });

  it('TOO_SHORT and TOO_LONG: 30 to 240 minutes', () => {
    expect(codes(kitchen, at('2026-12-02', '10:00', '10:29'))).toEqual([UserErrorCode.TOO_SHORT]);
    expect(codes(kitchen, at('2026-12-02', '10:00', '10:30'))).toEqual([]);
    expect(codes(kitchen, at('2026-12-02', '10:00', '14:00'))).toEqual([]);
    expect(codes(kitchen, at('2026-12-02', '10:00', '14:01'))).toEqual([UserErrorCode.TOO_LONG]);
  });

  it('OUTSIDE_OPENING_HOURS: 07:00 to 22:00', () => {
    expect(codes(kitchen, at('2026-12-02', '06:30', '07:30'))).toEqual([UserErrorCode.OUTSIDE_OPENING_HOURS]);
    expect(codes(kitchen, at('2026-12-02', '07:00', '08:00'))).toEqual([]);
    expect(codes(kitchen, at('2026-12-02', '21:00', '22:00'))).toEqual([]);
    expect(codes(kitchen, at('2026-12-02', '21:30', '22:30'))).toEqual([UserErrorCode.OUTSIDE_OPENING_HOURS]);
  });

  it('OUT_OF_SEASON: the terrace opens 1 May to 31 October', () => {
    const spring = houseInstant('2027-04-01', '09:00');
    expect(codes(terrace, at('2027-04-30', '10:00', '11:00'), spring)).toEqual([UserErrorCode.OUT_OF_SEASON]);
    expect(codes(terrace, at('2027-05-01', '10:00', '11:00'), spring)).toEqual([]);
    expect(codes(terrace, at('2027-10-31', '10:00', '11:00'), spring)).toEqual([]);
    expect(codes(terrace, at('2027-11-01', '10:00', '11:00'), spring)).toEqual([UserErrorCode.OUT_OF_SEASON]);
  });

  it('OVER_CAPACITY: 12 people', () => {
    expect(codes(kitchen, at('2026-12-02', '10:00', '11:00', 12))).toEqual([]);
    expect(codes(kitchen, at('2026-12-02', '10:00', '11:00', 13))).toEqual([UserErrorCode.OVER_CAPACITY]);
  });

  it('reports every broken rule at once', () => {
    expect(codes(kitchen, at('2026-12-02', '05:00', '05:10', 20))).toEqual([
      UserErrorCode.TOO_SHORT,
      UserErrorCode.OUTSIDE_OPENING_HOURS,
      UserErrorCode.OVER_CAPACITY,
    ]);
  });

  it('lets ADMIN bypass the limits but not the range', () => {
    expect(codes(kitchen, at('2025-01-01', '02:00', '09:00', 99), now, true)).toEqual([]);
  });
});

describe('availability', () => {
  const allDay: SpaceRules = {
    ...kitchen,
    openingHoursRows: everyDay('00:00', '24:00'),
    bufferMinutes: 0,
    slotStepMinutes: 60,
    horizonDays: 730,
    minNoticeMinutes: 0,
  };
  const anyone: SlotCaller = { bypassLimits: false, bookedMinutesInWeek: null };
  const starts = (
    date: string,
    rules = allDay,
    duration = 60,
    occupied: { start: Date; end: Date }[] = [],
    when = houseInstant('2026-12-01', '00:00'),
    caller = anyone,
  ) => bookableSlots(rules, date, duration, occupied, when, caller).map((s) => toHouseIso(s.start));
  const hhmm = (iso: string) => iso.slice(11, 16);

  it('has 24 hourly slots on a normal day', () => {
    const slots = starts('2027-06-15');
    expect(slots).toHaveLength(24);
    expect(slots[0]).toBe('2027-06-15T00:00:00-04:00');
    expect(slots[23]).toBe('2027-06-15T23:00:00-04:00');
  });

  it('has 23 on the March change day: 02:00 does not exist', () => {
    expect(starts('2027-03-14')).toEqual([
      '2027-03-14T00:00:00-05:00',
      '2027-03-14T01:00:00-05:00',
      ...Array.from({ length: 21 }, (_, i) => `2027-03-14T${String(i + 3).padStart(2, '0')}:00:00-04:00`),
    ]);
  });

  it('has 25 on the November change day: 01:00 happens twice', () => {
    expect(starts('2027-11-07')).toEqual([
      '2027-11-07T00:00:00-04:00',
      '2027-11-07T01:00:00-04:00',
      '2027-11-07T01:00:00-05:00',
      ...Array.from({ length: 22 }, (_, i) => `2027-11-07T${String(i + 2).padStart(2, '0')}:00:00-05:00`),
    ]);
  });

  it('keeps the kitchen hours and the cleaning buffer around an existing booking', () => {
    const occupied = [{ start: houseInstant('2026-12-02', '10:00'), end: houseInstant('2026-12-02', '11:30') }];
    expect(starts('2026-12-02', kitchen, 60, occupied).map(hhmm)).toEqual([
      '07:00',
      '07:30',
      '08:00',
      '08:30',
      // 09:00 to 11:00 would end (with its 30-minute buffer) inside 10:00–11:30
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
      '17:00',
      '17:30',
      '18:00',
      '18:30',
      '19:00',
      '19:30',
      '20:00',
      '20:30',
      '21:00',
    ]);
  });

  it('offers nothing out of season, in the past nor inside the minimum notice', () => {
    expect(starts('2027-01-15', { ...terrace, minNoticeMinutes: 0 })).toEqual([]);
    // 60 minutes of notice at 19:45: 20:45 at the earliest, and a 60-minute stay ends by 22:00.
    expect(starts('2026-12-01', kitchen, 60, [], houseInstant('2026-12-01', '19:45'))).toEqual(['2026-12-01T21:00:00-05:00']);
    expect(starts('2026-12-01', kitchen, 60, [], houseInstant('2026-12-01', '20:45'))).toEqual([]);
  });

  it('stops at the horizon: 60 days from now, to the minute', () => {
    expect(starts('2027-01-30', kitchen, 60, [], now).map(hhmm)).toEqual(['07:00', '07:30', '08:00', '08:30', '09:00']);
    expect(starts('2027-01-31', kitchen, 60, [], now)).toEqual([]);
    expect(starts('2027-03-14', kitchen, 60, [], now)).toEqual([]);
  });

  it('offers no stay shorter or longer than the space takes', () => {
    expect(starts('2026-12-02', kitchen, 29, [], now)).toEqual([]);
    expect(starts('2026-12-02', kitchen, 30, [], now)).toHaveLength(30);
    expect(starts('2026-12-02', kitchen, 240, [], now)).toHaveLength(23);
    expect(starts('2026-12-02', kitchen, 241, [], now)).toEqual([]);
  });

  it('offers only what the weekly quota left to the holder allows', () => {
    const booked = (minutes: number): SlotCaller => ({ bypassLimits: false, bookedMinutesInWeek: minutes });
    expect(starts('2026-12-02', kitchen, 60, [], now, booked(540))).toHaveLength(29);
    expect(starts('2026-12-02', kitchen, 90, [], now, booked(540))).toEqual([]);
    expect(starts('2026-12-02', kitchen, 30, [], now, booked(600))).toEqual([]);
    expect(starts('2026-12-02', { ...kitchen, weeklyQuotaMinutes: null }, 240, [], now, booked(6000))).toHaveLength(23);
  });

  it('offers ADMIN what ADMIN may book: the whole day, past the horizon, out of season, but never over a booking', () => {
    const asAdmin: SlotCaller = { bypassLimits: true, bookedMinutesInWeek: 600 };
    expect(starts('2026-12-02', kitchen, 60, [], now, asAdmin)).toHaveLength(47);
    expect(starts('2026-12-02', kitchen, 60, [], now, asAdmin)[0]).toBe('2026-12-02T00:00:00-05:00');
    expect(starts('2026-11-20', kitchen, 600, [], now, asAdmin)).toHaveLength(29);
    expect(starts('2027-01-15', terrace, 10, [], now, asAdmin)).toHaveLength(48);
    const occupied = [{ start: houseInstant('2026-12-02', '01:00'), end: houseInstant('2026-12-02', '23:00') }];
    expect(starts('2026-12-02', kitchen, 30, occupied, now, asAdmin).map(hhmm)).toEqual(['00:00', '23:00', '23:30']);
  });
});

describe('weekly series', () => {
  it('keeps 11:30 local across the November change', () => {
    const occurrences = weeklyOccurrences(houseInstant('2027-10-26', '11:30'), houseInstant('2027-10-26', '13:30'), { count: 3 });
    expect(occurrences.map((o) => [toHouseIso(o.startsAt), toHouseIso(o.endsAt)])).toEqual([
      ['2027-10-26T11:30:00-04:00', '2027-10-26T13:30:00-04:00'],
      ['2027-11-02T11:30:00-04:00', '2027-11-02T13:30:00-04:00'],
      ['2027-11-09T11:30:00-05:00', '2027-11-09T13:30:00-05:00'],
    ]);
  });

  it('stops at the until date, inclusive', () => {
    const occurrences = weeklyOccurrences(houseInstant('2027-01-05', '11:30'), houseInstant('2027-01-05', '13:30'), { until: '2027-01-19' });
    expect(occurrences.map((o) => toHouseIso(o.startsAt).slice(0, 10))).toEqual(['2027-01-05', '2027-01-12', '2027-01-19']);
  });
});

describe('hold rules: the space’s own, not the booking-only limits', () => {
  const hold = (rules: SpaceRules, date: string, from: string, to: string, attendees: number | null, overridden = false) =>
    checkHoldRules(rules, { startsAt: houseInstant(date, from), endsAt: houseInstant(date, to), attendees }, { prefix: ['input'], overridden }).map(
      (v) => `${v.code}@${v.field!.join('.')}`,
    );
  it('refuses what a booking would for capacity, hours and season, on the hold’s fields', () => {
    expect(hold(kitchen, '2026-12-10', '17:00', '19:00', 13)).toEqual(['OVER_CAPACITY@input.attendees']);
    expect(hold(kitchen, '2026-12-10', '21:30', '23:00', 12)).toEqual(['OUTSIDE_OPENING_HOURS@input.startsAt']);
    expect(hold(terrace, '2027-01-10', '17:00', '19:00', null)).toEqual(['OUT_OF_SEASON@input.startsAt']);
  });
  it('ignores notice, horizon and durations, and an override skips the space’s rules but never the range', () => {
    // Ten minutes, in an hour from now, two years ahead: a booking would be refused each time.
    expect(hold(kitchen, '2026-12-01', '10:00', '10:10', 2)).toEqual([]);
    expect(hold(kitchen, '2028-12-01', '08:00', '21:00', 2)).toEqual([]);
    expect(hold(terrace, '2027-01-10', '23:00', '23:30', 300, true)).toEqual([]);
    expect(hold(kitchen, '2026-12-10', '17:00', '17:00', null, true)).toEqual(['INVALID_RANGE@input.endsAt']);
  });
});
