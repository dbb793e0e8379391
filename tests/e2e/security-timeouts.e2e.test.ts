import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, todayInHouse } from '@maison/house';
import { freePort } from '@maison/embedded-db';
import { createGateway, readGatewayConfig, type Gateway } from '@maison/gateway';
import { startGraph, type RunningGraph } from '@maison/testing';
import { post } from './security-helpers';

/**
 * Timeouts and partial answers. The graph runs through the real launcher with COWORKING_TIMEOUT_MS;
 * further gateways run in this process against its subgraphs, with one subgraph replaced by a
 * server that accepts connections and never answers, or by a port nobody listens on.
 */
let graph: RunningGraph;
beforeAll(async () => {
  // The subgraphs must be called on every request (no response cache) for their timeouts to show.
  graph = await startGraph({ env: { COWORKING_TIMEOUT_MS: '1000', RESPONSE_CACHE: 'off' } });
});
afterAll(async () => {
  await graph?.stop();
});

const today = todayInHouse();
const CALENDAR = `query($from: LocalDate!, $to: LocalDate!) {
  calendar(from: $from, to: $to) { date spaceBookings { title } coworkingEvents { title } exhibitionsOnView { title } }
}`;
const WEEK = { from: today, to: addDays(today, 6) };
const UNAVAILABLE_FR = (subgraph: string, path: (string | number)[]) => ({
  message: `Le service « ${subgraph} » n’a pas répondu à temps ; ses données manquent dans cette réponse.`,
  path,
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph, reason: 'TIMEOUT' },
});
/** One error per day whose field the subgraph left empty, as the GraphQL spec asks (a path each). */
const perDay = (field: string, error: (path: (string | number)[]) => unknown) => Array.from({ length: 7 }, (_, i) => error(['calendar', i, field]));
type Day = { date: string; spaceBookings: unknown[] | null; coworkingEvents: unknown[] | null; exhibitionsOnView: unknown[] | null };

/** A subgraph that accepts every connection and never answers; it counts requests and open sockets. */
async function hangingServer(): Promise<{ server: Server; url: string; requests: () => number; open: () => number; close(): Promise<void> }> {
  let requests = 0;
  let open = 0;
  const server = createServer(() => void (requests += 1));
  server.on('connection', (socket) => {
    open += 1;
    socket.on('close', () => (open -= 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => requests,
    open: () => open,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function inProcessGateway(env: Record<string, string>): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway(
    readGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: '0',
      TENANTS_URL: graph.subgraphUrls.tenants,
      COWORKING_URL: graph.subgraphUrls.coworking,
      GALLERY_URL: graph.subgraphUrls.gallery,
      ...env,
    }),
  );
  const { url } = await gateway.listen();
  return { gateway, url };
}

const queryAt = async (url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
  const started = Date.now();
  const response = await post(url, JSON.stringify({ query, variables }), headers);
  return { ...response, ms: Date.now() - started };
};

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return check();
}

describe('a subgraph that stops answering (the real coworking process, paused)', () => {
  it('costs only its own fields: the answer comes after COWORKING_TIMEOUT_MS with the others’ data', async () => {
    const pid = Number(
      execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(graph.launcher.pid)], { encoding: 'utf8' })
        .split('\n')
        .find((line) => line.includes('services/coworking/dist/main.js'))!
        .trim()
        .split(/\s+/)[0],
    );
    const healthy = await graph.query(CALENDAR, WEEK);
    expect(healthy.body.errors).toBeUndefined();
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const { status, body } = await graph.query(CALENDAR, WEEK);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(3000);
      const days = (healthy.body.data!.calendar as Day[]).map((d) => ({ ...d, coworkingEvents: null }));
      expect({ status, body }).toEqual({
        status: 200,
        body: { data: { calendar: days }, errors: perDay('coworkingEvents', (path) => UNAVAILABLE_FR('coworking', path)) },
      });

      const english = await graph.query(CALENDAR, WEEK, { headers: { 'accept-language': 'en' } });
      expect(english.body.errors).toEqual(
        perDay('coworkingEvents', (path) => ({
          message: 'The coworking service did not answer in time; its data is missing from this response.',
          path,
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'coworking', reason: 'TIMEOUT' },
        })),
      );
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect((await graph.query(CALENDAR, WEEK)).body).toEqual(healthy.body);
  });
});

describe('a subgraph that hangs (an in-process gateway, COWORKING_TIMEOUT_MS=300)', () => {
  let stub: Awaited<ReturnType<typeof hangingServer>>;
  let gw: { gateway: Gateway; url: string };
  beforeAll(async () => {
    stub = await hangingServer();
    gw = await inProcessGateway({ COWORKING_URL: stub.url, COWORKING_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await gw?.gateway.close();
    await stub?.close();
  });

  it('answers in time with the data of the others and names the part that failed', async () => {
    const { status, body, ms } = await queryAt(gw.url, CALENDAR, WEEK);
    expect(ms).toBeLessThan(2000);
    expect(status).toBe(200);
    expect(body.errors).toEqual(perDay('coworkingEvents', (path) => UNAVAILABLE_FR('coworking', path)));
    const days = body.data.calendar as Day[];
    expect(days).toHaveLength(7);
    expect(days.every((d) => d.coworkingEvents === null && Array.isArray(d.spaceBookings) && Array.isArray(d.exhibitionsOnView))).toBe(true);
    expect(days.some((d) => d.exhibitionsOnView!.length > 0)).toBe(true);
  });

  it('leaves no socket open after 20 timed-out calls', async () => {
    const before = stub.requests();
    const answers = await Promise.all(Array.from({ length: 20 }, () => queryAt(gw.url, CALENDAR, WEEK)));
    expect(answers.every((a) => a.status === 200 && a.body.errors?.[0]?.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
    expect(stub.requests() - before).toBe(20);
    expect(await eventually(() => stub.open() === 0)).toBe(true);
  });

  it('writes JSON log lines with the request id the client got back, and the reason', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    });
    let requestId: string | null;
    try {
      const { headers } = await queryAt(gw.url, CALENDAR, WEEK);
      requestId = headers.get('x-request-id');
    } finally {
      spy.mockRestore();
    }
    const entries = lines
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        service: 'gateway',
        message: 'subgraph call failed',
        requestId,
        subgraph: 'coworking',
        reason: 'timeout',
        timeoutMs: 300,
      }),
    );
  });
});

describe('mutations', () => {
  it('are sent once and never retried when their subgraph hangs', async () => {
    const stub = await hangingServer();
    const gw = await inProcessGateway({ TENANTS_URL: stub.url, TENANTS_TIMEOUT_MS: '300' });
    try {
      const { status, body } = await queryAt(gw.url, 'mutation { cancelSpaceBooking(id: "00000000-0000-4000-8000-000000000001") { userErrors { code } } }');
      expect({ status, body }).toEqual({ status: 200, body: { data: null, errors: [UNAVAILABLE_FR('tenants', ['cancelSpaceBooking'])] } });
      await new Promise((r) => setTimeout(r, 1000));
      expect(stub.requests()).toBe(1);
    } finally {
      await gw.gateway.close();
      await stub.close();
    }
  });
});

describe('a subgraph that is down (nobody listens on its port)', () => {
  it('answers at once with the others’ data', async () => {
    const port = await freePort();
    const gw = await inProcessGateway({ GALLERY_URL: `http://127.0.0.1:${port}/graphql` });
    try {
      const { status, body, ms } = await queryAt(gw.url, CALENDAR, WEEK, { 'accept-language': 'en' });
      expect(ms).toBeLessThan(1000);
      expect(status).toBe(200);
      expect(body.errors).toEqual(
        perDay('exhibitionsOnView', (path) => ({
          message: 'The gallery service could not be reached (connection refused); its data is missing from this response.',
          path,
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'gallery', reason: 'CONNECTION_REFUSED' },
        })),
      );
      expect((body.data.calendar as Day[]).every((d) => d.exhibitionsOnView === null && Array.isArray(d.coworkingEvents))).toBe(true);
    } finally {
      await gw.gateway.close();
    }
  });
});
