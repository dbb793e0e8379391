import { startGraph, tokenFor, withRoles, type RunningGraph } from '@maison/testing';
import { NO_CALLS, subgraphCallsDuring } from './security-helpers';

/** Rate limits per identity (or address), with small limits set through the environment. */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_MUTATIONS_PER_MINUTE: '2' } });
  // The hold reconcilers' boot rounds call tenants: the subgraph calls counted must be the tests' own.
  await graph.settle();
});
afterAll(async () => {
  await graph?.stop();
});

const HOUSE = '{ house { name } }';
const CANCEL = 'mutation { cancelSpaceBooking(id: "00000000-0000-4000-8000-000000000001") { userErrors { code } } }';
const limited = (retryAfterSeconds: number) => ({
  status: 429,
  retryAfter: String(retryAfterSeconds),
  body: { errors: [{ message: `Trop de requêtes : réessayez dans ${retryAfterSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }] },
});
/**
 * A bucket refills continuously (5 a minute is one token every 12 s), so the wait it announces is the full
 * period minus what has refilled since the bucket was emptied: a slow machine may see 11 s instead of 12.
 * The refusal must say the same wait in its header, its extension and its message.
 */
const expectLimited = (refused: Awaited<ReturnType<typeof ask>> | undefined, periodSeconds: number, since: number) => {
  const elapsed = Math.ceil((Date.now() - since) / 1000);
  const wait = Number(refused?.retryAfter);
  expect(wait).toBeGreaterThanOrEqual(Math.max(1, periodSeconds - elapsed));
  expect(wait).toBeLessThanOrEqual(periodSeconds);
  expect(refused).toEqual(limited(wait));
};
const ask = async (query: string, token?: string) => {
  const { status, headers, body } = await graph.query(query, {}, token ? { token } : {});
  return { status, retryAfter: headers.get('retry-after'), body };
};

describe('RATE_LIMIT_PER_MINUTE=5', () => {
  it('answers an anonymous address 5 times, then 429 with Retry-After, without calling a subgraph', async () => {
    const since = Date.now();
    for (let i = 0; i < 5; i++) expect((await ask(HOUSE)).status).toBe(200);
    let refused: Awaited<ReturnType<typeof ask>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (refused = await ask(HOUSE)));
    expectLimited(refused, 12, since);
    expect(calls).toEqual(NO_CALLS);
  });

  it('counts each identity on its own, not against the address', async () => {
    const alice = tokenFor(withRoles('alice@test', ['MEMBER']));
    const bob = tokenFor(withRoles('bob@test', ['MEMBER']));
    const since = Date.now();
    for (let i = 0; i < 5; i++) expect((await ask(HOUSE, alice)).status).toBe(200);
    expectLimited(await ask(HOUSE, alice), 12, since);
    expect((await ask(HOUSE, bob)).status).toBe(200);
  });

  it('speaks English when asked', async () => {
    const carol = tokenFor(withRoles('carol@test', ['MEMBER']));
    const since = Date.now();
    for (let i = 0; i < 5; i++) await ask(HOUSE, carol);
    const response = await graph.query(HOUSE, {}, { token: carol, headers: { 'accept-language': 'en' } });
    const wait = Number(response.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(12 - Math.ceil((Date.now() - since) / 1000));
    expect(response.body).toEqual({
      errors: [{ message: `Too many requests: try again in ${wait} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait } }],
    });
  });
});

describe('RATE_LIMIT_MUTATIONS_PER_MINUTE=2', () => {
  it('runs 2 mutations, refuses the third with 429 before its subgraph, and still answers queries', async () => {
    const dave = tokenFor(withRoles('dave@test', ['ADMIN']));
    const since = Date.now();
    for (let i = 0; i < 2; i++) {
      const { status, body } = await ask(CANCEL, dave);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    let refused: Awaited<ReturnType<typeof ask>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (refused = await ask(CANCEL, dave)));
    expectLimited(refused, 30, since);
    expect(calls).toEqual(NO_CALLS);
    expect((await ask(HOUSE, dave)).status).toBe(200);
  });
});
