import { ApolloServer, HeaderMap } from '@apollo/server';
import { installMediaTypeMemo, MEDIA_TYPE_KEYS, memoizedMediaType } from './media-type-memo';

/* eslint-disable @typescript-eslint/no-require-imports */
const Negotiator = require(require.resolve('negotiator', { paths: [require.resolve('@apollo/server')] })) as {
  new (request: { headers: { accept?: string } }): { mediaType(available?: string[]): string | undefined };
  prototype: { mediaType: (...args: unknown[]) => unknown };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const OFFERED = ['application/json', 'application/graphql-response+json'];

describe('the media types Apollo Server negotiates, remembered per Accept header', () => {
  it('answers as negotiator does, for each header, and parses each header once', () => {
    let parsed = 0;
    const real = Negotiator.prototype.mediaType as (this: unknown, available?: string[]) => string | undefined;
    const memo = memoizedMediaType(function (this: unknown, available) {
      parsed += 1;
      return real.call(this, available);
    });
    const headers = [undefined, '*/*', 'application/graphql-response+json, application/json;q=0.9', 'application/json', 'text/html', 'multipart/mixed'];
    for (let round = 0; round < 3; round++) {
      for (const accept of headers) {
        const request = new Negotiator({ headers: { accept } }) as unknown as { request: { headers: { accept?: string } } };
        expect(memo.call(request, OFFERED)).toBe(new Negotiator({ headers: { accept } }).mediaType(OFFERED));
        expect(memo.call(request, [...OFFERED].reverse())).toBe(new Negotiator({ headers: { accept } }).mediaType([...OFFERED].reverse()));
      }
    }
    expect(parsed).toBe(headers.length * 2);
  });

  it('stops remembering new headers past its bound, and still answers each', () => {
    let parsed = 0;
    const memo = memoizedMediaType(() => String(++parsed));
    for (let i = 0; i < MEDIA_TYPE_KEYS + 10; i++) memo.call({ request: { headers: { accept: `type/${i}` } } }, OFFERED);
    expect(parsed).toBe(MEDIA_TYPE_KEYS + 10);
    memo.call({ request: { headers: { accept: 'type/0' } } }, OFFERED);
    memo.call({ request: { headers: { accept: `type/${MEDIA_TYPE_KEYS + 5}` } } }, OFFERED);
    expect(parsed).toBe(MEDIA_TYPE_KEYS + 11);
  });

  it('is what Apollo Server calls on every request (an upgrade that stops would fail this)', async () => {
    installMediaTypeMemo();
    let calls = 0;
    const installed = Negotiator.prototype.mediaType;
    Negotiator.prototype.mediaType = function (this: unknown, ...args: unknown[]) {
      calls += 1;
      return installed.apply(this, args);
    };
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
    try {
      await apollo.start();
      const headers = new HeaderMap([
        ['content-type', 'application/json'],
        ['accept', 'application/graphql-response+json'],
      ]);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query: '{ ok }' } },
        context: async () => ({}),
      });
      expect(response.status ?? 200).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
      expect(calls).toBeGreaterThanOrEqual(2);
    } finally {
      Negotiator.prototype.mediaType = installed;
      await apollo.stop();
    }
  });
});
