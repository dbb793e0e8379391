/**
 * The HTTP plumbing every process shares, gateway and subgraphs alike: bodies, JSON answers, the
 * JSON logger, a server with a graceful stop, the connection to the shared Redis, Apollo Server's
 * remembered query hashes. No GraphQL runtime, no database.
 */
export * from './error-scope';
export * from './http';
export * from './http-server';
export * from './logger';
export * from './redis';
export * from './sha256-memo';
export * from './shutdown-drain';
