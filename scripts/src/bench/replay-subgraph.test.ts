import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { replayKey, replayStats, resetReplay, startReplaySubgraph, type ReplaySubgraph } from './replay-subgraph';

/** A real upstream on node:http: it answers each call with the call's number, and keeps what it received. */
async function startUpstream() {
  const calls: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const state = { failNext: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/ready') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ready');
      if (state.failNext) {
        state.failNext = false;
        return res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'busy' }] }));
      }
      res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'cache-control': 'max-age=30, public' });
      res.end(JSON.stringify({ data: { call: calls.length } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    calls,
    state,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const graphql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), body: await res.json() };
};

describe('the replay stub in front of a subgraph', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let stub: ReplaySubgraph;
  beforeEach(async () => {
    upstream = await startUpstream();
  });
  afterEach(async () => {
    await stub?.close();
    await upstream.close();
  });

  it('forwards the first call of a query with its headers and body, then replays its answer without reaching the subgraph', async () => {
    stub = await startReplaySubgraph({ upstream: upstream.url });
    const signed = { 'x-maison-identity': 'eyJzdWIiOiJhIn0', 'x-maison-signature': 'v1=abc', 'x-maison-lang': 'fr' };
    const first = graphql('query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name } }', { date: '2027-01-04' });
    const answer = await post(stub.url, first, signed);
    expect(upstream.calls).toHaveLength(1);
    expect(upstream.calls[0]!.url).toBe('/graphql');
    expect(upstream.calls[0]!.body).toBe(first);
    expect(upstream.calls[0]!.headers).toMatchObject({ ...signed, 'content-type': 'application/json' });
    expect(answer).toEqual({
      status: 200,
      contentType: 'application/graphql-response+json; charset=utf-8',
      cacheControl: 'max-age=30, public',
      body: { data: { call: 1 } },
    });

    // The same query (other variables): the recording, the upstream not called.
    const again = await post(stub.url, graphql('query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name } }', { date: '2027-01-05' }), signed);
    expect(again).toEqual(answer);
    expect(upstream.calls).toHaveLength(1);

    // Another query: forwarded.
    const other = await post(stub.url, graphql('{ exhibitions { title } }'));
    expect(other.body).toEqual({ data: { call: 2 } });
    expect(upstream.calls).toHaveLength(2);
    expect(await replayStats(stub.url)).toEqual({ received: 3, answered: 3, forwarded: 2, replayed: 1 });
  });

  it('forwards once for calls of one query that arrive together', async () => {
    stub = await startReplaySubgraph({ upstream: upstream.url });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(stub.url, graphql('{ a }'))));
    expect(new Set(answers.map((a) => JSON.stringify(a.body)))).toEqual(new Set([JSON.stringify({ data: { call: 1 } })]));
    expect(upstream.calls).toHaveLength(1);
  });

  it('does not record a 5xx: the next call of that query is forwarded again', async () => {
    stub = await startReplaySubgraph({ upstream: upstream.url });
    upstream.state.failNext = true;
    expect((await post(stub.url, graphql('{ a }'))).status).toBe(503);
    expect((await post(stub.url, graphql('{ a }'))).body).toEqual({ data: { call: 2 } });
    expect((await post(stub.url, graphql('{ a }'))).body).toEqual({ data: { call: 2 } });
    expect(upstream.calls).toHaveLength(2);
  });

  it('forgets its recordings on reset: the next call is forwarded again', async () => {
    stub = await startReplaySubgraph({ upstream: upstream.url });
    expect((await post(stub.url, graphql('{ a }'))).body).toEqual({ data: { call: 1 } });
    expect((await post(stub.url, graphql('{ a }'))).body).toEqual({ data: { call: 1 } });
    await resetReplay(stub.url);
    expect((await post(stub.url, graphql('{ a }'))).body).toEqual({ data: { call: 2 } });
    expect(upstream.calls).toHaveLength(2);
  });

  it('passes through what is not a GraphQL call, every time', async () => {
    stub = await startReplaySubgraph({ upstream: upstream.url });
    for (let i = 0; i < 2; i += 1) {
      const res = await fetch(new URL('/ready', stub.url));
      expect(await res.text()).toBe('ready');
    }
    expect(upstream.calls.map((c) => c.url)).toEqual(['/ready', '/ready']);
  });

  it('holds each answer for --delay: not there before half of it', async () => {
    const delayMs = 800;
    stub = await startReplaySubgraph({ upstream: upstream.url, delayMs });
    await post(stub.url, graphql('{ a }')); // recorded
    for (let i = 0; i < 2; i += 1) {
      let arrived = false;
      // Set before the call: this timer is due first, whatever the load, so it must see no answer yet.
      const early = new Promise<boolean>((resolve) => setTimeout(() => resolve(arrived), delayMs / 2));
      const answer = post(stub.url, graphql('{ a }')).then((a) => ((arrived = true), a));
      expect(await early).toBe(false);
      expect((await answer).body).toEqual({ data: { call: 1 } });
    }
    expect(upstream.calls).toHaveLength(1);
  });

  it('records a call under its operation name and query text only', () => {
    expect(replayKey(graphql('{ a }', { x: 1 }))).toBe(replayKey(graphql('{ a }', { x: 2 })));
    expect(replayKey(JSON.stringify({ query: 'query A { a } query B { a }', operationName: 'A' }))).not.toBe(
      replayKey(JSON.stringify({ query: 'query A { a } query B { a }', operationName: 'B' })),
    );
    expect(replayKey('not json')).toBeUndefined();
    expect(replayKey(JSON.stringify({ id: 'persisted' }))).toBeUndefined();
  });
});
