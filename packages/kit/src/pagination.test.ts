import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { decodeCursor, type SortValueKind } from './pagination';

/**
 * A cursor is one this server wrote, [a value of the sort's kind, a UUID], or BAD_CURSOR: never a
 * value PostgreSQL refuses (found by the schema fuzzer: members(after:) holding ["a", 1e400] was
 * an internal error, the id "Infinity" sent to a uuid column).
 */
const ID = '6f1c2a4e-3b1d-4c8e-9f0a-2b3c4d5e6f70';
/** A cursor of these values (a string is the cursor's JSON as it is: `["a", 1e400]` parses to Infinity). */
const cursor = (values: unknown) => Buffer.from(typeof values === 'string' ? values : JSON.stringify(values)).toString('base64url');
const refusal = (value: unknown, kind: SortValueKind) => {
  try {
    decodeCursor(cursor(value), kind, 'en');
    return 'accepted';
  } catch (error) {
    return error instanceof GraphQLError ? `${String(error.extensions.code)}: ${error.message.replace(/«.*»|".*"/, '…')}` : String(error);
  }
};

describe('decodeCursor', () => {
  it('takes back the cursors pages write, for each kind of sort key', () => {
    expect(decodeCursor(cursor(['Tremblay Rosalie', ID]), 'text', 'fr')).toEqual(['Tremblay Rosalie', ID]);
    expect(decodeCursor(cursor([2019, ID]), 'smallint', 'fr')).toEqual([2019, ID]);
    expect(decodeCursor(cursor(['2026-12-01T15:00:00.000Z', ID]), 'instant', 'fr')).toEqual(['2026-12-01T15:00:00.000Z', ID]);
    expect(decodeCursor(cursor(['2027-03-01', ID]), 'date', 'fr')).toEqual(['2027-03-01', ID]);
  });

  it.each<[string, unknown, SortValueKind]>([
    ['an id that is no UUID', ['a', 'Infinity'], 'text'],
    ['an id that is a number', '["a", 1e400]', 'text'],
    ['a text holding NUL', ['a\u0000', ID], 'text'],
    ['a text for a number', ['deux mille', ID], 'smallint'],
    ['a number past smallint', [40_000, ID], 'smallint'],
    ['a fraction', [2019.5, ID], 'smallint'],
    ['an instant that is not', ['zzz', ID], 'instant'],
    ['an instant past year 9999', ['+275760-09-13T00:00:00.000Z', ID], 'instant'],
    ['a date that is not', ['2026-02-30', ID], 'date'],
    ['year 0', ['0000-01-01', ID], 'date'],
    ['a number for a date', [20270301, ID], 'date'],
  ])('refuses %s with BAD_USER_INPUT', (_, value, kind) => {
    expect(refusal(value, kind)).toBe('BAD_USER_INPUT: Invalid argument. after: cursor … is not valid.');
  });
});
