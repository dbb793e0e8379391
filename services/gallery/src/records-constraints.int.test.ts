import { stableId } from '@maison/house';
import { KITCHEN, useTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';

/** Migration 006 keeps the rules of the records in the database too, the same bounds as the API's. */
const graph = useTestSubgraph(galleryModule);
const fernand = stableId('artist', 'fernand-saint-aubin');

type Row = Record<string, unknown>;
function insertArtwork(row: Row) {
  const v: Row = { dimensions: '10 × 10 cm', price_cents: 50000, image_url: null, image_alt: null, retired_at: null, displayed_in_space_id: null, ...row };
  return graph.ds.query(
    `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, price_cents, image_url, image_alt, retired_at, displayed_in_space_id)
     VALUES (gen_random_uuid(), 'essai-' || floor(random() * 1e9)::bigint, $1, '{"fr": "Essai"}', 2024, '{"fr": "Tilleul"}', $2, $3, $4, $5, $6, $7)`,
    [fernand, v.dimensions, v.price_cents, v.image_url, v.image_alt, v.retired_at, v.displayed_in_space_id],
  );
}
function insertArtist(row: Row) {
  const v: Row = { name: 'Essai', website: null, disciplines: '[]', ...row };
  return graph.ds.query(
    `INSERT INTO artist (id, slug, name, website, disciplines) VALUES (gen_random_uuid(), 'essai-' || floor(random() * 1e9)::bigint, $1, $2, $3)`,
    [v.name, v.website, v.disciplines],
  );
}
const refused = (constraint: string) => expect.objectContaining({ constraint });

describe('the records of the gallery in the database', () => {
  it('accepts the sensible rows the refusals below start from', async () => {
    await expect(insertArtwork({ image_url: 'https://images.example/a.jpg', image_alt: { fr: 'Une grève' }, price_cents: 100_000_000 })).resolves.toBeDefined();
    await expect(insertArtwork({ retired_at: new Date(), displayed_in_space_id: null })).resolves.toBeDefined();
    await expect(
      insertArtist({ website: 'http://essai.example', disciplines: JSON.stringify(Array.from({ length: 10 }, () => ({ fr: 'Peinture' }))) }),
    ).resolves.toBeDefined();
  });

  it('refuses a price over 1 000 000,00 $, an image not in https or without its description, a retired work on a wall, unprintable dimensions', async () => {
    await expect(insertArtwork({ price_cents: 100_000_001 })).rejects.toEqual(refused('artwork_price_bound'));
    await expect(insertArtwork({ image_url: 'http://images.example/a.jpg', image_alt: { fr: 'Une grève' } })).rejects.toEqual(refused('artwork_image_https'));
    await expect(insertArtwork({ image_url: 'https://images.example/a.jpg' })).rejects.toEqual(refused('artwork_image_has_alt'));
    await expect(insertArtwork({ image_url: 'https://images.example/a.jpg', image_alt: { en: 'A shore' } })).rejects.toEqual(
      expect.objectContaining({ code: '23514' }),
    );
    await expect(insertArtwork({ retired_at: new Date(), displayed_in_space_id: KITCHEN })).rejects.toEqual(refused('artwork_retired_is_not_displayed'));
    await expect(insertArtwork({ dimensions: '10\t×\t10' })).rejects.toEqual(refused('artwork_dimensions_printable'));
  });

  it('refuses an artist name with control characters, more than 10 disciplines, a website with a line break', async () => {
    await expect(insertArtist({ name: 'Essai\u0007' })).rejects.toEqual(refused('artist_name_printable'));
    await expect(insertArtist({ name: 'Essai\u2028' })).rejects.toEqual(refused('artist_name_printable'));
    await expect(insertArtist({ disciplines: JSON.stringify(Array.from({ length: 11 }, () => ({ fr: 'Peinture' }))) })).rejects.toEqual(
      refused('artist_disciplines_count'),
    );
    await expect(insertArtist({ website: 'https://essai.example/\n' })).rejects.toEqual(refused('artist_website_length'));
  });

  it('keeps the rows written before the migration: the new rules are NOT VALID, never checked against them', async () => {
    const notValid = await graph.ds.query(
      `SELECT conname FROM pg_constraint WHERE NOT convalidated AND conrelid IN ('artist'::regclass, 'artwork'::regclass) ORDER BY conname`,
    );
    expect(notValid.map((c: { conname: string }) => c.conname)).toEqual([
      'artist_disciplines_count',
      'artist_name_printable',
      'artist_website_length',
      'artwork_dimensions_printable',
      'artwork_image_has_alt',
      'artwork_image_https',
      'artwork_price_bound',
    ]);
  });
});
