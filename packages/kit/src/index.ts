import 'reflect-metadata';

/**
 * The subgraph runtime: type-graphql, Apollo Server, TypeORM. The schema builder and the subgraph
 * server, migrations, loaders, pagination, the GraphQL types every subgraph shares (scalars,
 * texts, money, userErrors) and the directives of the cost model. House rules are in
 * @maison/house, HTTP plumbing in @maison/http.
 */
export * from './context';
export * from './database';
export * from './localized-text';
export * from './money';
export * from './pagination';
export * from './scalar-types';
export * from './schema';
export * from './subgraph';
export * from './seeding';
export * from './loaders';
export * from './entity-rows';
export * from './look-ahead';
export * from './calendar-day';
export * from './me';
export * from './db-errors';
export * from './database-unavailable';
export * from './service-client';
export * from './sql';
export * from './cache-hints';
export * from './cost';
export * from './user-error';
export * from './space-rules-override';
