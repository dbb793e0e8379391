import { GraphQLError } from 'graphql';
import { runInRequestContext } from '@maison/telemetry';

const runInLang = <T>(lang: 'fr' | 'en', fn: () => T): T => runInRequestContext({ requestId: 'test', lang }, fn);
import { DateTimeScalar, LocalDateScalar } from './scalar-types';

describe('scalars', () => {
  it('serves DateTime with the house offset and requires an offset on input', () => {
    expect(DateTimeScalar.serialize(new Date('2026-07-01T16:00:00Z'))).toBe('2026-07-01T12:00:00-04:00');
    expect(DateTimeScalar.parseValue('2026-07-01T12:00:00-04:00')).toEqual(new Date('2026-07-01T16:00:00Z'));
    expect(() => runInLang('en', () => DateTimeScalar.parseValue('2026-07-01T12:00:00'))).toThrow(
      /^DateTime: a DateTime is an ISO 8601 date and time with its offset/,
    );
    expect(() => runInLang('en', () => DateTimeScalar.parseValue('2026-02-30T12:00:00Z'))).toThrow(/not a valid/);
    // In the language of the request, French by default.
    expect(() => DateTimeScalar.parseValue('2026-02-30T12:00:00Z')).toThrow('DateTime : "2026-02-30T12:00:00Z" n’est pas une date et heure valide');
    expect(() => DateTimeScalar.parseValue(12)).toThrow(GraphQLError);
  });

  it('accepts only real calendar dates as LocalDate', () => {
    expect(LocalDateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '26-01-01', '2026-1-1', "2026-01-01' OR 1=1"]) {
      expect(() => LocalDateScalar.parseValue(bad)).toThrow(/LocalDate/);
    }
  });
});
