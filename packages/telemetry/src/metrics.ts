import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

/** The process's registry: every metric below, what the metrics endpoint serves. */
export { register as metricsRegistry };

/** Buckets of request and fetch durations, in seconds. */
const REQUEST_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Buckets of SQL statement durations, in seconds (TypeORM measures whole milliseconds). */
const SQL_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** Every executed GraphQL operation, by process and operation name (operation-label.ts). */
export const requestDuration = new Histogram({
  name: 'maison_graphql_request_duration_seconds',
  help: 'GraphQL operations executed, by service and operation name, and how long each took',
  labelNames: ['service', 'operation'],
  buckets: REQUEST_SECONDS,
});

/** The gateway's calls to each subgraph. */
export const subgraphFetchDuration = new Histogram({
  name: 'maison_subgraph_fetch_duration_seconds',
  help: 'calls from the gateway to a subgraph, answered or not, and how long each took',
  labelNames: ['subgraph'],
  buckets: REQUEST_SECONDS,
});

export const subgraphFetchErrors = new Counter({
  name: 'maison_subgraph_fetch_errors_total',
  help: 'calls from the gateway to a subgraph that failed (SUBGRAPH_UNAVAILABLE), by reason',
  labelNames: ['subgraph', 'reason'],
});

export const sqlDuration = new Histogram({
  name: 'maison_sql_statement_duration_seconds',
  help: 'SQL statements a subgraph ran, and how long each took',
  labelNames: ['service'],
  buckets: SQL_SECONDS,
});

export const rateLimitRefusals = new Counter({
  name: 'maison_rate_limit_refusals_total',
  help: 'requests the gateway refused with HTTP 429, by path',
  labelNames: ['service', 'path'],
});

/** Each DATABASE_UNAVAILABLE error a subgraph answered for its own database, by reason (CONNECTION_REFUSED, CONNECTION_LOST, TIMEOUT). */
export const databaseUnavailable = new Counter({
  name: 'maison_database_unavailable_total',
  help: 'DATABASE_UNAVAILABLE errors a subgraph answered because its own database could not be used, by reason',
  labelNames: ['service', 'reason'],
});

/** Each request a subgraph refused (401) for its signature, by problem (REPLAYED, EXPIRED, NONCES_FULL, BAD, MISSING...). */
export const signatureRefusals = new Counter({
  name: 'maison_signature_refusals_total',
  help: 'requests a subgraph refused for their gateway signature, by reason (REPLAYED, EXPIRED, NONCES_FULL, BAD, MISSING...)',
  labelNames: ['service', 'reason'],
});

/** Each round of a hold reconciler (coworking, gallery), by owner kind and outcome: `ok`, or `failed` when the ledger or the subgraph's own database did not answer. */
export const holdReconcileRounds = new Counter({
  name: 'maison_hold_reconcile_rounds_total',
  help: 'rounds of the shared-space hold reconciler, by owner kind and outcome (ok; failed: the ledger or the database did not answer, the next round comes sooner)',
  labelNames: ['kind', 'outcome'],
});

/** Each failed export of a batch of spans to the OTLP collector (tracing-diagnostics.ts). */
export const traceExportFailures = new Counter({
  name: 'maison_trace_export_failures_total',
  help: 'batches of spans the process could not export to the OTLP collector',
  labelNames: ['service'],
});

interface Source {
  labels: Record<string, string>;
  read: () => number;
}
const collected = new Map<string, Set<Source>>();

/**
 * A counter whose value is read from a process's own statistics when scraped (the response cache's
 * stats, a subgraph's request count). Several sources may feed one name (in-process tests start
 * several gateways): each adds its own labelled value. Returns the function that removes the source.
 */
export function collectedCounter(name: string, help: string, labels: Record<string, string>, read: () => number): () => void {
  let sources = collected.get(name);
  if (!sources) {
    const all = new Set<Source>();
    sources = all;
    collected.set(name, all);
    new Counter({
      name,
      help,
      labelNames: Object.keys(labels),
      collect() {
        this.reset();
        for (const source of all) this.inc(source.labels, source.read());
      },
    });
  }
  const source = { labels, read };
  sources.add(source);
  return () => sources.delete(source);
}

let processMetrics = false;

/**
 * How often (ms) the event loop's delay is sampled. prom-client's default, 10 ms, is a timer that
 * wakes every process 100 times a second, idle or not (about 4 ms of CPU a second each on the
 * bench machine); 100 ms still sees any stall that matters to a request.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

/** The process's own figures (CPU, memory, event loop lag, handles), once per process. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
}
