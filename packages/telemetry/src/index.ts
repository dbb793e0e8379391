/**
 * What an operator sees of a process: pino JSON logs carrying the request and trace ids, Prometheus
 * metrics on a port of their own, and OpenTelemetry traces when a collector is configured.
 */
export * from './config';
export * from './request-context';
export * from './logger';
export * from './metrics';
export * from './metrics-server';
export * from './operation-label';
export * from './operation-metrics-plugin';
export * from './tracing';
