import { randomBytes } from 'node:crypto';
import { startGraph, type RunningGraph } from '@maison/testing';

/**
 * GATEWAY_WORKERS=3: the gateway is ready only once every worker listens (issue 14, promise 1).
 * The launcher waits for the gateway's /ready, so when it says "ready" each worker has said
 * "gateway ready", and /ready says so.
 */
const WORKERS = 3;
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: `t_gwready_${randomBytes(4).toString('hex')}_`, GATEWAY_WORKERS: String(WORKERS), LOG_LEVEL: 'info' } });
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

it('calls the graph ready only once every gateway worker listens', async () => {
  const output = graph.output();
  const untilReady = output.slice(0, output.indexOf('[la-maison] ready in'));
  expect(untilReady.match(/^\[gateway {2}\] .*gateway ready/gm)).toHaveLength(WORKERS);

  const response = await fetch(new URL('/ready', graph.gatewayUrl));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ready', subgraphs: { tenants: 'ok', coworking: 'ok', gallery: 'ok' }, workers: 'all listening' });
});
