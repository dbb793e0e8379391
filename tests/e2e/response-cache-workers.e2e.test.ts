import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { asTenant, startGraph, tokenFor, type RunningGraph } from '@maison/testing';

/**
 * GATEWAY_WORKERS=2 without Redis: each worker process keeps its own memory cache, and an
 * invalidation in one reaches the other through the primary. After a mutation, no answer from
 * either worker may still be the old one, and answers that do not hold what it changed stay in
 * both; a refused mutation empties nothing in either.
 */
const RUN = randomBytes(4).toString('hex');
const CALENDAR = `query Workers_${RUN}($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date spaceBookings { title } } }`;
const EXHIBITIONS = `query Exhibitions_${RUN} { exhibitions(first: 3) { nodes { title } } }`;
const BOOK = `mutation Book_${RUN}($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const day = addDays(todayInHouse(), 9);

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: `t_rcw_${RUN}_`, GATEWAY_WORKERS: '2' } });
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

/** One request on a connection of its own, so that the cluster spreads them over both workers. */
function post(body: unknown, headers: Record<string, string> = {}): Promise<{ cache: string | undefined; pid: string | undefined; body: any }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      graph.gatewayUrl,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close', ...headers } },
      (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () => resolve({ cache: response.headers['x-cache'] as string | undefined, pid: undefined, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

const titles = (body: any): string[] => body.data.calendar.flatMap((d: { spaceBookings: { title: string }[] }) => d.spaceBookings.map((b) => b.title));

it('invalidates the memory caches of every worker after a mutation in one of them', async () => {
  const read = () => post({ query: CALENDAR, variables: { from: day, to: day } });
  const readExhibitions = () => post({ query: EXHIBITIONS });
  // Warm both workers: each keeps its own memory cache, so each answers its first read with a MISS.
  // The second worker may still be starting when the graph is ready (the first one answers alone
  // meanwhile, for seconds on a loaded machine), so read until both have missed once, then every
  // answer is a hit.
  const warm = [];
  const deadline = Date.now() + 30_000;
  while (warm.filter((a) => a.cache === 'MISS').length < 2 && Date.now() < deadline) {
    warm.push(await read());
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(warm.filter((a) => a.cache === 'MISS')).toHaveLength(2);
  // Both workers are up now: the exhibitions are a MISS in each, then HIT.
  const exhibitions = [];
  while (exhibitions.filter((a) => a.cache === 'MISS').length < 2 && exhibitions.length < 20) exhibitions.push(await readExhibitions());
  expect(exhibitions.filter((a) => a.cache === 'MISS')).toHaveLength(2);
  for (let i = 0; i < 6; i += 1) warm.push(await read());
  expect(warm.slice(-6).map((a) => a.cache)).toEqual(Array(6).fill('HIT'));
  const title = `Atelier ${RUN}`;
  expect(warm.every((a) => !titles(a.body).includes(title))).toBe(true);

  const startsAt = houseInstant(day, '14:00');
  const input = {
    spaceId: stableId('shared-space', 'cuisine'),
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    title,
    visibility: 'PUBLIC',
  };
  const tenant = { authorization: `Bearer ${tokenFor(asTenant('acupuncture'))}` };
  // Refused (an empty title), in whichever worker: nothing is emptied in either.
  const refused = await post({ query: BOOK, variables: { input: { ...input, title: '' } } }, tenant);
  expect(refused.body.data.bookSharedSpace.userErrors).not.toEqual([]);
  await new Promise((r) => setTimeout(r, 200));
  const kept = [];
  for (let i = 0; i < 4; i += 1) kept.push((await read()).cache);
  for (let i = 0; i < 4; i += 1) kept.push((await readExhibitions()).cache);
  expect(kept).toEqual(Array(8).fill('HIT'));

  const booked = await post({ query: BOOK, variables: { input } }, tenant);
  expect(booked.body.data.bookSharedSpace).toEqual({ booking: { id: expect.any(String) }, userErrors: [] });
  // The relay goes through the primary: give it a moment, then every answer, from either worker, is new.
  await new Promise((r) => setTimeout(r, 200));
  const after = [];
  for (let i = 0; i < 8; i += 1) after.push(await read());
  expect(after.map((a) => titles(a.body).includes(title))).toEqual(Array(8).fill(true));
  expect(after.filter((a) => a.cache === 'MISS').length).toBeGreaterThanOrEqual(1);
  // The exhibitions hold no booking: still served from the cache of both workers.
  const untouched = [];
  for (let i = 0; i < 6; i += 1) untouched.push(await readExhibitions());
  expect(untouched.map((a) => a.cache)).toEqual(Array(6).fill('HIT'));
}, 60_000);
