import { randomBytes } from 'node:crypto';
import { addDays, todayInHouse } from '@maison/house';
import { asTenant, startGraph, startOtlpCollector, tokenFor, type CollectedSpan, type OtlpCollector, type RunningGraph } from '@maison/testing';

/**
 * What an operator sees of the running graph (issue 14, promise 8): one trace per client request
 * across the gateway and the three subgraphs down to their SQL, sent to an OTLP collector (an
 * in-process one here); Prometheus metrics on each process's metrics port, never on the public one;
 * log lines that carry the request id and the trace id.
 */
const RUN = randomBytes(4).toString('hex');
const OPERATION = `WhatsOn_${RUN}`;
const WHATS_ON = `query ${OPERATION}($from: LocalDate!, $to: LocalDate!) {
  calendar(from: $from, to: $to) {
    date
    exhibitionsOnView { title endsOn }
    vernissages { title vernissage { startsAt } }
    coworkingEvents { title startsAt endsAt room sharedSpace { name } }
    spaceBookings { title startsAt endsAt space { name } }
  }
}`;
const week = { from: todayInHouse(), to: addDays(todayInHouse(), 6) };
const SUBGRAPHS = ['tenants', 'coworking', 'gallery'] as const;
const RATE_LIMIT = 30;

let collector: OtlpCollector;
let graph: RunningGraph;
beforeAll(async () => {
  collector = await startOtlpCollector();
  graph = await startGraph({
    env: {
      DATABASE_PREFIX: `t_otel_${RUN}_`,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      // Subgraphs log each request at debug level: the log test reads those lines.
      LOG_LEVEL: 'debug',
      // Every request executes (no answer from the cache), so the histogram counts each one.
      RESPONSE_CACHE: 'off',
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    },
  });
  await graph.settle();
}, 180_000);
afterAll(async () => {
  await graph?.stop();
  await collector?.close();
});

/** The fields of the launcher's pretty-printed lines ("[gateway  ] 12:00:00 info  request requestId=… traceId=…"). */
function logLines(output: string): { service: string; message: string; fields: Record<string, string> }[] {
  return [...output.matchAll(/^\[(\w+)\s*\] \d\d:\d\d:\d\d (\w+)\s+(.*)$/gm)].map(([, service, , rest]) => {
    const fields = Object.fromEntries([...rest!.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
    return { service: service!, message: rest!.split(' ')[0]!, fields };
  });
}

/** A pg query span (instrumentation-pg names the database system with the current or the older convention). */
const isPgQuery = (s: CollectedSpan) => (s.attributes['db.system.name'] ?? s.attributes['db.system']) === 'postgresql';

/** The spans above one span, up to the root of its trace. */
function ancestors(span: CollectedSpan, all: CollectedSpan[]): CollectedSpan[] {
  const byId = new Map(all.map((s) => [s.spanId, s]));
  const chain: CollectedSpan[] = [];
  for (let parent = span.parentSpanId && byId.get(span.parentSpanId); parent; parent = parent.parentSpanId && byId.get(parent.parentSpanId)) {
    chain.push(parent);
  }
  return chain;
}

/**
 * Whether a trace's server spans are in: the gateway's and one of each subgraph. Each ends last in
 * its process (the gateway's after its answer is sent), so the spans under it were exported with
 * it or before; a span of a process is not enough (its pg or client spans may come in a batch
 * before its server span).
 */
const serverSpansOf = (traceId: string) => (all: CollectedSpan[]) => {
  const servers = new Set(all.filter((s) => s.traceId === traceId && s.kind === 2).map((s) => s.service));
  return ['gateway', ...SUBGRAPHS].every((name) => servers.has(name));
};

async function whatsOn(headers: Record<string, string> = {}): Promise<string> {
  const answer = await graph.query(WHATS_ON, week, { headers: { 'accept-language': 'en', ...headers } });
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  return answer.headers.get('x-request-id')!;
}

describe('traces', () => {
  it('follow one request from the gateway through each subgraph to its SQL, in one trace', async () => {
    const requestId = await whatsOn();
    // The gateway's request line names the trace (the log test below checks it on every process).
    const line = await eventually(() => logLines(graph.output()).find((l) => l.service === 'gateway' && l.fields.requestId === requestId && l.fields.traceId));
    const traceId = line.fields.traceId!;
    const spans = await collector.waitFor(serverSpansOf(traceId));
    const trace = spans.filter((s) => s.traceId === traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));

    // One root: the gateway's server span of the client's POST.
    const roots = trace.filter((s) => !s.parentSpanId);
    expect(roots.map((s) => [s.service, s.kind])).toEqual([['gateway', 2]]);
    for (const subgraph of SUBGRAPHS) {
      // Every server span of the subgraph is the child of a client span of the gateway: its fetch.
      const served = trace.filter((s) => s.service === subgraph && s.kind === 2);
      expect(served.length).toBeGreaterThan(0);
      for (const span of served) {
        const parent = byId.get(span.parentSpanId!);
        expect([subgraph, parent?.service, parent?.kind]).toEqual([subgraph, 'gateway', 3]);
      }
      // And under them, the subgraph's pg query spans.
      await collector.waitFor((all) => all.some((s) => s.traceId === traceId && s.service === subgraph && isPgQuery(s)));
      const queries = collector.spans.filter((s) => s.traceId === traceId && s.service === subgraph && isPgQuery(s));
      expect(queries.length).toBeGreaterThan(0);
      for (const query of queries) expect(ancestors(query, collector.spans).some((a) => a.service === subgraph && a.kind === 2)).toBe(true);
    }
  });

  it("start anew at the gateway: a client's traceparent does not choose the trace, the subgraphs share the gateway's", async () => {
    const clientTraceId = randomBytes(16).toString('hex');
    const requestId = await whatsOn({ traceparent: `00-${clientTraceId}-${randomBytes(8).toString('hex')}-01`, tracestate: 'client=chosen' });
    const line = await eventually(() => logLines(graph.output()).find((l) => l.service === 'gateway' && l.fields.requestId === requestId && l.fields.traceId));
    const traceId = line.fields.traceId!;
    expect(traceId).not.toBe(clientTraceId);
    const spans = await collector.waitFor(serverSpansOf(traceId));
    // The gateway's server span is the root of the new trace, and no process made a span in the client's.
    const roots = spans.filter((s) => s.traceId === traceId && !s.parentSpanId);
    expect(roots.map((s) => [s.service, s.kind])).toEqual([['gateway', 2]]);
    expect(collector.spans.filter((s) => s.traceId === clientTraceId)).toEqual([]);
    // Every process's log lines of the request name the gateway's trace.
    const lines = logLines(graph.output()).filter((l) => l.fields.requestId === requestId);
    expect(new Set(lines.map((l) => l.fields.traceId))).toEqual(new Set([traceId]));
  });

  it('are not asked of probes: /health makes no span', async () => {
    const before = collector.spans.length;
    for (let i = 0; i < 5; i += 1) expect((await fetch(new URL('/health', graph.gatewayUrl))).status).toBe(200);
    await whatsOn(); // a request that is traced, sent after the probes: once its spans are in, the probes' would be too
    await collector.waitFor((all) => all.length > before && all.slice(before).some((s) => s.service === 'gateway' && s.kind === 2));
    await new Promise((r) => setTimeout(r, 500));
    const probes = collector.spans.slice(before).filter((s) => Object.values(s.attributes).some((v) => String(v).endsWith('/health')));
    expect(probes).toEqual([]);
  });
});

describe('logs', () => {
  it("carry the request id and the same trace id in the gateway's lines and in each subgraph's", async () => {
    const requestId = await whatsOn();
    const lines = await eventually(() => {
      const mine = logLines(graph.output()).filter((l) => l.fields.requestId === requestId);
      return SUBGRAPHS.every((s) => mine.some((l) => l.service === s)) && mine.some((l) => l.service === 'gateway') ? mine : undefined;
    });
    const traceIds = new Set(lines.map((l) => l.fields.traceId));
    expect([...traceIds]).toHaveLength(1);
    expect([...traceIds][0]).toMatch(/^[0-9a-f]{32}$/);
    expect(lines.every((l) => /^[0-9a-f]{16}$/.test(l.fields.spanId ?? ''))).toBe(true);
  });
});

/** Prometheus text as value per series, e.g. values['maison_sql_statements_total{service="tenants"}']. */
async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const text = await response.text();
  return new Map([...text.matchAll(/^([a-z_]+(?:\{[^}]*\})?) (\S+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe('metrics', () => {
  it('are served on the metrics port only: /metrics on the public ports is 404', async () => {
    expect((await fetch(new URL('/metrics', graph.gatewayUrl))).status).toBe(404);
    for (const subgraph of SUBGRAPHS) expect((await fetch(new URL('/metrics', graph.subgraphUrls[subgraph]))).status).toBe(404);
    expect((await fetch(graph.metricsUrls.gateway.replace('/metrics', '/graphql'))).status).toBe(404);
  });

  it('time each operation by name, each subgraph fetch, and count each SQL statement', async () => {
    const before = await scrape(graph.metricsUrls.gateway);
    const sent = 4;
    for (let i = 0; i < sent; i += 1) await whatsOn();
    const after = await scrape(graph.metricsUrls.gateway);
    const count = (values: Map<string, number>, series: string) => values.get(series) ?? 0;
    const operation = `maison_graphql_request_duration_seconds_count{service="gateway",operation="${OPERATION}"}`;
    expect(count(after, operation) - count(before, operation)).toBeGreaterThanOrEqual(sent);
    for (const subgraph of SUBGRAPHS) {
      const fetches = `maison_subgraph_fetch_duration_seconds_count{subgraph="${subgraph}"}`;
      expect(count(after, fetches) - count(before, fetches)).toBeGreaterThanOrEqual(sent);
      const values = await scrape(graph.metricsUrls[subgraph]);
      expect(count(values, `maison_sql_statements_total{service="${subgraph}"}`)).toBeGreaterThan(0);
      expect(count(values, `maison_sql_statement_duration_seconds_count{service="${subgraph}"}`)).toBeGreaterThan(0);
      expect(count(values, `maison_graphql_requests_total{service="${subgraph}"}`)).toBeGreaterThan(0);
    }
    // The response cache's counters keep their names (zero here: the cache is off).
    expect(after.get('maison_response_cache_hits_total{service="gateway"}')).toBe(0);
  });

  it('count the answers of one fetch sent as the subgraph wrote them, and only those', async () => {
    const token = tokenFor(asTenant(`verbatim-${RUN}`));
    const verbatim = async () => (await scrape(graph.metricsUrls.gateway)).get('maison_gateway_verbatim_answers_total{service="gateway"}') ?? 0;
    const before = await verbatim();
    const kitchen = await graph.query('query Kitchen { sharedSpace(slug: "cuisine") { slug name } }', undefined, { token });
    expect(kitchen.status).toBe(200);
    expect(kitchen.body).toEqual({ data: { sharedSpace: { slug: 'cuisine', name: expect.any(String) } } });
    expect((await verbatim()) - before).toBe(1);
    // A plan of three fetches is shaped by the gateway, as is a query whose fetch the planner wrote otherwise.
    expect((await graph.query(WHATS_ON, week, { token })).status).toBe(200);
    expect((await graph.query('{ sharedSpace(slug: "cuisine") { __typename slug } __typename }', undefined, { token })).status).toBe(200);
    expect((await verbatim()) - before).toBe(1);
  });

  it('count the requests the rate limit refuses (HTTP 429)', async () => {
    const token = tokenFor(asTenant(`otel-${RUN}`));
    const before = (await scrape(graph.metricsUrls.gateway)).get('maison_rate_limit_refusals_total{service="gateway",path="/graphql"}') ?? 0;
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 3; i += 1) statuses.push((await graph.query('{ __typename }', undefined, { token })).status);
    const refused = statuses.filter((s) => s === 429).length;
    expect(refused).toBeGreaterThanOrEqual(3);
    const after = (await scrape(graph.metricsUrls.gateway)).get('maison_rate_limit_refusals_total{service="gateway",path="/graphql"}') ?? 0;
    expect(after - before).toBe(refused);
  });
});

async function eventually<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms:\n${graph.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
