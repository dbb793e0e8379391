import { randomBytes } from 'node:crypto';
import { addDays, todayInHouse } from '@maison/house';
import { startGraph, type RunningGraph } from '@maison/testing';

/**
 * Identical anonymous reads that arrive together (after an invalidation, or at the first visit of
 * a page) cost one execution: the others wait for its answer instead of calling the subgraphs.
 */
const RUN = randomBytes(4).toString('hex');
const SUBGRAPHS = ['tenants', 'coworking', 'gallery'] as const;
const CALENDAR = `query Together_${RUN}($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) {
  date spaceBookings { title } coworkingEvents { title } exhibitionsOnView { title } } }`;

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: `t_rcc_${RUN}_` } });
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

const requests = async () => Promise.all(SUBGRAPHS.map((s) => graph.subgraphRequests(s)));
const coalesced = () => graph.gatewayCounter('maison_response_cache_coalesced_total');

it('answers 30 identical anonymous reads sent at once with one call to each subgraph', async () => {
  await graph.settle();
  const before = await requests();
  const coalescedBefore = await coalesced();
  const variables = { from: todayInHouse(), to: addDays(todayInHouse(), 6) };
  const answers = await Promise.all(
    Array.from({ length: 30 }, async () => {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: CALENDAR, variables }),
      });
      return { cache: response.headers.get('x-cache'), text: await response.text() };
    }),
  );
  const after = await requests();
  expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 1]);
  expect(answers.filter((a) => a.cache === 'MISS')).toHaveLength(1);
  expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  expect(JSON.parse(answers[0]!.text).data.calendar).toHaveLength(7);
  // Those that arrived while the first was running waited for it; later ones found it stored.
  expect(await coalesced()).toBeGreaterThan(coalescedBefore);
}, 60_000);
