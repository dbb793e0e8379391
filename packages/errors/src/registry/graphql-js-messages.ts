import { REQUEST_MESSAGES, SUGGESTION_MESSAGES } from './graphql-js-messages/apollo';
import type { KnownMessage } from './graphql-js-messages/shape';
import { SYNTAX_MESSAGES } from './graphql-js-messages/syntax';
import { VALIDATION_MESSAGES } from './graphql-js-messages/validation';
import { VALUE_MESSAGES } from './graphql-js-messages/values';

export type { KnownMessage, ParamKind } from './graphql-js-messages/shape';

/**
 * The messages GraphQL.js and Apollo Server write themselves, in English, and their French: one
 * entry per shape of message, its pattern anchored, a named group per name it quotes. The gateway
 * answers French callers with the French (translateKnownMessage); English callers read what
 * GraphQL.js wrote, which is the English column. Read from graphql 16 and @apollo/server 5, in
 * node_modules, not guessed: each entry names its file. Order matters only where a shape is a
 * prefix of another (the first entry whose pattern and nested messages all match wins).
 */
export const GRAPHQL_JS_MESSAGES = {
  ...SYNTAX_MESSAGES,
  ...VALIDATION_MESSAGES,
  ...VALUE_MESSAGES,
  ...REQUEST_MESSAGES,
  ...SUGGESTION_MESSAGES,
} as const satisfies Record<string, KnownMessage>;

export type GraphQLJsMessageName = keyof typeof GRAPHQL_JS_MESSAGES;

/**
 * Messages that are words of a protocol, not sentences: clients compare them (Apollo iOS and
 * Apollo Kotlin retry automatic persisted queries on the message itself), so they are kept as
 * written in every language.
 */
export const PROTOCOL_MESSAGES = {
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND: Apollo Server, automatic persisted queries, the hash is unknown',
  PersistedQueryNotSupported: 'PERSISTED_QUERY_NOT_SUPPORTED: Apollo Server, automatic persisted queries are off',
} as const satisfies Record<string, string>;
