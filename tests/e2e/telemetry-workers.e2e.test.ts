import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { addDays, todayInHouse } from '@maison/house';
import { startGraph, type RunningGraph } from '@maison/testing';

/**
 * GATEWAY_WORKERS=2: the primary's metrics endpoint answers the sum of both workers' metrics
 * (prom-client's AggregatorRegistry), not the figures of whichever process a scrape reaches.
 * Each worker keeps its own memory response cache, so each answers its first read of a query with
 * a MISS: two MISSes show both workers served, and the primary must count both.
 */
const RUN = randomBytes(4).toString('hex');
const OPERATION = `Aggregated_${RUN}`;
const CALENDAR = `query ${OPERATION}($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date spaceBookings { title } } }`;
const day = addDays(todayInHouse(), 3);

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: `t_otelw_${RUN}_`, GATEWAY_WORKERS: '2' } });
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

/** One read on a connection of its own, so that the cluster spreads them over both workers. */
function read(): Promise<string | undefined> {
  const data = JSON.stringify({ query: CALENDAR, variables: { from: day, to: day } });
  return new Promise((resolve, reject) => {
    const request = http.request(
      graph.gatewayUrl,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.headers['x-cache'] as string | undefined));
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

async function series(name: string): Promise<number> {
  const text = await (await fetch(graph.metricsUrls.gateway)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line)
    throw new Error(
      `no ${name} in the primary's metrics:\n${text
        .split('\n')
        .filter((l) => l.startsWith('maison_'))
        .join('\n')}`,
    );
  return Number(line.slice(name.length + 1));
}

it("sums both workers' metrics on the primary's metrics port", async () => {
  const answers: (string | undefined)[] = [];
  // The second worker may still be starting when the graph is ready: read until both have missed once.
  const deadline = Date.now() + 30_000;
  while (answers.filter((a) => a === 'MISS').length < 2 && Date.now() < deadline) {
    answers.push(await read());
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(answers.filter((a) => a === 'MISS')).toHaveLength(2);
  for (let i = 0; i < 4; i += 1) answers.push(await read());
  const hits = answers.filter((a) => a === 'HIT').length;

  // One execution per worker, each timed by its own worker; the primary shows both.
  expect(await series(`maison_graphql_request_duration_seconds_count{service="gateway",operation="${OPERATION}"}`)).toBe(2);
  expect(await series('maison_response_cache_misses_total{service="gateway"}')).toBe(2);
  expect(await series('maison_response_cache_hits_total{service="gateway"}')).toBe(hits);
  expect(await series('maison_subgraph_fetch_duration_seconds_count{subgraph="tenants"}')).toBeGreaterThanOrEqual(2);
});
