import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import type { GatewayContext } from '../context';
import { TokenBuckets } from './token-bucket';

/** The body of a 429 answer, the same whether the HTTP layer or the mutation check refused it. */
export const rateLimitedBody = (lang: Lang, retryAfterSeconds: number) => ({
  errors: [{ message: codeMessage('RATE_LIMITED', 'default', lang, { retryAfterSeconds }), extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }],
});

export interface RateLimits {
  /** Every GraphQL request (and calendar feed) counts here, before its body is read. */
  requests: TokenBuckets;
  /** Plugin: mutations also count against the stricter mutation bucket. */
  plugin: ApolloServerPlugin<GatewayContext>;
}

export function rateLimits(perMinute: number, mutationsPerMinute: number): RateLimits {
  const mutations = new TokenBuckets(mutationsPerMinute);
  return {
    requests: new TokenBuckets(perMinute),
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, contextValue }) {
            if (operation?.operation !== 'mutation' || !contextValue.clientKey) return;
            const taken = mutations.take(contextValue.clientKey);
            if (taken.ok) return;
            const { retryAfterSeconds } = taken;
            throw new GraphQLError(codeMessage('RATE_LIMITED', 'default', contextValue.lang, { retryAfterSeconds }), {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfterSeconds,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
              },
            });
          },
        };
      },
    },
  };
}
