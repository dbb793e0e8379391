import type { GatewayGraphQLRequest } from '@apollo/server-gateway-interface';
import { freePort } from '@maison/embedded-db';
import { answerWith, listenStub } from '@maison/testing';
import { metricsRegistry as register } from '@maison/telemetry';
import type { GatewayContext } from './context';
import { SignedDataSource } from './signed-data-source';

/** A subgraph that answers every call with data. */
let stub: Awaited<ReturnType<typeof listenStub>>;
let base: string;
beforeAll(async () => {
  stub = await listenStub(answerWith('{"data":{"__typename":"Query"}}'));
  base = stub.url;
});
afterAll(() => stub.close());

const context = { lang: 'fr', requestId: 'metrics-test' } as GatewayContext;
/** One call through the data source's own HTTP path (what process() calls for each fetch of a plan). */
function call(name: string, url: string): Promise<unknown> {
  const source = new SignedDataSource({ name, url, secret: 's'.repeat(32), timeoutMs: 2000 });
  const request = { query: '{ __typename }', http: { method: 'POST', url, headers: new Headers() } } as unknown as GatewayGraphQLRequest;
  return (source as unknown as { sendRequest(r: GatewayGraphQLRequest, c: GatewayContext): Promise<unknown> }).sendRequest(request, context);
}

/** The value of one series of the process's registry, 0 when absent. */
async function series(metric: string, labels: string): Promise<number> {
  const text = await register.getSingleMetricAsString(metric);
  const line = text.split('\n').find((l) => l.includes(`{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('subgraph fetch metrics', () => {
  it('time every call per subgraph, and count failed calls per subgraph and reason', async () => {
    await call('tenants', base);
    await call('tenants', base);
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    await expect(call('gallery', closed)).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });

    const text = await register.getSingleMetricAsString('maison_subgraph_fetch_duration_seconds');
    const calls = (subgraph: string) => Number(new RegExp(`_count\\{subgraph="${subgraph}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    expect([calls('tenants'), calls('gallery')]).toEqual([2, 1]);
    expect(await series('maison_subgraph_fetch_errors_total', 'subgraph="gallery",reason="CONNECTION_REFUSED"')).toBe(1);
    expect(await series('maison_subgraph_fetch_errors_total', 'subgraph="tenants",reason="CONNECTION_REFUSED"')).toBe(0);
  });
});
