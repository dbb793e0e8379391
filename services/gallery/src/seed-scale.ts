import type { DataSource } from 'typeorm';

/**
 * A large Le Vivoir for benchmarks (`npm run seed -- --scale N`): 5·N artists, 50·N artworks and
 * 10·N past exhibitions with their artists and artworks (at N = 100: 500, 5,000 and 1,000).
 * Ids derive from their number: running it again adds nothing.
 */
export async function seedScale(ds: DataSource, scale: number): Promise<void> {
  await ds.query(
    `INSERT INTO artist (id, slug, name, bio, disciplines)
     SELECT md5('scale-artist-' || g)::uuid, 'artiste-fictif-' || g, 'Artiste fictif ' || g,
            jsonb_build_object('fr', 'Artiste inventé pour les mesures de charge.', 'en', 'An artist invented for load tests.'),
            jsonb_build_array(jsonb_build_object('fr', (ARRAY['Peinture', 'Sculpture sur bois', 'Céramique', 'Photographie'])[1 + g % 4]))
     FROM generate_series(1, 5 * $1::int) g
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query(
    `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents)
     SELECT md5('scale-artwork-' || g)::uuid, 'oeuvre-fictive-' || g, md5('scale-artist-' || (1 + g % (5 * $1::int)))::uuid,
            jsonb_build_object('fr', 'Œuvre n° ' || g, 'en', 'Work #' || g), 1950 + g % 75,
            jsonb_build_object('fr', 'Huile sur toile', 'en', 'Oil on canvas'), '61 × 76 cm',
            (ARRAY['AVAILABLE', 'AVAILABLE', 'SOLD', 'NOT_FOR_SALE']::artwork_availability[])[1 + g % 4],
            CASE WHEN g % 4 IN (0, 1, 2) THEN 20000 + (g % 50) * 5000 END
     FROM generate_series(1, 50 * $1::int) g
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query(
    `INSERT INTO exhibition (id, slug, title, description, starts_on, ends_on)
     SELECT md5('scale-exhibition-' || g)::uuid, 'exposition-fictive-' || g,
            jsonb_build_object('fr', 'Exposition n° ' || g, 'en', 'Exhibition #' || g), NULL,
            current_date - 60 - g * 3, current_date - 60 - g * 3 + 28
     FROM generate_series(1, 10 * $1::int) g
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query(
    `INSERT INTO exhibition_artist (exhibition_id, artist_id, position)
     SELECT md5('scale-exhibition-' || g)::uuid, md5('scale-artist-' || (1 + (g * 7 + k) % (5 * $1::int)))::uuid, k
     FROM generate_series(1, 10 * $1::int) g, generate_series(0, 1) k
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query(
    `INSERT INTO exhibition_artwork (exhibition_id, artwork_id, position)
     SELECT md5('scale-exhibition-' || g)::uuid, md5('scale-artwork-' || (1 + (g * 11 + k) % (50 * $1::int)))::uuid, k
     FROM generate_series(1, 10 * $1::int) g, generate_series(0, 4) k
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query('ANALYZE');
}
