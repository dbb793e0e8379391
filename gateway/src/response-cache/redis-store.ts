import Redis from 'ioredis';
import { REDIS_OPTIONS, type Logger } from '@maison/http';
import type { CachedAnswer, ResponseStore } from './store';
import { TypeVersions, type TypeTags } from './type-versions';

/**
 * Where the response cache's keys start after REDIS_KEY_PREFIX. `v2`: answers carry the versions of
 * their types (tags); entries of the older format (under `maison:response-cache:`, without tags) are
 * never read, and the counters never mix.
 */
export const RESPONSE_CACHE_KEYS = 'response-cache:v2:';
export const DEFAULT_REDIS_PREFIX = `maison:${RESPONSE_CACHE_KEYS}`;

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
 * The same for the versions of types, in one hash (KEYS[1]): each type of the pairs ARGV[2..]
 * (type, version this instance has used) is raised to at least that version, plus ARGV[1]. Returns
 * the whole hash, so a refresh (ARGV[1] = 0) also learns the types moved on by others meanwhile.
 */
const TYPE_VERSIONS = `local inc = tonumber(ARGV[1])
for i = 2, #ARGV, 2 do
  local v = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  local used = tonumber(ARGV[i + 1])
  if used > v then v = used end
  redis.call('HSET', KEYS[1], ARGV[i], v + inc)
end
return redis.call('HGETALL', KEYS[1])`;

/**
 * Store shared by every gateway instance: answers live in Redis with their TTL; the generation is
 * a Redis counter and each type's version a field of a Redis hash, and an invalidation is announced
 * on a channel so every instance moves to it at once (and re-reads them whenever its subscription
 * reconnects). The default prefix names the format of the entries (DEFAULT_REDIS_PREFIX). When Redis is unreachable, lookups
 * miss and writes are dropped: the cache never fails a request.
 */
export class RedisStore implements ResponseStore {
  readonly kind = 'redis';
  private current = 0;
  private readonly versions = new TypeVersions();
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly generationKey: string;
  private readonly channel: string;
  private readonly typesKey: string;
  private readonly typesChannel: string;
  private lastErrorLog = 0;

  private constructor(
    url: string,
    private readonly prefix: string,
    private readonly log?: Logger,
  ) {
    // The house's Redis settings (@maison/http); the subscriber queues its SUBSCRIBE until connected.
    this.client = new Redis(url, REDIS_OPTIONS);
    this.subscriber = new Redis(url, { ...REDIS_OPTIONS, enableOfflineQueue: true });
    this.generationKey = `${prefix}generation`;
    this.channel = `${prefix}invalidate`;
    this.typesKey = `${prefix}types`;
    this.typesChannel = `${prefix}invalidate-types`;
    for (const connection of [this.client, this.subscriber]) connection.on('error', (error: Error) => this.failed('connection', error));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.advance(Number(message));
      else if (channel === this.typesChannel) this.advanceTypes(message);
    });
    // After a reconnection, invalidations announced meanwhile were missed: read the counter again.
    this.subscriber.on('ready', () => void this.refresh());
  }

  static async connect(url: string, options: { prefix?: string; log?: Logger } = {}): Promise<RedisStore> {
    const store = new RedisStore(url, options.prefix ?? DEFAULT_REDIS_PREFIX, options.log);
    try {
      await Promise.all([store.client.connect(), store.subscriber.connect()]);
      await store.subscriber.subscribe(store.channel, store.typesChannel);
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

  tagsOf(types: readonly string[]): TypeTags {
    return this.versions.tagsOf(types);
  }

  isCurrent(tags: TypeTags | undefined): boolean {
    return this.versions.isCurrent(tags);
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
    const used = this.current;
    this.advance(used + 1); // first here: even when Redis fails, this gateway never serves the old generation again
    const next = Number(await this.client.eval(GENERATION, 1, this.generationKey, String(used), '1'));
    this.advance(next);
    await this.client.publish(this.channel, String(next));
  }

  async invalidateTypes(types: readonly string[]): Promise<void> {
    const used = this.versions.tagsOf(types);
    this.versions.bump(types); // first here: even when Redis fails, this gateway never serves those answers again
    const all = await this.client.eval(TYPE_VERSIONS, 1, this.typesKey, '1', ...Object.entries(used).flat().map(String));
    this.versions.advance(pairsOf(all));
    await this.client.publish(this.typesChannel, JSON.stringify(this.versions.tagsOf(types)));
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

  private advanceTypes(message: string): void {
    try {
      const versions: unknown = JSON.parse(message);
      if (versions !== null && typeof versions === 'object' && !Array.isArray(versions)) this.versions.advance(versions as Record<string, unknown>);
    } catch {
      // not one of ours: ignored
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.advance(Number(await this.client.eval(GENERATION, 1, this.generationKey, String(this.current), '0')));
      const all = await this.client.eval(TYPE_VERSIONS, 1, this.typesKey, '0', ...this.versions.known().flat().map(String));
      this.versions.advance(pairsOf(all));
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

/** HGETALL's flat [field, value, field, value...] reply as an object. */
function pairsOf(reply: unknown): Record<string, unknown> {
  const pairs: Record<string, unknown> = {};
  if (!Array.isArray(reply)) return pairs;
  for (let i = 0; i + 1 < reply.length; i += 2) pairs[String(reply[i])] = reply[i + 1];
  return pairs;
}
