import { v } from '@maison/config';

/** Where a process serves its Prometheus metrics: never its public port. */
export const metricsSpec = (defaultPort: number) => ({
  metricsPort: v.int('METRICS_PORT', {
    description: `port of the Prometheus /metrics endpoint, apart from the public port (default ${defaultPort}; 0: off)`,
    default: defaultPort,
    min: 0,
    max: 65535,
  }),
  metricsHost: v.string('METRICS_HOST', { description: 'interface of the /metrics endpoint', default: '127.0.0.1' }),
});

/** OpenTelemetry traces: on when a collector is named, and then only. */
export const tracingSpec = {
  otlpEndpoint: v.optionalUrl('OTEL_EXPORTER_OTLP_ENDPOINT', 'OTLP/HTTP collector that receives the traces (JSON on <url>/v1/traces); unset: no tracing'),
  spanDelayMs: v.int('OTEL_BSP_SCHEDULE_DELAY', {
    description: 'milliseconds finished spans wait before they are sent in one batch',
    default: 5000,
    min: 0,
    max: 600_000,
  }),
};

/**
 * The gateway's public server: a client's traceparent would choose the trace id and the sampled
 * flag, so by default each client request starts a new trace. Read by the gateway only (subgraphs
 * are reached by signed gateway calls, whose traceparent they follow).
 */
export const clientTraceSpec = {
  trustIncomingTrace: v.bool('OTEL_TRUST_INCOMING_TRACE', {
    description: "gateway: continue the trace named by a client's traceparent (behind a tracing proxy); false: a new trace per request",
    default: false,
  }),
};
