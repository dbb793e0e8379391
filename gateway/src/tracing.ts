import { startTracing } from '@maison/telemetry';

/**
 * Imported first by main.ts: tracing (when configured) must hook http and pg before anything loads them.
 * Public server: a client's traceparent is not followed (each request a new trace) unless OTEL_TRUST_INCOMING_TRACE.
 */
startTracing('gateway', { publicServer: true });
