import { specifiedRules } from 'graphql';
import { isKnownMessage, PROTOCOL_MESSAGES, translateKnownMessage } from '@maison/errors';
import { createGateway, readGatewayConfig, type Gateway } from '@maison/gateway';
import { ENGLISH_WORDS, houseMessage, wordsOf } from '@maison/testing';
import { COERCION, HOUSE, REQUEST, SYNTAX, VALIDATION, type BadRequest } from './graphql-messages-corpus';

/**
 * Every message a client reads is in its language, GraphQL's own too: bad documents, bad
 * variables and bad requests sent to a real gateway, answered before any subgraph is called
 * (the subgraph addresses lead nowhere), in French by default and in English when asked.
 */
const ENV = {
  PORT: '0',
  LOG_LEVEL: 'silent',
  RESPONSE_CACHE: 'off',
  RATE_LIMIT_PER_MINUTE: '10000',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '10000',
  JWT_SECRET: 'graphql-messages-test-jwt-secret-0123456789',
  GATEWAY_SIGNING_SECRET: 'graphql-messages-test-signing-secret-0123456789',
  TENANTS_URL: 'http://127.0.0.1:9/graphql',
  COWORKING_URL: 'http://127.0.0.1:9/graphql',
  GALLERY_URL: 'http://127.0.0.1:9/graphql',
};
const CORPUS = [...SYNTAX, ...VALIDATION, ...COERCION, ...REQUEST, ...HOUSE];
/** graphql's rules a client cannot break here: the graph has no subscriptions. */
const UNREACHABLE_RULES = ['SingleFieldSubscriptionsRule'];

interface Answer {
  status: number;
  errors: { message: string; locations?: unknown; extensions: { code: string } }[];
}

async function send(url: string, request: BadRequest, lang?: 'en'): Promise<Answer> {
  const { query, variables, operationName } = request;
  const raw = request.raw ?? {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request.body ?? { query, variables, operationName }),
  };
  const headers = { ...raw.headers, ...(lang && { 'accept-language': lang }) };
  const response = await fetch(url + (raw.search ?? ''), { method: raw.method, headers, body: raw.body });
  return { status: response.status, errors: ((await response.json()) as Answer).errors };
}

/** The general promise: a French answer holds no English of GraphQL's, only its translation or the house's French. */
function expectInFrench(fr: string, en: string): void {
  if (fr in PROTOCOL_MESSAGES) return expect(en).toBe(fr);
  expect({ en, known: isKnownMessage(en) || houseMessage(en, 'en') }).toEqual({ en, known: true });
  expect({ fr, french: houseMessage(fr, 'fr') || fr === translateKnownMessage(en, 'fr') }).toEqual({ fr, french: true });
  expect({ fr, untranslated: isKnownMessage(fr), english: ENGLISH_WORDS.exec(wordsOf(fr))?.[0] }).toEqual({ fr, untranslated: false, english: undefined });
}

describe('GraphQL’s own messages, through a development gateway', () => {
  let gateway: Gateway;
  let url: string;
  beforeAll(async () => {
    gateway = await createGateway(readGatewayConfig({ ...ENV, NODE_ENV: 'development' }));
    url = (await gateway.listen()).url;
  });
  afterAll(() => gateway?.close());

  it('has a bad operation for every rule of graphql’s specifiedRules a client can break', () => {
    const rules = new Set(CORPUS.map((r) => r.rule));
    expect(specifiedRules.map((rule) => rule.name).filter((name) => !rules.has(name))).toEqual(UNREACHABLE_RULES);
  });

  it.each(CORPUS.map((r) => [r.rule, r] as const))('%s', async (_, request) => {
    const [fr, en] = [await send(url, request), await send(url, request, 'en')];
    expect({ status: fr.status, codes: fr.errors.map((e) => e.extensions.code) }).toEqual({
      status: request.status,
      codes: request.fr.map(() => request.code),
    });
    expect({ status: en.status, codes: en.errors.map((e) => e.extensions.code) }).toEqual({
      status: request.status,
      codes: request.en.map(() => request.code),
    });
    expect(fr.errors.map((e) => e.message)).toEqual(request.fr);
    expect(en.errors.map((e) => e.message)).toEqual(request.en);
    expect(fr.errors.map((e) => e.locations)).toEqual(en.errors.map((e) => e.locations));
    fr.errors.forEach((error, i) => expectInFrench(error.message, en.errors[i]!.message));
  });
});

describe('GraphQL’s own messages, through a production gateway', () => {
  let gateway: Gateway;
  let url: string;
  beforeAll(async () => {
    gateway = await createGateway(readGatewayConfig({ ...ENV, NODE_ENV: 'production' }));
    url = (await gateway.listen()).url;
  });
  afterAll(() => gateway?.close());

  const cases: [string, BadRequest][] = [
    [
      'introspection refused',
      {
        rule: 'NoIntrospection',
        query: '{ __schema { queryType { name } } }',
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        fr: ['L’introspection GraphQL n’est pas permise ici, et la requête contient __schema ou __type.'],
        en: [
          'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
        ],
      },
    ],
    [
      'a field, without suggestion',
      { ...VALIDATION.find((r) => r.query?.includes('{ nam }'))!, fr: ['Le champ « nam » n’existe pas sur le type « SharedSpace ».'] },
    ],
    [
      'an enum variable, without suggestion',
      {
        ...COERCION.find((r) => r.rule === 'values: enum')!,
        fr: ['La variable « $s » a reçu une valeur invalide, "CURRNT" ; la valeur « CURRNT » n’existe pas dans l’énumération « ExhibitionStatus ».'],
      },
    ],
    ['CSRF prevention', REQUEST.find((r) => r.rule.startsWith('CSRF'))!],
    ['batching', REQUEST.find((r) => r.rule === 'batching disabled')!],
    // The caller's mistake, not a fault of the house: never masked as an internal error.
    ['an unknown operation name', REQUEST.find((r) => r.rule === 'unknown operation name')!],
    ['a subscription, which the graph has not', REQUEST.find((r) => r.rule === 'no subscription root')!],
  ];

  it.each(cases)('%s', async (_, request) => {
    const [fr, en] = [await send(url, request), await send(url, request, 'en')];
    expect({ status: fr.status, codes: fr.errors.map((e) => e.extensions.code) }).toEqual({ status: request.status, codes: [request.code] });
    expect(fr.errors.map((e) => e.message)).toEqual(request.fr);
    expect(en.errors.map((e) => e.extensions.code)).toEqual([request.code]);
    expect(en.errors.map((e) => e.message)).toEqual(request.en.map((m) => m.replace(/ ?Did you mean .+?\?/g, '')));
    expectInFrench(fr.errors[0]!.message, en.errors[0]!.message);
  });
});
