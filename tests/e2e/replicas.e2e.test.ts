import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGatewayProcess, startGraph, testRedisPrefix, testRedisUrl, type GatewayProcess, type RunningGraph } from '@maison/testing';

/**
 * Issue 14, promise 6: two gateway processes on one Redis, behind a balancer, behave as one. The
 * balancer is a small HTTP proxy in this file: it round-robins between the two gateways and, as a
 * load balancer facing the Internet would, names the caller in X-Forwarded-For (here the address a
 * test caller asks to be seen as, in x-test-client-address, since every test caller is 127.0.0.1).
 * The gateways trust X-Forwarded-For from 127.0.0.1 only (TRUST_PROXY=127.0.0.1).
 */
const REDIS_URL = testRedisUrl('replicas.e2e.test.ts', 'two gateways sharing rate limits and persisted queries through Redis');

interface Balancer {
  url: string;
  /** Which gateway (0: A, 1: B) answered each request, in order. */
  served: number[];
  close(): Promise<void>;
}

function startBalancer(targets: string[]): Promise<Balancer> {
  const served: number[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const target = next;
    next = (next + 1) % targets.length;
    served.push(target);
    const { 'x-test-client-address': caller, ...headers } = req.headers;
    const forwarded = [req.headers['x-forwarded-for'], caller ?? req.socket.remoteAddress].filter(Boolean).join(', ');
    const url = new URL(req.url ?? '/', targets[target]);
    const upstream = httpRequest(url, { method: req.method, headers: { ...headers, host: url.host, 'x-forwarded-for': forwarded } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        served,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, any> };
}

/** The signed requests each subgraph refused since it started (maison_unsigned_requests_rejected_total). */
async function refusedBySubgraphs(graph: RunningGraph): Promise<Record<string, number>> {
  const names = ['tenants', 'coworking', 'gallery'] as const;
  const counts = await Promise.all(names.map(async (name) => [name, await graph.subgraphCounter(name, 'maison_unsigned_requests_rejected_total')] as const));
  return Object.fromEntries(counts);
}

if (REDIS_URL) {
  describe('two gateways on one Redis behind a balancer (TEST_REDIS_URL)', () => {
    let graph: RunningGraph;
    let second: GatewayProcess;
    let balancer: Balancer;
    const shared = {
      REDIS_URL,
      REDIS_KEY_PREFIX: testRedisPrefix('replicas'),
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '10',
      APQ_TTL_SECONDS: '120', // every key of the run expires on its own
      // The response cache's Redis keys have no per-run prefix; the answers here must not come from it.
      RESPONSE_CACHE: 'off',
    };

    beforeAll(async () => {
      graph = await startGraph({ env: shared });
      second = await startGatewayProcess(graph, shared);
      balancer = await startBalancer([graph.gatewayUrl, second.url]);
    }, 150_000);
    afterAll(async () => {
      await balancer?.close();
      await second?.stop();
      await graph?.stop();
    });

    const HOUSE = { query: '{ house { name } }' };
    const asCaller = (address: string) => post(balancer.url, HOUSE, { 'x-test-client-address': address });

    it('spends one caller’s 10 a minute across both: 1..10 answered alternately by A and B, the 11th and 12th refused on either', async () => {
      const start = balancer.served.length;
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await asCaller('198.51.100.7')).status);
      expect(statuses).toEqual(Array(10).fill(200));
      const eleventh = await asCaller('198.51.100.7');
      const twelfth = await asCaller('198.51.100.7');
      expect(balancer.served.slice(start)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
      for (const refused of [eleventh, twelfth]) {
        expect(refused.status).toBe(429);
        expect(refused.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: Number(refused.retryAfter) });
        expect(Number(refused.retryAfter)).toBeLessThanOrEqual(6); // one request every 6 s once the minute's burst is spent
      }
      // Another caller behind the same balancer has a budget of its own.
      expect((await asCaller('198.51.100.8')).status).toBe(200);
      expect((await asCaller('198.51.100.8')).status).toBe(200);
      // Ten identical operations, signed by two gateways within a second or two: each call had a nonce of its own,
      // so the subgraphs (whose nonces are in the same Redis) refused none as a replay.
      expect(await refusedBySubgraphs(graph)).toEqual({ tenants: 0, coworking: 0, gallery: 0 });
    });

    it('a query registered (APQ) through gateway A is found by its hash through gateway B', async () => {
      const query = '{ house { name } } # replicas APQ';
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const persisted = { persistedQuery: { version: 1, sha256Hash } };
      const unknown = await post(second.url, { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
      expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const registered = await post(graph.gatewayUrl, { query, extensions: persisted });
      expect(registered.status).toBe(200);
      const throughB = await post(second.url, { extensions: persisted });
      expect(throughB).toMatchObject({ status: 200, body: { data: { house: { name: registered.body.data.house.name } } } });
      expect(throughB.body.errors).toBeUndefined();
    });

    it('a caller that forges X-Forwarded-For gains nothing: the balancer’s entry is the one trusted', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await post(balancer.url, HOUSE, { 'x-test-client-address': '198.51.100.9', 'x-forwarded-for': `203.0.113.${i}` })).status);
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
    });
  });
}
