import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@maison/embedded-db';
import type { Gateway } from '../gateway';
import { gatewayOverStub } from '../stub-gateway';

/**
 * What a client sees of each kind of subgraph answer. One stub plays every subgraph and answers as
 * `reply` says; the operation reads two shared spaces from tenants, so a failed call leaves two
 * fields empty: each error carries the path of one of them.
 */
let reply: (res: ServerResponse) => void = () => undefined;
let stub: Server;
let stubUrl: string;
const SPACES = '{ a: sharedSpace(slug: "cuisine") { name } b: sharedSpace(slug: "terrasse") { name } }';

async function ask(url: string, lang = 'en') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify({ query: SPACES }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] },
  };
}
const json = (status: number, body: unknown) => (res: ServerResponse) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const unavailable = (reason: string, message: string) =>
  ['a', 'b'].map((field) => ({ message, path: [field], extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'tenants', reason } }));

let gw: { gateway: Gateway; url: string };
beforeAll(async () => {
  stub = createServer((_req, res) => reply(res));
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
  gw = await gatewayOverStub(stubUrl);
});
afterAll(async () => {
  await gw?.gateway.close();
  stub?.closeAllConnections();
  await new Promise((resolve) => stub?.close(resolve));
});

describe('a subgraph’s own GraphQL errors (a 4xx with a GraphQL body)', () => {
  it('reach the client with their code and message, not as an outage', async () => {
    reply = json(400, { errors: [{ message: 'Variable "$slug" got invalid value 12.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const { status, body } = await ask(gw.url);
    expect(status).toBe(200);
    expect(body.data).toEqual({ a: null, b: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$slug" got invalid value 12.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', serviceName: 'tenants' }),
      }),
    ]);
  });

  it('are masked in production like any other error when their code is not for the client', async () => {
    const production = await gatewayOverStub(stubUrl, {
      NODE_ENV: 'production',
      JWT_SECRET: 'subgraph-answers-jwt-secret-0123456789abcdef',
      GATEWAY_SIGNING_SECRET: 'subgraph-answers-signing-secret-0123456789',
    });
    try {
      reply = json(400, { errors: [{ message: 'Variable "$slug" got invalid value 12.', extensions: { code: 'BAD_USER_INPUT' } }] });
      expect((await ask(production.url)).body.errors).toEqual([{ message: 'Variable "$slug" got invalid value 12.', extensions: { code: 'BAD_USER_INPUT' } }]);
      reply = json(400, { errors: [{ message: 'relation "space" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      const masked = (await ask(production.url)).body.errors!;
      expect(masked).toHaveLength(1);
      expect(masked[0]!.message).toMatch(/^Internal error \(request [0-9a-f-]{36}\)\.$/);
      expect(masked[0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    } finally {
      await production.gateway.close();
    }
  });
});

describe('a subgraph that cannot be used', () => {
  it('answering 5xx: SERVER_ERROR, one error per emptied field', async () => {
    reply = json(502, { errors: [{ message: 'upstream down' }] });
    expect(await ask(gw.url)).toEqual({
      status: 200,
      body: {
        data: { a: null, b: null },
        errors: unavailable('SERVER_ERROR', 'The tenants service answered with a server error; its data is missing from this response.'),
      },
    });
  });

  it('answering something that is not GraphQL: INVALID_RESPONSE, in French by default', async () => {
    reply = (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy error</html>');
    expect((await ask(gw.url, 'fr')).body.errors).toEqual(
      unavailable('INVALID_RESPONSE', 'Le service « tenants » a envoyé une réponse qui n’est pas du GraphQL ; ses données manquent dans cette réponse.'),
    );
    reply = json(404, { error: 'not found' });
    expect((await ask(gw.url)).body.errors![0]!.extensions!.reason).toBe('INVALID_RESPONSE');
  });

  it('refusing the gateway’s own request (its signature): REQUEST_REFUSED, never the caller’s UNAUTHENTICATED', async () => {
    reply = json(401, { errors: [{ message: 'Requests must come through the gateway (bad signature).', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await ask(gw.url)).body.errors).toEqual(
      unavailable('REQUEST_REFUSED', "The tenants service refused the gateway's request; its data is missing from this response."),
    );
  });

  it('cutting the connection: CONNECTION_LOST', async () => {
    reply = (res) => res.socket?.destroy();
    expect((await ask(gw.url)).body.errors).toEqual(
      unavailable('CONNECTION_LOST', 'The connection to the tenants service was lost before its answer; its data is missing from this response.'),
    );
  });

  it('not listening: CONNECTION_REFUSED', async () => {
    const down = await gatewayOverStub(`http://127.0.0.1:${await freePort()}/graphql`);
    try {
      expect((await ask(down.url)).body).toEqual({
        data: { a: null, b: null },
        errors: unavailable('CONNECTION_REFUSED', 'The tenants service could not be reached (connection refused); its data is missing from this response.'),
      });
    } finally {
      await down.gateway.close();
    }
  });
});
