export * from './database';
export * from './embedded';
export * from './identities';
export * from './subgraph';
