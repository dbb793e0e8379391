export * from './config';
export * from './context';
export * from './gateway';
export * from './signed-data-source';
export * from './subgraph-fetch';
export * from './verified-tokens';
