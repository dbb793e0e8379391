import { MemoryNonceStore, RedisNonceStore, type NonceStore } from '@maison/auth';
import { connectRedis, type Logger } from '@maison/http';

/**
 * Where a subgraph remembers the nonces of the signed requests it accepted: in Redis when REDIS_URL
 * is set (every replica refuses a request another one already ran), in memory otherwise. Redis
 * unreachable at boot: the subgraph does not start; later: each replica falls back on its memory.
 */
export async function signatureNonces(
  config: { redisUrl?: string; redisKeyPrefix: string; signatureNonceMaxEntries: number },
  service: string,
  log: Logger,
): Promise<NonceStore> {
  if (!config.redisUrl) return new MemoryNonceStore(config.signatureNonceMaxEntries);
  const redis = await connectRedis(config.redisUrl, { name: 'signature nonces', log });
  return new RedisNonceStore(redis.client, `${config.redisKeyPrefix}nonce:${service}:`, {
    maxEntries: config.signatureNonceMaxEntries,
    onError: (error) => redis.failed('nonce', error),
  });
}
