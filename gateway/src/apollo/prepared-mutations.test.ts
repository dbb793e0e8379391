import { admin, listenStub, tokenFor } from '@maison/testing';
import type { Gateway } from '../gateway';
import { gatewayOverStub } from '../stub-gateway';
import { BENCH, BENCH_VARIABLES } from '../../test/generated-operations';

/**
 * What a mutation through the prepared lane owes the rest of the gateway, side by side with a
 * gateway without the lane over the same stub: the mutation rate limit counts it once, whichever
 * path refuses it, and its answer empties the response cache of what it changed.
 */
const [, KITCHEN, BOOK] = BENCH as [string, string, string];
const BOOKED = '{"data":{"bookSharedSpace":{"booking":{"id":"1","startsAt":"2026-12-03T15:00:00.000Z"},"userErrors":[]}}}';
const KITCHEN_ANSWER =
  '{"data":{"sharedSpace":{"name":"Cuisine","availability":[{"startsAt":"2026-12-03T13:00:00.000Z","endsAt":"2026-12-03T14:00:00.000Z"}]}}}';

let stub: Awaited<ReturnType<typeof listenStub>>;
let calls = 0;
const started: Gateway[] = [];
beforeAll(async () => {
  stub = await listenStub((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls += 1;
      const booking = Buffer.concat(chunks).toString('utf8').includes('bookSharedSpace');
      res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': booking ? 'no-store' : 'max-age=60, public' })
        .end(booking ? BOOKED : KITCHEN_ANSWER);
    });
  });
});
afterAll(async () => {
  for (const gateway of started) await gateway.close();
  stub?.server.closeAllConnections();
  await stub?.close();
});

async function pair(env: Record<string, string>): Promise<{ lane: { gateway: Gateway; url: string }; full: { gateway: Gateway; url: string } }> {
  const lane = await gatewayOverStub(stub.url, env);
  const full = await gatewayOverStub(stub.url, { ...env, PREPARED_OPERATIONS: 'off' });
  started.push(lane.gateway, full.gateway);
  return { lane, full };
}

const token = tokenFor(admin);
async function book(url: string): Promise<{ status: number; body: string; calls: number }> {
  const before = calls;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: BOOK, variables: BENCH_VARIABLES[2] }),
  });
  return { status: response.status, body: await response.text(), calls: calls - before };
}

async function kitchen(url: string): Promise<string | null> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: KITCHEN, variables: BENCH_VARIABLES[1] }),
  });
  expect(await response.text()).toBe(`${KITCHEN_ANSWER}\n`);
  return response.headers.get('x-cache');
}

it('counts a mutation once against the mutation rate limit, whichever path refuses it', async () => {
  const { lane, full } = await pair({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '1000' });
  const mine = [];
  const theirs = [];
  for (let i = 0; i < 6; i++) {
    mine.push(await book(lane.url));
    theirs.push(await book(full.url));
  }
  expect(mine.map((b) => b.status)).toEqual([200, 200, 200, 429, 429, 429]);
  expect(mine.map((b) => b.calls)).toEqual([1, 1, 1, 0, 0, 0]);
  expect(mine.map((b) => b.body.replace(/"retryAfterSeconds":\d+/g, ''))).toEqual(theirs.map((b) => b.body.replace(/"retryAfterSeconds":\d+/g, '')));
  // The second and third went the lane; the refused ones were the pipeline's, with the lane's count.
  expect(lane.gateway.preparedStats).toMatchObject({ answered: 2, handedOn: 3, handedOnAfterCall: 0 });
});

it("empties the response cache of what a mutation changed, before the mutation's answer goes out", async () => {
  const { lane, full } = await pair({ RESPONSE_CACHE: 'on', RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000' });
  for (const { gateway, url } of [lane, full]) {
    const seen = [await kitchen(url), await kitchen(url)];
    expect((await book(url)).status).toBe(200);
    seen.push(await kitchen(url), await kitchen(url));
    const answered = gateway.preparedStats?.answered ?? 0;
    expect((await book(url)).status).toBe(200);
    expect(gateway.preparedStats?.answered ?? 0).toBe(gateway === lane.gateway ? answered + 1 : 0);
    seen.push(await kitchen(url));
    expect(seen).toEqual(['MISS', 'HIT', 'MISS', 'HIT', 'MISS']);
  }
});
