import { createGateway, type Gateway } from '../gateway';
import { readGatewayConfig } from '../config';
import { IDE_CONTENT_SECURITY_POLICY } from './page';

/** A gateway in this process; the IDE's requests never reach a subgraph, so none is running. */
async function startGateway(env: Record<string, string>): Promise<{ gateway: Gateway; origin: string }> {
  const gateway = await createGateway(readGatewayConfig({ LOG_LEVEL: 'silent', PORT: '0', RESPONSE_CACHE: 'off', ...env }));
  return { gateway, origin: new URL((await gateway.listen()).url).origin };
}

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the IDE of a development gateway', () => {
  let gateway: Gateway;
  let origin: string;
  beforeAll(async () => ({ gateway, origin } = await startGateway({ NODE_ENV: 'development' })));
  afterAll(() => gateway?.close());

  it.each(['/graphql', '/'])('is the page a browser gets at %s, with every file from the gateway itself', async (path) => {
    const response = await fetch(origin + path, { headers: { accept: BROWSER } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(IDE_CONTENT_SECURITY_POLICY);
    expect(html).toContain('<html lang="fr">');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toEqual(['/ide/favicon.ico', '/ide/graphiql.css', '/ide/monaco-environment.js', '/ide/graphiql.js', '/ide/boot.js']);
  });

  it('carries the README operations as tabs and the header editor for new tabs', async () => {
    const html = await (await fetch(`${origin}/graphql`, { headers: { accept: BROWSER } })).text();
    const options = JSON.parse(/<script type="application\/json" id="ide-options">(.*?)<\/script>/s.exec(html)![1]!);
    expect(options.endpoint).toBe('/graphql');
    expect(options.defaultTabs).toHaveLength(19);
    expect(options.defaultTabs[0].query).toMatch(/^query WhatsOn\(/);
    expect(options.defaultHeaders).toContain('"Authorization": "Bearer <jeton>"');
  });

  it.each([
    ['/ide/graphiql.js', 'text/javascript; charset=utf-8', 'YogaGraphiQL'],
    ['/ide/graphiql.css', 'text/css; charset=utf-8', '.graphiql-container'],
    ['/ide/monaco-environment.js', 'text/javascript; charset=utf-8', '/ide/workers/'],
    ['/ide/boot.js', 'text/javascript; charset=utf-8', 'renderYogaGraphiQL'],
    ['/ide/workers/editor.js', 'text/javascript; charset=utf-8', ''],
    ['/ide/workers/json.js', 'text/javascript; charset=utf-8', ''],
    ['/ide/workers/graphql.js', 'text/javascript; charset=utf-8', ''],
    ['/ide/favicon.ico', 'image/x-icon', ''],
  ])('serves %s from node_modules', async (path, type, content) => {
    const response = await fetch(origin + path);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(IDE_CONTENT_SECURITY_POLICY);
    expect(body.length).toBeGreaterThan(content ? 100 : 10_000);
    expect(body).toContain(content);
  });

  it('answers 304 to a browser that has the file, and HEAD without a body', async () => {
    const first = await fetch(`${origin}/ide/graphiql.css`);
    await first.arrayBuffer();
    const again = await fetch(`${origin}/ide/graphiql.css`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const head = await fetch(`${origin}/ide/graphiql.css`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(first.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });

  it('leaves GraphQL requests, and unknown /ide/ paths, to the gateway', async () => {
    const post = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BROWSER },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${origin}/ide/nothing.js`)).status).toBe(404);
  });
});

describe('a production gateway', () => {
  let gateway: Gateway;
  let origin: string;
  beforeAll(async () => {
    ({ gateway, origin } = await startGateway({
      NODE_ENV: 'production',
      JWT_SECRET: 'production-test-jwt-secret-0123456789abcdef',
      GATEWAY_SIGNING_SECRET: 'production-test-signing-secret-0123456789abcdef',
      TENANTS_URL: 'http://127.0.0.1:9/graphql',
      COWORKING_URL: 'http://127.0.0.1:9/graphql',
      GALLERY_URL: 'http://127.0.0.1:9/graphql',
    }));
  });
  afterAll(() => gateway?.close());

  it.each(['/graphql', '/'])('gives a browser at %s no page: no IDE, no Apollo landing page', async (path) => {
    const response = await fetch(origin + path, { headers: { accept: BROWSER } });
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).not.toMatch(/<html|<script/i);
  });

  it.each(['/ide/graphiql.js', '/ide/graphiql.css', '/ide/boot.js', '/ide/workers/editor.js'])('does not serve %s', async (path) => {
    const response = await fetch(origin + path);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Aucune ressource à cette adresse : le point d’accès GraphQL est /graphql.', extensions: { code: 'NOT_FOUND' } }],
    });
  });
});
