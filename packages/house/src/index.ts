/**
 * The house's own rules and helpers, the same in every subgraph and in the gateway: house time and
 * the calendar, money, texts in two languages, input rules (scalars, texts, windows), outcomes of
 * rules, the access checks and the row conditions access rules are written in (as code and as SQL
 * text). No GraphQL runtime, no database.
 */
export * from './access';
export * from './calendar';
export * from './ids';
export * from './money';
export * from './nul-inputs';
export * from './outcome';
export * from './query-window';
export * from './record-rules';
export * from './row-condition';
export * from './search-rules';
export * from './scalar-rules';
export * from './space-rules';
export * from './text-rules';
export * from './texts';
export * from './time';
