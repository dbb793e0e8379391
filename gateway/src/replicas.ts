import type { ApolloServerOptions } from '@apollo/server';
import { connectRedis, type Logger, type SharedRedis } from '@maison/http';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { RedisApqCache } from './apq/redis-apq-cache';
import { rateLimits, type RateLimits } from './rate-limit/rate-limit';

/**
 * What several gateway replicas share when REDIS_URL is set (README, "Several gateway replicas"):
 * the rate limits and the persisted-query (APQ) store, through one Redis connection. Without it,
 * both are this process's own. Redis unreachable at boot: the gateway does not start.
 */
export interface ReplicaState {
  rates: RateLimits;
  persistedQueries: ApolloServerOptions<GatewayContext>['persistedQueries'];
  close(): Promise<void>;
}

export async function replicaState(config: GatewayConfig, log: Logger): Promise<ReplicaState> {
  let redis: SharedRedis | undefined;
  if (config.redisUrl) redis = await connectRedis(config.redisUrl, { name: 'replicas', log });
  const rates = rateLimits(config.rateLimitPerMinute, config.rateLimitMutationsPerMinute, log, redis && { redis, prefix: config.redisKeyPrefix });
  log.info('replica state', { rateLimits: rates.kind, persistedQueries: redis ? 'redis' : 'memory' });
  return {
    rates,
    persistedQueries: redis ? { cache: new RedisApqCache(redis, `${config.redisKeyPrefix}apq:`, config.apqTtlSeconds) } : undefined,
    close: async () => redis?.close(),
  };
}
