import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { codeMessage, GRAPHQL_JS_MESSAGES, translateKnownMessage } from '@maison/errors';
import { LimitError, TOKEN_LIMIT_MESSAGE } from '../limits';
import { errorLang, errorScope, type Logger } from '@maison/http';
import { SubgraphUnavailableError } from './subgraph-unavailable';
import { BadScalarInputError, NulInputError } from '../input/scalar-input-plugin';

/** Codes whose message is meant for the client: it passes, its other extensions do not. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
]);
/** Extensions a client may see besides code: numbers and names the gateway itself sets. */
const CLIENT_EXTENSIONS = ['limit', 'actual', 'retryAfterSeconds', 'subgraph', 'variable', 'argument', 'scalar'] as const;
/** Codes the gateway itself sets: the same clean shape in every mode. */
const OWN_CODES = new Set(['RATE_LIMITED', 'PAYLOAD_TOO_LARGE']);
/** Outages a subgraph reports (its database could not be used): as SUBGRAPH_UNAVAILABLE, one clean shape in every mode. */
const SUBGRAPH_OUTAGE_CODES = new Set(['DATABASE_UNAVAILABLE']);
const INTERNAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);
const SUGGESTION = / ?Did you mean .+?\?/g;
/**
 * Refusals Apollo Server writes without a code (it then reports INTERNAL_SERVER_ERROR) although they
 * are the caller's: an automatic persisted query whose hash is not its query's, an APQ version it
 * does not know. Apollo's protocol answers them as BAD_REQUEST (HTTP 400, set by Apollo itself).
 */
const UNCODED_BAD_REQUESTS = [GRAPHQL_JS_MESSAGES.PERSISTED_QUERY_HASH.pattern, GRAPHQL_JS_MESSAGES.PERSISTED_QUERY_VERSION.pattern];
const isUncodedBadRequest = (formatted: GraphQLFormattedError): boolean =>
  formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && !formatted.path && UNCODED_BAD_REQUESTS.some((pattern) => pattern.test(formatted.message));

const causes = (error: unknown): unknown[] => [error, (error as GraphQLError)?.originalError];

function isForClient(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  if (typeof code !== 'string') return false;
  if (CLIENT_CODES.has(code)) return true;
  // An error a subgraph chose to show (its own formatError masked the rest): a stable code of ours.
  return typeof formatted.extensions?.serviceName === 'string' && !INTERNAL_CODES.has(code) && /^[A-Z][A-Z_]*$/.test(code);
}

function clientShape(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { code: formatted.extensions!.code };
  for (const key of CLIENT_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  const reason = formatted.extensions?.reason;
  if (typeof reason === 'string' && /^[A-Z][A-Z_]*$/.test(reason)) extensions.reason = reason;
  return {
    message: formatted.message.replace(SUGGESTION, ''),
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions,
  };
}

/**
 * The gateway's formatError. Its own errors (limits, rate limits, unavailable subgraphs) always
 * have their clean shape. In production everything else is either an error meant for the client
 * (known code: message kept without "Did you mean", extensions reduced to code) or masked to a
 * generic message carrying the request id, while the log keeps the whole error. Last, a message
 * GraphQL.js or Apollo Server wrote in English is put into the caller's language (code unchanged).
 */
export function gatewayFormatError(options: { production: boolean; log: Logger }) {
  const shape = shapeError(options);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shaped = shape(formatted, error);
    const message = translateKnownMessage(shaped.message, errorLang(error));
    return message === shaped.message ? shaped : { ...shaped, message };
  };
}

function shapeError(options: { production: boolean; log: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const lang = errorLang(error);
    const limit = causes(error).find((e): e is LimitError => e instanceof LimitError);
    if (limit) {
      return {
        message: limit.messageIn(lang),
        extensions: { code: limit.code, limit: limit.limit, ...(limit.actual !== undefined && { actual: limit.actual }) },
      };
    }
    const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
    if (tokens) {
      const max = Number(tokens[1]);
      return { message: codeMessage('TOKEN_LIMIT_EXCEEDED', 'default', lang, { limit: max }), extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit: max } };
    }
    const unavailable = causes(error).find((e): e is SubgraphUnavailableError => e instanceof SubgraphUnavailableError);
    if (unavailable)
      return {
        message: unavailable.message,
        ...(formatted.path && { path: formatted.path }),
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: unavailable.subgraph, reason: unavailable.reason },
      };

    if (isUncodedBadRequest(formatted)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    if (OWN_CODES.has(String(formatted.extensions?.code)) || causes(error).some((e) => e instanceof BadScalarInputError || e instanceof NulInputError))
      return clientShape(formatted);
    if (isForClient(formatted) && SUBGRAPH_OUTAGE_CODES.has(String(formatted.extensions?.code))) return clientShape(formatted);
    if (isForClient(formatted)) return options.production ? clientShape(formatted) : formatted;
    const requestId = errorScope(error)?.requestId ?? 'unknown';
    const original = (error as GraphQLError)?.originalError ?? error;
    options.log.error('unexpected error', { requestId, error: original, formatted });
    if (!options.production) return formatted;
    return {
      message: codeMessage('INTERNAL_SERVER_ERROR', 'WITH_REQUEST_ID', lang, { requestId }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
