import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { answerWith, listenStub } from '@maison/testing';
import { installOperationMemo, memoizedOperationFromDocument } from './operation-memo';

/* eslint-disable @typescript-eslint/no-require-imports */
const internals = () => require('@apollo/federation-internals') as { operationFromDocument: ((...args: unknown[]) => unknown) & { original?: unknown } };
const operations = require('@apollo/federation-internals/dist/operations') as { operationFromDocument: (...args: unknown[]) => unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

describe('through a real gateway', () => {
  let subgraph: Awaited<ReturnType<typeof listenStub>>;
  let builds = 0;
  let apollo: ApolloServer;
  beforeAll(async () => {
    subgraph = await listenStub(answerWith('{"data":{"hello":"bonjour","n":1}}'));
    const { url } = subgraph;
    const sdl = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) type Query { hello: String n: Int }`);
    const composed = composeServices([{ name: 'one', url, typeDefs: sdl }]);
    if (!composed.supergraphSdl) throw new Error(String(composed.errors));
    // Under the memo, a count of the Operations built for answers (the planner's own build validates).
    const real = operations.operationFromDocument;
    operations.operationFromDocument = (...args: unknown[]) => {
      if ((args[2] as { validate?: boolean } | undefined)?.validate === false) builds += 1;
      return real(...args);
    };
    installOperationMemo();
    apollo = new ApolloServer({
      gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl, buildService: ({ url }) => new RemoteGraphQLDataSource({ url }) }),
    });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo.stop();
    await subgraph.close();
  });

  it('builds the Operation of a query text once for many requests, and answers each', async () => {
    for (let i = 0; i < 5; i++) {
      const { body } = await apollo.executeOperation({ query: 'query Hi { hello n }' });
      expect(body).toEqual({ kind: 'single', singleResult: { data: { hello: 'bonjour', n: 1 } } });
    }
    expect(builds).toBe(1);
  });
});

describe('the Operation of a document, built once per operation node', () => {
  const schema = {};
  const document = (op = parse('query Q { a }')) => ({ kind: op.kind, definitions: op.definitions });

  it('answers the same Operation for the same operation node, and builds another for another node', () => {
    const built: unknown[] = [];
    const memo = memoizedOperationFromDocument((_s, doc) => {
      built.push(doc);
      return { n: built.length };
    });
    const parsed = parse('query Q { a }');
    const first = memo(schema, document(parsed), { validate: false });
    expect(memo(schema, document(parsed), { validate: false })).toBe(first);
    expect(memo(schema, document(), { validate: false })).not.toBe(first); // same text, another parse
    expect(memo({}, document(parsed), { validate: false })).not.toBe(first); // another schema
    expect(built).toHaveLength(3);
  });

  it('leaves every other call (validating, or choosing by name) to the original', () => {
    let calls = 0;
    const memo = memoizedOperationFromDocument(() => ({ n: ++calls }));
    const parsed = parse('query Q { a }');
    memo(schema, document(parsed));
    memo(schema, document(parsed));
    memo(schema, document(parsed), { operationName: 'Q', validate: false });
    memo(schema, document(parsed), { operationName: 'Q', validate: false });
    expect(calls).toBe(4);
  });

  it('is where @apollo/gateway looks it up, at the call it makes per request', () => {
    installOperationMemo();
    expect(internals().operationFromDocument.original).toBeDefined();
    // If an upgrade moves or changes the call, this fails and the memo must be revisited.
    const source = readFileSync(require.resolve('@apollo/gateway/dist/executeQueryPlan.js'), 'utf8');
    expect(source).toMatch(
      /\(0, federation_internals_1\.operationFromDocument\)\(apiSchema, \{\s*kind: graphql_1\.Kind\.DOCUMENT,\s*definitions: \[\s*operationContext\.operation,/,
    );
    expect(source).toMatch(/\}, \{\s*validate: false,\s*\}\);/);
  });
});
