import { commonSpec, readConfigOrExit, type Env } from '@maison/config';
import { createLogger } from './logger';
import { clientTraceSpec, tracingSpec } from './config';

/**
 * Starts OpenTelemetry tracing in this process when OTEL_EXPORTER_OTLP_ENDPOINT names a collector;
 * otherwise loads nothing (no SDK, no instrumentation: the API's calls stay no-ops). Call it first,
 * before http or pg are loaded: each process's tracing.ts, imported first by its main.ts.
 * `publicServer`: the process serves the public (the gateway), whose traceparent is not followed
 * unless OTEL_TRUST_INCOMING_TRACE says so.
 */
export function startTracing(service: string, options: { publicServer?: boolean } = {}, env: Env = process.env): void {
  const config = readConfigOrExit(tracingSpec, env);
  if (!config.otlpEndpoint) return;
  const readIncoming = !options.publicServer || readConfigOrExit(clientTraceSpec, env).trustIncomingTrace;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  const log = createLogger(service, readConfigOrExit({ logLevel: commonSpec.logLevel }, env).logLevel);
  startTracingSdk(service, { endpoint: config.otlpEndpoint, delayMs: config.spanDelayMs, readIncoming, log });
}
