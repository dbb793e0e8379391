import { GraphQLError } from 'graphql';
import { DateTimeScalar, LocalDateScalar } from './scalars';
import { addDays, datesBetween, houseInstant, localDateOf, startOfLocalDay, toHouseIso } from './time';
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
});

describe('scalars', () => {
  it('serves DateTime with the house offset and requires an offset on input', () => {
    expect(DateTimeScalar.serialize(new Date('2026-07-01T16:00:00Z'))).toBe('2026-07-01T12:00:00-04:00');
    expect(DateTimeScalar.parseValue('2026-07-01T12:00:00-04:00')).toEqual(new Date('2026-07-01T16:00:00Z'));
    expect(() => DateTimeScalar.parseValue('2026-07-01T12:00:00')).toThrow(/offset/);
    expect(() => DateTimeScalar.parseValue('2026-02-30T12:00:00Z')).toThrow(/not a valid/);
    expect(() => DateTimeScalar.parseValue(12)).toThrow(GraphQLError);
  });

  it('accepts only real calendar dates as LocalDate', () => {
    expect(LocalDateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '26-01-01', '2026-1-1', "2026-01-01' OR 1=1"]) {
      expect(() => LocalDateScalar.parseValue(bad)).toThrow(/LocalDate/);
    }
  });
});
