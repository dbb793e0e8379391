/**
 * Where the response cache's entries and counters live in Redis by default. `v2`: answers carry the
 * versions of their types (tags); entries written by an older gateway (under
 * `maison:response-cache:`, without tags) are never read, and the counters never mix.
 */
export const DEFAULT_REDIS_PREFIX = 'maison:response-cache:v2:';

/** RESPONSE_CACHE_REDIS_PREFIX: letters, digits and `:_.-`, 1 to 100 of them. */
export function parseRedisPrefix(raw: string): string {
  if (!/^[A-Za-z0-9:_.-]{1,100}$/.test(raw)) throw new Error('expected 1 to 100 letters, digits or : _ . -');
  return raw;
}
