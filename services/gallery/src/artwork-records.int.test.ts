import type { Identity } from '@maison/auth';
import { stableId } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, KITCHEN, startTestSubgraph, withRoles } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, createArtist, data, type GalleryGraph } from './test-support/fixtures';
import { artworkRecords } from './test-support/artwork-records';

/** createArtwork and updateArtwork: who may, every bound, sold works. */
let graph: GalleryGraph;
let artistId: string;
let artist: Identity;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
  artistId = await createArtist(graph.ds, 'Rose Bouchard');
  artist = artistIdentity(artistId);
});
afterAll(async () => {
  await graph?.close();
});

const { CREATE, UPDATE, thisYear, basic, create, update, retire, fields, codes, stored, artworkCount, newWork } = artworkRecords(() => ({
  graph,
  artist,
}));

describe('createArtwork', () => {
  it('lets an artist add their own work: slug from the French title, AVAILABLE on request by default', async () => {
    const made = await create({
      ...basic,
      imageUrl: 'https://images.example/battures.jpg',
      imageAlt: { fr: 'Une grève à marée basse', en: 'A shore at low tide' },
    });
    expect(made).toEqual({
      artwork: {
        id: expect.any(String),
        slug: 'battures',
        title: 'Battures',
        year: 2024,
        medium: 'Huile sur toile',
        dimensions: '61 × 76 cm',
        availability: 'AVAILABLE',
        price: null,
        priceOnRequest: true,
        priceLabel: 'Prix sur demande',
        imageUrl: 'https://images.example/battures.jpg',
        imageAlt: 'Une grève à marée basse',
        retiredAt: null,
        artist: { id: artistId },
        displayedIn: null,
      },
      userErrors: [],
    });
    const again = await create({ ...basic, priceCents: 125000 }, artist, 'en');
    expect(again.artwork).toMatchObject({ slug: 'battures-2', title: 'Mudflats', price: { amountCents: 125000 }, priceLabel: '$1,250.00' });
  });

  it('lets ADMIN add a work for the artist it names: required, and UNKNOWN_HOLDER for an artist who does not exist', async () => {
    const fernand = stableId('artist', 'fernand-saint-aubin');
    expect((await create({ ...basic, artistId: fernand.toUpperCase(), slug: 'pour-fernand' }, admin)).artwork.artist).toEqual({ id: fernand });
    const before = await artworkCount();
    expect(await create(basic, admin)).toEqual({
      artwork: null,
      userErrors: [{ code: 'INVALID_INPUT', message: 'La valeur de « artistId » est invalide : requis.', field: ['input', 'artistId'] }],
    });
    for (const id of [stableId('artist', 'personne'), 'pas-un-id']) {
      expect((await create({ ...basic, artistId: id }, admin)).userErrors).toEqual([
        {
          code: 'UNKNOWN_HOLDER',
          message: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.',
          field: ['input', 'artistId'],
        },
      ]);
    }
    expect(await artworkCount()).toBe(before);
  });

  it('is FORBIDDEN for another artist’s works, to members and tenants; UNAUTHENTICATED anonymously; UNKNOWN_HOLDER for a token naming nobody', async () => {
    const before = await artworkCount();
    expect(codes((await graph.execute(CREATE, { input: basic }, { identity: anonymous })).body)).toEqual(['UNAUTHENTICATED']);
    const forbidden: [string, Identity, Record<string, unknown>][] = [
      ['another artist’s work', asArtist('fernand-saint-aubin'), { ...basic, artistId }],
      ['a member', asMember('camille'), basic],
      ['a tenant', asTenant('graphisme'), basic],
      ['an artist without an artist id', withRoles('artist:sans-id', ['ARTIST']), basic],
    ];
    for (const [who, identity, input] of forbidden) {
      expect({ who, codes: codes((await graph.execute(CREATE, { input }, { identity })).body) }).toEqual({ who, codes: ['FORBIDDEN'] });
    }
    expect((await create(basic, artistIdentity(stableId('artist', 'fantome')))).userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_HOLDER']);
    expect(await artworkCount()).toBe(before);
  });

  it('reports every bad value on its field (French by default, English on request), and saves nothing', async () => {
    const before = await artworkCount();
    const bad = await create({
      slug: 'Pas Un Slug',
      title: { fr: ' ' },
      year: 1849,
      medium: { fr: 'm'.repeat(121) },
      dimensions: 'd'.repeat(101),
      priceCents: 0,
      imageUrl: 'http://images.example/a.jpg',
    });
    expect(bad.artwork).toBeNull();
    expect(fields(bad)).toEqual([
      'input.slug',
      'input.title.fr',
      'input.year',
      'input.medium.fr',
      'input.dimensions',
      'input.priceCents',
      'input.imageUrl',
      'input.imageAlt',
    ]);
    expect(bad.userErrors[2].message).toBe(`La valeur de « year » est invalide : 1850 – ${thisYear + 1}.`);
    const en = await create(
      { ...basic, year: thisYear + 2, priceCents: 100_000_001, imageUrl: 'https://images.example/a.jpg', imageAlt: { fr: '', en: 'Alt' } },
      artist,
      'en',
    );
    expect(en.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: `The value of "year" is invalid: 1850 – ${thisYear + 1}.`, field: ['input', 'year'] },
      { code: 'INVALID_INPUT', message: 'The value of "priceCents" is invalid: 1 – 100000000.', field: ['input', 'priceCents'] },
      { code: 'INVALID_INPUT', message: 'The value of "imageAlt.fr" is invalid: French is required.', field: ['input', 'imageAlt', 'fr'] },
    ]);
    expect(await artworkCount()).toBe(before);
    expect((await create({ ...basic, year: thisYear + 1, priceCents: 100_000_000, dimensions: 'd'.repeat(100) })).userErrors).toEqual([]);
    expect((await create({ ...basic, year: 1850 })).userErrors).toEqual([]);
  });

  it('refuses a price with priceOnRequest or with NOT_FOR_SALE, and a slug another work has (SLUG_TAKEN)', async () => {
    expect((await create({ ...basic, priceCents: 5000, priceOnRequest: true })).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « priceCents » est invalide : pas en même temps que priceOnRequest.', field: ['input', 'priceCents'] },
    ]);
    expect((await create({ ...basic, priceCents: 5000, availability: 'NOT_FOR_SALE' }, artist, 'en')).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "priceCents" is invalid: not together with NOT_FOR_SALE.', field: ['input', 'priceCents'] },
    ]);
    expect(fields(await create({ ...basic, priceOnRequest: false }))).toEqual(['input.priceCents']);
    // A sale is recorded by markArtworkSold only.
    expect((await create({ ...basic, availability: 'SOLD' }, artist, 'en')).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "availability" is invalid: one of AVAILABLE, NOT_FOR_SALE, ON_LOAN.', field: ['input', 'availability'] },
    ]);
    expect((await create({ ...basic, slug: 'le-fleuve-en-novembre' }, artist, 'en')).userErrors).toEqual([
      { code: 'SLUG_TAKEN', message: 'This short name is already taken.', field: ['input', 'slug'] },
    ]);
  });
});

describe('updateArtwork', () => {
  it('lets the artist change the price and the texts; a field left out is unchanged', async () => {
    const id = await newWork({ priceCents: 90000 });
    const changed = await update(id, { priceCents: 95000, title: { fr: 'Battures, l’hiver' } });
    expect(changed.userErrors).toEqual([]);
    expect(changed.artwork).toMatchObject({
      title: 'Battures, l’hiver',
      medium: 'Huile sur toile',
      year: 2024,
      price: { amountCents: 95000 },
      slug: expect.stringMatching(/^battures/),
    });
    expect((await update(id, { priceOnRequest: true })).artwork).toMatchObject({ price: null, priceOnRequest: true });
    expect(await stored(id)).toMatchObject({ availability: 'AVAILABLE', priceCents: null });
    expect((await update(id, { availability: 'NOT_FOR_SALE' }, admin)).artwork).toMatchObject({ availability: 'NOT_FOR_SALE', priceLabel: 'Pas à vendre' });
  });

  it('never puts a sold work on sale again (ALREADY_SOLD), but still lets its texts change', async () => {
    const id = await newWork({ priceCents: 70000 });
    expect((await data(graph, 'mutation($id: ID!) { markArtworkSold(id: $id) { userErrors { code } } }', { id }, admin)).markArtworkSold.userErrors).toEqual(
      [],
    );
    for (const input of [{ availability: 'AVAILABLE' }, { priceCents: 80000 }, { priceOnRequest: true }, { availability: 'NOT_FOR_SALE' }]) {
      expect({ input, answer: await update(id, input) }).toEqual({
        input,
        answer: {
          artwork: null,
          userErrors: [{ code: 'ALREADY_SOLD', message: 'Cette œuvre est vendue : elle ne peut pas être remise en vente.', field: ['id'] }],
        },
      });
    }
    expect((await update(id, { availability: 'AVAILABLE' }, admin, 'en')).userErrors[0].message).toBe('This work is sold: it cannot be put on sale again.');
    expect(await stored(id)).toMatchObject({ availability: 'SOLD', priceCents: 70000 });
    expect((await update(id, { dimensions: '60 × 75 cm' })).artwork).toMatchObject({ dimensions: '60 × 75 cm', availability: 'SOLD', priceLabel: 'Vendue' });
  });

  it('refuses ON_LOAN for a work on display, an image without its description, and a bad year', async () => {
    const id = await newWork();
    await graph.ds.query('UPDATE artwork SET displayed_in_space_id = $2 WHERE id = $1', [id, KITCHEN]);
    expect((await update(id, { availability: 'ON_LOAN' })).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « availability » est invalide : pas en même temps que displayedIn.', field: ['input', 'availability'] },
    ]);
    expect(fields(await update(id, { imageUrl: 'https://images.example/b.jpg' }))).toEqual(['input.imageAlt']);
    expect(fields(await update(id, { year: 2101 }))).toEqual(['input.year']);
    expect(await stored(id)).toMatchObject({ availability: 'AVAILABLE', spaceId: KITCHEN });
    expect((await update(id, { imageUrl: 'https://images.example/b.jpg', imageAlt: { fr: 'Une grève' } })).artwork).toMatchObject({ imageAlt: 'Une grève' });
    // Clearing the image: its description may go too.
    expect((await update(id, { imageUrl: null, imageAlt: null })).artwork).toMatchObject({ imageUrl: null, imageAlt: null });
  });

  it('is FORBIDDEN to another artist, members and tenants, UNAUTHENTICATED anonymously; NOT_FOUND for an unknown id', async () => {
    const id = await newWork({ priceCents: 40000 });
    const change = { id, input: { priceCents: 1 } };
    expect(codes((await graph.execute(UPDATE, change, { identity: anonymous })).body)).toEqual(['UNAUTHENTICATED']);
    for (const identity of [asArtist('fernand-saint-aubin'), asMember('camille'), asTenant('graphisme')]) {
      expect({ who: identity.sub, codes: codes((await graph.execute(UPDATE, change, { identity })).body) }).toEqual({
        who: identity.sub,
        codes: ['FORBIDDEN'],
      });
    }
    for (const unknown of [stableId('artwork', 'aucune'), 'pas-un-id']) {
      expect((await update(unknown, { priceCents: 1 })).userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }]);
    }
    // A token naming an artist who does not exist acts on nothing: UNKNOWN_HOLDER, whoever's the work.
    const ghost = artistIdentity(stableId('artist', 'fantome'));
    expect((await update(id, { priceCents: 1 }, ghost)).userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_HOLDER']);
    expect((await retire(id, ghost)).userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_HOLDER']);
    expect(await stored(id)).toMatchObject({ priceCents: 40000 });
    expect((await update(id, { priceCents: 41000 }, admin)).artwork.price).toEqual({ amountCents: 41000 });
  });
});
