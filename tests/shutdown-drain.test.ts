import { startGatewayProcess } from '@maison/testing';

/**
 * Behind a load balancer (compose, Kubernetes), SIGTERM must not close the port at once: with
 * SHUTDOWN_DRAIN_MS the gateway process first says 503 "stopping" on /ready, so the balancer takes
 * it out of rotation, while it still answers queries; then it stops accepting and exits 0. A real
 * gateway process (gateway/dist/main.js); `{ __typename }` needs no subgraph, so none runs.
 */
const NOWHERE = 'http://127.0.0.1:9/graphql';

it('on SIGTERM answers /ready 503 "stopping" for SHUTDOWN_DRAIN_MS while a query still answers 200, then exits 0', async () => {
  const gateway = await startGatewayProcess(
    { subgraphUrls: { tenants: NOWHERE, coworking: NOWHERE, gallery: NOWHERE } },
    { SHUTDOWN_DRAIN_MS: '8000', METRICS_PORT: '0', LOG_LEVEL: 'info', REDIS_URL: '' },
  );
  const ready = new URL('/ready', gateway.url).toString();
  const query = () =>
    fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  try {
    // Before the signal: not "stopping" (the subgraphs are unreachable, so not ready either).
    expect(((await (await fetch(ready)).json()) as { status: string }).status).not.toBe('stopping');
    const exited = gateway.stop();
    let answer: Response | undefined;
    for (let i = 0; i < 100; i += 1) {
      answer = await fetch(ready);
      if (answer.status === 503 && ((await answer.clone().json()) as { status: string }).status === 'stopping') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answer!.status).toBe(503);
    expect(await answer!.json()).toEqual({ status: 'stopping', service: 'gateway' });
    const served = await query();
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await exited).toBe(0);
    expect(
      gateway
        .output()
        .split('\n')
        .find((line) => line.includes('"message":"draining"')),
    ).toContain('"drainMs":8000');
  } finally {
    await gateway.stop();
  }
}, 60_000);
