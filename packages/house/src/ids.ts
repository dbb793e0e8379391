import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 5 layout) for a seeded object, derived from its kind and slug,
 * so that every subgraph, the seed and `npm run token` agree on ids without a lookup.
 */
export function stableId(kind: string, slug: string): string {
  const hash = createHash('sha1').update(`la-maison:${kind}:${slug}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
