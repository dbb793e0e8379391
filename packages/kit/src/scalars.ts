import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTime as Luxon } from 'luxon';
import { isLocalDate, toHouseIso } from './time';

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !OFFSET.test(value)) {
    throw new GraphQLError('DateTime must be an ISO 8601 string with an offset, e.g. 2026-11-26T10:00:00-05:00', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const parsed = Luxon.fromISO(value, { setZone: true });
  if (!parsed.isValid || parsed.year < 1900 || parsed.year > 9999) {
    throw new GraphQLError(`DateTime ${JSON.stringify(value.slice(0, 40))} is not a valid date and time`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed.toJSDate();
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with an offset (2026-11-26T10:00:00-05:00). Served in the house time zone, America/Toronto.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return toHouseIso(date);
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDateTime(ast.value);
  },
});

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw new GraphQLError('LocalDate must be a calendar date YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date YYYY-MM-DD in the house time zone, America/Toronto.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseLocalDate(value);
  },
  parseValue: parseLocalDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('LocalDate must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseLocalDate(ast.value);
  },
});
