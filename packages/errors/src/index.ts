export * from './codes';
export * from './user-error';
export * from './graphql-errors';
