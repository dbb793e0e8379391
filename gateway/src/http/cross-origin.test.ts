import { readGatewayConfig } from '../config';
import { createGateway, type Gateway } from '../gateway';
import { ALLOWED_REQUEST_HEADERS, EXPOSED_RESPONSE_HEADERS } from './cors';

/**
 * A browser page on another origin, as the gateway sees it: preflights answered first (no rate-limit
 * token, no body, no CSRF check), CORS headers on every answer to an allowed origin, none to a
 * refused one. `{ __typename }` is answered by the gateway itself, so no subgraph needs to run.
 */
const PAGE = 'http://localhost:5173';
const SECRETS = {
  JWT_SECRET: 'cross-origin-test-jwt-secret-0123456789abcdef',
  GATEWAY_SIGNING_SECRET: 'cross-origin-test-signing-secret-0123456789',
  // Never called: every operation of this file is answered by the gateway itself.
  TENANTS_URL: 'http://127.0.0.1:9/graphql',
  COWORKING_URL: 'http://127.0.0.1:9/graphql',
  GALLERY_URL: 'http://127.0.0.1:9/graphql',
};

async function startGateway(env: Record<string, string>): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway(readGatewayConfig({ PORT: '0', LOG_LEVEL: 'silent', RESPONSE_CACHE: 'off', ...env }));
  const running = await gateway.listen();
  return { gateway, url: running.url };
}

const preflight = (url: string, origin: string, headers = 'content-type, authorization, accept-language') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers } });
const post = (url: string, origin: string | undefined, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin && { origin }), ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

describe('a development gateway, for a page on http://localhost:5173', () => {
  let gateway: Gateway;
  let url: string;
  beforeAll(async () => ({ gateway, url } = await startGateway({ NODE_ENV: 'development', RATE_LIMIT_PER_MINUTE: '2' })));
  afterAll(() => gateway?.close());

  it('answers the preflight with what the page may send and read, and costs no rate-limit token', async () => {
    for (let i = 0; i < 5; i += 1) {
      const answer = await preflight(url, PAGE);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(PAGE);
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      const allowed = answer.headers.get('access-control-allow-headers')!.split(', ');
      for (const header of ['content-type', 'authorization', 'accept-language', 'apollo-require-preflight', 'x-apollo-operation-name'])
        expect(allowed).toContain(header);
      expect(allowed).toEqual([...ALLOWED_REQUEST_HEADERS]);
      expect(answer.headers.get('access-control-max-age')).toBe('7200');
      expect(answer.headers.get('vary')).toContain('Origin');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
    // The bucket holds 2 requests: both are still there after five preflights.
    expect((await post(url, PAGE)).status).toBe(200);
    expect((await post(url, PAGE)).status).toBe(200);
    const limited = await post(url, PAGE);
    expect(limited.status).toBe(429);
    // The refusal itself is readable by the page: it can show Retry-After.
    expect(limited.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect((await preflight(url, PAGE)).status).toBe(204);
  });

  it('answers a preflight of the calendar feed the same way', async () => {
    const answer = await fetch(new URL('/calendar.ics', url), {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'GET' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
  });
});

describe('answers to an allowed origin', () => {
  let gateway: Gateway;
  let url: string;
  beforeAll(async () => ({ gateway, url } = await startGateway({ NODE_ENV: 'development' })));
  afterAll(() => gateway?.close());

  it('carry the origin, the headers the page may read, Vary and Content-Language', async () => {
    const fr = await post(url, PAGE);
    expect(fr.status).toBe(200);
    expect(await fr.json()).toEqual({ data: { __typename: 'Query' } });
    expect(fr.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(fr.headers.get('access-control-expose-headers')!.split(', ')).toEqual([...EXPOSED_RESPONSE_HEADERS]);
    for (const header of ['x-request-id', 'retry-after', 'x-cache', 'age']) expect(EXPOSED_RESPONSE_HEADERS).toContain(header);
    expect(fr.headers.get('vary')).toBe('Origin, Accept, Accept-Language, Authorization');
    expect(fr.headers.get('content-language')).toBe('fr');
    expect(fr.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const en = await post(url, PAGE, { 'accept-language': 'en-CA,en;q=0.9' });
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('in the caller’s language, also when the body is not JSON or the address is unknown', async () => {
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PAGE, 'accept-language': 'en' },
      body: '{"query":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(malformed.headers.get('access-control-allow-origin')).toBe(PAGE);
    const missing = await fetch(new URL('/nowhere', url), { headers: { origin: PAGE } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [{ message: 'Aucune ressource à cette adresse : le point d’accès GraphQL est /graphql.', extensions: { code: 'NOT_FOUND' } }],
    });
    expect(missing.headers.get('content-language')).toBe('fr');
  });

  it('the calendar feed too, with the language it was written in', async () => {
    const feed = await fetch(new URL('/calendar.ics?from=not-a-date&lang=en', url), { headers: { origin: PAGE } });
    expect(feed.status).toBe(400);
    expect(feed.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(feed.headers.get('vary')).toBe('Origin, Accept-Language');
    expect(feed.headers.get('content-language')).toBe('en');
    expect(await feed.json()).toEqual({ errors: [{ message: 'from and to must be dates YYYY-MM-DD.', extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('a production gateway', () => {
  it('lets in no other origin by default: no CORS header, the answer itself unchanged', async () => {
    const { gateway, url } = await startGateway({ NODE_ENV: 'production', ...SECRETS });
    try {
      const refused = await preflight(url, PAGE);
      expect(refused.status).toBe(204);
      expect([...refused.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
      const answer = await post(url, PAGE);
      expect(answer.status).toBe(200);
      expect([...answer.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(answer.headers.get('vary')).toContain('Origin');
    } finally {
      await gateway.close();
    }
  });

  it('lets in the origins of CORS_ORIGINS, and any with *', async () => {
    const listed = await startGateway({ NODE_ENV: 'production', ...SECRETS, CORS_ORIGINS: 'https://app.la-maison.example' });
    const any = await startGateway({ NODE_ENV: 'production', ...SECRETS, CORS_ORIGINS: '*' });
    try {
      expect((await preflight(listed.url, 'https://app.la-maison.example')).headers.get('access-control-allow-origin')).toBe('https://app.la-maison.example');
      expect((await preflight(listed.url, PAGE)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await post(any.url, 'https://whoever.example')).headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await Promise.all([listed.gateway.close(), any.gateway.close()]);
    }
  });

  it('refuses to start with a CORS_ORIGINS that is not a list of origins', () => {
    expect(() => readGatewayConfig({ NODE_ENV: 'production', ...SECRETS, CORS_ORIGINS: 'app.example/path' })).toThrow(/CORS_ORIGINS/);
  });
});
