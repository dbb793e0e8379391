import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';

import {
  errorScope,
  errorScopePlugin,
  executeApollo,
  installErrorScope,
  parseGraphQLBody,
  readBody,
  scopeErrors,
  type ErrorScope,
  type Logger,
} from '@maison/http';
import { gatewayFormatError } from './format-error';

const log: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
let apollo: ApolloServer<ErrorScope>;
let server: Server;
let url: string;

/** Apollo Server as the gateway drives it: the scope plugin, the gateway's formatError, executeApollo with the scope. */
beforeAll(async () => {
  installErrorScope();
  apollo = new ApolloServer<ErrorScope>({
    typeDefs: 'type Query { ok: Boolean, broken: Boolean }',
    resolvers: { Query: { ok: () => true, broken: () => Promise.reject(new Error('relation "x" does not exist')) } },
    formatError: gatewayFormatError({ production: true, log }),
    plugins: [errorScopePlugin()],
    csrfPrevention: true,
  });
  await apollo.start();
  server = createServer((req, res) => {
    void (async () => {
      const lang = (req.headers['accept-language'] === 'en' ? 'en' : 'fr') as Lang;
      const scope = { lang, requestId: `req-${lang}` };
      const body = parseGraphQLBody(req, await readBody(req, 10_000));
      const context = async () => {
        if (req.headers['x-fail-context']) throw new Error('context went wrong');
        return scope;
      };
      await executeApollo(apollo, req, res, body, context, {}, scope);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await apollo.stop();
  await new Promise((resolve) => server.close(resolve));
});

async function ask(lang: Lang, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': lang, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] } };
}

describe('the error scope (the caller of an error, without an AsyncLocalStorage)', () => {
  it('reaches formatError from inside the pipeline: a validation error in each caller’s language', async () => {
    const fr = await ask('fr', { query: '{ nope }' });
    const en = await ask('en', { query: '{ nope }' });
    expect(fr.body.errors?.[0]).toMatchObject({
      message: 'Le champ « nope » n’existe pas sur le type « Query ».',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(en.body.errors?.[0]).toMatchObject({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('names the request of a masked error by its own id, in its language', async () => {
    const en = await ask('en', { query: '{ broken }' });
    const fr = await ask('fr', { query: '{ broken }' });
    expect(en.body.errors?.[0]?.message).toContain('req-en');
    expect(en.body.errors?.[0]?.message).not.toContain('relation');
    expect(fr.body.errors?.[0]?.message).toContain('req-fr');
    expect(fr.body.errors?.[0]?.message).not.toBe(en.body.errors?.[0]?.message);
  });

  it('reaches formatError before the pipeline (Apollo’s errorResponse): a request without a query, a failed context', async () => {
    const en = await ask('en', { variables: {} });
    const fr = await ask('fr', { variables: {} });
    expect(en).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.' }] },
    });
    expect(fr.status).toBe(400);
    expect(fr.body.errors?.[0]?.message).not.toBe(en.body.errors?.[0]?.message);
    expect(fr.body.errors?.[0]?.message).toContain('query');
    const failed = await ask('en', { query: '{ ok }' }, { 'x-fail-context': '1' });
    expect(failed.body.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(failed.body.errors?.[0]?.message).toContain('req-en');
  });

  it('keeps an error’s first scope and finds it through the error it wraps', () => {
    const inner = new Error('x');
    scopeErrors([inner], { lang: 'en', requestId: 'a' });
    scopeErrors([inner], { lang: 'fr', requestId: 'b' });
    expect(errorScope(new GraphQLError('y', { originalError: inner }))).toEqual({ lang: 'en', requestId: 'a' });
    expect(errorScope(new Error('z'))).toBeUndefined();
  });

  it('is the only way the gateway knows its caller: no code of the gateway runs a request in the AsyncLocalStorage', () => {
    const root = path.resolve(__dirname, '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const users = files.filter((f) => /runInRequestContext|requestContext\(\)/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(users).toEqual([]);
  });
});
