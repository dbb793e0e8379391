import { randomUUID } from 'node:crypto';
import { stableId } from '@maison/house';
import { admin, anonymous, asArtist, asTenant, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { data, type GalleryGraph } from './test-support/fixtures';

/** markArtworkSold: ADMIN only; an AVAILABLE work becomes SOLD, anything else answers NOT_AVAILABLE. */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule, { env: { DB_POOL_SIZE: '30' } });
});
afterAll(async () => {
  await graph?.close();
});

const SOLD = `mutation($id: ID!, $priceCents: Int) {
  markArtworkSold(id: $id, priceCents: $priceCents) {
    artwork { slug availability price { amountCents } priceOnRequest priceLabel }
    userErrors { code message field }
  }
}`;
const sell = (id: string, priceCents?: number | null, lang: 'fr' | 'en' = 'fr') =>
  data(graph, SOLD, { id, priceCents }, admin, lang).then((d) => d.markArtworkSold);
const stored = async (id: string) => (await graph.ds.query('SELECT availability, price_cents AS "priceCents" FROM artwork WHERE id = $1', [id]))[0];

/** A fresh work of Fernand Saint-Aubin. */
async function work(availability: string, priceCents: number | null): Promise<string> {
  const id = randomUUID();
  await graph.ds.query(
    `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents)
     VALUES ($1, $2, $3, '{"fr": "Essai"}', 2024, '{"fr": "Tilleul"}', '10 × 10 cm', $4, $5)`,
    [id, `essai-${id.slice(0, 8)}`, stableId('artist', 'fernand-saint-aubin'), availability, priceCents],
  );
  return id;
}

describe('markArtworkSold', () => {
  it('sells an AVAILABLE work at its listed price, which then stays private', async () => {
    const id = await work('AVAILABLE', 125000);
    expect(await sell(id)).toEqual({
      artwork: { slug: `essai-${id.slice(0, 8)}`, availability: 'SOLD', price: null, priceOnRequest: false, priceLabel: 'Vendue' },
      userErrors: [],
    });
    expect(await stored(id)).toEqual({ availability: 'SOLD', priceCents: 125000 });
  });

  it('records the price it sold for when given: 1 cent at least', async () => {
    const onRequest = await work('AVAILABLE', null);
    expect(await sell(onRequest, 0)).toEqual({
      artwork: null,
      userErrors: [{ code: 'INVALID_INPUT', message: 'La valeur de « priceCents » est invalide : ≥ 1.', field: ['priceCents'] }],
    });
    expect(await stored(onRequest)).toEqual({ availability: 'AVAILABLE', priceCents: null });
    expect((await sell(onRequest, 1)).userErrors).toEqual([]);
    expect(await stored(onRequest)).toEqual({ availability: 'SOLD', priceCents: 1 });
    const listed = await work('AVAILABLE', 90000);
    expect((await sell(listed, 85000)).artwork.availability).toBe('SOLD');
    expect(await stored(listed)).toEqual({ availability: 'SOLD', priceCents: 85000 });
  });

  it('records a sale price of 1 000 000,00 $ at most (the bound of migration 006)', async () => {
    const id = await work('AVAILABLE', 90000);
    expect(await sell(id, 100_000_001, 'en')).toEqual({
      artwork: null,
      userErrors: [{ code: 'INVALID_INPUT', message: 'The value of "priceCents" is invalid: 1 – 100000000.', field: ['priceCents'] }],
    });
    expect(await stored(id)).toEqual({ availability: 'AVAILABLE', priceCents: 90000 });
    expect((await sell(id, 100_000_000)).userErrors).toEqual([]);
    expect(await stored(id)).toEqual({ availability: 'SOLD', priceCents: 100_000_000 });
  });

  it('answers NOT_AVAILABLE for a work sold, not for sale or on loan, and changes nothing', async () => {
    for (const [availability, price] of [
      ['SOLD', 50000],
      ['NOT_FOR_SALE', null],
      ['ON_LOAN', null],
    ] as const) {
      const id = await work(availability, price);
      expect(await sell(id, 40000)).toEqual({
        artwork: null,
        userErrors: [{ code: 'NOT_AVAILABLE', message: 'Cette œuvre n’est pas disponible à la vente.', field: ['id'] }],
      });
      expect(await stored(id)).toEqual({ availability, priceCents: price });
    }
    expect((await sell(stableId('artwork', 'le-fleuve-en-novembre'), null, 'en')).userErrors).toEqual([
      { code: 'NOT_AVAILABLE', message: 'This work is not available for sale.', field: ['id'] },
    ]);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of [stableId('artwork', 'aucune'), 'pas-un-id']) {
      expect(await sell(id)).toEqual({ artwork: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }] });
    }
  });

  it('sells a work once under 20 concurrent sales: one SOLD, 19 NOT_AVAILABLE', async () => {
    const id = await work('AVAILABLE', 70000);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => sell(id, 70000 + i)));
    expect(results.filter((r) => r.artwork).length).toBe(1);
    expect(results.filter((r) => r.userErrors.length === 1 && r.userErrors[0].code === 'NOT_AVAILABLE').length).toBe(19);
  });

  it('is for ADMIN only: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise, and changes nothing', async () => {
    const id = await work('AVAILABLE', 60000);
    const anon = await graph.execute(SOLD, { id }, { identity: anonymous });
    expect(anon.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    for (const identity of [asTenant('graphisme'), asArtist('fernand-saint-aubin')]) {
      const { body } = await graph.execute(SOLD, { id }, { identity });
      expect(body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] });
    }
    expect(await stored(id)).toEqual({ availability: 'AVAILABLE', priceCents: 60000 });
  });
});
