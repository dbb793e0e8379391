import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import type { Logger, SharedRedis } from '@maison/http';
import type { GatewayContext } from '../context';
import type { Limiter, RateLimitStats } from './limiter';
import { MemoryLimiter } from './memory-limiter';
import { RedisLimiter } from './redis-limiter';
import type { Take } from './token-bucket';

/** The body of a 429 answer, the same whether the HTTP layer or the mutation check refused it. */
export const rateLimitedBody = (lang: Lang, retryAfterSeconds: number) => ({
  errors: [{ message: codeMessage('RATE_LIMITED', 'default', lang, { retryAfterSeconds }), extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }],
});

/** The warn line of every 429, naming the limit that refused it (requests or mutations). */
export function logRateLimited(log: Logger, limit: 'requests' | 'mutations', requestId: string, client: string): void {
  log.warn('rate limited', { requestId, client, limit });
}

export interface RateLimits {
  readonly kind: Limiter['kind'];
  /** Every GraphQL request (and calendar feed) counts here, before its body is read. */
  requests: { take(key: string): Promise<Take> };
  /** Mutations also count here, the stricter bucket: in the plugin, or in the prepared lane before it (apollo/prepared-operations.ts). */
  mutations: { take(key: string): Promise<Take> };
  /** Plugin: mutations also count against the stricter mutation bucket (once: a take the prepared lane made is the request's). */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Counters for the metrics (read them; the limits only add to them). */
  readonly stats: Readonly<RateLimitStats>;
}

export interface SharedLimits {
  redis: SharedRedis;
  /** Prefix of the limits' keys (REDIS_KEY_PREFIX). */
  prefix: string;
}

/** Per process (token buckets), or with `shared` spent across every gateway on the same Redis. */
export function rateLimits(perMinute: number, mutationsPerMinute: number, log: Logger, shared?: SharedLimits): RateLimits {
  const stats: RateLimitStats = { allowed: 0, limited: 0, fallback: 0 };
  const onFallback = () => {
    stats.fallback += 1;
    shared?.redis.failed('rate limit', new Error('Redis command failed; limit decided in memory'));
  };
  const limiter = (n: number, name: string): Limiter =>
    shared && n > 0 ? new RedisLimiter(shared.redis.client, n, `${shared.prefix}rate:${name}:`, onFallback) : new MemoryLimiter(n);
  const counted = (l: Limiter) => ({
    async take(key: string): Promise<Take> {
      const taken = await l.take(key);
      if (taken.ok) stats.allowed += 1;
      else stats.limited += 1;
      return taken;
    },
  });
  const mutations = counted(limiter(mutationsPerMinute, 'mutations'));
  return {
    kind: shared ? 'redis' : 'memory',
    stats,
    requests: counted(limiter(perMinute, 'requests')),
    mutations,
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, contextValue }) {
            if (operation?.operation !== 'mutation' || !contextValue.clientKey) return;
            const taken = contextValue.mutationTaken ?? (await mutations.take(contextValue.clientKey));
            if (taken.ok) return;
            logRateLimited(log, 'mutations', contextValue.requestId, contextValue.clientKey);
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
