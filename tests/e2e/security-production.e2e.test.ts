import { createHash } from 'node:crypto';
import { issueToken, signRequest, ANONYMOUS } from '@maison/auth';
import { withDatabase } from '@maison/kit';
import { addDays, todayInHouse } from '@maison/house';
import { asTenant, DEV_AUDIENCE, DEV_ISSUER, startGraph, testServerUrl, withClient, type RunningGraph } from '@maison/testing';
import { post } from './security-helpers';

/** NODE_ENV=production: what a client sees is quiet; what the operator's log keeps is whole. */
const JWT_SECRET = 'production-test-jwt-secret-0123456789abcdef';
const SIGNING_SECRET = 'production-test-signing-secret-0123456789abcdef';
const PREFIX = `t_prod_${process.pid}_`;
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({
    env: {
      NODE_ENV: 'production',
      JWT_SECRET,
      GATEWAY_SIGNING_SECRET: SIGNING_SECRET,
      SEED: 'demo',
      LOG_LEVEL: 'info',
      DATABASE_PREFIX: PREFIX,
    },
  });
});
afterAll(async () => {
  await graph?.stop();
});

const tenantToken = () => {
  const { sub, roles, tenantId } = asTenant('acupuncture');
  return issueToken({ sub: sub!, roles: [...roles], tenantId }, { secret: JWT_SECRET, issuer: DEV_ISSUER, audience: DEV_AUDIENCE }, 600);
};
const tenantsDb = () => withDatabase(testServerUrl(), `${PREFIX}tenants`);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
/** Anything of the inside that must never reach a client. */
const INTERNALS = /127\.0\.0\.1|localhost|:\d{4,5}\/|relation|constraint|sabotage|select |insert |stack|\bat \/|node_modules|Did you mean|Vouliez-vous dire/i;

describe('a production gateway', () => {
  it('answers ordinary operations', async () => {
    const { status, body } = await graph.query('{ sharedSpace(slug: "cuisine") { name } }');
    expect({ status, body }).toEqual({ status: 200, body: { data: { sharedSpace: { name: 'Cuisine partagée' } } } });
  });

  it('refuses introspection', async () => {
    const { status, body } = await graph.query('{ __schema { queryType { name } } }');
    expect({ status, body }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'L’introspection GraphQL n’est pas permise ici, et la requête contient __schema ou __type.',
            locations: [{ line: 1, column: 3 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    });
  });

  it('gives no "Did you mean" suggestions, for fields or enum values', async () => {
    const field = await graph.query('{ sharedSpace(slug: "cuisine") { nam } }');
    expect(field.body).toEqual({
      errors: [
        {
          message: 'Le champ « nam » n’existe pas sur le type « SharedSpace ».',
          locations: [{ line: 1, column: 34 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    const value = await graph.query('query($s: ExhibitionStatus) { exhibitions(status: $s) { totalCount } }', { s: 'CURRNT' });
    expect(value.status).toBe(400);
    expect(value.body.errors).toHaveLength(1);
    expect(value.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(value.body.errors![0]!.message).not.toMatch(/Did you mean|Vouliez-vous dire|CURRENT/);
    // In English, as GraphQL.js writes it, without the suggestion either.
    const english = await graph.query('{ sharedSpace(slug: "cuisine") { nam } }', {}, { headers: { 'accept-language': 'en' } });
    expect(english.body.errors!.map((e) => e.message)).toEqual(['Cannot query field "nam" on type "SharedSpace".']);
  });

  it('answers an automatic persisted query whose hash is not its own as BAD_REQUEST with its message, logging no error', async () => {
    const logBefore = graph.output().length;
    const query = '{ sharedSpace(slug: "cuisine") { name } }';
    const other = createHash('sha256').update('{ house { name } }').digest('hex');
    const { status, headers, body } = await post(
      graph.gatewayUrl,
      JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: other } } }),
    );
    expect({ status, body }).toEqual({
      status: 400,
      body: { errors: [{ message: 'le sha fourni ne correspond pas à la requête', extensions: { code: 'BAD_REQUEST' } }] },
    });
    await new Promise((r) => setTimeout(r, 200));
    const logged = graph.output().slice(logBefore);
    expect(logged).not.toContain('unexpected error');
    expect(logged.split('\n').filter((line) => line.includes(headers.get('x-request-id')!) && /"level":"error"/.test(line))).toEqual([]);
  });

  it('shows an internal failure as a generic message with the request id, and logs the whole error', async () => {
    await withClient(tenantsDb(), (c) => c.query('ALTER TABLE tenant RENAME TO tenant_sabotaged'));
    try {
      const { status, headers, body } = await graph.query('{ tenants { name } house { name } }');
      const requestId = headers.get('x-request-id')!;
      expect(requestId).toMatch(UUID);
      expect({ status, body }).toEqual({
        status: 200,
        body: { data: null, errors: [{ message: `Erreur interne (requête ${requestId}).`, path: ['tenants'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
      });
      expect(JSON.stringify(body)).not.toMatch(INTERNALS);
      // The subgraph itself, asked directly with the gateway's signature, masks it too.
      const direct = JSON.stringify({ query: '{ tenants { name } }' });
      const signed = signRequest(SIGNING_SECRET, ANONYMOUS, 'fr', direct);
      const answer = await post(graph.subgraphUrls.tenants, direct, signed);
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 200,
        body: { data: null, errors: [{ message: 'Erreur interne.', path: ['tenants'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(graph.output()).toContain(requestId);
      expect(graph.output()).toContain('relation \\"tenant\\" does not exist');
    } finally {
      await withClient(tenantsDb(), (c) => c.query('ALTER TABLE tenant_sabotaged RENAME TO tenant'));
    }
  });

  it('names no constraint when the database refuses a write', async () => {
    const date = addDays(todayInHouse(), 3);
    const { body: free } = await graph.query(
      `query($date: LocalDate!) { sharedSpace(slug: "cuisine") { id availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`,
      { date },
    );
    const space = free.data!.sharedSpace as { id: string; availability: { startsAt: string; endsAt: string }[] };
    const slot = space.availability.at(-1)!;
    await withClient(tenantsDb(), (c) => c.query('ALTER TABLE space_booking ADD CONSTRAINT maison_sabotage_check CHECK (false) NOT VALID'));
    try {
      const { status, headers, body } = await graph.query(
        `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`,
        { input: { spaceId: space.id, startsAt: slot.startsAt, endsAt: slot.endsAt, title: 'Atelier' } },
        { token: tenantToken() },
      );
      const requestId = headers.get('x-request-id')!;
      expect({ status, body }).toEqual({
        status: 200,
        body: {
          data: null,
          errors: [{ message: `Erreur interne (requête ${requestId}).`, path: ['bookSharedSpace'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        },
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(graph.output()).toContain('maison_sabotage_check');
    } finally {
      await withClient(tenantsDb(), (c) => c.query('ALTER TABLE space_booking DROP CONSTRAINT maison_sabotage_check'));
    }
  });

  it('answers a bad token with 401 and nothing more', async () => {
    const { status, body } = await graph.query('{ house { name } }', {}, { token: 'not.a.token', headers: { 'accept-language': 'en' } });
    expect({ status, body }).toEqual({
      status: 401,
      body: { errors: [{ message: 'Authentication required or invalid token.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('refuses a batch with a bare message, in the caller’s language', async () => {
    const batch = JSON.stringify([{ query: '{ house { name } }' }]);
    const response = await post(graph.gatewayUrl, batch);
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: { errors: [{ message: 'Les lots d’opérations ne sont pas acceptés : envoyez une opération par requête.', extensions: { code: 'BAD_REQUEST' } }] },
    });
    const english = await post(graph.gatewayUrl, batch, { 'accept-language': 'en' });
    expect(english.body).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('CSRF prevention', () => {
  const CSRF =
    'Cette opération a été bloquée : elle pourrait être une falsification de requête intersite (CSRF). Envoyez un en-tête « content-type » (d’un autre type que application/x-www-form-urlencoded, multipart/form-data, text/plain) ou une valeur non vide dans l’un de ces en-têtes : x-apollo-operation-name, apollo-require-preflight';
  const CSRF_EN =
    "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n";
  const get = (headers: Record<string, string> = {}) =>
    fetch(`${graph.gatewayUrl}?query=${encodeURIComponent('{ house { name } }')}`, { headers }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('refuses a text/plain POST, in French by default and in English when asked', async () => {
    const response = await post(graph.gatewayUrl, JSON.stringify({ query: '{ house { name } }' }), { 'content-type': 'text/plain' });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: { errors: [{ message: CSRF, extensions: { code: 'BAD_REQUEST' } }] },
    });
    const english = await post(graph.gatewayUrl, JSON.stringify({ query: '{ house { name } }' }), { 'content-type': 'text/plain', 'accept-language': 'en' });
    expect({ status: english.status, body: english.body }).toEqual({
      status: 400,
      body: { errors: [{ message: CSRF_EN, extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('refuses a GET without a preflight header, and answers one with it', async () => {
    expect(await get()).toEqual({ status: 400, body: { errors: [{ message: CSRF, extensions: { code: 'BAD_REQUEST' } }] } });
    expect(await get({ 'apollo-require-preflight': 'true' })).toEqual({ status: 200, body: { data: { house: { name: expect.any(String) } } } });
  });
});
