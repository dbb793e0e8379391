import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, preparedRows, uuids } from '@maison/kit';
import { Artist } from '../artist/artist.entity';
import { Artwork } from '../artwork/artwork.entity';
import { Exhibition } from './exhibition.entity';

/** What an exhibition shows: its artists in the order of the credits, its works in catalogue order. */
export interface ExhibitionShow {
  artists: Artist[];
  artworks: Artwork[];
}

/** One exhibition's show; with catalogues, its artists' works (Artist.artworks) come in the same statement. */
export interface ShowKey {
  id: string;
  catalogues: boolean;
}

/** The loaders the show primes: what it read is what they would read in this request. */
export interface ShowPrimes {
  artistById: DataLoader<string, Artist | null>;
  artworksByArtist: DataLoader<string, Artwork[]>;
}

type Variant = 'ids' | 'idsWithCatalogues' | 'slug' | 'slugWithCatalogues';

/**
 * The statements, written once per process (and DataSource): the credits (part 0, by position then
 * slug), the works with their artists (part 1, by position then slug), when asked every work not
 * retired of the credited artists (part 2, as Artist.artworks: newest first, then by id descending)
 * and, for a page by slug, the exhibition itself (part 3). Of the exhibitions $1 (ids, catalogues
 * for $2), or of the one whose slug is $1.
 */
const statements = new WeakMap<DataSource, Record<Variant, string>>();
function showSql(ds: DataSource): Record<Variant, string> {
  let sql = statements.get(ds);
  if (sql) return sql;
  const [a, w, e] = [entityRows(ds, Artist), entityRows(ds, Artwork), entityRows(ds, Exhibition)];
  const build = (bySlug: boolean, catalogues: boolean) => {
    const of = (param: string) => (bySlug ? `= (SELECT id FROM exhibition WHERE slug = $1)` : `= ANY(${param}::uuid[])`);
    const withE = (columns: string) => (bySlug ? `${columns}, ${e.nulls('e.')}` : columns);
    return [
      bySlug &&
        `SELECT e.id AS "exhibitionId", 3 AS part, NULL::smallint AS position, NULL::text AS "sortSlug", NULL::smallint AS "sortYear", NULL::uuid AS "sortId",
          ${a.nulls('a.')}, ${w.nulls('w.')}, ${e.select('e', 'e.')} FROM exhibition e WHERE e.slug = $1`,
      `SELECT l.exhibition_id AS "exhibitionId", 0 AS part, l.position, a.slug AS "sortSlug", NULL::smallint AS "sortYear", NULL::uuid AS "sortId",
          ${withE(`${a.select('a', 'a.')}, ${w.nulls('w.')}`)}
        FROM exhibition_artist l JOIN artist a ON a.id = l.artist_id WHERE l.exhibition_id ${of('$1')}`,
      `SELECT l.exhibition_id, 1, l.position, w.slug, NULL, NULL, ${withE(`${a.select('a', 'a.')}, ${w.select('w', 'w.')}`)}
        FROM exhibition_artwork l JOIN artwork w ON w.id = l.artwork_id JOIN artist a ON a.id = w.artist_id WHERE l.exhibition_id ${of('$1')}`,
      catalogues &&
        `SELECT NULL, 2, NULL, NULL, w.year, w.id, ${withE(`${a.nulls('a.')}, ${w.select('w', 'w.')}`)}
        FROM artwork w WHERE w.retired_at IS NULL AND w.artist_id IN (SELECT artist_id FROM exhibition_artist WHERE exhibition_id ${of('$2')})`,
    ]
      .filter(Boolean)
      .join('\n      UNION ALL\n      ')
      .concat('\n      ORDER BY part, position, "sortSlug", "sortYear" DESC, "sortId" DESC');
  };
  sql = { ids: build(false, false), idsWithCatalogues: build(false, true), slug: build(true, false), slugWithCatalogues: build(true, true) };
  statements.set(ds, sql);
  return sql;
}

/** The shows of keys from the statement's rows; primes the artists and, for keys with catalogues, their works. */
function collect(ds: DataSource, keys: readonly ShowKey[], rows: Record<string, unknown>[], primes: ShowPrimes): Map<string, ExhibitionShow> {
  const [artists, works] = [entityRows(ds, Artist), entityRows(ds, Artwork)];
  const shows = new Map<string, ExhibitionShow>(keys.map((k) => [k.id.toLowerCase(), { artists: [], artworks: [] }]));
  const catalogues = new Map<string, Artwork[]>();
  for (const row of rows) {
    if (row.part === 3) continue;
    if (row.part === 2) {
      const work = works.from(row, 'w.')!;
      const list = catalogues.get(work.artistId);
      if (list) list.push(work);
      else catalogues.set(work.artistId, [work]);
      continue;
    }
    const show = shows.get(row.exhibitionId as string);
    const artist = artists.from(row, 'a.')!;
    primes.artistById.prime(artist.id, artist);
    if (row.part === 0) show?.artists.push(artist);
    else show?.artworks.push(works.from(row, 'w.')!);
  }
  // Every credited artist of an exhibition asked with catalogues, with no work too.
  for (const key of keys) {
    if (!key.catalogues) continue;
    for (const artist of shows.get(key.id.toLowerCase())!.artists) primes.artworksByArtist.prime(artist.id, catalogues.get(artist.id) ?? []);
  }
  return shows;
}

/**
 * Exhibition.artists and Exhibition.artworks of every exhibition of the request in ONE statement,
 * each work with its artist: the artists are primed in artistById (Artwork.artist costs nothing more)
 * and, with catalogues, the credited artists' works in artworksByArtist (nor does Artist.artworks).
 */
export function exhibitionShowLoader(ds: DataSource, primes: ShowPrimes): DataLoader<ShowKey, ExhibitionShow, string> {
  return new DataLoader<ShowKey, ExhibitionShow, string>(
    async (keys) => {
      const ids = uuids(keys.map((k) => k.id));
      const withCatalogues = uuids(keys.filter((k) => k.catalogues).map((k) => k.id));
      const sql = showSql(ds);
      const rows =
        ids.length === 0
          ? []
          : withCatalogues.length > 0
            ? await preparedRows(ds, 'gallery_exhibition_show_catalogues', sql.idsWithCatalogues, [ids, withCatalogues])
            : await preparedRows(ds, 'gallery_exhibition_show', sql.ids, [ids]);
      const shows = collect(ds, keys, rows, primes);
      return keys.map((k) => shows.get(k.id.toLowerCase())!);
    },
    { cacheKeyFn: (k) => `${k.id.toLowerCase()}|${k.catalogues}` },
  );
}

/**
 * An exhibition page by slug in ONE statement: the exhibition, and its show (with its artists' works
 * when catalogues), primed in exhibitionShow and the loaders it primes. Null when no exhibition has the slug.
 */
export async function exhibitionPageBySlug(
  ds: DataSource,
  loaders: ShowPrimes & { exhibitionShow: DataLoader<ShowKey, ExhibitionShow, string> },
  slug: string,
  catalogues: boolean,
): Promise<Exhibition | null> {
  const sql = showSql(ds);
  const rows = catalogues
    ? await preparedRows(ds, 'gallery_exhibition_page_catalogues', sql.slugWithCatalogues, [slug])
    : await preparedRows(ds, 'gallery_exhibition_page', sql.slug, [slug]);
  const exhibition = rows.find((r) => r.part === 3);
  if (!exhibition) return null;
  const found = entityRows(ds, Exhibition).from(exhibition, 'e.')!;
  const keys = [{ id: found.id, catalogues: false }, ...(catalogues ? [{ id: found.id, catalogues: true }] : [])];
  const show = collect(ds, keys, rows, loaders).get(found.id)!;
  for (const key of keys) loaders.exhibitionShow.prime(key, show);
  return found;
}
