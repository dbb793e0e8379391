import { randomBytes } from 'node:crypto';
import { it } from '@jest/globals';

/**
 * The Redis of the tests that need one: TEST_REDIS_URL (CI sets it). Unset, the file's Redis tests
 * are not registered and one line on stderr says what was NOT tested; in CI (CI set) a test that
 * fails with that message is registered instead, so a missing Redis cannot pass unnoticed.
 */
export function testRedisUrl(file: string, what: string): string | undefined {
  const url = process.env.TEST_REDIS_URL;
  if (url) return url;
  const message = `${file}: TEST_REDIS_URL is not set; ${what} was NOT tested.`;
  if (process.env.CI) {
    it(`needs TEST_REDIS_URL (${what})`, () => {
      throw new Error(message);
    });
  } else process.stderr.write(`${message}\n`);
  return undefined;
}

/** A key prefix no other run uses, so that parallel test runs on one Redis never see each other's keys. */
export const testRedisPrefix = (name: string): string => `maison-test:${name}:${randomBytes(6).toString('hex')}:`;

/** Deletes every Redis key under a test's own prefix (answers expire, counters would stay); resolves to how many are left (0). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const { default: Redis } = await import('ioredis');
  const admin = new Redis(url, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  const [, left] = await admin.scan('0', 'MATCH', `${prefix}*`, 'COUNT', 1000);
  await admin.quit();
  return left.length;
}
