import DataLoader from 'dataloader';

/**
 * Many values per key through a link row (e.g. exhibition → artist via exhibition_artist):
 * one fetch for all keys of the tick, values kept in the order fetch returned their links.
 */
export function linkLoader<L, V>(
  fetch: (keys: readonly string[]) => Promise<L[]>,
  keyOf: (link: L) => string,
  valueOf: (link: L) => V,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const links = await fetch(keys);
    const groups = new Map<string, V[]>(keys.map((k) => [k.toLowerCase(), []]));
    for (const link of links) groups.get(keyOf(link))?.push(valueOf(link));
    return keys.map((k) => groups.get(k.toLowerCase())!);
  });
}
