import { badUserInput } from '@maison/errors';
import type { Lang } from '@maison/config';
import { isUuid } from '@maison/house';

export type Lookup = { by: 'id'; id: string } | { by: 'slug'; slug: string };

/** Reads `(id: ID, slug: String)` arguments: exactly one of them, else BAD_USER_INPUT. */
export function lookupOf(id: string | null | undefined, slug: string | null | undefined, lang: Lang): Lookup {
  const hasId = id !== null && id !== undefined;
  const hasSlug = slug !== null && slug !== undefined;
  if (hasId === hasSlug) throw badUserInput(lang, 'ID_OR_SLUG');
  return hasId ? { by: 'id', id: id.toLowerCase() } : { by: 'slug', slug: slug! };
}

/** An optional id filter: lowercased, BAD_USER_INPUT when it is not a UUID. */
export function idFilter(name: string, id: string | null | undefined, lang: Lang): string | null {
  if (id === null || id === undefined) return null;
  if (!isUuid(id)) throw badUserInput(lang, 'NOT_AN_ID', { name });
  return id.toLowerCase();
}
