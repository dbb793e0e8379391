import type { GraphQLCodeEntry } from './code-entry';

/**
 * Codes Apollo Server sets with its own message (GraphQL.js's text, in English): the house
 * passes them on, without "Did you mean" suggestions in production, in French for French
 * callers (graphql-js-messages.ts). The persisted-query messages are part of that protocol
 * (clients match them), so they are never translated (PROTOCOL_MESSAGES).
 */
export const APOLLO_CODES = {
  GRAPHQL_PARSE_FAILED: {
    description: 'The document does not parse; the message (GraphQL.js) says where.',
    httpStatus: 400,
    writtenBy: 'apollo',
    messages: {},
  },
  GRAPHQL_VALIDATION_FAILED: {
    description: 'The document does not match the schema; the message (GraphQL.js) names the field or argument.',
    httpStatus: 400,
    writtenBy: 'apollo',
    messages: {},
  },
  PERSISTED_QUERY_NOT_FOUND: {
    description: 'Automatic persisted queries: the gateway does not know this hash yet; send the query text with it.',
    httpStatus: 200,
    writtenBy: 'apollo',
    messages: {},
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    description: 'Persisted queries are turned off.',
    httpStatus: 200,
    writtenBy: 'apollo',
    messages: {},
  },
  OPERATION_RESOLUTION_FAILURE: {
    description: 'The operation name matches no operation of the document (or a document of several operations has none).',
    httpStatus: 400,
    writtenBy: 'apollo',
    messages: {},
  },
} as const satisfies Record<string, GraphQLCodeEntry>;
