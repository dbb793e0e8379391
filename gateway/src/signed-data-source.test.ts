import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Headers as NodeFetchHeaders } from 'node-fetch';
import type { GatewayGraphQLRequest } from '@apollo/server-gateway-interface';
import { HEADERS, verifyRequest } from '@maison/auth';
import type { GatewayContext } from './context';
import { SignedDataSource } from './signed-data-source';

/** A subgraph that keeps what each call sent, and answers with data. */
let server: Server;
let url: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"__typename":"Query"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const secret = 's'.repeat(32);
const identity = { sub: 'u1', roles: ['TENANT' as const] };
const context = { identity, lang: 'en', requestId: 'signed-test' } as GatewayContext;
function call(headers: unknown): Promise<unknown> {
  const source = new SignedDataSource({ name: 'tenants', url, secret, timeoutMs: 2000 });
  const request = { query: '{ __typename }', variables: { a: 'é' }, http: { method: 'POST', url, headers } } as unknown as GatewayGraphQLRequest;
  return (source as unknown as { sendRequest(r: GatewayGraphQLRequest, c: GatewayContext): Promise<unknown> }).sendRequest(request, context);
}
/** Apollo's headers for one call (RemoteGraphQLDataSource.process sets Content-Type), and a language the context's replaces. */
function fill<H extends { set(n: string, v: string): void; append(n: string, v: string): void }>(headers: H): H {
  headers.set('Content-Type', 'application/json');
  headers.set('X-Maison-Lang', 'fr');
  headers.append('X-Extra', 'one');
  headers.append('x-extra', 'two');
  return headers;
}

describe('signed subgraph calls', () => {
  it('send Apollo’s headers, node-fetch’s or WHATWG’s alike, the caller’s identity, and a signature over the exact body', async () => {
    received.length = 0;
    await call(fill(new NodeFetchHeaders()));
    await call(fill(new Headers()));
    const sent = received.map(({ headers }) => {
      const { [HEADERS.nonce]: _n, [HEADERS.signature]: _s, [HEADERS.timestamp]: _t, ...rest } = headers;
      return rest;
    });
    expect(sent[0]).toEqual(sent[1]);
    expect(sent[0]).toMatchObject({ 'content-type': 'application/json', [HEADERS.lang]: 'en', [HEADERS.requestId]: 'signed-test', 'x-extra': 'one, two' });
    for (const { headers, body } of received) expect(verifyRequest(secret, headers, body, 60)).toEqual(expect.objectContaining({ identity, lang: 'en' }));
    expect(received[0]!.headers[HEADERS.nonce]).not.toBe(received[1]!.headers[HEADERS.nonce]);
    expect(JSON.parse(received[0]!.body)).toEqual({ query: '{ __typename }', variables: { a: 'é' } });
  });
});
