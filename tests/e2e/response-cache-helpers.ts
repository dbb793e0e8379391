import type { Identity } from '@maison/auth';
import { tokenFor } from '@maison/testing';

/** One answer of a gateway, with the exact bytes it sent. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A POST to a gateway (anonymous unless an identity is given). */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { identity?: Identity; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.identity) headers.authorization = `Bearer ${tokenFor(options.identity)}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

/** Deletes every Redis key under a test's own prefix (answers expire, counters would stay). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const { default: Redis } = await import('ioredis');
  const admin = new Redis(url, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await admin.quit();
}
