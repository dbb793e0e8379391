import 'reflect-metadata';

export * from './context';
export * from './database';
export * from './http';
export * from './i18n';
export * from './ids';
export * from './logger';
export * from './money';
export * from './pagination';
export * from './scalars';
export * from './schema';
export * from './subgraph';
export * from './time';
export * from './loaders';
export * from './calendar';
export * from './db-errors';
export * from './service-client';
export * from './http-server';
