import { ANONYMOUS, signRequest } from '@maison/auth';
import { DEV_SIGNING_SECRET, type Lang } from '@maison/config';
import { startTestSubgraph, type TestSubgraph } from '@maison/testing';
import { tenantsModule } from './module';

/**
 * What a subgraph answers before (or beside) GraphQL — an unsigned request, a body too large, a
 * body that is not JSON, an unknown path, a scalar it refuses — is in the caller's language:
 * the signed language once the signature is checked, before that the language header or
 * Accept-Language, French by default. (Any subgraph: they share the kit's HTTP handler.)
 */
let graph: TestSubgraph<unknown, unknown>;

beforeAll(async () => {
  graph = (await startTestSubgraph(tenantsModule, { seed: false, listen: true, env: { BODY_LIMIT_BYTES: '1024' } })) as TestSubgraph<unknown, unknown>;
}, 120_000);
afterAll(async () => {
  await graph?.close();
});

async function post(body: string, headers: Record<string, string> = {}, path = '/graphql') {
  const response = await fetch(new URL(path, graph.url!), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: await response.json() };
}
const signed = (lang: Lang, body: string) => signRequest(DEV_SIGNING_SECRET, ANONYMOUS, lang, body);
const error = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

describe('the refusals of a subgraph', () => {
  it('refuses an unsigned request in French by default, in English when asked', async () => {
    const body = JSON.stringify({ query: '{ house { name } }' });
    expect(await post(body)).toEqual({
      status: 401,
      body: error('Les requêtes doivent passer par la passerelle (signature de la passerelle absente).', 'UNAUTHENTICATED'),
    });
    expect(await post(body, { 'accept-language': 'en-CA,en;q=0.9' })).toEqual({
      status: 401,
      body: error('Requests must come through the gateway (missing gateway signature).', 'UNAUTHENTICATED'),
    });
    const forged = { ...signed('en', body), 'x-maison-signature': '0'.repeat(64) };
    expect(await post(body, forged)).toEqual({ status: 401, body: error('Requests must come through the gateway (bad signature).', 'UNAUTHENTICATED') });
  });

  it('answers a body that is not JSON in the signed language', async () => {
    const body = '{"query": "{ house { name } }"';
    expect(await post(body, signed('fr', body))).toEqual({ status: 400, body: error('Le corps de la requête n’est pas du JSON valide.', 'BAD_REQUEST') });
    expect(await post(body, signed('en', body))).toEqual({ status: 400, body: error('The request body is not valid JSON.', 'BAD_REQUEST') });
  });

  it('refuses a body over its limit with the limit, in the language asked', async () => {
    const body = JSON.stringify({ query: `{ house { name } } # ${'x'.repeat(2000)}` });
    const tooLarge = (message: string) => ({ status: 413, body: { errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 1024 } }] } });
    expect(await post(body, signed('en', body))).toEqual(tooLarge('Request body exceeds the limit of 1024 bytes.'));
    expect(await post(body)).toEqual(tooLarge('Le corps de la requête dépasse la limite de 1024 octets.'));
  });

  it('answers an unknown path with NOT_FOUND', async () => {
    expect(await post('{}', { 'accept-language': 'en' }, '/graphq')).toEqual({
      status: 404,
      body: error('Nothing at this address: the GraphQL endpoint is /graphql.', 'NOT_FOUND'),
    });
  });

  it('refuses a scalar value in the signed language', async () => {
    const body = JSON.stringify({ query: 'query($d: LocalDate!) { calendar(from: $d, to: $d) { date } }', variables: { d: '2026-13-01' } });
    const messages = async (lang: Lang) => ((await post(body, signed(lang, body))).body as { errors: { message: string }[] }).errors.map((e) => e.message);
    expect(await messages('en')).toEqual([expect.stringContaining('LocalDate: "2026-13-01" is not a calendar date YYYY-MM-DD')]);
    expect(await messages('fr')).toEqual([expect.stringContaining('LocalDate : "2026-13-01" n’est pas une date AAAA-MM-JJ du calendrier')]);
  });

  it('refuses NUL in any text before a resolver runs, so it never reaches PostgreSQL (called directly, signed)', async () => {
    const ask = async (query: string, variables: Record<string, unknown>, lang: Lang) => {
      const body = JSON.stringify({ query, variables });
      const { status, body: answer } = await post(body, signed(lang, body));
      const { errors } = answer as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
      return {
        status,
        data: (answer as { data?: unknown }).data,
        errors: errors.map(({ message, extensions: { code, argument, variable } }) => ({ message, code, argument, variable })),
      };
    };
    const before = Number((await graph.ds.query(`SELECT count(*) AS n FROM tenant`))[0].n);
    expect(await ask('{ tenant(slug: "a\\u0000b") { id } }', {}, 'fr')).toEqual({
      status: 400,
      data: undefined,
      errors: [
        {
          message: 'L’argument « tenant.slug » contient le caractère NUL (U+0000), refusé dans tout texte.',
          code: 'BAD_USER_INPUT',
          argument: 'tenant.slug',
          variable: undefined,
        },
      ],
    });
    expect(await ask('query($s: String!) { sharedSpace(slug: $s) { id } }', { s: '\u0000' }, 'en')).toEqual({
      status: 400,
      data: undefined,
      errors: [
        { message: 'Variable "$s" contains the NUL character (U+0000), refused in any text.', code: 'BAD_USER_INPUT', argument: undefined, variable: 's' },
      ],
    });
    expect(
      await ask('mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }', { input: { name: { fr: 'a\u0000' } } }, 'fr'),
    ).toEqual({
      status: 400,
      data: undefined,
      errors: [
        {
          message: 'La variable « $input.name.fr » contient le caractère NUL (U+0000), refusé dans tout texte.',
          code: 'BAD_USER_INPUT',
          argument: undefined,
          variable: 'input.name.fr',
        },
      ],
    });
    expect(Number((await graph.ds.query(`SELECT count(*) AS n FROM tenant`))[0].n)).toBe(before);
  });

  it('refuses year 0 in a LocalDate with the scalar’s message', async () => {
    const body = JSON.stringify({ query: 'query($d: LocalDate!) { calendar(from: $d, to: $d) { date } }', variables: { d: '0000-01-01' } });
    const messages = async (lang: Lang) => ((await post(body, signed(lang, body))).body as { errors: { message: string }[] }).errors.map((e) => e.message);
    expect(await messages('en')).toEqual([expect.stringContaining('LocalDate: "0000-01-01" is outside the years 0001 to 9999 the house records')]);
    expect(await messages('fr')).toEqual([expect.stringContaining('LocalDate : "0000-01-01" est hors des années 0001 à 9999 que la maison enregistre')]);
  });
});
