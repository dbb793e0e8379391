import { startGraph, type RunningGraph } from '@maison/testing';
import { NO_CALLS, post, subgraphCallsDuring } from './security-helpers';

/** Operation limits at the gateway, with their defaults: both sides of each boundary, through HTTP. */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const MEMBER_ID = '00000000-0000-4000-8000-000000000000';
/** member → currentMembership → member … : a path of `depth` fields without lists (cost stays small). */
function membershipChain(depth: number): string {
  const fields = Array.from({ length: depth - 1 }, (_, i) => (i === 0 ? `member(id: "${MEMBER_ID}")` : i % 2 === 1 ? 'currentMembership' : 'member'));
  return `{ ${fields.map((f) => `${f} {`).join(' ')} id ${'}'.repeat(depth - 1)} }`;
}
const typenameAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
/** `{ ...F ...F … } fragment F on Query { __typename }`: 2n + 9 tokens, plus those of extra (repeated spreads of one fragment validate cheaply). */
const spreads = (n: number, extra = '') => `{ ${extra} ${Array.from({ length: n }, () => '...F').join(' ')} } fragment F on Query { __typename }`;
/** exhibitions(first: 98) { nodes { … } }: 1 + (1 + 98 × 51) = 5000 with the default cost model. */
const COST_5000 = `{ exhibitions(first: 98) { nodes {
  id slug title description startsOn endsOn status coverImageUrl __typename
  artworks { title year medium }
  artists { name }
} } }`;

describe('depth (MAX_QUERY_DEPTH=10)', () => {
  it('answers an operation 10 fields deep', async () => {
    const { status, body } = await graph.query(membershipChain(10));
    expect({ status, body }).toEqual({ status: 200, body: { data: { member: null } } });
  });

  it('refuses 11 fields deep, naming the limit, before any subgraph is called', async () => {
    let response: Awaited<ReturnType<RunningGraph['query']>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (response = await graph.query(membershipChain(11))));
    expect({ status: response!.status, body: response!.body }).toEqual({
      status: 400,
      body: { errors: [{ message: 'La profondeur de la requête (11) dépasse la limite de 10.', extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 10, actual: 11 } }] },
    });
    expect(calls).toEqual(NO_CALLS);
  });

  it('sees the depth through fragments, in English when asked', async () => {
    const query = `query { ...Deep } fragment Deep on Query ${membershipChain(11).slice(2).replace(/^/, '{ ')}`;
    const { status, body } = await graph.query(query, {}, { headers: { 'accept-language': 'en' } });
    expect({ status, body }).toEqual({
      status: 400,
      body: { errors: [{ message: 'Query depth 11 exceeds the limit of 10.', extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 10, actual: 11 } }] },
    });
  });

  it('answers a recursive fragment at once with a validation error', async () => {
    const started = Date.now();
    const { status, body } = await graph.query('{ house { ...A } } fragment A on House { name ...B } fragment B on House { ...A }');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(status).toBe(400);
    expect(body.errors!.map((e) => e.extensions!.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors![0]!.message).toBe('Cannot spread fragment "A" within itself via "B".');
  });
});

describe('aliases (MAX_ALIASES=30)', () => {
  it('answers 30 aliases of __typename', async () => {
    const { status, body } = await graph.query(typenameAliases(30));
    expect({ status, body }).toEqual({ status: 200, body: { data: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, 'Query'])) } });
  });

  it('refuses 31, and counts a fragment as often as it is spread', async () => {
    const refused = { errors: [{ message: 'La requête utilise 31 alias ; la limite est de 30.', extensions: { code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, actual: 31 } }] };
    const calls = await subgraphCallsDuring(graph, async () => {
      expect(await graph.query(typenameAliases(31))).toMatchObject({ status: 400, body: refused });
    });
    expect(calls).toEqual(NO_CALLS);
    const spread = `{ house { name } ...F ...F ...F x: __typename } fragment F on Query { ${Array.from({ length: 10 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    expect((await graph.query(spread)).body).toEqual(refused);
  });
});

describe('tokens (MAX_TOKENS=2000)', () => {
  it('parses a document of 2000 tokens', async () => {
    const { status, body } = await graph.query(spreads(995, '__typename'));
    expect({ status, body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('stops parsing at 2001 tokens', async () => {
    const { status, body } = await graph.query(spreads(996));
    expect({ status, body }).toEqual({
      status: 400,
      body: { errors: [{ message: 'La requête dépasse la limite de 2000 jetons lexicaux.', extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit: 2000 } }] },
    });
  });
});

describe('cost (MAX_QUERY_COST=5000)', () => {
  it('runs an operation that costs 5000', async () => {
    let response: Awaited<ReturnType<RunningGraph['query']>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (response = await graph.query(COST_5000)));
    expect(response!.body.errors).toBeUndefined();
    expect(response!.status).toBe(200);
    expect(response!.body.data!.exhibitions.nodes.length).toBeGreaterThan(0);
    expect(calls.gallery).toBeGreaterThan(0);
  });

  it('refuses one that costs 5001 before any subgraph is called', async () => {
    let response: Awaited<ReturnType<RunningGraph['query']>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (response = await graph.query(COST_5000.replace('{ exhibitions', '{ __typename exhibitions'))));
    expect({ status: response!.status, body: response!.body }).toEqual({
      status: 400,
      body: { errors: [{ message: 'Le coût estimé de la requête (5001) dépasse la limite de 5000.', extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 5000, actual: 5001 } }] },
    });
    expect(calls).toEqual(NO_CALLS);
  });

  it('reads first and the calendar days from the variables', async () => {
    const query = `query($n: Int, $from: LocalDate!, $to: LocalDate!) {
      exhibitions(first: $n) { nodes { title artworks { title } artists { name } } }
      calendar(from: $from, to: $to) { date coworkingEvents { title } spaceBookings { title } exhibitionsOnView { title } }
    }`;
    // exhibitions 1 + (1 + n × 23) ; calendar 1 + days × 34
    const small = await graph.query(query, { n: 10, from: '2026-03-01', to: '2026-03-07' });
    expect(small.body.errors).toBeUndefined();
    const calls = await subgraphCallsDuring(graph, async () => {
      const big = await graph.query(query, { n: 100, from: '2026-03-01', to: '2026-05-31' });
      expect(big.body).toEqual({
        errors: [{ message: 'Le coût estimé de la requête (5431) dépasse la limite de 5000.', extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 5000, actual: 5431 } }],
      });
    });
    expect(calls).toEqual(NO_CALLS);
  });
});

describe('request body (BODY_LIMIT_BYTES=1048576) and batching', () => {
  const padded = (size: number) => {
    const json = JSON.stringify({ query: '{ __typename }' });
    return json + ' '.repeat(size - Buffer.byteLength(json));
  };

  it('accepts a body of exactly 1 MiB and refuses one byte more', async () => {
    expect(await post(graph.gatewayUrl, padded(1_048_576))).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    const refused = await post(graph.gatewayUrl, padded(1_048_577));
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 413,
      body: { errors: [{ message: 'Le corps de la requête dépasse la limite de 1048576 octets.', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 1_048_576 } }] },
    });
  });

  it('refuses a batch (a JSON array of operations) without calling a subgraph', async () => {
    let response: Awaited<ReturnType<typeof post>> | undefined;
    const batch = JSON.stringify([{ query: '{ house { name } }' }, { query: '{ house { name } }' }]);
    const calls = await subgraphCallsDuring(graph, async () => (response = await post(graph.gatewayUrl, batch)));
    expect(response!.status).toBe(400);
    expect(response!.body.errors.map((e: { message: string; extensions: { code: string } }) => [e.message, e.extensions.code])).toEqual([['Operation batching disabled.', 'BAD_REQUEST']]);
    expect(calls).toEqual(NO_CALLS);
  });
});
