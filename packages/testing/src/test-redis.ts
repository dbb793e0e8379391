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
