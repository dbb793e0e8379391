import { ApolloServer, HeaderMap } from '@apollo/server';
import { errorScopePlugin, type ErrorScope } from '@maison/http';
import { gatewayFormatError } from '../errors/format-error';
import { readCostDirectives } from './cost-directives';
import { costEstimator, costLimitPlugin } from './cost-plugin';

/** The plugin on a real Apollo Server: the limit on both sides, the refusal in French and English. */
const typeDefs = `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Query { items(first: Int): [Item!]! @listSize(assumedSize: 10, slicingArguments: ["first"], requireOneSlicingArgument: false) }
  type Item { x: Int }
`;
const resolvers = { Query: { items: (_: unknown, { first }: { first?: number }) => Array.from({ length: Math.min(first ?? 10, 3) }, (_, x) => ({ x })) } };
const http = { method: 'POST', headers: new HeaderMap(), search: '', body: {} };

const log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

let server: ApolloServer<ErrorScope>;
beforeAll(async () => {
  server = new ApolloServer<ErrorScope>({
    typeDefs,
    resolvers,
    formatError: gatewayFormatError({ production: true, log }),
    plugins: [errorScopePlugin(), costLimitPlugin(50, costEstimator(readCostDirectives(typeDefs), { listSize: 10 }))],
  });
  await server.start();
});
afterAll(async () => {
  await server.stop();
});

async function run(first: number, options: { lang?: 'fr' | 'en'; viaHttp?: boolean } = {}) {
  const request = { query: 'query($n: Int) { items(first: $n) { x } }', variables: { n: first }, ...(options.viaHttp !== false && { http }) };
  const result = await server.executeOperation(request, { contextValue: { requestId: 'r', lang: options.lang ?? 'fr' } });
  return result.body.kind === 'single' ? result.body.singleResult : undefined;
}

describe('the cost limit', () => {
  it('runs an operation that costs the limit', async () => {
    expect(await run(50)).toEqual({ data: { items: [{ x: 0 }, { x: 1 }, { x: 2 }] } });
  });

  it('refuses one more, saying how to fit, in French by default and in English when asked', async () => {
    expect((await run(51))?.errors).toEqual([
      expect.objectContaining({
        message:
          'Le coût estimé de la requête (51) dépasse la limite de 50. Pour qu’elle passe : découpez la période en plusieurs requêtes, baissez « first » ou demandez moins de champs.',
        extensions: expect.objectContaining({ code: 'COST_LIMIT_EXCEEDED', limit: 50, actual: 51 }),
      }),
    ]);
    expect((await run(51, { lang: 'en' }))?.errors?.[0]?.message).toBe(
      'Query cost 51 exceeds the limit of 50. To fit: split the date range into several requests, lower "first", or ask for fewer fields.',
    );
  });

  it('trusts the operations the gateway runs itself, without an HTTP request', async () => {
    expect((await run(51, { viaHttp: false }))?.errors).toBeUndefined();
  });
});
