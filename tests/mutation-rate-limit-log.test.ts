import { startGatewayProcess } from '@maison/testing';

/**
 * Every 429 the gateway answers says so in its log, whichever limit refused it: the mutation
 * limit (checked once the operation is known) writes the same `warn` `rate limited` line as the
 * request limit, naming the limit. A real gateway process; the subgraphs are not needed (the
 * first mutation fails to reach them, the second is refused before any call).
 */
const NOWHERE = 'http://127.0.0.1:9/graphql';
const MUTATION = 'mutation { deactivateMember(id: "m-1") { __typename } }';

it('logs warn "rate limited" with limit "mutations" when the mutation limit answers 429', async () => {
  const gateway = await startGatewayProcess(
    { subgraphUrls: { tenants: NOWHERE, coworking: NOWHERE, gallery: NOWHERE } },
    { RATE_LIMIT_MUTATIONS_PER_MINUTE: '1', RATE_LIMIT_PER_MINUTE: '100', METRICS_PORT: '0', LOG_LEVEL: 'warn', REDIS_URL: '' },
  );
  const send = () => fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: MUTATION }) });
  const warned = () =>
    gateway
      .output()
      .split('\n')
      .filter((line) => line.includes('"message":"rate limited"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  try {
    expect((await send()).status).toBe(200); // partial: the subgraph is unreachable
    expect(warned()).toEqual([]);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    for (let i = 0; i < 50 && warned().length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(warned()).toHaveLength(1);
    expect(warned()[0]).toMatchObject({ level: 'warn', service: 'gateway', limit: 'mutations', client: expect.stringMatching(/^ip:/) });
    expect(warned()[0]!.requestId).toEqual(refused.headers.get('x-request-id'));
  } finally {
    await gateway.stop();
  }
}, 60_000);
