import { startGraph, type RunningGraph } from '@maison/testing';
import { ACCEPTED, CATALOGUE_AND_CALENDAR, WHATS_ON_CALENDAR } from '../cost-shapes';
import { NO_CALLS, post, subgraphCallsDuring } from './security-helpers';

/** Operation limits at the gateway, with their defaults: both sides of each boundary, through HTTP. */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
  // The hold reconcilers' boot rounds call tenants: the subgraph calls counted must be the tests' own.
  await graph.settle();
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
/**
 * Every field of the README's what's-on over a quarter (92 days × 32: a day 1, its exhibitions
 * 3 × 1, vernissages 2 × 2, events 4 × (1 + 2 for the space the tenants subgraph resolves),
 * bookings 6 × 2) and `$n` exhibitions (1 + $n): 3000 with $n = 55, the default budget.
 */
const QUARTER = { from: '2026-12-01', to: '2027-03-02' };
const COST_3000 = `query($from: LocalDate!, $to: LocalDate!, $n: Int) { exhibitions(first: $n) { nodes { title } } ${WHATS_ON_CALENDAR} }`;
const HOW_TO_FIT_FR = 'Pour qu’elle passe : découpez la période en plusieurs requêtes, baissez « first » ou demandez moins de champs.';

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
      body: {
        errors: [{ message: 'La profondeur de la requête (11) dépasse la limite de 10.', extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 10, actual: 11 } }],
      },
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
    expect(body.errors![0]!.message).toBe('Le fragment « A » ne peut pas s’étaler en lui-même par « B ».');
  });
});

describe('aliases (MAX_ALIASES=30)', () => {
  it('answers 30 aliases of __typename', async () => {
    const { status, body } = await graph.query(typenameAliases(30));
    expect({ status, body }).toEqual({ status: 200, body: { data: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, 'Query'])) } });
  });

  it('refuses 31, and counts a fragment as often as it is spread', async () => {
    const refused = {
      errors: [{ message: 'La requête utilise 31 alias ; la limite est de 30.', extensions: { code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, actual: 31 } }],
    };
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

describe('cost (MAX_QUERY_COST=3000)', () => {
  it.each(ACCEPTED.map((s) => [s.label, s] as const))('answers %s', async (_, shape) => {
    const { status, body } = await graph.query(shape.document, shape.variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(body.data).length).toBeGreaterThan(1000);
  });

  it('runs an operation that costs 3000', async () => {
    let response: Awaited<ReturnType<RunningGraph['query']>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (response = await graph.query(COST_3000, { ...QUARTER, n: 55 })));
    expect(response!.body.errors).toBeUndefined();
    expect(response!.status).toBe(200);
    expect(response!.body.data!.calendar).toHaveLength(92);
    expect(calls.gallery).toBeGreaterThan(0);
  });

  it('refuses one that costs 3001 before any subgraph is called, saying how to fit', async () => {
    let response: Awaited<ReturnType<RunningGraph['query']>> | undefined;
    const calls = await subgraphCallsDuring(graph, async () => (response = await graph.query(COST_3000, { ...QUARTER, n: 56 })));
    expect({ status: response!.status, body: response!.body }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: `Le coût estimé de la requête (3001) dépasse la limite de 3000. ${HOW_TO_FIT_FR}`,
            extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 3000, actual: 3001 },
          },
        ],
      },
    });
    expect(calls).toEqual(NO_CALLS);
  });

  it('reads first and the calendar days from the variables, and says how to fit in English when asked', async () => {
    // exhibitions 1 + n × (1 + 20 artworks + 8 artists); calendar days × (1 + 4 events + 6 bookings + 3 exhibitions)
    const small = await graph.query(CATALOGUE_AND_CALENDAR, { n: 10, from: '2026-03-01', to: '2026-03-07' });
    expect(small.body.errors).toBeUndefined();
    const calls = await subgraphCallsDuring(graph, async () => {
      const big = await graph.query(CATALOGUE_AND_CALENDAR, { n: 100, from: '2026-03-01', to: '2026-05-31' }, { headers: { 'accept-language': 'en' } });
      expect(big.body).toEqual({
        errors: [
          {
            message: 'Query cost 4189 exceeds the limit of 3000. To fit: split the date range into several requests, lower "first", or ask for fewer fields.',
            extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 3000, actual: 4189 },
          },
        ],
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
      body: {
        errors: [{ message: 'Le corps de la requête dépasse la limite de 1048576 octets.', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 1_048_576 } }],
      },
    });
  });

  it('refuses a batch (a JSON array of operations) without calling a subgraph', async () => {
    let response: Awaited<ReturnType<typeof post>> | undefined;
    const batch = JSON.stringify([{ query: '{ house { name } }' }, { query: '{ house { name } }' }]);
    const calls = await subgraphCallsDuring(graph, async () => (response = await post(graph.gatewayUrl, batch)));
    expect(response!.status).toBe(400);
    expect(response!.body.errors.map((e: { message: string; extensions: { code: string } }) => [e.message, e.extensions.code])).toEqual([
      ['Les lots d’opérations ne sont pas acceptés : envoyez une opération par requête.', 'BAD_REQUEST'],
    ]);
    expect(calls).toEqual(NO_CALLS);
  });
});
