import { badUserInput } from '@maison/errors';
import type { Lang } from '@maison/config';
import { textFault } from './text-rules';

/** A text search (members, artworks) takes 2 to 100 characters: one letter matches nearly everything and no trigram index serves it. */
export const SEARCH_BOUNDS = { min: 2, max: 100 } as const;

/**
 * The LIKE pattern of a search: the text cleaned (NFC, trimmed), its wildcards escaped, anywhere in
 * the text searched. BAD_USER_INPUT (SEARCH_LENGTH) for fewer than 2 or more than 100 characters, or
 * a control character. Case and accents are folded by the SQL (lower(f_unaccent(...))), on both sides.
 */
export function searchPattern(search: string, lang: Lang): string {
  const text = search.normalize('NFC').trim();
  const length = [...text].length;
  if (length < SEARCH_BOUNDS.min || length > SEARCH_BOUNDS.max || textFault(text) !== null) {
    throw badUserInput(lang, 'SEARCH_LENGTH', { min: SEARCH_BOUNDS.min, max: SEARCH_BOUNDS.max });
  }
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
