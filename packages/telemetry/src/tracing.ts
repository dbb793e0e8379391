import { readConfigOrExit, type Env } from '@maison/config';
import { tracingSpec } from './config';

/**
 * Starts OpenTelemetry tracing in this process when OTEL_EXPORTER_OTLP_ENDPOINT names a collector;
 * otherwise loads nothing (no SDK, no instrumentation: the API's calls stay no-ops). Call it first,
 * before http or pg are loaded: each process's tracing.ts, imported first by its main.ts.
 */
export function startTracing(service: string, env: Env = process.env): void {
  const config = readConfigOrExit(tracingSpec, env);
  if (!config.otlpEndpoint) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  startTracingSdk(service, { endpoint: config.otlpEndpoint, delayMs: config.spanDelayMs });
}
