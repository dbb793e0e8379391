import { parse, type OperationDefinitionNode } from 'graphql';
import { metricsRegistry } from '@maison/telemetry';
import type { SignedDataSource } from '../signed-data-source';
import type { SubgraphAnswer } from '../subgraph-fetch';
import { gatewayMetrics } from '../gateway-metrics';
import { VerbatimAnswers } from './verbatim-answer';
import { PreparedOperations, type Prefetched, type Preparing } from './prepared-operations';

/**
 * A call the lane made that the pipeline did not take (prepared-operations.ts `handedOnDone`):
 * the fuzzed comparison (prepared-operations.test.ts) holds that it never happens; if it did,
 * it is counted and logged with what tells it apart. Here the pipeline's side is given as it
 * would be, since the lane's checks, being the pipeline's, never produce it.
 */
const errors: { message: string; fields?: Record<string, unknown> }[] = [];
const lane = new PreparedOperations({
  verbatim: new VerbatimAnswers('type Query { a: Int }'),
  costOf: () => 0,
  maxCost: 1,
  mutations: { take: () => Promise.resolve({ ok: true, remaining: 1, retryAfterSeconds: 0 } as never) },
  log: { error: (message: string, fields?: Record<string, unknown>) => void errors.push({ message, fields }) },
});
const metrics = gatewayMetrics(undefined, { fallback: 0 } as never, { answered: 0 } as never, lane.stats);
afterAll(() => metrics.close());

const answer: SubgraphAnswer = { status: 200, statusText: 'OK', headers: {}, body: '{"data":{"bookSharedSpace":null}}' };
const key = { query: 'mutation Book { bookSharedSpace }', shape: '' };
const [operation] = parse('mutation Book { bookSharedSpace }').definitions as OperationDefinitionNode[];
const prefetched: Prefetched = {
  source: { subgraph: 'tenants' } as SignedDataSource,
  query: key.query,
  answer: Promise.resolve(answer),
  operation: operation!,
};
const counted = async () => Number(/maison_gateway_prepared_untaken_calls_total\{service="gateway"\} (\d+)/.exec(await metricsRegistry.metrics())?.[1]);

it('counts and logs a call the pipeline did not take, with its subgraph, operation and what the pipeline sent', async () => {
  const preparing: Preparing = { fetches: 1 };
  lane.handedOnDone(key, prefetched, preparing, { status: 200, body: '{}', headers: {} }, 'req-1');
  expect(lane.stats.untakenCalls).toBe(1);
  expect(await counted()).toBe(1);
  expect(errors).toEqual([
    {
      message: 'prepared lane call not taken by the pipeline',
      fields: { requestId: 'req-1', subgraph: 'tenants', operationKind: 'mutation', operationName: 'Book', pipelineFetches: 1, status: 200 },
    },
  ]);
});

it('says nothing of a call the pipeline took, nor of a request handed on before any call', async () => {
  const before = lane.stats.untakenCalls;
  errors.length = 0;
  lane.handedOnDone(key, prefetched, { fetches: 1, tookPrefetched: true }, { status: 200, body: '{}', headers: {} }, 'req-2');
  lane.handedOnDone(key, undefined, { fetches: 1 }, { status: 400, body: '{}', headers: {} }, 'req-3');
  expect(lane.stats.untakenCalls).toBe(before);
  expect(errors).toEqual([]);
});
