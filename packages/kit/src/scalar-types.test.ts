import { GraphQLError } from 'graphql';
import { BadScalarValueError, DateTimeScalar, LocalDateScalar, scalarMessageIn } from './scalar-types';

/** The refusal a scalar throws for value, in lang (as formatError puts it). */
function refusalIn(lang: 'fr' | 'en', parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(BadScalarValueError);
    return scalarMessageIn({ message: (error as Error).message }, error, lang).message;
  }
  throw new Error('the value was accepted');
}

describe('scalars', () => {
  it('serves DateTime with the house offset and requires an offset on input', () => {
    expect(DateTimeScalar.serialize(new Date('2026-07-01T16:00:00Z'))).toBe('2026-07-01T12:00:00-04:00');
    expect(DateTimeScalar.parseValue('2026-07-01T12:00:00-04:00')).toEqual(new Date('2026-07-01T16:00:00Z'));
    expect(refusalIn('en', () => DateTimeScalar.parseValue('2026-07-01T12:00:00'))).toMatch(
      /^DateTime: a DateTime is an ISO 8601 date and time with its offset/,
    );
    expect(refusalIn('en', () => DateTimeScalar.parseValue('2026-02-30T12:00:00Z'))).toMatch(/not a valid/);
    // The error's own message is French, the house's default.
    expect(() => DateTimeScalar.parseValue('2026-02-30T12:00:00Z')).toThrow('DateTime : "2026-02-30T12:00:00Z" n’est pas une date et heure valide');
    expect(refusalIn('fr', () => DateTimeScalar.parseValue('2026-02-30T12:00:00Z'))).toMatch(/^DateTime : "2026-02-30T12:00:00Z" n’est pas/);
    expect(() => DateTimeScalar.parseValue(12)).toThrow(GraphQLError);
  });

  it('accepts only real calendar dates as LocalDate', () => {
    expect(LocalDateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '26-01-01', '2026-1-1', "2026-01-01' OR 1=1"]) {
      expect(() => LocalDateScalar.parseValue(bad)).toThrow(/LocalDate/);
    }
  });

  it('puts the caller’s language into the message GraphQL.js wrote around a refusal, found through the errors that wrap it', () => {
    let refusal: unknown;
    try {
      LocalDateScalar.parseValue('2027-02-29');
    } catch (error) {
      refusal = error;
    }
    const quoted = new GraphQLError(`Variable "$on" got invalid value "2027-02-29"; ${(refusal as Error).message}`, { originalError: refusal as Error });
    const wrapped = new GraphQLError(quoted.message, { originalError: quoted });
    const en = scalarMessageIn({ message: wrapped.message }, wrapped, 'en').message;
    expect(en.startsWith('Variable "$on" got invalid value "2027-02-29"; LocalDate: ')).toBe(true);
    expect(en).not.toContain('n’est pas');
    expect(scalarMessageIn({ message: wrapped.message }, wrapped, 'fr').message).toBe(wrapped.message);
    // Another error is left as it is.
    const other = new GraphQLError('Variable "$on" of required type "LocalDate!" was not provided.');
    expect(scalarMessageIn({ message: other.message }, other, 'en').message).toBe(other.message);
  });
});
