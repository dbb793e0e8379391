import { stableId } from '@maison/house';
import { useTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';

const graph = useTestSubgraph(galleryModule);

const artistId = stableId('artist', 'fernand-saint-aubin');
const kitchen = stableId('shared-space', 'cuisine');

/** Inserts an artwork with sensible values, overridden by `row`. */
function insertArtwork(row: Partial<Record<'title' | 'year' | 'availability' | 'price_cents' | 'displayed_in_space_id', unknown>>) {
  const values = { title: { fr: 'Essai' }, year: 2024, availability: 'AVAILABLE', price_cents: 50000, displayed_in_space_id: null, ...row };
  return graph.ds.query(
    `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents, displayed_in_space_id)
     VALUES (gen_random_uuid(), 'essai-' || floor(random() * 1e9)::bigint, $1, $2, $3, '{"fr": "Tilleul"}', '10 × 10 cm', $4, $5, $6)`,
    [artistId, values.title, values.year, values.availability, values.price_cents, values.displayed_in_space_id],
  );
}

/** Inserts an exhibition with sensible values, overridden by `row`. */
function insertExhibition(row: Partial<Record<'starts_on' | 'ends_on' | 'vernissage_starts_at' | 'vernissage_ends_at' | 'vernissage_venue', unknown>>) {
  const values = {
    starts_on: '2027-06-01',
    ends_on: '2027-06-30',
    vernissage_starts_at: '2027-06-01T17:00:00-04:00',
    vernissage_ends_at: '2027-06-01T20:00:00-04:00',
    vernissage_venue: { fr: 'Galerie Le Vivoir' },
    ...row,
  };
  return graph.ds.query(
    `INSERT INTO exhibition (id, slug, title, starts_on, ends_on, vernissage_starts_at, vernissage_ends_at, vernissage_venue)
     VALUES (gen_random_uuid(), 'essai-' || floor(random() * 1e9)::bigint, '{"fr": "Essai"}', $1, $2, $3, $4, $5)`,
    [values.starts_on, values.ends_on, values.vernissage_starts_at, values.vernissage_ends_at, values.vernissage_venue],
  );
}

describe('the gallery database refuses inconsistent rows', () => {
  it('accepts the sensible rows the refusals below start from', async () => {
    await expect(insertArtwork({})).resolves.toBeDefined();
    await expect(insertArtwork({ price_cents: null, displayed_in_space_id: kitchen })).resolves.toBeDefined();
    await expect(insertExhibition({})).resolves.toBeDefined();
    await expect(insertExhibition({ vernissage_starts_at: null, vernissage_ends_at: null, vernissage_venue: null })).resolves.toBeDefined();
  });

  it('refuses an exhibition that ends before it starts', async () => {
    await expect(insertExhibition({ starts_on: '2027-06-10', ends_on: '2027-06-09' })).rejects.toThrow(/exhibition_ends_after_start/);
  });

  it('refuses a vernissage that is incomplete, backwards, too long, or outside the exhibition', async () => {
    await expect(insertExhibition({ vernissage_venue: null })).rejects.toThrow(/exhibition_vernissage_whole/);
    await expect(insertExhibition({ vernissage_ends_at: null })).rejects.toThrow(/exhibition_vernissage_whole/);
    await expect(insertExhibition({ vernissage_ends_at: '2027-06-01T16:00:00-04:00' })).rejects.toThrow(/exhibition_vernissage_evening/);
    await expect(insertExhibition({ vernissage_ends_at: '2027-06-02T17:00:00-04:00' })).rejects.toThrow(/exhibition_vernissage_evening/);
    await expect(insertExhibition({ vernissage_starts_at: '2027-07-01T17:00:00-04:00', vernissage_ends_at: '2027-07-01T19:00:00-04:00' })).rejects.toThrow(
      /exhibition_vernissage_during/,
    );
  });

  it('refuses a negative or zero price, and a price on a work not for sale', async () => {
    await expect(insertArtwork({ price_cents: -100 })).rejects.toThrow(/artwork_price_cents_check/);
    await expect(insertArtwork({ price_cents: 0 })).rejects.toThrow(/artwork_price_cents_check/);
    await expect(insertArtwork({ availability: 'NOT_FOR_SALE', price_cents: 50000 })).rejects.toThrow(/artwork_not_for_sale_has_no_price/);
  });

  it('refuses a work on loan that is also on display in the house', async () => {
    await expect(insertArtwork({ availability: 'ON_LOAN', price_cents: null, displayed_in_space_id: kitchen })).rejects.toThrow(
      /artwork_on_loan_is_not_displayed/,
    );
  });

  it('refuses an implausible year and a title without French', async () => {
    await expect(insertArtwork({ year: 1492 })).rejects.toThrow(/artwork_year_check/);
    await expect(insertArtwork({ year: 2500 })).rejects.toThrow(/artwork_year_check/);
    await expect(insertArtwork({ title: { en: 'Only English' } })).rejects.toThrow(/artwork_title_check/);
    await expect(insertArtwork({ title: { fr: '   ' } })).rejects.toThrow(/artwork_title_check/);
  });

  it('loads the seed idempotently: a second run changes nothing', async () => {
    const count = async () =>
      (
        await graph.ds.query(`SELECT
          (SELECT count(*) FROM artist)::int AS artists, (SELECT count(*) FROM artwork WHERE slug NOT LIKE 'essai-%')::int AS artworks,
          (SELECT count(*) FROM exhibition WHERE slug NOT LIKE 'essai-%')::int AS exhibitions, (SELECT count(*) FROM studio)::int AS studios,
          (SELECT count(*) FROM exhibition_artist)::int AS credits, (SELECT count(*) FROM exhibition_artwork)::int AS hangings`)
      )[0];
    const before = await count();
    await galleryModule.demo!(graph.ds);
    expect(await count()).toEqual(before);
    expect(before).toEqual({ artists: 12, artworks: 26, exhibitions: 6, studios: 3, credits: 14, hangings: 24 });
  });
});
