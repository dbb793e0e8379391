import { DateTime } from 'luxon';
import { GraphQLError } from 'graphql';
import { addDays, datesBetween, daysBetween, HOUSE_TZ, houseInstant, isLocalDate, localDateOf, startOfLocalDay, toHouseIso } from './time';
import { bucketByDay, calendarDates } from './calendar';

describe('house time', () => {
  it('knows that the March change day has 23 hours and the November one 25', () => {
    const hours = (date: string) => (startOfLocalDay(addDays(date, 1)).getTime() - startOfLocalDay(date).getTime()) / 3_600_000;
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(hours('2026-11-26')).toBe(24);
  });

  it('keeps wall-clock times across the change', () => {
    expect(toHouseIso(houseInstant('2026-10-31', '11:30'))).toBe('2026-10-31T11:30:00-04:00');
    expect(toHouseIso(houseInstant('2026-11-02', '11:30'))).toBe('2026-11-02T11:30:00-05:00');
  });

  it('reads the local date of an instant in the house, not in UTC', () => {
    expect(localDateOf(new Date('2026-11-27T03:30:00Z'))).toBe('2026-11-26');
  });

  it('formats instants exactly as luxon does, around every offset change and at random', () => {
    const luxonIso = (d: Date) => DateTime.fromJSDate(d, { zone: HOUSE_TZ }).toISO({ suppressMilliseconds: true });
    const luxonDate = (d: Date) => DateTime.fromJSDate(d, { zone: HOUSE_TZ }).toISODate();
    const instants: Date[] = [];
    // Every minute from 3 hours before to 3 hours after the 2026 changes (March 8 and November 1, 2:00 local).
    for (const change of ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z']) {
      for (let m = -180; m <= 180; m += 1) instants.push(new Date(Date.parse(change) + m * 60_000));
    }
    // Random instants from 1900 to 2100, some with milliseconds.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i += 1) instants.push(new Date(Date.UTC(1900, 0, 1) + Math.floor(random() * 200 * 365.25 * 86_400_000)));
    const mismatches = instants.filter((i) => toHouseIso(i) !== luxonIso(i) || localDateOf(i) !== luxonDate(i));
    expect(mismatches).toEqual([]);
    expect(instants.length).toBeGreaterThan(5700);
    // Dates: every day of 1999–2031 (each change day included), and the edges of the calendar.
    const luxonStart = (d: string) => DateTime.fromISO(d, { zone: HOUSE_TZ }).startOf('day').toJSDate().getTime();
    const days: string[] = [];
    for (let date = '1999-01-01'; date <= '2031-12-31'; date = addDays(date, 1)) days.push(date);
    expect(days).toHaveLength(12_053);
    expect(days.filter((d) => startOfLocalDay(d).getTime() !== luxonStart(d))).toEqual([]);
    expect(days.filter((d) => addDays(d, 40) !== DateTime.fromISO(d, { zone: 'UTC' }).plus({ days: 40 }).toISODate())).toEqual([]);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '0000-00-00']) expect(isLocalDate(bad)).toBe(false);
    for (const good of ['2024-02-29', '0001-01-01', '9999-12-31']) expect(isLocalDate(good)).toBe(true);
    expect(toHouseIso(new Date('2026-11-01T05:30:00Z'))).toBe('2026-11-01T01:30:00-04:00');
    expect(toHouseIso(new Date('2026-11-01T06:30:00Z'))).toBe('2026-11-01T01:30:00-05:00');
    expect(toHouseIso(new Date('2026-07-01T12:00:00.250Z'))).toBe('2026-07-01T08:00:00.250-04:00');
  });

  it('lists the dates of a range, both ends included, across month ends', () => {
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('refuses a calendar range that is reversed or longer than 92 days', () => {
    expect(calendarDates('2026-01-01', '2026-04-02', 'fr')).toHaveLength(92);
    expect(() => calendarDates('2026-01-01', '2026-04-03', 'en')).toThrow(/at most 92 days/);
    expect(() => calendarDates('2026-01-02', '2026-01-01', 'fr')).toThrow(GraphQLError);
  });

  it('puts an item on every local day it overlaps, half-open', () => {
    const items = [
      { id: 'late', start: houseInstant('2026-11-26', '22:00'), end: houseInstant('2026-11-27', '01:00') },
      { id: 'ends-at-midnight', start: houseInstant('2026-11-26', '20:00'), end: houseInstant('2026-11-27', '00:00') },
    ];
    const buckets = bucketByDay(['2026-11-26', '2026-11-27'], items, (i) => i);
    expect(buckets.map((b) => b.map((i) => i.id))).toEqual([['late', 'ends-at-midnight'], ['late']]);
  });

  it('buckets as each local day taken alone would, over the 2031 spring and fall changes, for consecutive, unordered, gapped and repeated dates', () => {
    // Every 75 minutes from 6 March and from 29 October, lasting 0 to 47 quarter hours: midnights, the changes, several days.
    const items = ['2031-03-06', '2031-10-29'].flatMap((from, k) =>
      Array.from({ length: 250 }, (_, n) => {
        const start = houseInstant(from, '00:00').getTime() + n * 75 * 60_000;
        return { id: k * 1000 + n, start: new Date(start), end: new Date(start + ((n * 7) % 48) * 900_000) };
      }),
    );
    const alone = (dates: string[]) =>
      dates.map((date) => {
        const [dayStart, dayEnd] = [startOfLocalDay(date).getTime(), startOfLocalDay(addDays(date, 1)).getTime()];
        return items.filter((i) => i.start.getTime() < dayEnd && i.end.getTime() > dayStart).map((i) => i.id);
      });
    const march = datesBetween('2031-03-05', '2031-03-22');
    const november = datesBetween('2031-10-28', '2031-11-06');
    for (const dates of [march, november, [...march].reverse(), ['2031-03-09', '2031-11-02', '2031-03-07'], ['2031-03-09', '2031-03-09'], ['2031-11-02'], []]) {
      expect(bucketByDay(dates, items, (i) => i).map((day) => day.map((i) => i.id))).toEqual(alone(dates));
    }
  });

  it('reads dates as the regular-expression reading it replaced, over years 1–9999 and malformed shapes', () => {
    // The reading before the digit-by-digit one (kept here as the reference).
    const reference = (date: string): number => {
      const m = /^(\d{4}|\+\d{6})-(\d{2})-(\d{2})$/.exec(date);
      if (!m) return Number.NaN;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const back = new Date(0);
      back.setUTCFullYear(y, mo - 1, d);
      return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? back.getTime() : Number.NaN;
    };
    const referenceIso = (ms: number) => new Date(ms).toISOString().split('T')[0]!;
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    let compared = 0;
    const wrong: string[] = [];
    // Every day (and months 0 and 13, days 0 and 32) of the years near the edges and around today; the
    // month ends of every 7th year between. The impossible dates are in: 2026-02-29, 2024-02-30, 2100-02-29 (2000-02-29 is real).
    const dense = (y: number) => y <= 130 || (y >= 1890 && y <= 2110) || y >= 9900;
    const ends = [0, 1, 28, 29, 30, 31, 32];
    for (let y = 1; y <= 9999; y += dense(y) || dense(y + 1) ? 1 : 7) {
      for (let mo = 0; mo <= 13; mo += 1) {
        for (const d of dense(y) ? Array.from({ length: 33 }, (_, i) => i) : ends) {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
          const expected = reference(text);
          const real = !Number.isNaN(expected);
          if (isLocalDate(text) !== real) wrong.push(`${text}: isLocalDate`);
          if (real && daysBetween('2000-01-01', text) !== Math.round((expected - Date.UTC(2000, 0, 1)) / 86_400_000)) wrong.push(`${text}: daysBetween`);
          if (real && addDays(text, 1) !== referenceIso(expected + 86_400_000)) wrong.push(`${text}: addDays`);
          compared += 1;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(200_000);
    for (const text of [
      '2026-1-05',
      '2026-01-5',
      '20260105',
      '2026/01/05',
      ' 2026-01-05',
      '2026-01-05 ',
      '２０２６-01-05',
      '2026-0a-05',
      '-202-01-05',
      '+010000-01-01',
      '+002026-01-05',
      '0099-12-31',
      '0000-01-01',
      '',
    ]) {
      expect([text, isLocalDate(text)]).toEqual([text, /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(reference(text))]);
      if (!Number.isNaN(reference(text))) expect(addDays(text, 0)).toBe(referenceIso(reference(text)));
      else expect(() => addDays(text, 0)).toThrow(RangeError);
    }
  });

  it('reaches the last LocalDate and the day after it (calendar to 9999-12-31 was an internal error, found while fuzzing the schema)', () => {
    expect(datesBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(calendarDates('9999-12-31', '9999-12-31', 'fr')).toEqual(['9999-12-31']);
    expect(addDays('9999-12-31', 1)).toBe('+010000-01-01');
    expect(startOfLocalDay(addDays('9999-12-31', 1)).toISOString()).toBe('+010000-01-01T05:00:00.000Z');
    expect(bucketByDay(['9999-12-31'], [{ start: new Date('9999-12-31T17:00:00Z'), end: new Date('9999-12-31T18:00:00Z') }], (i) => i)).toHaveLength(1);
    // The day after is the house's arithmetic only: no caller may write it.
    expect([isLocalDate('+010000-01-01'), isLocalDate('10000-01-01'), isLocalDate('9999-12-31')]).toEqual([false, false, true]);
  });

  it('writes an instant before 1895 (local mean time, -05:17:32) as RFC 3339, whole-minute offset, the same instant (availability on 0001-01-01 wrote -05:17.53333333333336)', () => {
    for (const instant of [startOfLocalDay('0001-01-01'), new Date('1800-06-01T12:00:00Z')]) {
      const text = toHouseIso(instant);
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
      expect(Date.parse(text)).toBe(instant.getTime());
    }
  });
});
