import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, uuids } from '@maison/kit';
import { Artist } from '../artist/artist.entity';
import { Artwork } from '../artwork/artwork.entity';

/** What an exhibition shows: its artists in the order of the credits, its works in catalogue order. */
export interface ExhibitionShow {
  artists: Artist[];
  artworks: Artwork[];
}

/** The statement's text, written once per process (and DataSource). */
const statements = new WeakMap<DataSource, string>();
function showSql(ds: DataSource): string {
  let sql = statements.get(ds);
  if (sql) return sql;
  const artists = entityRows(ds, Artist);
  const works = entityRows(ds, Artwork);
  sql = `SELECT l.exhibition_id AS "exhibitionId", 0 AS part, l.position, a.slug AS "sortSlug", ${artists.select('a', 'a.')}, ${works.nulls('w.')}
      FROM exhibition_artist l JOIN artist a ON a.id = l.artist_id WHERE l.exhibition_id = ANY($1::uuid[])
    UNION ALL
    SELECT l.exhibition_id, 1, l.position, w.slug, ${artists.select('a', 'a.')}, ${works.select('w', 'w.')}
      FROM exhibition_artwork l JOIN artwork w ON w.id = l.artwork_id JOIN artist a ON a.id = w.artist_id WHERE l.exhibition_id = ANY($1::uuid[])
    ORDER BY part, position, "sortSlug"`;
  statements.set(ds, sql);
  return sql;
}

/**
 * Exhibition.artists and Exhibition.artworks of every exhibition of the request in ONE statement:
 * the credits (position, then slug) and the works (position, then slug), each work with its artist,
 * who is primed in artistById so Artwork.artist needs no statement of its own.
 */
export function exhibitionShowLoader(ds: DataSource, artistById: DataLoader<string, Artist | null>): DataLoader<string, ExhibitionShow> {
  return new DataLoader<string, ExhibitionShow>(async (keys) => {
    const artists = entityRows(ds, Artist);
    const works = entityRows(ds, Artwork);
    const shows = new Map<string, ExhibitionShow>(keys.map((k) => [k.toLowerCase(), { artists: [], artworks: [] }]));
    const ids = uuids(keys);
    const rows: Record<string, unknown>[] = ids.length === 0 ? [] : await ds.query(showSql(ds), [ids]);
    for (const row of rows) {
      const show = shows.get(row.exhibitionId as string);
      const artist = artists.from(row, 'a.')!;
      if (row.part === 0) {
        show?.artists.push(artist);
      } else {
        show?.artworks.push(works.from(row, 'w.')!);
        artistById.prime(artist.id, artist);
      }
    }
    return keys.map((k) => shows.get(k.toLowerCase())!);
  });
}
