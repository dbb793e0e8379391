/**
 * artworks(search:): the pattern is @maison/house's searchPattern (2 to 100 printable characters,
 * wildcards taken literally); this is where it is looked for.
 */
/**
 * The works matching a pattern, as a WHERE fragment on the artwork rows aliased `alias`: their title
 * or medium in either language (artwork_search_idx), or their artist's name (artist_name_search_idx,
 * the matching artists first, then their works by artwork_artist_idx). Migration 006 defines both indexes.
 */
export function searchWhere(alias: string): string {
  const folded = 'lower(f_unaccent(:search))';
  return `(artwork_search_text(${alias}.title, ${alias}.medium) LIKE ${folded}
    OR ${alias}.artist_id = ANY(ARRAY(SELECT named.id FROM artist named WHERE lower(f_unaccent(named.name)) LIKE ${folded})))`;
}
