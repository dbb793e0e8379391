import Redis from 'ioredis';
import type { Logger } from './logger';

/**
 * The one way a process connects to the Redis its replicas share (REDIS_URL): commands fail at once
 * while it is unreachable (no offline queue, one retry) so that each user decides what an outage
 * means, and ioredis keeps reconnecting in the background. Errors are logged at most every 10 s.
 */
export const REDIS_OPTIONS = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 2000 } as const;

export interface SharedRedis {
  readonly client: Redis;
  /** Logs a failed command (rate-limited), for the users of the connection. */
  failed(operation: string, error: Error): void;
  close(): Promise<void>;
}

/** Connects, or rejects (and leaves nothing reconnecting in the background) when Redis cannot be reached. */
export async function connectRedis(url: string, options: { name: string; log?: Logger }): Promise<SharedRedis> {
  const client = new Redis(url, REDIS_OPTIONS);
  let lastLog = 0;
  const failed = (operation: string, error: Error) => {
    const now = Date.now();
    if (now - lastLog < 10_000) return;
    lastLog = now;
    options.log?.warn(`${options.name}: Redis unavailable`, { operation, error: error.message });
  };
  client.on('error', (error: Error) => failed('connection', error));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw error;
  }
  return {
    client,
    failed,
    async close() {
      client.disconnect();
    },
  };
}
