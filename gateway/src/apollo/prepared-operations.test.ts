import http from 'node:http';
import { createHash } from 'node:crypto';
import { HEADERS } from '@maison/auth';
import { asTenant, Fuzz, listenStub, tokenFor } from '@maison/testing';
import { metricsRegistry } from '@maison/telemetry';
import type { Gateway } from '../gateway';
import { gatewayOverStub } from '../stub-gateway';
import { BENCH, BENCH_VARIABLES, generatedOperation, subgraphAnswer } from '../../test/generated-operations';
import { MAX_HEADER_SETS, MAX_PREPARED, MAX_SHAPES } from './prepared-operations';

/**
 * The prepared lane answers as the full pipeline would: two gateways over one stub, one with the
 * lane and one with PREPARED_OPERATIONS=off, get the same requests one after the other, and must give
 * the same status, headers and body, make the same subgraph calls (bodies, identity, language) and
 * count the same in the metrics. Each generated operation (test/generated-operations.ts, most
 * arguments as variables) is sent several times: the first teaches the lane, the rest are its to
 * answer. Among them: other values (other bodies, so other answers: a 500 now and then, another
 * Cache-Control), a value the variable's type refuses, a text with NUL, an invalid date, a page size
 * over the cost limit, another Accept, a signed-in caller.
 */
const CACHE_CONTROLS = [undefined, 'max-age=60, public', 'max-age=5, private', 'no-store', 'max-age=30, public'];
const seedOf = (body: string) => createHash('sha256').update(body).digest().readUInt32LE(4);
/** What the stub answers a call of this body with: a 500 now and then, else 200 with this Cache-Control (or none). */
const cacheControlOf = (body: string): string | undefined | 500 => {
  const seed = seedOf(body);
  return seed % 100 < 6 ? 500 : CACHE_CONTROLS[seed % CACHE_CONTROLS.length];
};

interface Call {
  body: string;
  identity?: string;
  lang?: string;
}
const calls: Call[] = [];

let stub: Awaited<ReturnType<typeof listenStub>>;
let lane: Gateway;
let full: Gateway;
const urls = { lane: '', full: '' };
beforeAll(async () => {
  stub = await listenStub((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      calls.push({ body, identity: req.headers[HEADERS.identity] as string, lang: req.headers[HEADERS.lang] as string });
      const cacheControl = cacheControlOf(body);
      if (cacheControl === 500) return res.writeHead(500, { 'content-type': 'text/plain' }).end('panne');
      res.writeHead(200, { 'content-type': 'application/json', ...(cacheControl ? { 'cache-control': cacheControl } : {}) }).end(subgraphAnswer(body));
    });
  });
  const env = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000', MAX_QUERY_COST: '5000' };
  ({ gateway: lane, url: urls.lane } = await gatewayOverStub(stub.url, env));
  ({ gateway: full, url: urls.full } = await gatewayOverStub(stub.url, { ...env, PREPARED_OPERATIONS: 'off' }));
});
afterAll(async () => {
  await lane?.close();
  await full?.close();
  stub?.server.closeAllConnections();
  await stub?.close();
});

/** Requests of the gateway's operations timed into the metrics, per operation label. */
async function timedOperations(label: string): Promise<number> {
  const text = await metricsRegistry.getSingleMetricAsString('maison_graphql_request_duration_seconds');
  return Number(new RegExp(`_count\\{service="gateway",operation="${label}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

interface Sent {
  status: number;
  headers: Record<string, string>;
  text: string;
  calls: Call[];
  timed: number;
  verbatim: number;
}

/** Headers of the request, not of the answer: its id and date differ on every request. */
const OWN = new Set(['x-request-id', 'date', 'keep-alive', 'connection']);
const withoutStacks = (text: string) =>
  text.includes('"stacktrace"') ? JSON.stringify(JSON.parse(text, (key, v: unknown) => (key === 'stacktrace' ? undefined : v))) : text;

interface Request {
  query: string;
  variables: Record<string, unknown>;
  accept?: string;
  token?: string;
  lang?: string;
}

async function send(which: 'lane' | 'full', request: Request): Promise<Sent> {
  const gateway = which === 'lane' ? lane : full;
  const label = /^(?:query|mutation) (\w+)/.exec(request.query)?.[1] ?? 'anonymous';
  const before = { calls: calls.length, timed: await timedOperations(label), verbatim: gateway.verbatimStats.answered };
  const response = await fetch(urls[which], {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': request.lang ?? 'fr',
      ...(request.accept ? { accept: request.accept } : {}),
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
  });
  const raw = await response.text();
  const text = withoutStacks(raw);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!OWN.has(name)) headers[name] = value;
  });
  // Stack traces (NODE_ENV=test) differ between the two by their frames, and so the length.
  if (raw !== text) delete headers['content-length'];
  return {
    status: response.status,
    headers,
    text,
    calls: calls.slice(before.calls),
    timed: (await timedOperations(label)) - before.timed,
    verbatim: gateway.verbatimStats.answered - before.verbatim,
  };
}

/** Another value for every variable that can take one: other bodies, so other answers of the stub. */
function variant(value: unknown, k: number): unknown {
  if (value === 'cuisine') return `cuisine-${k}`;
  if (value === 1) return k + 1;
  if (Array.isArray(value)) return value.map((v) => variant(v, k));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([n, v]) => [n, variant(v, k)]));
  return value;
}

/** The same variables with one value replaced wherever `pick` says. */
function replaced(value: unknown, pick: (v: unknown) => unknown | undefined): unknown {
  const swapped = pick(value);
  if (swapped !== undefined) return swapped;
  if (Array.isArray(value)) return value.map((v) => replaced(v, pick));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([n, v]) => [n, replaced(v, pick)]));
  return value;
}

/** The requests of one operation: the first teaches the lane, the others test it. */
function requests(query: string, variables: Record<string, unknown>, fuzz: Fuzz): Request[] {
  const names = Object.keys(variables);
  const tenant = tokenFor(asTenant('massotherapie-marie'));
  const out: Request[] = [
    { query, variables },
    { query, variables },
    { query, variables, token: tenant, lang: 'en' },
  ];
  for (let k = 1; k <= 3; k++) out.push({ query, variables: variant(variables, k) as Record<string, unknown> });
  out.push({ query, variables, accept: 'application/graphql-response+json' }, { query, variables, accept: 'application/graphql-response+json' });
  if (names.length) {
    const name = fuzz.pick(names);
    out.push({ query, variables: { ...variables, [name]: { nested: true } } });
    out.push({ query, variables: Object.fromEntries(names.filter((n) => n !== name).map((n) => [n, variables[n]])) });
    out.push({ query, variables: replaced(variables, (v) => (v === 'cuisine' ? 'cui\u0000sine' : undefined)) as Record<string, unknown> });
    out.push({ query, variables: replaced(variables, (v) => (v === '2026-12-03' ? '2026-13-45' : undefined)) as Record<string, unknown> });
    out.push({ query, variables: replaced(variables, (v) => (v === 1 ? 1_000_000 : undefined)) as Record<string, unknown> });
  }
  return out;
}

it('answers every request as the full pipeline does: status, headers, body, subgraph calls and metrics, reads and writes', async () => {
  const fuzz = new Fuzz(Number(process.env.PREPARED_SEED ?? 20261203));
  const operations = [...BENCH.map((query, i) => ({ query, variables: BENCH_VARIABLES[i]! }))];
  for (let i = 0; i < 150; i++) operations.push(generatedOperation(fuzz, { variables: true, mutations: 0.1, oneRootField: 0.9 }));
  const counts = { requests: 0, byLane: 0, mutationsByLane: 0, refusedByLane: 0, failedByLane: 0, differ: [] as string[] };
  for (const { query, variables } of operations) {
    for (const request of requests(query, variables, fuzz)) {
      const answeredBefore = lane.preparedStats!.answered;
      const mine = await send('lane', request);
      const theirs = await send('full', request);
      counts.requests += 1;
      const byLane = lane.preparedStats!.answered - answeredBefore;
      counts.byLane += byLane;
      if (query.startsWith('mutation')) counts.mutationsByLane += byLane;
      if (mine.status >= 400) counts.refusedByLane += 1;
      if (mine.text.includes('SUBGRAPH_UNAVAILABLE')) counts.failedByLane += 1;
      const a = JSON.stringify(mine);
      const b = JSON.stringify(theirs);
      if (a !== b) counts.differ.push(`${query}\n${JSON.stringify(request.variables)}\nlane: ${a}\nfull: ${b}`);
    }
  }
  const { handedOn, handedOnAfterCall, untakenCalls } = lane.preparedStats!;
  expect(counts.differ.slice(0, 2)).toEqual([]);
  // Every call the lane made before handing a request on was taken by the pipeline as its own.
  expect(untakenCalls).toBe(0);
  // The lane answered many of them, handed many on (before a call, and after one with its answer),
  // and the gateways reached every kind of outcome: refusals, failed calls.
  expect(counts.byLane).toBeGreaterThan(counts.requests * 0.1);
  expect(counts.mutationsByLane).toBeGreaterThan(15);
  expect(handedOn).toBeGreaterThan(35);
  expect(handedOnAfterCall).toBeGreaterThan(8);
  expect(counts.refusedByLane).toBeGreaterThan(100);
  expect(counts.failedByLane).toBeGreaterThan(50);
});

it('remembers the shape of an operation once answered; not with PREPARED_OPERATIONS=off, nor in a traced process', async () => {
  const [exhibition] = BENCH;
  const before = lane.preparedStats!.answered;
  for (let i = 0; i < 3; i++) await send('lane', { query: `${exhibition} `, variables: BENCH_VARIABLES[0]! });
  expect(lane.preparedStats!.answered - before).toBe(2);
  expect(full.preparedStats).toBeUndefined();
  // The executor's spans are the full pipeline's: with http instrumented (subgraph-fetch-http.ts), no lane.
  const request = http.request as { __wrapped?: boolean };
  request.__wrapped = true;
  try {
    const traced = await gatewayOverStub(stub.url);
    expect(traced.gateway.preparedStats).toBeUndefined();
    await traced.gateway.close();
  } finally {
    delete request.__wrapped;
  }
});

it(`keeps at most ${MAX_PREPARED} query texts, the oldest going first`, async () => {
  const [, kitchen] = BENCH;
  const texts = Array.from({ length: MAX_PREPARED + 100 }, (_, i) => kitchen!.replace('query Kitchen', `query Kitchen${i}`));
  /** Whether a text's next request is answered by the lane. */
  const byLane = async (query: string) => {
    const before = lane.preparedStats!.answered;
    await send('lane', { query, variables: BENCH_VARIABLES[1]! });
    return lane.preparedStats!.answered === before + 1;
  };
  const learnt: string[] = [];
  for (const query of texts) {
    await send('lane', { query, variables: BENCH_VARIABLES[1]! });
    if (await byLane(query)) learnt.push(query);
  }
  // More than the bound were learnt (the stub fails some): the first of them is gone, the last is kept.
  expect(learnt.length).toBeGreaterThan(MAX_PREPARED);
  expect(await byLane(learnt.at(-1)!)).toBe(true);
  expect(await byLane(learnt[0]!)).toBe(false);
});

/** Whether the lane answers this request (it is sent once), and the Cache-Control of the stub's answer to its call. */
async function answeredByLane(request: Request): Promise<{ byLane: boolean; cacheControl: string | undefined | 500 }> {
  const before = lane.preparedStats!.answered;
  const sent = await send('lane', request);
  return { byLane: lane.preparedStats!.answered === before + 1, cacheControl: cacheControlOf(sent.calls.at(-1)!.body) };
}

it(`keeps at most ${MAX_SHAPES} shapes of one query text (here, Accept headers)`, async () => {
  const query = BENCH[1]!.replace('query Kitchen', 'query KitchenShapes');
  const accepts = Array.from({ length: MAX_SHAPES + 2 }, (_, i) => `application/json, text/x-forme-${i}`);
  const answered: boolean[] = [];
  for (const accept of accepts) {
    const request = { query, variables: BENCH_VARIABLES[1]!, accept };
    const first = await answeredByLane(request); // the full pipeline's, which teaches the lane
    expect(first).toMatchObject({ byLane: false });
    expect(first.cacheControl).not.toBe(500);
    answered.push((await answeredByLane(request)).byLane);
  }
  expect(answered).toEqual(accepts.map((_, i) => i < MAX_SHAPES));
});

it(`keeps at most ${MAX_HEADER_SETS} sets of Apollo's headers per shape, one per Cache-Control`, async () => {
  const query = BENCH[1]!.replace('query Kitchen', 'query KitchenHeaders');
  /** The Cache-Controls in the order the lane first met them (the answers of the full pipeline). */
  const met: (string | undefined)[] = [];
  const byCacheControl = new Map<string | undefined, boolean[]>();
  for (let day = 1; day <= 28 * 3; day += 1) {
    const date = `2027-0${1 + Math.floor((day - 1) / 28)}-${String(1 + ((day - 1) % 28)).padStart(2, '0')}`;
    const request = { query, variables: { date } };
    const first = await answeredByLane(request);
    if (first.cacheControl === 500) continue;
    if (!met.includes(first.cacheControl)) met.push(first.cacheControl);
    const again = await answeredByLane(request);
    byCacheControl.set(first.cacheControl, [...(byCacheControl.get(first.cacheControl) ?? []), again.byLane]);
  }
  // Every Cache-Control of the stub was met, each several times. The first four are the lane's (it answers
  // most of their repeats: not those whose answer is not verbatim), the fifth is never answered by it.
  expect(met).toHaveLength(CACHE_CONTROLS.length);
  const answered = met.map((c) => ({ sent: byCacheControl.get(c)!.length, byLane: byCacheControl.get(c)!.filter(Boolean).length }));
  expect(answered.every(({ sent }) => sent >= 3)).toBe(true);
  expect(answered.map(({ sent, byLane }, i) => (i < MAX_HEADER_SETS ? byLane * 2 > sent : byLane === 0))).toEqual(met.map(() => true));
});
