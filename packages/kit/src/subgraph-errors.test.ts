import { maskSubgraphError } from './subgraph';

describe("a subgraph's errors in production", () => {
  it('masks an unexpected error: no SQL, constraint, stack or internal URL', () => {
    const leaky = {
      message: 'new row for relation "space_booking" violates check constraint "space_booking_check" (INSERT INTO space_booking …)',
      path: ['bookSharedSpace'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        stacktrace: ['QueryFailedError: …', '    at /app/node_modules/typeorm/…'],
        url: 'http://tenants:4001/graphql',
      },
    };
    expect(maskSubgraphError(leaky, true)).toEqual({ message: 'Erreur interne.', path: ['bookSharedSpace'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(maskSubgraphError({ message: 'connect ECONNREFUSED 10.0.0.5:5432' }, true)).toEqual({
      message: 'Erreur interne.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks it in the language it is given, French by default', () => {
    const leaky = { message: 'relation "tenant" does not exist', path: ['tenants'] };
    expect(maskSubgraphError(leaky, true, 'en')).toEqual({
      message: 'Internal error.',
      path: ['tenants'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(maskSubgraphError(leaky, true, 'fr').message).toBe('Erreur interne.');
    expect(maskSubgraphError(leaky, true).message).toBe('Erreur interne.');
  });

  it('keeps a known error, reduced to its message, place and code', () => {
    const known = {
      message: 'Action non permise.',
      locations: [{ line: 1, column: 3 }],
      path: ['cancelSpaceBooking'],
      extensions: { code: 'FORBIDDEN', stacktrace: ['GraphQLError: …'], sql: 'SELECT 1', reason: 'NOT_OWNER' },
    };
    expect(maskSubgraphError(known, true)).toEqual({
      message: 'Action non permise.',
      locations: [{ line: 1, column: 3 }],
      path: ['cancelSpaceBooking'],
      extensions: { code: 'FORBIDDEN', reason: 'NOT_OWNER' },
    });
    expect(
      maskSubgraphError({ message: 'Cannot query field "nam" on type "X". Did you mean "name"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, true),
    ).toEqual({
      message: 'Cannot query field "nam" on type "X".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('shows everything outside production', () => {
    const error = { message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['…'] } };
    expect(maskSubgraphError(error, false)).toBe(error);
  });
});
