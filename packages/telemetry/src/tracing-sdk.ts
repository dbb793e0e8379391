import type { IncomingMessage } from 'node:http';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { InjectOnlyPropagator } from './inject-only-propagator';
import type { Logger } from './logger';
import { ReportingSpanExporter } from './trace-export-diagnostics';

/** Probes and scrapes are not traced: only the requests that do work. */
const UNTRACED = /^\/(health|ready|metrics)\b/;

/**
 * The tracer of this process: spans of incoming and outgoing HTTP (with tracing on, the gateway's
 * subgraph calls go through node:http so that they are seen: gateway/src/subgraph-fetch.ts) and of pg queries, sent in batches as OTLP JSON to <endpoint>/v1/traces.
 * W3C traceparent is injected into outgoing calls and read from incoming ones, so one client request
 * is one trace across the gateway and the subgraphs; unless `readIncoming` is false (the gateway,
 * whose callers are the public): then each incoming request starts a new trace.
 */
export function startTracingSdk(service: string, options: { endpoint: string; delayMs: number; readIncoming: boolean; log: Logger }): NodeTracerProvider {
  const otlp = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const exporter = new ReportingSpanExporter(otlp, service, options.log); // an unreachable collector is logged and counted
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.delayMs })],
  });
  const w3c = new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] });
  provider.register({ propagator: options.readIncoming ? w3c : new InjectOnlyPropagator(w3c) });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED.test(req.url ?? '/') }),
      new PgInstrumentation(),
    ],
  });
  // The entry points stop on these signals: send what is still batched while they close their servers.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void provider.forceFlush().catch(() => undefined));
  return provider;
}
