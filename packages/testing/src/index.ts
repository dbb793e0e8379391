export * from './database';

export * from './identities';
export * from './subgraph';
export * from './graph';
export * from './fuzz';
export * from './explain';
export * from './guide';
export * from './browser';
export * from './ledger-stub';
export * from './signed-call';
export * from './crash-after-hold';
export * from './ledger-rows';
export * from './seed-boots';
export * from './season-days';
export * from './schema-fuzz';
export * from './message-language';
