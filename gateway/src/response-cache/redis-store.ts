import Redis from 'ioredis';
import type { Logger } from '@maison/http';
import type { CachedAnswer, ResponseStore } from './store';

/**
 * The generation counter, never below a generation this instance has used (ARGV[1]), plus ARGV[2].
 * A plain INCR would restart from 1 when Redis loses the counter (a restart without persistence, an
 * eviction): every running instance, already past it, would ignore the announced generations and
 * keep serving the answers of the old one until they expire. Raising the counter on reconnection
 * (refresh) also brings instances started afterwards onto the generation the others use.
 */
const GENERATION = `local v = tonumber(redis.call('GET', KEYS[1]) or '0')
local used = tonumber(ARGV[1])
if used > v then v = used end
v = v + tonumber(ARGV[2])
redis.call('SET', KEYS[1], v)
return v`;

/**
 * Store shared by every gateway instance: answers live in Redis with their TTL; the generation is
 * a Redis counter, and an invalidation is announced on a channel so every instance moves to it at
 * once (and re-reads it whenever its subscription reconnects). When Redis is unreachable, lookups
 * miss and writes are dropped: the cache never fails a request.
 */
export class RedisStore implements ResponseStore {
  readonly kind = 'redis';
  private current = 0;
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly generationKey: string;
  private readonly channel: string;
  private lastErrorLog = 0;

  private constructor(
    url: string,
    private readonly prefix: string,
    private readonly log?: Logger,
  ) {
    const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 2000 };
    this.client = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    this.generationKey = `${prefix}generation`;
    this.channel = `${prefix}invalidate`;
    for (const connection of [this.client, this.subscriber]) connection.on('error', (error: Error) => this.failed('connection', error));
    this.subscriber.on('message', (_channel: string, message: string) => this.advance(Number(message)));
    // After a reconnection, invalidations announced meanwhile were missed: read the counter again.
    this.subscriber.on('ready', () => void this.refresh());
  }

  static async connect(url: string, options: { prefix?: string; log?: Logger } = {}): Promise<RedisStore> {
    const store = new RedisStore(url, options.prefix ?? 'maison:response-cache:', options.log);
    try {
      await Promise.all([store.client.connect(), store.subscriber.connect()]);
      await store.subscriber.subscribe(store.channel);
    } catch (error) {
      // Otherwise both connections keep reconnecting in the background, and keep the process alive.
      await store.close();
      throw error;
    }
    await store.refresh();
    return store;
  }

  generation(): number {
    return this.current;
  }

  async get(generation: number, key: string): Promise<CachedAnswer | undefined> {
    try {
      const text = await this.client.get(this.keyOf(generation, key));
      return text ? (JSON.parse(text) as CachedAnswer) : undefined;
    } catch (error) {
      this.failed('get', error as Error);
      return undefined;
    }
  }

  async set(generation: number, key: string, answer: CachedAnswer): Promise<void> {
    try {
      await this.client.set(this.keyOf(generation, key), JSON.stringify(answer), 'PX', answer.maxAgeSeconds * 1000);
    } catch (error) {
      this.failed('set', error as Error);
    }
  }

  async invalidateAll(): Promise<void> {
    const next = Number(await this.client.eval(GENERATION, 1, this.generationKey, String(this.current), '1'));
    this.advance(next);
    await this.client.publish(this.channel, String(next));
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.client.disconnect();
  }

  private keyOf(generation: number, key: string): string {
    return `${this.prefix}${generation}:${key}`;
  }

  private advance(generation: number): void {
    if (Number.isSafeInteger(generation) && generation > this.current) this.current = generation;
  }

  private async refresh(): Promise<void> {
    try {
      this.advance(Number(await this.client.eval(GENERATION, 1, this.generationKey, String(this.current), '0')));
    } catch (error) {
      this.failed('refresh', error as Error);
    }
  }

  private failed(operation: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.log?.warn('response cache: Redis unavailable', { operation, error: error.message });
  }
}
