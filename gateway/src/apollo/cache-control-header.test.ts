import { ApolloServer, HeaderMap, type BaseContext, type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { cacheControlHeaderPlugins, writeCacheControl } from './cache-control-header';

type Scope = 'PUBLIC' | 'PRIVATE' | undefined;
interface Case {
  header?: string;
  maxAge?: number;
  scope: Scope;
  errors: boolean;
  incremental: boolean;
}

/** A policy shaped as Apollo's newCachePolicy (restrict/replace/policyIfCacheable), as the data sources leave it. */
function policy(maxAge: number | undefined, scope: Scope) {
  return {
    maxAge,
    scope,
    restrict(hint: { maxAge?: number; scope?: Scope }) {
      if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
      if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
    },
    replace(hint: { maxAge?: number; scope?: Scope }) {
      if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
      if (hint.scope !== undefined) this.scope = hint.scope;
    },
    policyIfCacheable() {
      return this.maxAge === undefined || this.maxAge === 0 ? null : { maxAge: this.maxAge, scope: this.scope ?? 'PUBLIC' };
    },
  };
}

function requestContext(c: Case) {
  const headers = new HeaderMap();
  if (c.header !== undefined) headers.set('cache-control', c.header);
  const result = { data: { ok: true }, ...(c.errors ? { errors: [{ message: 'non' }] } : {}) };
  const body = c.incremental ? { kind: 'incremental', initialResult: { ...result, hasNext: true } } : { kind: 'single', singleResult: result };
  return {
    response: { http: { headers }, body },
    overallCachePolicy: policy(c.maxAge, c.scope),
  } as unknown as GraphQLRequestContextWillSendResponse<BaseContext>;
}

async function apolloHeader(c: Case): Promise<string | undefined> {
  const context = requestContext(c);
  const listener = await ApolloServerPluginCacheControl().requestDidStart!(context as never);
  await listener!.willSendResponse!(context);
  return context.response.http.headers.get('cache-control');
}

describe("the gateway's Cache-Control header, without Apollo's cache-control plugin", () => {
  it("writes the header Apollo's plugin writes, for every policy, prior header and kind of answer", async () => {
    const headers = [undefined, '', 'no-store', 'max-age=30, public', 'max-age=90, public', 'max-age=10, private', 'max-age=0, public', 'public, max-age=5'];
    const outcomes = new Set<string>();
    let cases = 0;
    for (const header of headers) {
      for (const maxAge of [undefined, 0, 20, 60]) {
        for (const scope of [undefined, 'PUBLIC', 'PRIVATE'] as Scope[]) {
          for (const errors of [false, true]) {
            for (const incremental of [false, true]) {
              const c = { header, maxAge, scope, errors, incremental };
              const ours = requestContext(c);
              writeCacheControl(ours);
              const theirs = await apolloHeader(c);
              expect({ c, header: ours.response.http.headers.get('cache-control') }).toEqual({ c, header: theirs });
              outcomes.add(String(theirs));
              cases += 1;
            }
          }
        }
      }
    }
    expect(cases).toBe(8 * 4 * 3 * 2 * 2);
    // Every branch was reached: cacheable public and private, restricted by a prior header, no-store, left alone.
    expect([...outcomes].sort()).toEqual(
      ['max-age=10, private', 'max-age=20, private', 'max-age=20, public', 'max-age=30, private', 'max-age=30, public'].concat([
        'max-age=60, private',
        'max-age=60, public',
        'max-age=90, private',
        'max-age=90, public',
        'no-store',
        'public, max-age=5',
      ]),
    );
  });

  it('leaves no per-field listener on the request, where Apollo’s plugin leaves one on every request', async () => {
    const symbolsLeft = async (plugins: ConstructorParameters<typeof ApolloServer>[0]['plugins']) => {
      let seen: object | undefined;
      const capture = { requestDidStart: async () => ({ willSendResponse: async ({ contextValue }: { contextValue: object }) => void (seen = contextValue) }) };
      const server = new ApolloServer({
        typeDefs: 'type Query { ok: Boolean }',
        resolvers: { Query: { ok: () => true } },
        plugins: [capture, ...(plugins ?? [])],
      });
      await server.start();
      const answer = await server.executeOperation({ query: '{ ok }' });
      await server.stop();
      expect(answer.body).toEqual({ kind: 'single', singleResult: { data: { ok: true } } });
      return Object.getOwnPropertySymbols(seen!).length;
    };
    expect(await symbolsLeft([])).toBeGreaterThan(0); // Apollo installs its own plugin when none is given
    expect(await symbolsLeft(cacheControlHeaderPlugins())).toBe(0);
  });
});
