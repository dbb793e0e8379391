/**
 * The one registry of the codes and messages a client can see (registry/), and the builders
 * that put them into the caller's language. No type-graphql, no TypeORM: the gateway imports
 * it as the subgraphs do; the GraphQL types UserError and UserErrorCode live in the kit.
 */
export * from './registry';
export * from './user-error';
export * from './known-messages';
export * from './graphql-errors';
