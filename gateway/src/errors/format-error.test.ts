import { GraphQLError } from 'graphql';
import type { Logger } from '@maison/http';
import { LimitError } from '../limits';
import { scopeErrors, type ErrorScope } from '@maison/http';
import { gatewayFormatError } from './format-error';
import { SubgraphUnavailableError } from './subgraph-unavailable';

const logged: Record<string, unknown>[] = [];
const log: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message, fields) => void logged.push({ message, ...fields }),
};
const production = gatewayFormatError({ production: true, log });
const development = gatewayFormatError({ production: false, log });
const scope = { requestId: '6f1c2b9e-0000-4000-8000-000000000001', lang: 'en' as const };
/** The error as formatError receives it from a request of this scope (error-scope.ts marks it). */
const ofRequest = <E>(error: E, of: ErrorScope = scope): E => (scopeErrors([error], of), error);
const format = (f: typeof production, formatted: Parameters<typeof production>[0], error: unknown) => f(formatted, ofRequest(error));

describe("the gateway's formatError", () => {
  beforeEach(() => (logged.length = 0));

  it('masks an unknown error to a message with the request id, and logs the whole error', () => {
    const error = new Error('request to http://10.0.0.7:4001/graphql failed: relation "tenant" does not exist');
    const formatted = {
      message: error.message,
      path: ['tenants'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'tenants', stacktrace: ['Error: …'] },
    };
    expect(format(production, formatted, new GraphQLError(error.message, { originalError: error }))).toEqual({
      message: 'Internal error (request 6f1c2b9e-0000-4000-8000-000000000001).',
      path: ['tenants'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([expect.objectContaining({ message: 'unexpected error', requestId: scope.requestId, error })]);
    expect(format(development, formatted, error)).toBe(formatted);
  });

  it('keeps an error meant for the client, without suggestions or extensions other than code', () => {
    const formatted = {
      message: 'Cannot query field "nam" on type "SharedSpace". Did you mean "name"?',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['…'], exception: { sql: 'SELECT' } },
    };
    expect(format(production, formatted, new GraphQLError(formatted.message))).toEqual({
      message: 'Cannot query field "nam" on type "SharedSpace".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const fromSubgraph = {
      message: 'Action non permise.',
      path: ['cancelSpaceBooking'],
      extensions: { code: 'FORBIDDEN', serviceName: 'tenants', response: { url: 'http://tenants:4001' } },
    };
    expect(format(production, fromSubgraph, new GraphQLError(fromSubgraph.message))).toEqual({
      message: 'Action non permise.',
      path: ['cancelSpaceBooking'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(logged).toEqual([]);
  });

  it("forwards a subgraph's DATABASE_UNAVAILABLE with its message, subgraph and reason, in the same shape in every mode, unlogged", () => {
    const message = 'La base de données du service « tenants » est indisponible ; ses données manquent dans cette réponse. Réessayez dans un instant.';
    const fromSubgraph = {
      message,
      path: ['tenants'],
      extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'tenants', reason: 'CONNECTION_REFUSED', serviceName: 'tenants', stacktrace: ['GraphQLError: …'] },
    };
    const clean = { message, path: ['tenants'], extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'tenants', reason: 'CONNECTION_REFUSED' } };
    expect(format(production, fromSubgraph, new GraphQLError(message))).toEqual(clean);
    expect(format(development, fromSubgraph, new GraphQLError(message))).toEqual(clean);
    expect(logged).toEqual([]);
  });

  it('gives its own errors their code and numbers, in every mode', () => {
    const limit = new LimitError('DEPTH_LIMIT_EXCEEDED', 10, 11);
    const wrapped = new GraphQLError(limit.message, { originalError: limit, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    for (const f of [production, development]) {
      expect(format(f, { message: limit.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: [] } }, wrapped)).toEqual({
        message: 'Query depth 11 exceeds the limit of 10.',
        extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 10, actual: 11 },
      });
      expect(
        format(
          f,
          { message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
          new GraphQLError('x'),
        ),
      ).toEqual({
        message: 'Query exceeds the limit of 2000 tokens.',
        extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit: 2000 },
      });
      const down = new SubgraphUnavailableError('gallery', 'en');
      expect(format(f, { message: down.message, extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'gallery', stacktrace: [] } }, down)).toEqual({
        message: 'The gallery service did not answer in time; its data is missing from this response.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'gallery', reason: 'TIMEOUT' },
      });
    }
  });

  it('answers a French caller in French when GraphQL.js wrote the message, its code and locations unchanged', () => {
    const inFrench = (f: typeof production, formatted: Parameters<typeof production>[0]) =>
      f(formatted, ofRequest(new GraphQLError(formatted.message), { ...scope, lang: 'fr' }));
    const unknownField = {
      message: 'Cannot query field "nam" on type "SharedSpace". Did you mean "name"?',
      locations: [{ line: 1, column: 34 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(inFrench(production, unknownField)).toEqual({
      message: 'Le champ « nam » n’existe pas sur le type « SharedSpace ».',
      locations: [{ line: 1, column: 34 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(inFrench(development, unknownField)).toEqual({
      ...unknownField,
      message: 'Le champ « nam » n’existe pas sur le type « SharedSpace ». Vouliez-vous dire « name » ?',
    });
    // English callers read GraphQL.js's own words; the house's own messages pass as they are.
    expect(format(development, unknownField, new GraphQLError(unknownField.message))).toBe(unknownField);
    const forbidden = { message: 'Action non permise.', path: ['cancelSpaceBooking'], extensions: { code: 'FORBIDDEN', serviceName: 'tenants' } };
    expect(inFrench(production, forbidden)).toEqual({ message: 'Action non permise.', path: ['cancelSpaceBooking'], extensions: { code: 'FORBIDDEN' } });
    expect(logged).toEqual([]);
  });

  it("answers Apollo's uncoded APQ refusals as BAD_REQUEST in the caller's language, never masked nor logged", () => {
    // Apollo Server writes these without a code; it then reports INTERNAL_SERVER_ERROR (HTTP 400 set by itself).
    const mismatch = { message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['GraphQLError: …'] } };
    const version = { message: 'Unsupported persisted query version', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    for (const f of [production, development]) {
      expect(format(f, mismatch, new GraphQLError(mismatch.message))).toEqual({
        message: 'provided sha does not match query',
        extensions: { code: 'BAD_REQUEST' },
      });
      expect(f(mismatch, ofRequest(new GraphQLError(mismatch.message), { ...scope, lang: 'fr' }))).toEqual({
        message: 'le sha fourni ne correspond pas à la requête',
        extensions: { code: 'BAD_REQUEST' },
      });
      expect(format(f, version, new GraphQLError(version.message))).toEqual({
        message: 'Unsupported persisted query version',
        extensions: { code: 'BAD_REQUEST' },
      });
    }
    expect(logged).toEqual([]);
    // The same words from a field are no refusal of the request: masked as any other.
    const fromField = { ...mismatch, path: ['house'] };
    expect(format(production, fromField, new GraphQLError(mismatch.message)).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
