/**
 * The house's own rules and helpers, the same in every subgraph and in the gateway: house time and
 * rules and the access checks. No GraphQL runtime, no database.
 */
export * from './access';
export * from './calendar';
export * from './ids';
export * from './money';
export * from './scalar-rules';
export * from './texts';
export * from './time';
