import http, { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphFetch } from './subgraph-fetch';

/** A server whose /hang never answers, /slow-body sends headers then stalls, and / answers at once. */
let server: Server;
let base: string;
let open = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') return;
    if (req.url === '/slow-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
      return;
    }
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}'));
  });
  server.on('connection', (socket) => {
    open += 1;
    socket.on('close', () => (open -= 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const call = (client: SubgraphFetch, path: string, timeoutMs = 100) =>
  client.send(`${base}${path}`, { headers: { 'content-type': 'application/json' }, body: '{}' }, timeoutMs);
const settle = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
};

/**
 * Both paths: undici, and node:http when OpenTelemetry has wrapped http.request (tracing on; here a
 * wrapper that counts the calls, marked the way the instrumentation's shimmer marks it).
 */
const request = http.request;
let viaHttp = 0;
describe.each([
  ['subgraph calls', false],
  ['subgraph calls of a traced process (node:http)', true],
])('%s', (_name, traced) => {
  beforeAll(() => {
    if (!traced) return;
    const wrapped = ((...args: Parameters<typeof request>) => ((viaHttp += 1), request(...args))) as typeof request & { __wrapped?: boolean };
    wrapped.__wrapped = true;
    http.request = wrapped;
  });
  afterAll(() => {
    http.request = request;
  });
  beforeEach(() => (viaHttp = 0));

  it('answer with status, headers and body, reusing one pooled socket', async () => {
    const client = new SubgraphFetch();
    for (let i = 0; i < 3; i++) {
      // A generous deadline: this test is about answers; a busy machine must not turn it into a timeout.
      const response = await call(client, '/', 5000);
      expect([response.status, response.headers['content-type'], JSON.parse(response.body)]).toEqual([200, 'application/json', { data: { ok: true } }]);
    }
    expect([client.openSockets(), viaHttp]).toEqual([1, traced ? 3 : 0]);
    client.destroy();
    expect(await settle(() => open === 0)).toBe(true);
  });

  it('reuse the sockets freed by earlier answers: 5 rounds of 10 calls at a time hold 10 sockets', async () => {
    const client = new SubgraphFetch();
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => call(client, '/', 5000)));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    }
    expect(client.openSockets()).toBe(10);
    client.destroy();
    expect(await settle(() => open === 0)).toBe(true);
  });

  it('close a kept-alive socket once it has been idle for idleMs, and open a new one for the next call', async () => {
    const client = new SubgraphFetch(200);
    await call(client, '/', 5000);
    expect(client.openSockets()).toBe(1);
    expect(await settle(() => client.openSockets() === 0 && open === 0)).toBe(true);
    const again = await call(client, '/', 5000);
    expect(again.status).toBe(200);
    client.destroy();
  });

  it('time out when no answer comes, or when the body stalls, and close their sockets', async () => {
    const client = new SubgraphFetch();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    // Without their timeouts these calls never settle (the server never finishes): jest's own timeout would fail the test.
    const results = await Promise.allSettled([...Array.from({ length: 10 }, () => call(client, '/hang')), call(client, '/slow-body')]);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).name)).toEqual(Array(11).fill('TimeoutError'));
    expect(await settle(() => open === 0)).toBe(true);
    expect(client.openSockets()).toBe(0);
    // Every call's timer is gone (on a busy machine the closed sockets' own timers may take a tick to go).
    expect(await settle(() => timers() <= before)).toBe(true);
  });

  it('clear their timer as soon as they answer', async () => {
    // The calls' own deadlines (60 s here), tracked through the globals both paths use: counting every
    // active Timeout of the process would also count the sockets' and the server's own timers.
    const deadlines = new Set<unknown>();
    const { setTimeout: realSet, clearTimeout: realClear } = global;
    global.setTimeout = ((fn: () => void, ms?: number) => {
      const timer = realSet(fn, ms);
      if (ms === 60_000) deadlines.add(timer);
      return timer;
    }) as typeof setTimeout;
    global.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
      deadlines.delete(timer);
      realClear(timer);
    }) as typeof clearTimeout;
    const client = new SubgraphFetch();
    try {
      const calls = Array.from({ length: 10 }, () => call(client, '/', 60_000));
      expect(deadlines.size).toBe(10);
      // As the answers come (in whatever order), the k-th finds at most 10 - k deadlines still set: its own is gone.
      const stillSet: number[] = [];
      await Promise.all(calls.map((c) => c.then(() => stillSet.push(deadlines.size))));
      expect(stillSet.map((n, k) => n <= 10 - (k + 1))).toEqual(Array(10).fill(true));
      expect(deadlines.size).toBe(0);
    } finally {
      global.setTimeout = realSet;
      global.clearTimeout = realClear;
      client.destroy();
    }
  });
});
