import { bootAndStop, freshDatabaseUrl, snapshotDatabase, withClient } from '@maison/testing';
import { galleryModule } from './module';
import { STUDIOS } from './reference-data';

/** Le Vivoir's studios reach every database, production included; artists, artworks and exhibitions only with SEED=demo. */
const rows = (url: string, sql: string) => withClient(url, async (client) => (await client.query(sql)).rows);
const works = (url: string) =>
  rows(
    url,
    `SELECT (SELECT count(*) FROM artist)::int AS artists, (SELECT count(*) FROM artwork)::int AS artworks,
            (SELECT count(*) FROM exhibition)::int AS exhibitions, (SELECT count(*) FROM studio_assignment)::int AS assignments,
            (SELECT count(*) FROM studio_booking)::int AS bookings`,
  );

describe('the reference data of the gallery subgraph', () => {
  it('boots an empty database in production with the three studios only; a second boot changes nothing', async () => {
    const url = freshDatabaseUrl('gallery_reference');
    expect(await bootAndStop(galleryModule, url)).toBe('none');
    expect(await rows(url, 'SELECT slug, capacity FROM studio ORDER BY capacity DESC')).toEqual([
      { slug: 'atelier-du-fleuve', capacity: 4 },
      { slug: 'atelier-du-bois', capacity: 3 },
      { slug: 'atelier-de-la-terre', capacity: 2 },
    ]);
    expect(STUDIOS).toHaveLength(3);
    expect(await works(url)).toEqual([{ artists: 0, artworks: 0, exhibitions: 0, assignments: 0, bookings: 0 }]);

    const first = await snapshotDatabase(url);
    await bootAndStop(galleryModule, url);
    expect(await snapshotDatabase(url)).toEqual(first);
  });

  it('keeps a studio an operator changed, through production and development boots', async () => {
    const url = freshDatabaseUrl('gallery_reference');
    await bootAndStop(galleryModule, url);
    await rows(url, `UPDATE studio SET capacity = 5 WHERE slug = 'atelier-du-bois'`);
    const changed = await snapshotDatabase(url);
    await bootAndStop(galleryModule, url);
    expect(await snapshotDatabase(url)).toEqual(changed);

    await bootAndStop(galleryModule, url, { NODE_ENV: 'development' });
    expect(await works(url)).toEqual([{ artists: 12, artworks: 26, exhibitions: 6, assignments: 0, bookings: 0 }]);
    expect(await rows(url, `SELECT capacity FROM studio WHERE slug = 'atelier-du-bois'`)).toEqual([{ capacity: 5 }]);
  });
});
