import { startGraph, tokenFor, withRoles, type RunningGraph } from '@maison/testing';
import { NO_CALLS, subgraphCallsDuring } from './security-helpers';

/** Rate limits per identity (or address), with small limits set through the environment. */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_MUTATIONS_PER_MINUTE: '2' } });
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
const ask = async (query: string, token?: string) => {
  const { status, headers, body } = await graph.query(query, {}, token ? { token } : {});
  return { status, retryAfter: headers.get('retry-after'), body };
};

describe('RATE_LIMIT_PER_MINUTE=5', () => {
  it('answers an anonymous address 5 times, then 429 with Retry-After, without calling a subgraph', async () => {
    for (let i = 0; i < 5; i++) expect((await ask(HOUSE)).status).toBe(200);
    let refused: Awaited<ReturnType<typeof ask>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (refused = await ask(HOUSE)));
    expect(refused).toEqual(limited(12));
    expect(calls).toEqual(NO_CALLS);
  });

  it('counts each identity on its own, not against the address', async () => {
    const alice = tokenFor(withRoles('alice@test', ['MEMBER']));
    const bob = tokenFor(withRoles('bob@test', ['MEMBER']));
    for (let i = 0; i < 5; i++) expect((await ask(HOUSE, alice)).status).toBe(200);
    expect(await ask(HOUSE, alice)).toEqual(limited(12));
    expect((await ask(HOUSE, bob)).status).toBe(200);
  });

  it('speaks English when asked', async () => {
    const carol = tokenFor(withRoles('carol@test', ['MEMBER']));
    for (let i = 0; i < 5; i++) await ask(HOUSE, carol);
    const response = await graph.query(HOUSE, {}, { token: carol, headers: { 'accept-language': 'en' } });
    expect(response.body).toEqual({
      errors: [{ message: 'Too many requests: try again in 12 s.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 } }],
    });
  });
});

describe('RATE_LIMIT_MUTATIONS_PER_MINUTE=2', () => {
  it('runs 2 mutations, refuses the third with 429 before its subgraph, and still answers queries', async () => {
    const dave = tokenFor(withRoles('dave@test', ['ADMIN']));
    for (let i = 0; i < 2; i++) {
      const { status, body } = await ask(CANCEL, dave);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    let refused: Awaited<ReturnType<typeof ask>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (refused = await ask(CANCEL, dave)));
    expect(refused).toEqual(limited(30));
    expect(calls).toEqual(NO_CALLS);
    expect((await ask(HOUSE, dave)).status).toBe(200);
  });
});
