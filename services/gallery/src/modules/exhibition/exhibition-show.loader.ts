import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, preparedRows, uuids } from '@maison/kit';
import { Artist } from '../artist/artist.entity';
import { Artwork } from '../artwork/artwork.entity';

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

/**
 * The statement, written once per process (and DataSource): the credits (part 0, by position then
 * slug), the works with their artists (part 1, by position then slug) and, when asked, every work not
 * retired of the credited artists (part 2, as Artist.artworks: newest first, then by id descending).
 */
const statements = new WeakMap<DataSource, { show: string; withCatalogues: string }>();
function showSql(ds: DataSource): { show: string; withCatalogues: string } {
  let sql = statements.get(ds);
  if (sql) return sql;
  const artists = entityRows(ds, Artist);
  const works = entityRows(ds, Artwork);
  const show = `SELECT l.exhibition_id AS "exhibitionId", 0 AS part, l.position, a.slug AS "sortSlug", NULL::smallint AS "sortYear", NULL::uuid AS "sortId",
        ${artists.select('a', 'a.')}, ${works.nulls('w.')}
      FROM exhibition_artist l JOIN artist a ON a.id = l.artist_id WHERE l.exhibition_id = ANY($1::uuid[])
    UNION ALL
    SELECT l.exhibition_id, 1, l.position, w.slug, NULL, NULL, ${artists.select('a', 'a.')}, ${works.select('w', 'w.')}
      FROM exhibition_artwork l JOIN artwork w ON w.id = l.artwork_id JOIN artist a ON a.id = w.artist_id WHERE l.exhibition_id = ANY($1::uuid[])`;
  const catalogues = `
    UNION ALL
    SELECT NULL, 2, NULL, NULL, w.year, w.id, ${artists.nulls('a.')}, ${works.select('w', 'w.')}
      FROM artwork w WHERE w.retired_at IS NULL AND w.artist_id IN (SELECT artist_id FROM exhibition_artist WHERE exhibition_id = ANY($2::uuid[]))`;
  const order = `
    ORDER BY part, position, "sortSlug", "sortYear" DESC, "sortId" DESC`;
  sql = { show: show + order, withCatalogues: show + catalogues + order };
  statements.set(ds, sql);
  return sql;
}

/**
 * Exhibition.artists and Exhibition.artworks of every exhibition of the request in ONE statement,
 * each work with its artist: the artists are primed in artistById (Artwork.artist costs nothing more)
 * and, with catalogues, the credited artists' works in artworksByArtist (nor does Artist.artworks).
 */
export function exhibitionShowLoader(ds: DataSource, primes: ShowPrimes): DataLoader<ShowKey, ExhibitionShow, string> {
  return new DataLoader<ShowKey, ExhibitionShow, string>(
    async (keys) => {
      const artists = entityRows(ds, Artist);
      const works = entityRows(ds, Artwork);
      const shows = new Map<string, ExhibitionShow>(keys.map((k) => [k.id.toLowerCase(), { artists: [], artworks: [] }]));
      const ids = uuids(keys.map((k) => k.id));
      const withCatalogues = uuids(keys.filter((k) => k.catalogues).map((k) => k.id));
      const sql = showSql(ds);
      const rows =
        ids.length === 0
          ? []
          : withCatalogues.length > 0
            ? await preparedRows(ds, 'gallery_exhibition_show_catalogues', sql.withCatalogues, [ids, withCatalogues])
            : await preparedRows(ds, 'gallery_exhibition_show', sql.show, [ids]);
      const catalogues = new Map<string, Artwork[]>();
      for (const row of rows) {
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
      const asked = new Set(withCatalogues);
      for (const key of keys) {
        if (!asked.has(key.id.toLowerCase())) continue;
        for (const artist of shows.get(key.id.toLowerCase())!.artists) primes.artworksByArtist.prime(artist.id, catalogues.get(artist.id) ?? []);
      }
      return keys.map((k) => shows.get(k.id.toLowerCase())!);
    },
    { cacheKeyFn: (k) => `${k.id.toLowerCase()}|${k.catalogues}` },
  );
}
