import { ANONYMOUS } from '@maison/auth';
import { Fuzz, listenStub } from '@maison/testing';
import type { Gateway } from '../gateway';
import { gatewayOverStub } from '../stub-gateway';
import { VerbatimData } from './verbatim-answer';
import { BENCH, BENCH_VARIABLES, generatedOperation, subgraphAnswer } from '../../test/generated-operations';

/**
 * A verbatim answer is the answer the gateway would have written otherwise, byte for byte, over the
 * real supergraph and planner. One stub plays the three subgraphs (test/generated-operations.ts). Hundreds of generated operations (fragments, aliases, merged fields, `__typename`,
 * directives, queries across subgraphs, mutations) go through the HTTP path, which may answer
 * verbatim, and through `executeOperation`, which never does; the two texts must be equal, and the
 * HTTP path must have answered verbatim often.
 */
let stub: Awaited<ReturnType<typeof listenStub>>;
let gateway: Gateway;
let url: string;
beforeAll(async () => {
  stub = await listenStub((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(subgraphAnswer(Buffer.concat(chunks).toString('utf8'))));
  });
  ({ gateway, url } = await gatewayOverStub(stub.url, {
    MAX_QUERY_COST: '100000000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
  }));
});
afterAll(async () => {
  await gateway?.close();
  stub?.server.closeAllConnections();
  await stub?.close();
});

/** The answer's text through the HTTP path, and whether it went out verbatim. */
async function overHttp(query: string, variables: Record<string, unknown>): Promise<{ text: string; verbatim: boolean }> {
  const before = gateway.verbatimStats.answered;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { text, verbatim: gateway.verbatimStats.answered === before + 1 };
}

/** The same through executeOperation, written as Apollo's HTTP path writes it. */
async function inProcess(query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await gateway.apollo.executeOperation(
    { query, variables },
    { contextValue: { identity: ANONYMOUS, lang: 'fr', requestId: 'in-process', subgraphFailures: [] } },
  );
  if (response.body.kind !== 'single') throw new Error('incremental answer');
  const { errors, data, extensions } = response.body.singleResult;
  expect(data instanceof VerbatimData).toBe(false);
  return JSON.stringify({ errors, data, extensions }) + '\n';
}

/** Stack traces (NODE_ENV=test) differ between the two paths by their frames; nothing else may. */
const withoutStacks = (text: string) =>
  text.includes('"stacktrace"') ? JSON.stringify(JSON.parse(text, (key, v: unknown) => (key === 'stacktrace' ? undefined : v))) + '\n' : text;

it("answers the bench's one-fetch operations verbatim, as the walk would", async () => {
  for (const [i, query] of BENCH.entries()) {
    const http = await overHttp(query, BENCH_VARIABLES[i]!);
    expect(http.verbatim).toBe(true);
    expect(http.text).toBe(await inProcess(query, BENCH_VARIABLES[i]!));
  }
});

it('answers every generated operation as the walk would, and often verbatim', async () => {
  const fuzz = new Fuzz(Number(process.env.VERBATIM_SEED ?? 20261202));
  const counts = { operations: 0, verbatim: 0, verbatimMutations: 0, withErrors: 0, differ: [] as string[] };
  for (let i = 0; i < 400; i++) {
    const { query } = generatedOperation(fuzz);
    const http = await overHttp(query, {});
    const expected = await inProcess(query, {});
    counts.operations += 1;
    if (http.verbatim) counts.verbatim += 1;
    if (http.verbatim && query.startsWith('mutation')) counts.verbatimMutations += 1;
    if (expected.startsWith('{"errors"')) counts.withErrors += 1;
    if (withoutStacks(http.text) !== withoutStacks(expected)) counts.differ.push(`${query}\nHTTP:      ${http.text}in process: ${expected}`);
  }
  expect(counts.differ.slice(0, 3)).toEqual([]);
  // The generator reaches both paths and both kinds of answer.
  expect(counts.verbatim).toBeGreaterThan(counts.operations * 0.15);
  expect(counts.verbatimMutations).toBeGreaterThan(5);
  expect(counts.operations - counts.verbatim).toBeGreaterThan(counts.operations * 0.3);
  expect(counts.withErrors).toBeGreaterThan(20);
});
