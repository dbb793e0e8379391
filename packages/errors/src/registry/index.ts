export * from './message';
export * from './code-entry';
export * from './user-error-codes';
export * from './input-reasons';
export * from './scalar-problems';
export * from './signature-problems';
export * from './graphql-error-codes';
export * from './graphql-js-messages';
